// One field of the form renderer, by kind; groups and repeating groups render their children.
import type { FieldRef, FieldSchema } from '../../../schemas/generated/case-type.ts';
import { type FieldKind, kindOf } from '../model/fields.ts';
import { getAt, setAt } from './data-path.ts';
import { useWords } from '../i18n/use-words.ts';

export interface FieldInputProps {
  pointer: string;
  schema: FieldSchema;
  fieldRef?: FieldRef;
  kind: FieldKind;
  required: boolean;
  data: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  /** Why the field is read-only, shown under it (e.g. "Set by the system"); only read when `readOnly`. */
  readOnlyReason?: string;
  idPrefix: string;
}

const INPUT_TYPES: Partial<Record<FieldKind, string>> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  date: 'date',
  dateTime: 'datetime-local',
  number: 'number',
  money: 'number',
  integer: 'number',
};

function toNumber(raw: string, kind: FieldKind): number | undefined {
  if (raw.trim() === '') return undefined;
  const n = kind === 'integer' ? Number.parseInt(raw, 10) : Number(raw);
  return Number.isNaN(n) ? undefined : n;
}

export function FieldInput(props: FieldInputProps) {
  const { pointer, schema, fieldRef, kind, required, data, onChange, errors, readOnly, readOnlyReason, idPrefix } = props;
  const { t } = useWords();
  const id = `${idPrefix}${pointer.replace(/\//g, '-')}`;
  const name = pointer.split('/').pop() ?? pointer;
  const label = fieldRef?.label ?? schema.title ?? name;
  const help = fieldRef?.help ?? schema.description;
  const error = errors[pointer];
  const value = getAt(data, pointer);
  const set = (v: unknown) => onChange(setAt(data, pointer, v));
  const reason = readOnly && readOnlyReason ? readOnlyReason : null;
  const describedBy = [help ? `${id}-help` : '', reason ? `${id}-readonly` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  // Read-only text, number and date inputs stay focusable and selectable (`readOnly`); a select or a
  // checkbox has no read-only state in HTML, so it is disabled; both say so with aria-readonly.
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    'aria-readonly': readOnly || undefined,
    readOnly,
  } as const;
  const locked = { ...common, readOnly: undefined, disabled: readOnly };
  const reasonLine = reason ? (
    <p id={`${id}-readonly`} className="readonly-reason">
      {reason}
    </p>
  ) : null;

  if (kind === 'documents') {
    // the files attached to a documents field: added and removed in the case file's Documents section
    // (an upload there), never typed here; the designer's preview shows the same list, empty
    const attached = (Array.isArray(value) ? value : []).filter((d): d is { id: string; name: string } => typeof d === 'object' && d !== null && typeof (d as { name?: unknown }).name === 'string');
    return (
      <fieldset className="field-group field-documents" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {attached.length === 0 ? (
          <p className="muted">{t('form.documentsNone')}</p>
        ) : (
          <ul aria-label={label}>
            {attached.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        )}
        <p id={help ? `${id}-help` : undefined} className="muted">
          {help ?? t('form.documentsHint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="error">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }

  if (kind === 'group' || kind === 'list') {
    const children = Object.entries((kind === 'list' ? schema.items : schema)?.properties ?? {});
    const childRequired = (kind === 'list' ? schema.items : schema)?.required ?? [];
    const renderChildren = (base: string) =>
      children.map(([child, childSchema]) =>
        childSchema ? (
          <FieldInput
            key={child}
            pointer={`${base}/${child}`}
            schema={childSchema}
            kind={kindOf(childSchema)}
            required={childRequired.includes(child)}
            data={data}
            onChange={onChange}
            errors={errors}
            readOnly={readOnly}
            idPrefix={idPrefix}
          />
        ) : null,
      );
    if (kind === 'group') {
      return (
        <fieldset className={readOnly ? 'field-group field-readonly' : 'field-group'}>
          <legend>{label}</legend>
          {reasonLine}
          {children.length === 0 ? <p className="muted">{t('form.emptyGroup')}</p> : renderChildren(pointer)}
          {error ? <p className="error">{error}</p> : null}
        </fieldset>
      );
    }
    const items = Array.isArray(value) ? value : [];
    return (
      <fieldset className={readOnly ? 'field-group field-readonly' : 'field-group'}>
        <legend>{label}</legend>
        {reasonLine}
        {items.map((_, i) => (
          <div key={i} className="list-item" role="group" aria-label={t('form.item', { label, n: i + 1 })}>
            {renderChildren(`${pointer}/${i}`)}
            {!readOnly ? (
              <button type="button" onClick={() => set(items.filter((__, j) => j !== i))}>
                {t('form.remove', { label, n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        {!readOnly ? (
          <button type="button" onClick={() => set([...items, {}])}>
            {t('form.add', { label })}
          </button>
        ) : null}
        {error ? <p className="error">{error}</p> : null}
      </fieldset>
    );
  }

  let control;
  if (kind === 'yesNo') {
    control = (
      <input
        type="checkbox"
        {...locked}
        {...(fieldRef?.widget === 'toggle' ? { role: 'switch', className: 'toggle' } : {})}
        checked={value === true}
        onChange={(e) => set(e.target.checked)}
      />
    );
  } else if (kind === 'choice' && fieldRef?.widget === 'radio') {
    const options = (schema.enum ?? []) as unknown[];
    return (
      <fieldset
        className={`field field-${kind}${readOnly ? ' field-readonly' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        <legend>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </legend>
        {options.map((o) => (
          <label key={String(o)} className="inline radio">
            <input type="radio" name={id} value={String(o)} checked={value === o} disabled={readOnly} onChange={() => set(o)} /> {String(o)}
          </label>
        ))}
        {help ? <p id={`${id}-help`} className="help">{help}</p> : null}
        {reasonLine}
        {error ? <p id={`${id}-error`} className="error" role="alert">{error}</p> : null}
      </fieldset>
    );
  } else if (kind === 'choice') {
    const options = (schema.enum ?? []) as unknown[];
    control = (
      <select {...locked} value={value === undefined ? '' : String(value)} onChange={(e) => {
        const picked = options.find((o) => String(o) === e.target.value);
        set(e.target.value === '' ? undefined : picked);
      }}>
        <option value="">{t('form.choose')}</option>
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (kind === 'longText') {
    control = (
      <textarea {...common} rows={4} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} />
    );
  } else if (kind === 'number' || kind === 'money' || kind === 'integer') {
    control = (
      <input
        type="number"
        {...common}
        step={kind === 'integer' ? 1 : kind === 'money' ? 0.01 : 'any'}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => set(toNumber(e.target.value, kind))}
      />
    );
  } else if (kind === 'dateTime') {
    const shown = typeof value === 'string' ? value.replace(/(:\d\d)?(\.\d+)?Z$/, '').slice(0, 16) : '';
    control = (
      <input type="datetime-local" {...common} value={shown} onChange={(e) => set(e.target.value === '' ? undefined : `${e.target.value}:00Z`)} />
    );
  } else {
    control = (
      <input
        type={INPUT_TYPES[kind] ?? 'text'}
        {...common}
        placeholder={fieldRef?.placeholder}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
      />
    );
  }
  return (
    <div className={`field field-${kind}${readOnly ? ' field-readonly' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {reasonLine}
      {error ? (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
