// "Open a child case": the fields copied from this case into the child, and the constant data it starts with.
import { useState } from 'react';
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { childFieldText, childPointer, copyRows, dataRows, withCopyRows, withDataRows, type CreateCaseAction } from '../model/create-case.ts';
import { fieldLabeller } from '../model/field-label.ts';
import { listFields } from '../model/fields.ts';
import { useWords } from '../i18n/use-words.ts';

/** A child-case field typed as "customer/email"; written when it names a field not used by another row. */
function ChildField({ id, label, pointer, taken, onChange }: { id: string; label: string; pointer: string; taken: readonly string[]; onChange: (p: string) => void }) {
  const { t } = useWords();
  const [text, setText] = useState(childFieldText(pointer));
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const p = childPointer(e.target.value);
          if (p === null) return setError(t('canvas.createCase.badChild'));
          if (p !== pointer && taken.includes(p)) return setError(t('canvas.createCase.childTaken'));
          setError(null);
          onChange(p);
        }}
      />
      {error ? <span role="alert" className="error">{error}</span> : null}
    </span>
  );
}

/** The kinds of a constant value; each one's label is canvas.createCase.kinds.<kind>. */
const KINDS = ['text', 'number', 'yesNo'] as const;

function kindOfValue(v: unknown): (typeof KINDS)[number] {
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'yesNo' : 'text';
}

export function CreateCaseFields({ id, def, action, onChange }: { id: string; def: CaseType; action: CreateCaseAction; onChange: (a: Action) => void }) {
  const { t } = useWords();
  const label = fieldLabeller(def);
  const fields = listFields(def).filter((f) => f.kind !== 'list');
  const copies = copyRows(action);
  const data = dataRows(action);
  const freeChild = (taken: readonly string[], base: string) => {
    for (let n = 1; ; n++) {
      const p = `/${base}${n === 1 ? '' : n}`;
      if (!taken.includes(p)) return p;
    }
  };
  return (
    <div className="create-case">
      <fieldset>
        <legend>{t('canvas.createCase.copied')}</legend>
        {copies.map((r, i) => (
          <div key={i} role="group" aria-label={t('canvas.createCase.copy', { n: i + 1 })} className="action-row">
            <ChildField
              id={`${id}-copy-${i}-child`}
              label={t('canvas.createCase.copyInto', { n: i + 1 })}
              pointer={r.child}
              taken={copies.map((c) => c.child)}
              onChange={(child) => onChange(withCopyRows(action, copies.map((c, j) => (j === i ? { ...c, child } : c))))}
            />
            <span className="field inline">
              <label htmlFor={`${id}-copy-${i}-from`}>{t('canvas.createCase.copyFrom', { n: i + 1 })}</label>
              <select id={`${id}-copy-${i}-from`} value={r.from} onChange={(e) => onChange(withCopyRows(action, copies.map((c, j) => (j === i ? { ...c, from: e.target.value } : c))))}>
                {fields.map((f) => (
                  <option key={f.pointer} value={f.pointer}>
                    {label(f.pointer)}
                  </option>
                ))}
              </select>
            </span>
            <button type="button" onClick={() => onChange(withCopyRows(action, copies.filter((_, j) => j !== i)))}>
              {t('canvas.createCase.removeCopy', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={fields.length === 0}
          onClick={() => {
            const from = fields[0]?.pointer ?? '';
            const child = copies.some((c) => c.child === from) ? freeChild(copies.map((c) => c.child), 'field') : from;
            onChange(withCopyRows(action, [...copies, { child, from }]));
          }}
        >
          {t('canvas.createCase.addCopy')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('canvas.createCase.data')}</legend>
        {data.map((r, i) => {
          const kind = kindOfValue(r.value);
          const setValue = (value: unknown) => onChange(withDataRows(action, data.map((d, j) => (j === i ? { ...d, value } : d))));
          return (
            <div key={i} role="group" aria-label={t('canvas.createCase.childData', { n: i + 1 })} className="action-row">
              <ChildField
                id={`${id}-data-${i}-child`}
                label={t('canvas.createCase.childDataField', { n: i + 1 })}
                pointer={r.child}
                taken={data.map((d) => d.child)}
                onChange={(child) => onChange(withDataRows(action, data.map((d, j) => (j === i ? { ...d, child } : d))))}
              />
              <span className="field inline">
                <label htmlFor={`${id}-data-${i}-kind`}>{t('canvas.createCase.childDataType', { n: i + 1 })}</label>
                <select
                  id={`${id}-data-${i}-kind`}
                  value={kind}
                  onChange={(e) => setValue(e.target.value === 'number' ? Number(r.value) || 0 : e.target.value === 'yesNo' ? Boolean(r.value) : String(r.value ?? ''))}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`canvas.createCase.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </span>
              <span className="field inline">
                <label htmlFor={`${id}-data-${i}-value`}>{t('canvas.createCase.childDataValue', { n: i + 1 })}</label>
                {kind === 'yesNo' ? (
                  <select id={`${id}-data-${i}-value`} value={r.value === true ? 'yes' : 'no'} onChange={(e) => setValue(e.target.value === 'yes')}>
                    <option value="yes">{t('canvas.createCase.yes')}</option>
                    <option value="no">{t('canvas.createCase.no')}</option>
                  </select>
                ) : (
                  <input
                    id={`${id}-data-${i}-value`}
                    type={kind === 'number' ? 'number' : 'text'}
                    value={String(r.value ?? '')}
                    onChange={(e) => setValue(kind === 'number' ? (e.target.value === '' ? 0 : Number(e.target.value)) : e.target.value)}
                  />
                )}
              </span>
              <button type="button" onClick={() => onChange(withDataRows(action, data.filter((_, j) => j !== i)))}>
                {t('canvas.createCase.removeData', { n: i + 1 })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => onChange(withDataRows(action, [...data, { child: freeChild(data.map((d) => d.child), 'field'), value: '' }]))}>
          {t('canvas.createCase.addData')}
        </button>
      </fieldset>
    </div>
  );
}
