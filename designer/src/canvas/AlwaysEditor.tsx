// Eventless transitions (`always`) of a state or of the playbook root: taken as soon as their guard holds,
// first one first; each with a target (or none: an update in place), a guard and actions.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { GuardPicker } from '../editor/GuardPicker.tsx';
import { addAlways, listAlways, removeAlways, updateAlways, type Owner } from '../model/always.ts';
import { listStates } from '../model/states.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

export function AlwaysEditor({ def, edit, owner }: Pick<EditProps, 'def' | 'edit'> & { owner: Owner }) {
  const { t } = useWords();
  const list = listAlways(def, owner);
  const states = listStates(def).filter((s) => s.id !== owner);
  const key = (i: number, what: string) => `always:${owner ?? ''}:${i}:${what}`;
  const update = (i: number, patch: Parameters<typeof updateAlways>[3], k?: string) => edit((d: CaseType) => updateAlways(d, owner, i, patch), k);
  return (
    <fieldset>
      <legend>{t('canvas.always.legend')}</legend>
      {list.length === 0 ? <p className="muted">{t('canvas.shared.none')}</p> : null}
      {list.map((tr, i) => (
        <div key={i} role="group" aria-label={t('canvas.always.group', { n: i + 1 })} className="action-row">
          <label htmlFor={`always-${i}-target`}>{t('canvas.always.goesTo', { n: i + 1 })}</label>
          <select id={`always-${i}-target`} value={tr.target ?? ''} onChange={(e) => update(i, { target: e.target.value || undefined })}>
            <option value="">{t('canvas.shared.staysInternal')}</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <GuardPicker id={`always-${i}-guard`} label={t('canvas.always.guard', { n: i + 1 })} def={def} value={tr.guard} noneLabel={t('canvas.always.noGuard')} allowStates onChange={(guard) => update(i, { guard })} />
          <div className="field">
            <label htmlFor={`always-${i}-description`}>{t('canvas.always.description', { n: i + 1 })}</label>
            <input id={`always-${i}-description`} value={tr.description ?? ''} onChange={(e) => update(i, { description: e.target.value || undefined }, key(i, 'description'))} />
          </div>
          <ActionsEditor id={`always-${i}-actions`} def={def} title={t('canvas.always.actions', { n: i + 1 })} actions={tr.actions} onChange={(actions, k) => update(i, { actions }, k ? key(i, k) : undefined)} />
          <button type="button" onClick={() => edit((d: CaseType) => removeAlways(d, owner, i))}>
            {t('canvas.always.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => edit((d: CaseType) => addAlways(d, owner, states[0] ? { target: states[0].id } : {}))}>
        {t('canvas.always.add')}
      </button>
    </fieldset>
  );
}
