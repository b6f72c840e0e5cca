// A value of a field's type: a number box, yes/no, the field's choices, a date, or text. Invalid text is kept
// in the box with a message and not written.
import { useEffect, useState } from 'react';
import type { FieldSchema } from '../../../schemas/generated/case-type.ts';
import { formatValue, parseValue, valueInputFor } from '../model/field-values.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  id: string;
  label: string;
  schema: FieldSchema | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  /** What choosing no value means ("no default"); without it a value must be chosen. */
  noneLabel?: string;
  /** The id of a text that says more about the value (a problem shown beside it), for `aria-describedby`. */
  describedBy?: string;
}

export function FieldValueInput({ id, label, schema, value, onChange, noneLabel, describedBy }: Props) {
  const words = useWords();
  const { t } = words;
  const input = valueInputFor(schema);
  const shown = formatValue(input, value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  if (input.kind === 'none') return null;
  const commit = (raw: string) => {
    setText(raw);
    const parsed = parseValue(input, raw, words);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    onChange(parsed.value);
  };
  const errorId = `${id}-error`;
  let control;
  if (input.kind === 'yesNo' || input.kind === 'choice') {
    const options = input.kind === 'yesNo' ? ['yes', 'no'] : input.choices.map(String);
    control = (
      <select id={id} value={text} onChange={(e) => commit(e.target.value)} aria-describedby={describedBy} aria-invalid={describedBy !== undefined ? true : undefined}>
        {noneLabel !== undefined || text === '' ? <option value="">{noneLabel ?? t('editor.valueInput.choose')}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {/* yes / no are the app's words; a field's choices are the analyst's */}
            {input.kind === 'yesNo' ? t(o === 'yes' ? 'words.yes' : 'words.no') : o}
          </option>
        ))}
      </select>
    );
  } else {
    const type = input.kind === 'number' ? 'number' : input.kind === 'date' ? 'date' : 'text';
    control = (
      <input
        id={id}
        type={type}
        value={text}
        aria-invalid={error || describedBy !== undefined ? true : undefined}
        aria-describedby={[error ? errorId : undefined, describedBy].filter(Boolean).join(' ') || undefined}
        placeholder={input.kind === 'dateTime' ? '2026-03-31T09:00:00Z' : undefined}
        onChange={(e) => commit(e.target.value)}
      />
    );
  }
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <span id={errorId} role="alert" className="error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
