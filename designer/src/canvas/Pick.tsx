// The action editors' select of options by title (ActionsEditor, LinkedEventFields).
import type { PickOption } from '../model/pick-options.ts';

/** A select of options by title; a hint under it (named as its description) when there is something to say. */
export function Pick({ id, label, value, options, placeholder, hint, onChange }: { id: string; label: string; value: string; options: PickOption[]; placeholder?: string; hint?: string; onChange: (v: string) => void }) {
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)}>
        {value === '' && placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      ) : null}
    </span>
  );
}
