// The simulated case now: the clock with its buttons, timers, SLA clocks with their explanation, open
// tasks, and the history with the data changes of each step.
import { formatLocal, explainSlas, stateLabel } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType } from '../../../runtime/engine/index.ts';
import type { Simulation } from './simulator.ts';
import { current, nextTimerAt } from './simulator.ts';
import { patchLines } from '../model/change-words.ts';
import { fieldLabel } from '../model/field-label.ts';

interface Props {
  type: CompiledCaseType;
  sim: Simulation;
  calendar: string | null;
  onHour: () => void;
  onWorkingDay: () => void;
  onNextTimer: () => void;
}

export function SimClock({ type, sim, calendar, onHour, onWorkingDay, onNextTimer }: Props) {
  const snap = current(sim);
  const cal = calendar === null ? undefined : type.calendars[calendar];
  const next = nextTimerAt(sim);
  const local = (at: string) => (cal ? `${formatLocal(cal, at, { date: true })} (${cal.timezone})` : `${formatLocal(undefined, at, { date: true })} UTC`);
  return (
    <div className="sim-clock">
      <h3>Clock</h3>
      <p>
        Now: <strong data-testid="sim-now">{local(snap.now)}</strong> <span className="muted">{snap.now}</span>
      </p>
      <div className="button-row">
        <button type="button" onClick={onHour}>
          +1 h
        </button>
        <button type="button" onClick={onWorkingDay}>
          +1 working day{calendar ? ` ('${calendar}')` : ' (24 h, no calendar)'}
        </button>
        <button type="button" onClick={onNextTimer} disabled={next === null}>
          To the next timer{next ? ` (${local(next)})` : ''}
        </button>
      </div>
      {snap.case.timers.length > 0 ? (
        <ul className="plain sim-timers" aria-label="Pending timers">
          {[...snap.case.timers]
            .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
            .map((t) => (
              <li key={t.id}>
                <code>{t.event}</code> at {local(t.dueAt)}
              </li>
            ))}
        </ul>
      ) : (
        <p className="muted">No timers pending.</p>
      )}
    </div>
  );
}

/** The current state line: state, closed, priority, queue. */
export function SimSummary({ sim }: { sim: Simulation }) {
  const snap = current(sim);
  return (
    <p>
      State: <strong data-testid="sim-state">{stateLabel(snap.case.state)}</strong>
      {snap.case.closedAt ? <span className="badge">closed</span> : null} · priority {snap.case.priority}
      {snap.case.queue ? ` · queue ${snap.case.queue}` : ''}
    </p>
  );
}

export function SimCaseState({ type, sim }: { type: CompiledCaseType; sim: Simulation }) {
  const snap = current(sim);
  const slas = explainSlas(type, snap.case, snap.now);
  const entries = sim.snapshots.flatMap((s) => s.entries);
  return (
    <div className="sim-case">
      <h3>SLA clocks</h3>
      {slas.length === 0 ? <p className="muted">No SLA records.</p> : null}
      <ul className="plain" aria-label="SLA clocks">
        {slas.map((s) => (
          <li key={s.id} data-sla={s.name} data-status={s.status}>
            <strong>{s.title}</strong> <span className={`sla-status sla-${s.status}`}>{s.status}</span>: {s.text}
          </li>
        ))}
      </ul>
      <h3>Open tasks</h3>
      {snap.case.tasks.length === 0 ? <p className="muted">None.</p> : null}
      <ul className="plain" aria-label="Open tasks">
        {snap.case.tasks.map((t) => (
          <li key={t.id}>
            {t.title}
            {t.queue ? ` (queue ${t.queue})` : ''}
          </li>
        ))}
      </ul>
      <h3>History</h3>
      <ol className="sim-history" aria-label="History">
        {entries.map((e) => (
          <li key={e.seq}>
            <span className="muted">{e.at.replace('.000Z', 'Z')}</span> <code>{e.event.type}</code> by {e.actor}: {e.from === null ? '' : `${stateLabel(e.from)} → `}
            {stateLabel(e.to)}
            {e.patch.length > 0 ? (
              <ul>
                {e.patch.flatMap((op) => patchLines(op, (p) => fieldLabel(type.def, p))).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
            {e.notes.map((n, i) => (
              <div key={`n${i}`} className="muted">
                note: {n}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
