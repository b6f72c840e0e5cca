// One labelled select of the console's filter rows (the inbox's sort and filters, the intake's case type and
// channel): a label, a select, its options by value and words.

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void }) {
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

/** The published case types as options, by title. */
export function caseTypeOptions(types: readonly { key: string; title: string }[]): FilterOption[] {
  return types.map((d) => ({ value: d.key, label: d.title }));
}
