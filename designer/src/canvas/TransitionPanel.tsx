import { useState } from 'react';
import type { EditProps } from '../editor/edit-props.ts';
import { GuardPicker } from '../editor/GuardPicker.tsx';
import { listStates } from '../model/states.ts';
import { deleteTransition, eventRenameProblem, getTransition, PLAYBOOK_SOURCE, renameTransitionEvent, updateTransition, type TransitionRef } from '../model/transitions.ts';
import { stateTitle } from '../model/titles.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { EventEditor } from './EventEditor.tsx';

/** The selected transition (of a state, or of the whole playbook): event, target, guard, description and actions. */
export function TransitionPanel({ def, edit, select, tref }: EditProps & { tref: TransitionRef }) {
  const t = getTransition(def, tref);
  const [event, setEvent] = useState(tref.event);
  const [error, setError] = useState<string | null>(null);
  if (!t) return null;
  const commitEvent = () => {
    const name = event.trim();
    if (name === tref.event) return setError(null);
    const problem = eventRenameProblem(def, tref, name);
    if (problem) return setError(problem);
    const r = renameTransitionEvent(def, tref, name);
    if (!r) return setError('This transition is no longer there (it was changed or deleted): select it again from its state.');
    setError(null);
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };
  const key = `${tref.source}:${tref.event}:${tref.index}`;
  const root = tref.source === PLAYBOOK_SOURCE;
  return (
    <div aria-labelledby="transition-heading">
      <h2 id="transition-heading">{root ? 'Transition of the whole playbook (from any state)' : `Transition from ${stateTitle([def], tref.source)}`}</h2>
      <div className="field">
        <label htmlFor="transition-event">Event</label>
        <input id="transition-event" value={event} aria-invalid={error ? true : undefined} aria-describedby={error ? 'transition-event-error' : undefined} onChange={(e) => setEvent(e.target.value)} onBlur={commitEvent} onKeyDown={(e) => e.key === 'Enter' && commitEvent()} />
        {error ? (
          <p id="transition-event-error" role="alert" className="error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="transition-target">Goes to</label>
        <select id="transition-target" value={t.target ?? ''} onChange={(e) => edit((d) => updateTransition(d, tref, { target: e.target.value || undefined }))}>
          <option value="">stays (internal update)</option>
          {listStates(def).map((s) => (
            <option key={s.id} value={s.id}>
              {s.node.title ?? s.id}
            </option>
          ))}
        </select>
      </div>
      <EventEditor def={def} event={tref.event} edit={edit} />
      <GuardPicker id="transition-guard" label="Guard" def={def} value={t.guard} noneLabel="always allowed" onChange={(g) => edit((d) => updateTransition(d, tref, { guard: g }))} />
      <div className="field">
        <label htmlFor="transition-description">Description</label>
        <input id="transition-description" value={t.description ?? ''} onChange={(e) => edit((d) => updateTransition(d, tref, { description: e.target.value || undefined }), `${key}:description`)} />
      </div>
      <ActionsEditor id="transition-actions" def={def} title="Actions" actions={t.actions} onChange={(actions, k) => edit((d) => updateTransition(d, tref, { actions }), k ? `${key}:${k}` : undefined)} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((d) => deleteTransition(d, tref));
          select(root ? null : { type: 'state', id: tref.source });
        }}
      >
        Delete transition
      </button>
    </div>
  );
}
