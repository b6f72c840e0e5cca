// The playbook root: what happens when a case starts (entry actions) and ends (exit actions), and the
// transitions that apply in every state (e.g. "Withdraw" from anywhere to Closed), with or without an event.
import { useState, type FormEvent } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { setRootActions } from '../model/always.ts';
import { listStates } from '../model/states.ts';
import { addTransition, EVENT_NAME_PATTERN, listRootTransitions, PLAYBOOK_SOURCE } from '../model/transitions.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { AlwaysEditor } from './AlwaysEditor.tsx';

export function RootPanel({ def, edit, select }: Pick<EditProps, 'def' | 'edit' | 'select'>) {
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const states = listStates(def);
  const title = new Map(states.map((s) => [s.id, s.node.title ?? s.id]));
  const transitions = listRootTransitions(def);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const ev = event.trim();
    if (!EVENT_NAME_PATTERN.test(ev)) return setError('An event name is upper snake case, e.g. WITHDRAW.');
    if (!target) return setError('Choose the state the transition goes to.');
    const r = addTransition(def, { source: PLAYBOOK_SOURCE, target, event: ev });
    if (!r) return setError('That transition could not be added.');
    setError(null);
    setEvent('');
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };
  return (
    <section aria-labelledby="playbook-heading" className="root-panel">
      <h2 id="playbook-heading">Whole playbook</h2>
      <ActionsEditor
        id="playbook-entry"
        def={def}
        title="Playbook entry actions"
        actions={def.playbook.entry}
        onChange={(actions, k) => edit((d: CaseType) => setRootActions(d, 'entry', actions), k ? `playbook:${k}` : undefined)}
      />
      <ActionsEditor
        id="playbook-exit"
        def={def}
        title="Playbook exit actions"
        actions={def.playbook.exit}
        onChange={(actions, k) => edit((d: CaseType) => setRootActions(d, 'exit', actions), k ? `playbook:${k}` : undefined)}
      />
      <fieldset>
        <legend>Transitions from any state</legend>
        {transitions.length === 0 ? <p className="muted">None.</p> : null}
        <ul>
          {transitions.map((t) => (
            <li key={`${t.event}:${t.index}`}>
              <button type="button" className="link" onClick={() => select({ type: 'transition', source: PLAYBOOK_SOURCE, event: t.event, index: t.index })}>
                {def.events?.[t.event]?.title ?? t.event} → {t.transition.target ? (title.get(t.transition.target) ?? t.transition.target) : '(stays)'}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} aria-label="Add a transition from any state">
          <label htmlFor="root-transition-event">From any state, on event</label>
          <input id="root-transition-event" value={event} onChange={(e) => setEvent(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))} />
          <label htmlFor="root-transition-target">From any state, go to</label>
          <select id="root-transition-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">choose a state…</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <button type="submit">Add transition from any state</button>
          {error ? <p role="alert" className="error">{error}</p> : null}
        </form>
      </fieldset>
      <AlwaysEditor def={def} edit={edit} owner={null} />
    </section>
  );
}
