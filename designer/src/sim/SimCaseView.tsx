// The simulated case now: the clock with its buttons, timers, SLA clocks with their explanation, open
// tasks, and the history with the data changes of each step.
import { formatLocal, explainSlas, stateLabel, MIGRATED_EVENT } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType } from '../../../runtime/engine/index.ts';
import type { Simulation } from './simulator.ts';
import { current, nextTimerAt } from './simulator.ts';
import { patchLines } from '../model/change-words.ts';
import { fieldLabel } from '../model/field-label.ts';
import { slaExplanation, slaTimeZone } from '../console/console-model.ts';
import { useWords } from '../i18n/use-words.ts';
import { formatDateTime } from '../i18n/format.ts';

interface Props {
  type: CompiledCaseType;
  sim: Simulation;
  calendar: string | null;
  onHour: () => void;
  onWorkingDay: () => void;
  onNextTimer: () => void;
}

export function SimClock({ type, sim, calendar, onHour, onWorkingDay, onNextTimer }: Props) {
  const { t, language } = useWords();
  const snap = current(sim);
  const cal = calendar === null ? undefined : type.calendars[calendar];
  const next = nextTimerAt(sim);
  // English keeps the engine's own local time ("Mon 5 Jan 09:00"); other languages their own date format
  const when = (at: string) => (language === 'en' ? formatLocal(cal, at, { date: true }) : formatDateTime(at, language, cal ? cal.timezone : 'UTC'));
  const local = (at: string) => (cal ? `${when(at)} (${cal.timezone})` : `${when(at)} UTC`);
  return (
    <div className="sim-clock">
      <h3>{t('sim.clock.heading')}</h3>
      <p>
        {t('sim.clock.now')} <strong data-testid="sim-now">{local(snap.now)}</strong> <span className="muted">{snap.now}</span>
      </p>
      <div className="button-row">
        <button type="button" onClick={onHour}>
          {t('sim.clock.hour')}
        </button>
        <button type="button" onClick={onWorkingDay}>
          {t('sim.clock.workingDay')}
          {calendar ? t('sim.clock.calendar', { calendar }) : t('sim.clock.noCalendar')}
        </button>
        <button type="button" onClick={onNextTimer} disabled={next === null}>
          {t('sim.clock.nextTimer')}
          {next ? ` (${local(next)})` : ''}
        </button>
      </div>
      {snap.case.timers.length > 0 ? (
        <ul className="plain sim-timers" aria-label={t('sim.clock.pending')}>
          {[...snap.case.timers]
            .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
            .map((timer) => (
              <li key={timer.id}>
                <code>{timer.event}</code>
                {t('sim.clock.timerAt', { at: local(timer.dueAt) })}
              </li>
            ))}
        </ul>
      ) : (
        <p className="muted">{t('sim.clock.noTimers')}</p>
      )}
    </div>
  );
}

/** The current state line: state, closed, priority, queue. */
export function SimSummary({ sim }: { sim: Simulation }) {
  const { t } = useWords();
  const snap = current(sim);
  const priority = snap.case.priority;
  return (
    <p>
      {t('sim.summary.state')} <strong data-testid="sim-state">{stateLabel(snap.case.state)}</strong>
      {snap.case.closedAt ? <span className="badge">{t('sim.summary.closed')}</span> : null}
      {t('sim.summary.priority', { priority: t(`console.priority.${priority}`, { defaultValue: priority }) })}
      {snap.case.queue ? t('sim.summary.queue', { queue: snap.case.queue }) : ''}
    </p>
  );
}

export function SimCaseState({ type, sim }: { type: CompiledCaseType; sim: Simulation }) {
  const words = useWords();
  const { t } = words;
  const snap = current(sim);
  const slas = explainSlas(type, snap.case, snap.now);
  const entries = sim.snapshots.flatMap((s) => s.entries);
  return (
    <div className="sim-case">
      <h3>{t('sim.case.slaHeading')}</h3>
      {slas.length === 0 ? <p className="muted">{t('sim.case.noSlas')}</p> : null}
      <ul className="plain" aria-label={t('sim.case.slaList')}>
        {slas.map((s) => (
          <li key={s.id} data-sla={s.name} data-status={s.status}>
            <strong>{s.title}</strong> <span className={`sla-status sla-${s.status}`}>{t(`sim.case.status.${s.status}`)}</span>: {slaExplanation(s, words, slaTimeZone(type.def, s.name))}
          </li>
        ))}
      </ul>
      <h3>{t('sim.case.tasksHeading')}</h3>
      {snap.case.tasks.length === 0 ? <p className="muted">{t('sim.case.noTasks')}</p> : null}
      <ul className="plain" aria-label={t('sim.case.taskList')}>
        {snap.case.tasks.map((task) => (
          <li key={task.id}>
            {task.title}
            {task.queue ? t('sim.case.taskQueue', { queue: task.queue }) : ''}
          </li>
        ))}
      </ul>
      <h3>{t('sim.case.historyHeading')}</h3>
      <ol className="sim-history" aria-label={t('sim.case.history')}>
        {entries.map((e) => (
          <li key={e.seq}>
            <span className="muted">{e.at.replace('.000Z', 'Z')}</span> <code>{e.event.type}</code>
            {t('sim.case.by', { actor: e.actor })}
            {e.from === null ? '' : `${stateLabel(e.from)} → `}
            {stateLabel(e.to)}
            {e.patch.length > 0 ? (
              <ul>
                {e.patch.flatMap((op) => patchLines(op, (p) => fieldLabel(type.def, p), words)).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
            {e.event.type === MIGRATED_EVENT ? (
              // the engine's note names versions and state ids in English: the move in the reader's words instead
              <div className="muted">{t('sim.migrate.summary.versions', { from: String((e.event.data as { fromVersion?: unknown } | undefined)?.fromVersion ?? ''), to: String((e.event.data as { toVersion?: unknown } | undefined)?.toVersion ?? '') })}</div>
            ) : (
              e.notes.map((n, i) => (
                <div key={`n${i}`} className="muted">
                  {t('sim.case.note', { note: n })}
                </div>
              ))
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
