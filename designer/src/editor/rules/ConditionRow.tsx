import { useState } from 'react';
import type { FieldEntry } from '../../model/fields.ts';
import type { Condition } from '../../model/rule-builder.ts';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  index: number;
  condition: Condition;
  fields: FieldEntry[];
  summary: string;
  /** A field in business words: "Claim › Amount". */
  label: (pointer: string) => string;
  onChange: (c: Condition, key?: string) => void;
  onRemove: () => void;
}

const NUMERIC = ['number', 'money', 'integer'];

function firstValue(field: FieldEntry | undefined): string | number | boolean {
  if (!field) return '';
  if (field.kind === 'choice') return String(field.schema.enum?.[0] ?? '');
  if (field.kind === 'yesNo') return true;
  if (NUMERIC.includes(field.kind)) return 0;
  return '';
}

/** Rebuilds a condition for another field or operator, keeping what still fits. */
function reshape(c: Condition, type: Condition['type'], field: FieldEntry | undefined): Condition {
  const base = { field: field?.pointer ?? c.field, ...(c.negate ? { negate: true } : {}) };
  switch (type) {
    case 'filled':
    case 'hasDocuments':
      return { type, ...base };
    case 'equals':
      return { type, ...base, value: c.type === 'equals' && c.field === base.field ? c.value : firstValue(field) };
    case 'oneOf':
      return { type, ...base, values: c.type === 'oneOf' && c.field === base.field ? c.values : [] };
    case 'atLeast':
    case 'atMost': {
      const keep = (c.type === 'atLeast' || c.type === 'atMost') && !(c.operand.type === 'field' && c.operand.field === base.field);
      return { type, ...base, operand: keep ? c.operand : { type: 'value', value: 0 } };
    }
    default: {
      const _never: never = type;
      return _never;
    }
  }
}

