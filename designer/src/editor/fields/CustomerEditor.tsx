// The customer identifiers: which fields identify the customer across cases and channels (the basis of the
// one customer view), and which field holds their name.
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { customerFieldCandidates, setCustomerKey, setCustomerName } from '../../model/customer.ts';
import { fieldLabeller } from '../../model/field-label.ts';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  def: CaseType;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

export function CustomerEditor({ def, edit }: Props) {
  const { t } = useWords();
  const candidates = customerFieldCandidates(def);
  const label = fieldLabeller(def);
  const keys: readonly string[] = def.customer?.keys ?? [];
  return (
    <fieldset className="customer-editor">
      <legend>{t('editor.customer.legend')}</legend>
      {candidates.length === 0 ? <p className="muted">{t('editor.customer.noCandidates')}</p> : null}
      {candidates.length > 0 ? <p className="muted">{t('editor.customer.explain')}</p> : null}
      {candidates.map((f) => (
        <label key={f.pointer} className="inline block">
          <input type="checkbox" checked={keys.includes(f.pointer)} onChange={(e) => edit((d) => setCustomerKey(d, f.pointer, e.target.checked))} />{' '}
          {t('editor.customer.identifies', { field: label(f.pointer) })}
        </label>
      ))}
      {candidates.length > 0 ? (
        <div className="field">
          <label htmlFor="customer-name">{t('editor.customer.nameField')}</label>
          <select id="customer-name" value={def.customer?.name ?? ''} disabled={!def.customer} onChange={(e) => edit((d) => setCustomerName(d, e.target.value || undefined))}>
            <option value="">{def.customer ? t('editor.customer.none') : t('editor.customer.chooseKeyFirst')}</option>
            {candidates.map((f) => (
              <option key={f.pointer} value={f.pointer}>
                {label(f.pointer)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}
