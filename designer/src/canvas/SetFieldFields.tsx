// The "set a field" action: the field by its label, then a value of that field's type, or another field to copy.
import type { Action, CaseType } from '../../../schemas/generated/case-type.ts';
import { FieldValueInput } from '../editor/FieldValueInput.tsx';
import { fieldLabeller } from '../model/field-label.ts';
import { getField, listFields } from '../model/fields.ts';
import { useWords } from '../i18n/use-words.ts';

type SetAction = Extract<Action, { type: 'set' }>;

export function SetFieldFields({ id, def, action: a, onChange }: { id: string; def: CaseType; action: SetAction; onChange: (a: Action) => void }) {
  const { t } = useWords();
  const label = fieldLabeller(def);
  const fields = listFields(def).filter((f) => f.kind !== 'group' && f.kind !== 'list');
  const known = fields.some((f) => f.pointer === a.path);
  const copying = a.from !== undefined;
  const base = { type: 'set' as const, path: a.path };
  return (
    <>
      <span className="field inline">
        <label htmlFor={`${id}-path`}>{t('canvas.setField.field')}</label>
        <select id={`${id}-path`} value={known ? a.path : ''} onChange={(e) => onChange(copying ? { ...base, path: e.target.value, from: a.from } : { type: 'set', path: e.target.value })}>
          {known ? null : <option value="">{t('canvas.setField.chooseField')}</option>}
          {fields.map((f) => (
            <option key={f.pointer} value={f.pointer}>
              {label(f.pointer)}
            </option>
          ))}
        </select>
      </span>
      <span className="field inline">
        <label htmlFor={`${id}-source`}>{t('canvas.setField.setTo')}</label>
        <select id={`${id}-source`} value={copying ? 'from' : 'value'} onChange={(e) => onChange(e.target.value === 'from' ? { ...base, from: fields.find((f) => f.pointer !== a.path)?.pointer ?? a.path } : base)}>
          <option value="value">{t('canvas.setField.aValue')}</option>
          <option value="from">{t('canvas.setField.otherField')}</option>
        </select>
      </span>
      {copying ? (
        <span className="field inline">
          <label htmlFor={`${id}-from`}>{t('canvas.setField.copyFrom')}</label>
          <select id={`${id}-from`} value={a.from} onChange={(e) => onChange({ ...base, from: e.target.value })}>
            {fields.map((f) => (
              <option key={f.pointer} value={f.pointer}>
                {label(f.pointer)}
              </option>
            ))}
          </select>
        </span>
      ) : known ? (
        <FieldValueInput
          key={a.path}
          id={`${id}-value`}
          label={t('canvas.setField.value')}
          schema={getField(def, a.path)}
          value={a.value}
          onChange={(value) => onChange(value === undefined ? base : { ...base, value })}
        />
      ) : null}
    </>
  );
}
