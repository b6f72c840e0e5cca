// Durable delays of a state: after a duration (counted in a business calendar or as elapsed time, said in
// words), with an optional guard and actions, go to a state or stay. Each delay has a timer id the analyst sees.
import { useState } from 'react';
import type { AfterDelay, CaseType } from '../../../schemas/generated/case-type.ts';
import { GuardPicker } from '../editor/GuardPicker.tsx';
import { defaultTimerId, describeDelay, newTimerId, setTimerId, timerIdProblem } from '../model/delays.ts';
import { listStates } from '../model/states.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

function withOptional(a: AfterDelay, key: 'target' | 'calendar', value: string): AfterDelay {
  const next: AfterDelay = { ...a };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

function TimerId({ def, stateId, index, delay, edit }: { def: CaseType; stateId: string; index: number; delay: AfterDelay; edit: (fn: (d: CaseType) => CaseType) => void }) {
  const words = useWords();
  const { t } = words;
  const shown = delay.id ?? '';
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const id = text.trim();
    if (id === shown) return setError(null);
    if (id === '') {
      setError(null);
      return edit((d) => setTimerId(d, stateId, index, ''));
    }
    const problem = timerIdProblem(def, stateId, index, id, words);
    if (problem) return setError(problem);
    setError(null);
    edit((d) => setTimerId(d, stateId, index, id));
  };
  const inputId = `after-${index}-id`;
  return (
    <span className="field inline">
      <label htmlFor={inputId}>{t('canvas.after.timerId', { n: index + 1 })}</label>
      <input
        id={inputId}
        value={text}
        placeholder={defaultTimerId(stateId, index)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error ? <span role="alert" className="error">{error}</span> : null}
    </span>
  );
}

interface Props {
  def: CaseType;
  id: string;
  after: AfterDelay[] | undefined;
  onChange: (a: AfterDelay[] | undefined, key?: string) => void;
  /** Edits the whole definition (timer ids are renamed with the transitions on their events). */
  edit: (fn: (d: CaseType) => CaseType) => void;
}

export function AfterEditor({ def, id, after = [], onChange, edit }: Props) {
  const words = useWords();
  const { t } = words;
  const set = (list: AfterDelay[], key?: string) => onChange(list.length > 0 ? list : undefined, key);
  const change = (i: number, next: AfterDelay, key?: string) => set(after.map((x, j) => (j === i ? next : x)), key);
  const states = listStates(def).filter((s) => s.id !== id);
  const calendars = Object.entries(def.calendars ?? {});
  return (
    <fieldset>
      <legend>{t('canvas.after.legend')}</legend>
      {after.map((a, i) => (
        <div key={`${i}:${a.id ?? ''}`} role="group" aria-label={t('canvas.after.group', { n: i + 1 })} className="action-row">
          <label htmlFor={`after-${i}-delay`}>{t('canvas.after.duration', { n: i + 1 })}</label>
          <input id={`after-${i}-delay`} value={a.delay} aria-describedby={`after-${i}-words`} onChange={(e) => change(i, { ...a, delay: e.target.value }, `after:${i}:delay`)} />
          <label htmlFor={`after-${i}-calendar`}>{t('canvas.after.countedIn', { n: i + 1 })}</label>
          <select id={`after-${i}-calendar`} value={a.calendar ?? ''} onChange={(e) => change(i, withOptional(a, 'calendar', e.target.value))}>
            <option value="">{t('canvas.after.calendarTime')}</option>
            {calendars.map(([name, c]) => (
              <option key={name} value={name}>
                {t('canvas.after.workingTime', { calendar: c?.title ?? name })}
              </option>
            ))}
          </select>
          <p id={`after-${i}-words`} className="delay-words">
            {t('canvas.after.fires', { delay: describeDelay(def, a, words) })}
          </p>
          <TimerId key={a.id ?? ''} def={def} stateId={id} index={i} delay={a} edit={edit} />
          <label htmlFor={`after-${i}-target`}>{t('canvas.after.goesTo', { n: i + 1 })}</label>
          <select id={`after-${i}-target`} value={a.target ?? ''} onChange={(e) => change(i, withOptional(a, 'target', e.target.value))}>
            <option value="">{t('canvas.after.stays')}</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <GuardPicker
            id={`after-${i}-guard`}
            label={t('canvas.after.guard', { n: i + 1 })}
            def={def}
            value={a.guard}
            noneLabel={t('canvas.after.alwaysFires')}
            allowStates
            onChange={(guard) => {
              const { guard: _old, ...rest } = a;
              change(i, guard === undefined ? rest : { ...rest, guard });
            }}
          />
          <ActionsEditor
            id={`after-${i}-actions`}
            def={def}
            title={t('canvas.after.actions', { n: i + 1 })}
            actions={a.actions}
            onChange={(actions, key) => {
              const { actions: _old, ...rest } = a;
              change(i, actions === undefined ? rest : { ...rest, actions }, key ? `after:${i}:${key}` : undefined);
            }}
          />
          <button type="button" onClick={() => set(after.filter((_, j) => j !== i))}>
            {t('canvas.after.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set([...after, { id: newTimerId(def, id), delay: 'P1D' }])}>
        {t('canvas.after.add')}
      </button>
    </fieldset>
  );
}