export function ConditionRow({ index, condition: c, fields, summary, label, onChange, onRemove }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`rules.condition.${key}`, values);
  const n = index + 1;
  // "compared with: another field" is chosen, but not yet which one: nothing is written until it is picked
  const [choosingOther, setChoosingOther] = useState(false);
  const field = fields.find((f) => f.pointer === c.field);
  const others = fields.filter((f) => NUMERIC.includes(f.kind) && f.pointer !== c.field);
  const comparedWith = c.type === 'atLeast' || c.type === 'atMost' ? c.operand.type : 'value';
  const pickingOther = choosingOther && comparedWith === 'value';
  const otherField = (c.type === 'atLeast' || c.type === 'atMost') && c.operand.type === 'field' ? c.operand.field : null;
  const numeric = field ? NUMERIC.includes(field.kind) : false;
  const ops: { type: Condition['type']; label: string }[] = field?.kind === 'documents' ? [{ type: 'hasDocuments', label: t('ops.hasDocuments') }] : [
    { type: 'filled', label: t('ops.filled') },
    { type: 'equals', label: t('ops.equals') },
    ...(field?.kind === 'choice' || field?.kind === 'text' ? [{ type: 'oneOf' as const, label: t('ops.oneOf') }] : []),
    ...(numeric ? [{ type: 'atLeast' as const, label: t('ops.atLeast') }, { type: 'atMost' as const, label: t('ops.atMost') }] : []),
  ];
  return (
    <div className="condition" role="group" aria-label={t('group', { n, summary })}>
      <label htmlFor={`cond-${n}-field`}>{t('field', { n })}</label>
      <select id={`cond-${n}-field`} value={c.field} onChange={(e) => {
        const f = fields.find((x) => x.pointer === e.target.value);
        // a documents field is tested for holding documents, and only that
        const documents = f?.kind === 'documents';
        const allowed = f && !documents && (c.type === 'filled' || c.type === 'equals' || (c.type === 'oneOf' && (f.kind === 'choice' || f.kind === 'text')) || ((c.type === 'atLeast' || c.type === 'atMost') && NUMERIC.includes(f.kind)));
        onChange(reshape(c, documents ? 'hasDocuments' : allowed ? c.type : 'filled', f));
      }}>
        {field ? null : <option value={c.field}>{t('noSuchField', { field: c.field })}</option>}
        {fields.map((f) => (
          <option key={f.pointer} value={f.pointer}>
            {label(f.pointer)}
          </option>
        ))}
      </select>
      <label htmlFor={`cond-${n}-op`}>{t('test', { n })}</label>
      <select
        id={`cond-${n}-op`}
        value={c.type}
        onChange={(e) => {
          setChoosingOther(false);
          onChange(reshape(c, e.target.value as Condition['type'], field));
        }}
      >
        {ops.map((o) => (
          <option key={o.type} value={o.type}>
            {o.label}
          </option>
        ))}
      </select>
      {c.type === 'equals' ? (
        field?.kind === 'choice' ? (
          <>
            <label htmlFor={`cond-${n}-value`}>{t('value', { n })}</label>
            <select id={`cond-${n}-value`} value={String(c.value)} onChange={(e) => onChange({ ...c, value: e.target.value })}>
              {(field.schema.enum ?? []).map((v) => (
                <option key={String(v)} value={String(v)}>
                  {String(v)}
                </option>
              ))}
            </select>
          </>
        ) : field?.kind === 'yesNo' ? (
          <>
            <label htmlFor={`cond-${n}-value`}>{t('value', { n })}</label>
            <select id={`cond-${n}-value`} value={String(c.value)} onChange={(e) => onChange({ ...c, value: e.target.value === 'true' })}>
              <option value="true">{t('yes')}</option>
              <option value="false">{t('no')}</option>
            </select>
          </>
        ) : (
          <>
            <label htmlFor={`cond-${n}-value`}>{t('value', { n })}</label>
            <input id={`cond-${n}-value`} type={numeric ? 'number' : 'text'} value={String(c.value)} onChange={(e) => onChange({ ...c, value: numeric ? Number(e.target.value) : e.target.value }, 'value')} />
          </>
        )
      ) : null}
      {c.type === 'oneOf' ? (
        field?.kind === 'choice' ? (
          <fieldset>
            <legend>{t('values', { n })}</legend>
            {(field.schema.enum ?? []).map((v) => {
              const s = String(v);
              const checked = c.values.map(String).includes(s);
              return (
                <label key={s} className="inline">
                  <input type="checkbox" checked={checked} onChange={(e) => onChange({ ...c, values: e.target.checked ? [...c.values, s] : c.values.filter((x) => String(x) !== s) })} /> {s}
                </label>
              );
            })}
          </fieldset>
        ) : (
          <>
            <label htmlFor={`cond-${n}-values`}>{t('valuesComma', { n })}</label>
            <input id={`cond-${n}-values`} value={c.values.join(', ')} onChange={(e) => onChange({ ...c, values: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) }, 'values')} />
          </>
        )
      ) : null}
      {c.type === 'atLeast' || c.type === 'atMost' ? (
        <>
          <label htmlFor={`cond-${n}-operand`}>{t('comparedWith', { n })}</label>
          <select
            id={`cond-${n}-operand`}
            value={pickingOther ? 'field' : c.operand.type}
            onChange={(e) => {
              if (e.target.value === 'field') {
                if (c.operand.type !== 'field') setChoosingOther(true);
                return;
              }
              setChoosingOther(false);
              if (c.operand.type !== 'value') onChange({ ...c, operand: { type: 'value', value: 0 } });
            }}
          >
            <option value="value">{t('aNumber')}</option>
            <option value="field" disabled={others.length === 0 && c.operand.type !== 'field'}>
              {t('anotherField')}
            </option>
          </select>
          {c.operand.type === 'value' && !pickingOther ? (
            <>
              <label htmlFor={`cond-${n}-number`}>{t('number', { n })}</label>
              <input id={`cond-${n}-number`} type="number" value={c.operand.value} onChange={(e) => onChange({ ...c, operand: { type: 'value', value: Number(e.target.value) } }, 'number')} />
            </>
          ) : (
            <>
              <label htmlFor={`cond-${n}-other`}>{t('otherField', { n })}</label>
              <select
                id={`cond-${n}-other`}
                value={c.operand.type === 'field' ? c.operand.field : ''}
                onChange={(e) => {
                  if (e.target.value === '') return;
                  setChoosingOther(false);
                  onChange({ ...c, operand: { type: 'field', field: e.target.value } });
                }}
              >
                {c.operand.type === 'field' ? null : (
                  <option value="" disabled>
                    {t('chooseField')}
                  </option>
                )}
                {otherField !== null && !others.some((f) => f.pointer === otherField) ? (
                  <option value={otherField}>{t('noSuchNumberField', { field: label(otherField) })}</option>
                ) : null}
                {others.map((f) => (
                  <option key={f.pointer} value={f.pointer}>
                    {label(f.pointer)}
                  </option>
                ))}
              </select>
              {pickingOther ? <p className="muted">{t('chooseHint')}</p> : null}
            </>
          )}
        </>
      ) : null}
      <label className="inline">
        <input type="checkbox" checked={c.negate === true} onChange={(e) => onChange({ ...c, negate: e.target.checked || undefined } as Condition)} /> {t('negated', { n })}
      </label>
      <button type="button" onClick={onRemove}>
        {t('remove', { n })}
      </button>
    </div>
  );
}
