// The customer identifiers: which fields identify the customer across cases and channels (the basis of the
// one customer view), and which fields hold their name, their e-mail address (where messages to the customer
// go) and their language (the language of those messages).
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { customerFieldCandidates, setCustomerField, setCustomerKey } from '../../model/customer.ts';
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
      {candidates.length > 0
        ? (['name', 'email', 'language'] as const).map((which) => (
            <div className="field" key={which}>
              <label htmlFor={`customer-${which}`}>{t(`editor.customer.${which}Field`)}</label>
              <select id={`customer-${which}`} value={def.customer?.[which] ?? ''} disabled={!def.customer} onChange={(e) => edit((d) => setCustomerField(d, which, e.target.value || undefined))}>
                <option value="">{def.customer ? t('editor.customer.none') : t('editor.customer.chooseKeyFirst')}</option>
                {candidates.map((f) => (
                  <option key={f.pointer} value={f.pointer}>
                    {label(f.pointer)}
                  </option>
                ))}
              </select>
            </div>
          ))
        : null}
    </fieldset>
  );
}
