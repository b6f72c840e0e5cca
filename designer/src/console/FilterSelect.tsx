// One labelled select of the console's filter rows (the inbox's sort and filters, the intake's case type and
// channel): a label, a select, and its options in words (model/pick-options.ts).
import type { PickOption } from '../model/pick-options.ts';

export function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly PickOption[]; onChange: (value: string) => void }) {
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
