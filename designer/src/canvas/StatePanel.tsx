import { useEffect, useState, type FormEvent } from 'react';
import type { Task } from '../../../schemas/generated/case-type.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { deleteState, findState, listStates, renameState, setInitial, STATE_ID_PATTERN, updateState } from '../model/states.ts';
import { addTransition, EVENT_NAME_PATTERN, listTransitions } from '../model/transitions.ts';
import { isRegion, setParallel } from '../model/parallel.ts';
import { queueOptions, withCurrent } from '../model/pick-options.ts';
import { eventTitle, stateTitle } from '../model/titles.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { AfterEditor } from './AfterEditor.tsx';
import { AlwaysEditor } from './AlwaysEditor.tsx';
import { RegionForm } from './RegionForm.tsx';

/** The selected state: id, title, final, initial, task, checklist, entry/exit actions, delays, transitions. */
export function StatePanel({ def, edit, select, id }: EditProps & { id: string }) {
  const found = findState(def.playbook, id);
  const [name, setName] = useState(id);
  const [nameError, setNameError] = useState<string | null>(null);
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState('');
  const [tError, setTError] = useState<string | null>(null);
  useEffect(() => setName(id), [id]);
  if (!found) return null;
  const node = found.node;
  const entry = listStates(def).find((s) => s.id === id);
  const parentId = entry?.parent ?? null;
  const isInitial = found.parent.initial === id;
  const region = isRegion(def, id);
  const parentTitle = parentId ? stateTitle([def], parentId) : '';
  const k = (what: string) => `state:${id}:${what}`;
  const sections = def.form?.sections ?? [];
  const queues = withCurrent(queueOptions(def), node.task?.queue, (q) => `${q} (not a queue of this case type)`);
  const rules = Object.entries(def.rules ?? {});
  const outgoing = listTransitions(def).filter((t) => t.source === id);
  const states = listStates(def);

  const commitName = () => {
    if (name === id) return;
    if (!STATE_ID_PATTERN.test(name)) return setNameError('A state id starts with a letter and uses letters, digits, - and _ only.');
    if (findState(def.playbook, name)) return setNameError(`There is a state ${name} already.`);
    setNameError(null);
    edit((d) => renameState(d, id, name));
    select({ type: 'state', id: name });
  };
  const setTask = (patch: Partial<Task> | null, key?: string) =>
    edit((d) => updateState(d, id, { task: patch === null ? undefined : ({ ...(node.task ?? { title: node.title ?? id }), ...patch } as Task) }), key);
  const addOne = (e: FormEvent) => {
    e.preventDefault();
    const ev = event.trim();
    if (!EVENT_NAME_PATTERN.test(ev)) return setTError('An event name is upper snake case, e.g. SUBMIT_TRIAGE.');
    if (!target) return setTError('Choose the state the transition goes to.');
    const r = addTransition(def, { source: id, target, event: ev });
    if (!r) return setTError('That transition could not be added.');
    setTError(null);
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };

  return (
    <div aria-labelledby="state-heading">
      <h2 id="state-heading">State {node.title ?? id}</h2>
      <div className="field">
        <label htmlFor="state-id">State id</label>
        <input id="state-id" value={name} onChange={(e) => setName(e.target.value)} onBlur={commitName} onKeyDown={(e) => e.key === 'Enter' && commitName()} />
        {nameError ? <p role="alert" className="error">{nameError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="state-title">State title</label>
        <input id="state-title" value={node.title ?? ''} onChange={(e) => edit((d) => updateState(d, id, { title: e.target.value || undefined }), k('title'))} />
      </div>
      <div className="field">
        <label htmlFor="state-description">State description</label>
        <input id="state-description" value={node.description ?? ''} onChange={(e) => edit((d) => updateState(d, id, { description: e.target.value || undefined }), k('description'))} />
      </div>
      {!node.states ? (
        <div className="field checkbox">
          <input id="state-final" type="checkbox" checked={node.type === 'final'} onChange={(e) => edit((d) => updateState(d, id, { type: e.target.checked ? 'final' : undefined }))} />
          <label htmlFor="state-final">Final state (the case ends here)</label>
        </div>
      ) : null}
      {node.type !== 'final' ? (
        <div className="field checkbox">
          <input id="state-parallel" type="checkbox" checked={node.type === 'parallel'} onChange={(e) => edit((d) => setParallel(d, id, e.target.checked))} />
          <label htmlFor="state-parallel">Parallel state (its regions run at the same time)</label>
        </div>
      ) : null}
      {node.type === 'parallel' ? (
        <fieldset>
          <legend>Regions (all active while the case is in {node.title ?? id})</legend>
          <ul>
            {Object.entries(node.states ?? {}).map(([r, rn]) => (
              <li key={r}>
                <button type="button" className="link" onClick={() => select({ type: 'state', id: r })}>
                  {rn?.title ?? r}
                </button>
              </li>
            ))}
          </ul>
          <RegionForm def={def} edit={edit} parallelId={id} />
        </fieldset>
      ) : null}
      {region ? (
        <p>This is a region of {parentTitle}: it runs at the same time as the other regions.</p>
      ) : isInitial ? (
        <p>This is where {parentId ? `${parentTitle} starts` : 'every case starts'}.</p>
      ) : (
        <button type="button" onClick={() => edit((d) => setInitial(d, parentId, id))}>
          Make this the initial state
        </button>
      )}
      {node.type !== 'final' ? (
        <fieldset>
          <legend>Task</legend>
          <div className="field checkbox">
            <input id="state-has-task" type="checkbox" checked={node.task !== undefined} onChange={(e) => setTask(e.target.checked ? {} : null)} />
            <label htmlFor="state-has-task">Open a task for people in this state</label>
          </div>
          {node.task ? (
            <>
              <label htmlFor="task-title">Task title</label>
              <input id="task-title" value={node.task.title} onChange={(e) => setTask({ title: e.target.value }, k('task-title'))} />
              <label htmlFor="task-queue">Task queue</label>
              <select id="task-queue" value={node.task.queue ?? ''} onChange={(e) => setTask({ queue: e.target.value || undefined })}>
                <option value="">none</option>
                {queues.map((q) => (
                  <option key={q.value} value={q.value}>
                    {q.label}
                  </option>
                ))}
              </select>
              <label htmlFor="task-form">Task form section</label>
              <select id="task-form" value={node.task.form ?? ''} onChange={(e) => setTask({ form: e.target.value || undefined })}>
                <option value="">whole form</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title ?? s.id}
                  </option>
                ))}
              </select>
              <label htmlFor="task-due">Task due (ISO duration, e.g. P2D)</label>
              <input id="task-due" value={node.task.due ?? ''} onChange={(e) => setTask({ due: e.target.value || undefined }, k('task-due'))} />
            </>
          ) : null}
        </fieldset>
      ) : null}
      {rules.length > 0 ? (
        <fieldset>
          <legend>Checklist (rules shown as this stage's completeness list)</legend>
          {rules.map(([r, rule]) => {
            const checked = (node.checklist ?? []).includes(r);
            return (
              <label key={r} className="inline">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) => {
                    const list = (node.checklist ?? []).filter((x) => x !== r);
                    if (e.target.checked) list.push(r);
                    edit((d) => updateState(d, id, { checklist: list.length > 0 ? list : undefined }));
                  }}
                />{' '}
                {rule?.title ?? r}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      <ActionsEditor id="state-entry" def={def} title="Entry actions" actions={node.entry} onChange={(entry, key) => edit((d) => updateState(d, id, { entry }), key ? k(key) : undefined)} />
      <ActionsEditor id="state-exit" def={def} title="Exit actions" actions={node.exit} onChange={(exit, key) => edit((d) => updateState(d, id, { exit }), key ? k(key) : undefined)} />
      {node.type !== 'final' ? <AfterEditor def={def} id={id} after={node.after} onChange={(after, key) => edit((d) => updateState(d, id, { after }), key ? k(key) : undefined)} edit={edit} /> : null}
      {node.type !== 'final' ? <AlwaysEditor def={def} edit={edit} owner={id} /> : null}
      {node.type !== 'final' ? (
        <fieldset>
          <legend>Transitions</legend>
          <ul>
            {outgoing.map((t) => (
              <li key={`${t.event}:${t.index}`}>
                <button type="button" className="link" onClick={() => select({ type: 'transition', source: t.source, event: t.event, index: t.index })}>
                  {eventTitle(def, t.event)} → {t.transition.target ? stateTitle([def], t.transition.target) : '(stays)'}
                </button>
              </li>
            ))}
          </ul>
          <form onSubmit={addOne} aria-label="Add a transition">
            <label htmlFor="new-transition-event">On event</label>
            <input id="new-transition-event" value={event} onChange={(e) => setEvent(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))} />
            <label htmlFor="new-transition-target">Go to</label>
            <select id="new-transition-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">choose a state…</option>
              {states.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.node.title ?? s.id}
                </option>
              ))}
            </select>
            <button type="submit">Add transition</button>
            {tError ? <p role="alert" className="error">{tError}</p> : null}
          </form>
        </fieldset>
      ) : null}
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((d) => deleteState(d, id));
          select(null);
        }}
      >
        Delete state
      </button>
    </div>
  );
}
