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
import { useWords } from '../i18n/use-words.ts';

export function RootPanel({ def, edit, select }: Pick<EditProps, 'def' | 'edit' | 'select'>) {
  const { t } = useWords();
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const states = listStates(def);
  const title = new Map(states.map((s) => [s.id, s.node.title ?? s.id]));
  const transitions = listRootTransitions(def);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const ev = event.trim();
    if (!EVENT_NAME_PATTERN.test(ev)) return setError(t('canvas.shared.eventName', { example: 'WITHDRAW' }));
    if (!target) return setError(t('canvas.shared.chooseTarget'));
    const r = addTransition(def, { source: PLAYBOOK_SOURCE, target, event: ev });
    if (!r) return setError(t('canvas.shared.notAdded'));
    setError(null);
    setEvent('');
    edit(() => r.def);
    select({ type: 'transition', ...r.ref });
  };
  return (
    <section aria-labelledby="playbook-heading" className="root-panel">
      <h2 id="playbook-heading">{t('canvas.root.heading')}</h2>
      <ActionsEditor
        id="playbook-entry"
        def={def}
        title={t('canvas.root.entry')}
        actions={def.playbook.entry}
        onChange={(actions, k) => edit((d: CaseType) => setRootActions(d, 'entry', actions), k ? `playbook:${k}` : undefined)}
      />
      <ActionsEditor
        id="playbook-exit"
        def={def}
        title={t('canvas.root.exit')}
        actions={def.playbook.exit}
        onChange={(actions, k) => edit((d: CaseType) => setRootActions(d, 'exit', actions), k ? `playbook:${k}` : undefined)}
      />
      <fieldset>
        <legend>{t('canvas.root.anyState')}</legend>
        {transitions.length === 0 ? <p className="muted">{t('canvas.shared.none')}</p> : null}
        <ul>
          {transitions.map((tr) => (
            <li key={`${tr.event}:${tr.index}`}>
              <button type="button" className="link" onClick={() => select({ type: 'transition', source: PLAYBOOK_SOURCE, event: tr.event, index: tr.index })}>
                {def.events?.[tr.event]?.title ?? tr.event} → {tr.transition.target ? (title.get(tr.transition.target) ?? tr.transition.target) : t('canvas.shared.stays')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} aria-label={t('canvas.root.form')}>
          <label htmlFor="root-transition-event">{t('canvas.root.onEvent')}</label>
          <input id="root-transition-event" value={event} onChange={(e) => setEvent(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))} />
          <label htmlFor="root-transition-target">{t('canvas.root.goTo')}</label>
          <select id="root-transition-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('canvas.shared.chooseState')}</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <button type="submit">{t('canvas.root.submit')}</button>
          {error ? <p role="alert" className="error">{error}</p> : null}
        </form>
      </fieldset>
      <AlwaysEditor def={def} edit={edit} owner={null} />
    </section>
  );
}
