// A one-field form that adds something by its title: a step to a stage, a stage to the playbook.
import { useId, useState, type FormEvent } from 'react';

interface Props {
  /** The field's accessible name, e.g. "New step in Investigation". */
  label: string;
  /** The button's words; `detail` is read after them by screen readers only ("Add step" … "to Investigation"). */
  button: string;
  detail?: string;
  /** What to say when the title is empty. */
  hint: string;
  onAdd: (title: string) => void;
}

export function TitleForm({ label, button, detail, hint, onAdd }: Props) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/[a-zA-Z]/.test(title)) return setError(hint);
    setError(null);
    onAdd(title.trim());
    setTitle('');
  };
  return (
    <form onSubmit={submit} className="stage-add" aria-label={label}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} value={title} placeholder={label} onChange={(e) => setTitle(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} />
      <button type="submit">
        {button}
        {detail ? <span className="visually-hidden"> {detail}</span> : null}
      </button>
      {error ? (
        <p role="alert" id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
