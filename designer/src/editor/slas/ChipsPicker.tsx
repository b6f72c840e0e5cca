// A list of names picked from options: each chosen name is a removable chip, a select adds another. Chips and
// their remove buttons say the option's label (a title), not the stored name.
import { optionLabel } from '../../model/pick-options.ts';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  id: string;
  label: string;
  values: readonly string[];
  options: readonly { value: string; label: string }[];
  onChange: (values: string[]) => void;
}

export function ChipsPicker({ id, label, values, options, onChange }: Props) {
  const { t } = useWords();
  const rest = options.filter((o) => !values.includes(o.value));
  return (
    <div className="chips-picker" role="group" aria-label={label}>
      <span className="chips-label">{label}</span>
      {values.map((v) => (
        <span key={v} className="chip">
          {optionLabel(options, v)}
          <button type="button" aria-label={t('slas.chips.remove', { option: optionLabel(options, v), list: label })} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      {rest.length > 0 ? (
        <select
          id={id}
          aria-label={t('slas.chips.addTo', { list: label })}
          value=""
          onChange={(e) => {
            if (e.target.value !== '') onChange([...values, e.target.value]);
          }}
        >
          <option value="">{t('slas.chips.add')}</option>
          {rest.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
