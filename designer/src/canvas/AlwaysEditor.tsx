// Eventless transitions (`always`) of a state or of the playbook root: taken as soon as their guard holds,
// first one first; each with a target (or none: an update in place), a guard and actions.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { GuardPicker } from '../editor/GuardPicker.tsx';
import { addAlways, listAlways, removeAlways, updateAlways, type Owner } from '../model/always.ts';
import { listStates } from '../model/states.ts';
import { ActionsEditor } from './ActionsEditor.tsx';

export function AlwaysEditor({ def, edit, owner }: Pick<EditProps, 'def' | 'edit'> & { owner: Owner }) {
  const list = listAlways(def, owner);
  const states = listStates(def).filter((s) => s.id !== owner);
  const key = (i: number, what: string) => `always:${owner ?? ''}:${i}:${what}`;
  const update = (i: number, patch: Parameters<typeof updateAlways>[3], k?: string) => edit((d: CaseType) => updateAlways(d, owner, i, patch), k);
  return (
    <fieldset>
      <legend>Eventless transitions (taken as soon as their guard holds)</legend>
      {list.length === 0 ? <p className="muted">None.</p> : null}
      {list.map((t, i) => (
        <div key={i} role="group" aria-label={`Eventless transition ${i + 1}`} className="action-row">
          <label htmlFor={`always-${i}-target`}>Eventless {i + 1} goes to</label>
          <select id={`always-${i}-target`} value={t.target ?? ''} onChange={(e) => update(i, { target: e.target.value || undefined })}>
            <option value="">stays (internal update)</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <GuardPicker id={`always-${i}-guard`} label={`Eventless ${i + 1} guard`} def={def} value={t.guard} noneLabel="no guard: taken at once" allowStates onChange={(guard) => update(i, { guard })} />
          <div className="field">
            <label htmlFor={`always-${i}-description`}>Eventless {i + 1} description</label>
            <input id={`always-${i}-description`} value={t.description ?? ''} onChange={(e) => update(i, { description: e.target.value || undefined }, key(i, 'description'))} />
          </div>
          <ActionsEditor id={`always-${i}-actions`} def={def} title={`Eventless ${i + 1} actions`} actions={t.actions} onChange={(actions, k) => update(i, { actions }, k ? key(i, k) : undefined)} />
          <button type="button" onClick={() => edit((d: CaseType) => removeAlways(d, owner, i))}>
            Remove eventless transition {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => edit((d: CaseType) => addAlways(d, owner, states[0] ? { target: states[0].id } : {}))}>
        Add eventless transition
      </button>
    </fieldset>
  );
}
