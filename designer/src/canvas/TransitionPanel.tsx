import { useState } from 'react';
import type { EditProps } from '../editor/edit-props.ts';
import { GuardPicker } from '../editor/GuardPicker.tsx';
import { listStates } from '../model/states.ts';
import { deleteTransition, eventRenameProblem, getTransition, PLAYBOOK_SOURCE, renameTransitionEvent, updateTransition, type TransitionRef } from '../model/transitions.ts';
import { stateTitle } from '../model/titles.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { EventEditor } from './EventEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

/** The selected transition (of a state, or of the whole playbook): event, target, guard, description and actions. */
export function TransitionPanel({ def, edit, select, tref }: EditProps & { tref: TransitionRef }) {
  const words = useWords();
  const { t } = words;
  const tr = getTransition(def, tref);
  const [event, setEvent] = useState(tref.event);
  const [error, setError] = useState<string | null>(null);
  if (!tr) return null;
  const commitEvent = () => {
    const name = event.trim();
    if (name === tref.event) return setError(null);
    const problem = eventRenameProblem(def, tref, name, words);
    if (problem) return setError(problem);
    const r = renameTransitionEvent(def, tref, name);
    if (!r) return setError(t('canvas.transition.gone'));
    setError(null);
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };
  const key = `${tref.source}:${tref.event}:${tref.index}`;
  const root = tref.source === PLAYBOOK_SOURCE;
  return (
    <div aria-labelledby="transition-heading">
      <h2 id="transition-heading">{root ? t('canvas.transition.rootHeading') : t('canvas.transition.heading', { state: stateTitle([def], tref.source) })}</h2>
      <div className="field">
        <label htmlFor="transition-event">{t('canvas.transition.event')}</label>
        <input id="transition-event" value={event} aria-invalid={error ? true : undefined} aria-describedby={error ? 'transition-event-error' : undefined} onChange={(e) => setEvent(e.target.value)} onBlur={commitEvent} onKeyDown={(e) => e.key === 'Enter' && commitEvent()} />
        {error ? (
          <p id="transition-event-error" role="alert" className="error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="transition-target">{t('canvas.transition.goesTo')}</label>
        <select id="transition-target" value={tr.target ?? ''} onChange={(e) => edit((d) => updateTransition(d, tref, { target: e.target.value || undefined }))}>
          <option value="">{t('canvas.shared.staysInternal')}</option>
          {listStates(def).map((s) => (
            <option key={s.id} value={s.id}>
              {s.node.title ?? s.id}
            </option>
          ))}
        </select>
      </div>
      <EventEditor def={def} event={tref.event} edit={edit} />
      <GuardPicker id="transition-guard" label={t('canvas.transition.guard')} def={def} value={tr.guard} noneLabel={t('canvas.transition.alwaysAllowed')} onChange={(g) => edit((d) => updateTransition(d, tref, { guard: g }))} />
      <div className="field">
        <label htmlFor="transition-description">{t('canvas.transition.description')}</label>
        <input id="transition-description" value={tr.description ?? ''} onChange={(e) => edit((d) => updateTransition(d, tref, { description: e.target.value || undefined }), `${key}:description`)} />
      </div>
      <ActionsEditor id="transition-actions" def={def} title={t('canvas.transition.actions')} actions={tr.actions} onChange={(actions, k) => edit((d) => updateTransition(d, tref, { actions }), k ? `${key}:${k}` : undefined)} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit((d) => deleteTransition(d, tref));
          select(root ? null : { type: 'state', id: tref.source });
        }}
      >
        {t('canvas.transition.delete')}
      </button>
    </div>
  );
}
