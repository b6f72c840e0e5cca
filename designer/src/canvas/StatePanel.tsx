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
import { TaskDueFields } from './TaskDueFields.tsx';
import { ScriptEditor } from './ScriptEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

/** The selected state: id, title, final, initial, task, checklist, entry/exit actions, delays, transitions. */
export function StatePanel({ def, edit, select, id }: EditProps & { id: string }) {
  const { t } = useWords();
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
  const queues = withCurrent(queueOptions(def), node.task?.queue, (q) => t('canvas.shared.notQueue', { queue: q }));
  const rules = Object.entries(def.rules ?? {});
  const outgoing = listTransitions(def).filter((t) => t.source === id);
  const states = listStates(def);

  const commitName = () => {
    if (name === id) return;
    if (!STATE_ID_PATTERN.test(name)) return setNameError(t('canvas.state.idPattern'));
    if (findState(def.playbook, name)) return setNameError(t('canvas.state.idTaken', { name }));
    setNameError(null);
    edit((d) => renameState(d, id, name));
    select({ type: 'state', id: name });
  };
  const setTask = (patch: Partial<Task> | null, key?: string) =>
    edit((d) => updateState(d, id, { task: patch === null ? undefined : ({ ...(node.task ?? { title: node.title ?? id }), ...patch } as Task) }), key);
  const addOne = (e: FormEvent) => {
    e.preventDefault();
    const ev = event.trim();
    if (!EVENT_NAME_PATTERN.test(ev)) return setTError(t('canvas.shared.eventName', { example: 'SUBMIT_TRIAGE' }));
    if (!target) return setTError(t('canvas.shared.chooseTarget'));
    const r = addTransition(def, { source: id, target, event: ev });
    if (!r) return setTError(t('canvas.shared.notAdded'));
    setTError(null);
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };

  return (
    <div aria-labelledby="state-heading">
      <h2 id="state-heading">{t('canvas.state.heading', { title: node.title ?? id })}</h2>
      <div className="field">
        <label htmlFor="state-id">{t('canvas.state.id')}</label>
        <input id="state-id" value={name} onChange={(e) => setName(e.target.value)} onBlur={commitName} onKeyDown={(e) => e.key === 'Enter' && commitName()} />
        {nameError ? <p role="alert" className="error">{nameError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="state-title">{t('canvas.state.title')}</label>
        <input id="state-title" value={node.title ?? ''} onChange={(e) => edit((d) => updateState(d, id, { title: e.target.value || undefined }), k('title'))} />
      </div>
      <div className="field">
        <label htmlFor="state-description">{t('canvas.state.description')}</label>
        <input id="state-description" value={node.description ?? ''} onChange={(e) => edit((d) => updateState(d, id, { description: e.target.value || undefined }), k('description'))} />
      </div>
      {!node.states ? (
        <div className="field checkbox">
          <input id="state-final" type="checkbox" checked={node.type === 'final'} onChange={(e) => edit((d) => updateState(d, id, { type: e.target.checked ? 'final' : undefined }))} />
          <label htmlFor="state-final">{t('canvas.state.final')}</label>
        </div>
      ) : null}
      {node.type !== 'final' ? (
        <div className="field checkbox">
          <input id="state-parallel" type="checkbox" checked={node.type === 'parallel'} onChange={(e) => edit((d) => setParallel(d, id, e.target.checked))} />
          <label htmlFor="state-parallel">{t('canvas.state.parallel')}</label>
        </div>
      ) : null}
      {node.type === 'parallel' ? (
        <fieldset>
          <legend>{t('canvas.state.regions', { title: node.title ?? id })}</legend>
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
        <p>{t('canvas.state.isRegion', { parent: parentTitle })}</p>
      ) : isInitial ? (
        <p>{parentId ? t('canvas.state.startsIn', { parent: parentTitle }) : t('canvas.state.startsEvery')}</p>
      ) : (
        <button type="button" onClick={() => edit((d) => setInitial(d, parentId, id))}>
          {t('canvas.state.makeInitial')}
        </button>
      )}
      {node.type !== 'final' ? (
        <fieldset>
          <legend>{t('canvas.state.task')}</legend>
          <div className="field checkbox">
            <input id="state-has-task" type="checkbox" checked={node.task !== undefined} onChange={(e) => setTask(e.target.checked ? {} : null)} />
            <label htmlFor="state-has-task">{t('canvas.state.hasTask')}</label>
          </div>
          {node.task ? (
            <>
              <label htmlFor="task-title">{t('canvas.state.taskTitle')}</label>
              <input id="task-title" value={node.task.title} onChange={(e) => setTask({ title: e.target.value }, k('task-title'))} />
              <label htmlFor="task-queue">{t('canvas.state.taskQueue')}</label>
              <select id="task-queue" value={node.task.queue ?? ''} onChange={(e) => setTask({ queue: e.target.value || undefined })}>
                <option value="">{t('canvas.state.noQueue')}</option>
                {queues.map((q) => (
                  <option key={q.value} value={q.value}>
                    {q.label}
                  </option>
                ))}
              </select>
              <label htmlFor="task-form">{t('canvas.state.taskForm')}</label>
              <select id="task-form" value={node.task.form ?? ''} onChange={(e) => setTask({ form: e.target.value || undefined })}>
                <option value="">{t('canvas.state.wholeForm')}</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title ?? s.id}
                  </option>
                ))}
              </select>
              <label htmlFor="task-due">{t('canvas.state.taskDue')}</label>
              <input id="task-due" value={node.task.due ?? ''} onChange={(e) => setTask({ due: e.target.value || undefined }, k('task-due'))} />
              <TaskDueFields def={def} task={node.task} setTask={setTask} k={k} />
            </>
          ) : null}
        </fieldset>
      ) : null}
      {rules.length > 0 ? (
        <fieldset>
          <legend>{t('canvas.state.checklist')}</legend>
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
      {node.type !== 'final' ? <ScriptEditor def={def} stateId={id} script={node.script} onChange={(script, key) => edit((d) => updateState(d, id, { script }), key ? k(key) : undefined)} /> : null}
      <ActionsEditor id="state-entry" def={def} title={t('canvas.state.entry')} actions={node.entry} onChange={(entry, key) => edit((d) => updateState(d, id, { entry }), key ? k(key) : undefined)} />
      <ActionsEditor id="state-exit" def={def} title={t('canvas.state.exit')} actions={node.exit} onChange={(exit, key) => edit((d) => updateState(d, id, { exit }), key ? k(key) : undefined)} />
      {node.type !== 'final' ? <AfterEditor def={def} id={id} after={node.after} onChange={(after, key) => edit((d) => updateState(d, id, { after }), key ? k(key) : undefined)} edit={edit} /> : null}
      {node.type !== 'final' ? <AlwaysEditor def={def} edit={edit} owner={id} /> : null}
      {node.type !== 'final' ? (
        <fieldset>
          <legend>{t('canvas.state.transitions')}</legend>
          <ul>
            {outgoing.map((tr) => (
              <li key={`${tr.event}:${tr.index}`}>
                <button type="button" className="link" onClick={() => select({ type: 'transition', source: tr.source, event: tr.event, index: tr.index })}>
                  {eventTitle(def, tr.event)} → {tr.transition.target ? stateTitle([def], tr.transition.target) : t('canvas.shared.stays')}
                </button>
              </li>
            ))}
          </ul>
          <form onSubmit={addOne} aria-label={t('canvas.state.addForm')}>
            <label htmlFor="new-transition-event">{t('canvas.state.onEvent')}</label>
            <input id="new-transition-event" value={event} onChange={(e) => setEvent(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))} />
            <label htmlFor="new-transition-target">{t('canvas.state.goTo')}</label>
            <select id="new-transition-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('canvas.shared.chooseState')}</option>
              {states.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.node.title ?? s.id}
                </option>
              ))}
            </select>
            <button type="submit">{t('canvas.state.submit')}</button>
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
        {t('canvas.state.delete')}
      </button>
    </div>
  );
}
