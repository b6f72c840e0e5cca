// The SLA clock's arithmetic: the interval ladder of one record (warning, goal, deadline, passed
// deadline) derived from its start, its pause ledger and its calendar — never stored, so it can be
// explained and recomputed (case-type-format.md "slas", docs/semantics.md "SLAs").
import type { Sla } from '../../schemas/generated/case-type.ts';
import type { BusinessCalendar } from './calendar.ts';
import { addDuration, addWorkingTime, workingTimeBetween } from './calendar.ts';
import { durationToMs, timePartToMs, toDurationParts } from './duration.ts';
import type { Instant, PendingTimer, SlaInstance, SlaPause, SlaRung, SlaStatus } from './types.ts';

/** `warnAt` when the SLA leaves it out: 75 % of the goal (of the deadline without a goal). */
export const DEFAULT_WARN_AT = '75%';

/** One SLA definition with its calendar resolved. */
export interface SlaClock {
  name: string;
  sla: Sla;
  /** The SLA's calendar; `undefined` means plain elapsed time. */
  cal: BusinessCalendar | undefined;
}

/** A rung of the ladder. `repeat` numbers the passedDeadline rungs (1, 2, ...) and is 0 for the others. */
export interface RungStep {
  rung: SlaRung;
  repeat: number;
  /** The urgency the rung raises the record to: 1 warning, 2 goal missed, 3 breached, 3 + n the n-th passed deadline. */
  level: number;
}

/** The next rung an open record will reach, and when. */
export interface NextRung {
  step: RungStep;
  dueAt: Instant;
}

const toMs = (at: Instant): number => Date.parse(at);

export function rungStep(rung: SlaRung, repeat = 0): RungStep {
  switch (rung) {
    case 'warning':
      return { rung, repeat: 0, level: 1 };
    case 'goalMissed':
      return { rung, repeat: 0, level: 2 };
    case 'breached':
      return { rung, repeat: 0, level: 3 };
    case 'passedDeadline':
      return { rung, repeat, level: 3 + repeat };
    default: {
      const _never: never = rung;
      return _never;
    }
  }
}

/** The status of an open, running record that has reached `level`. */
export function statusOfLevel(level: number): SlaStatus {
  if (level <= 0) return 'running';
  if (level === 1) return 'warning';
  if (level === 2) return 'missed-goal';
  return 'breached';
}

function warnPercent(warnAt: string): number | null {
  const match = /^(\d{1,3})%$/.exec(warnAt);
  return match ? Number(match[1]) : null;
}

/** Instant of the n-th passed-deadline rung after `deadline`, or null when the SLA has none. */
function passedDeadlineAt(clock: SlaClock, deadline: Instant, repeat: number): Instant | null {
  const passed = clock.sla.passedDeadline;
  if (!passed || repeat < 1 || (passed.times !== undefined && repeat > passed.times)) return null;
  const every = toDurationParts(passed.every);
  // A zero interval would repeat forever at one instant: it never repeats.
  if (durationToMs(every) === 0) return null;
  if (!clock.cal) return addWorkingTime(undefined, deadline, repeat * durationToMs(every));
  // Working time adds up; working days land on a local time of day, so they are added one repeat at a time.
  if (every.days === 0 && every.weeks === 0)
    return addWorkingTime(clock.cal, deadline, repeat * timePartToMs(every));
  let at = deadline;
  for (let i = 0; i < repeat; i++) at = addDuration(clock.cal, at, every);
  return at;
}

/** The rung's instant as if the clock had never paused; null for a rung the SLA does not have. */
export function nominalAt(clock: SlaClock, startedAt: Instant, step: RungStep): Instant | null {
  const { sla, cal } = clock;
  switch (step.rung) {
    case 'warning': {
      const warnAt = sla.warnAt ?? DEFAULT_WARN_AT;
      const percent = warnPercent(warnAt);
      if (percent === null) return addDuration(cal, startedAt, warnAt);
      // A share of the goal (or deadline) measured in business time, not in wall-clock time.
      const base = addDuration(cal, startedAt, sla.goal ?? sla.deadline);
      const budget = workingTimeBetween(cal, startedAt, base);
      return addWorkingTime(cal, startedAt, Math.round((budget * percent) / 100));
    }
    case 'goalMissed':
      return sla.goal === undefined ? null : addDuration(cal, startedAt, sla.goal);
    case 'breached':
      return addDuration(cal, startedAt, sla.deadline);
    case 'passedDeadline':
      return passedDeadlineAt(clock, addDuration(cal, startedAt, sla.deadline), step.repeat);
    default: {
      const _never: never = step.rung;
      return _never;
    }
  }
}

/**
 * Moves a nominal instant later by the business time of every pause that began before it (the
 * business time paused is added back). An open pause ends at `openUntil`; with `openUntil` null an
 * open pause that began before the instant leaves it unknown (null): the clock is stopped.
 */
export function shiftByPauses(
  cal: BusinessCalendar | undefined,
  nominal: Instant,
  pauses: readonly SlaPause[],
  openUntil: Instant | null,
): Instant | null {
  let due = nominal;
  for (const pause of pauses) {
    if (toMs(pause.from) >= toMs(due)) break;
    const to = pause.to ?? openUntil;
    if (to === null) return null;
    due = addWorkingTime(cal, due, workingTimeBetween(cal, pause.from, to));
  }
  return due;
}

/** When the record reaches (or reached) a rung: derived from its start, its pauses and the calendar. */
export function rungDueAt(
  clock: SlaClock,
  record: SlaInstance,
  step: RungStep,
  openUntil: Instant | null,
): Instant | null {
  const nominal = nominalAt(clock, record.startedAt, step);
  return nominal === null ? null : shiftByPauses(clock.cal, nominal, record.pauses, openUntil);
}

/** The rungs a record at `level` can still reach, in ladder order. */
function candidateSteps(clock: SlaClock, level: number): RungStep[] {
  const steps: RungStep[] = [];
  if (level < 1) steps.push(rungStep('warning'));
  if (level < 2 && clock.sla.goal !== undefined) steps.push(rungStep('goalMissed'));
  if (level < 3) steps.push(rungStep('breached'));
  else steps.push(rungStep('passedDeadline', level - 2));
  return steps;
}

/**
 * The next rung of a record: the earliest of the rungs above its urgency (ties go to the lower
 * rung). A rung whose instant comes after a higher rung's is skipped: urgency only rises.
 * Null when nothing is left, or when the clock is paused before every remaining rung (`openUntil` null).
 */
export function nextRung(clock: SlaClock, record: SlaInstance, openUntil: Instant | null): NextRung | null {
  let best: NextRung | null = null;
  for (const step of candidateSteps(clock, record.urgency)) {
    const dueAt = rungDueAt(clock, record, step, openUntil);
    if (dueAt !== null && (best === null || toMs(dueAt) < toMs(best.dueAt))) best = { step, dueAt };
  }
  return best;
}

/** `sla.<name>#<n>.<rung>`, and `sla.<name>#<n>.passedDeadline.<repeat>`. */
export function slaTimerId(recordId: string, step: RungStep): string {
  return step.rung === 'passedDeadline'
    ? `sla.${recordId}.passedDeadline.${step.repeat}`
    : `sla.${recordId}.${step.rung}`;
}

const TIMER_ID =
  /^sla\.([a-zA-Z][a-zA-Z0-9_-]*)#([1-9][0-9]*)\.(warning|goalMissed|breached|passedDeadline)(?:\.([1-9][0-9]*))?$/;

/** Reads a timer id written by `slaTimerId`; null for anything else. */
export function parseSlaTimerId(id: string): { recordId: string; name: string; step: RungStep } | null {
  const match = TIMER_ID.exec(id);
  if (!match) return null;
  const [, name = '', n = '', rung = '', repeat] = match;
  if ((rung === 'passedDeadline') !== (repeat !== undefined)) return null;
  return { recordId: `${name}#${n}`, name, step: rungStep(rung as SlaRung, Number(repeat ?? 0)) };
}

/** The one pending timer of a record: its next rung, while it is open and its clock runs toward it. */
export function recordTimer(clock: SlaClock, record: SlaInstance): PendingTimer | null {
  if (record.closedAt !== null) return null;
  const next = nextRung(clock, record, null);
  if (!next) return null;
  return {
    id: slaTimerId(record.id, next.step),
    event: `sla.${clock.name}.${next.step.rung}`,
    dueAt: next.dueAt,
  };
}

/** Business time paused in `[startedAt, until)` (an open pause counts up to `until`). */
export function pausedMs(
  cal: BusinessCalendar | undefined,
  pauses: readonly SlaPause[],
  until: Instant,
): number {
  let total = 0;
  for (const pause of pauses) {
    const to = pause.to === null || toMs(pause.to) > toMs(until) ? until : pause.to;
    total += workingTimeBetween(cal, pause.from, to);
  }
  return total;
}

/** The end of a record's clock: when it closed, else `now`. */
export function clockEnd(record: SlaInstance, now: Instant): Instant {
  return record.closedAt ?? now;
}

/** Business time the clock ran: from the start to its end, less the business time paused. */
export function elapsedMs(clock: SlaClock, record: SlaInstance, now: Instant): number {
  const end = clockEnd(record, now);
  return workingTimeBetween(clock.cal, record.startedAt, end) - pausedMs(clock.cal, record.pauses, end);
}

/** Business time between the start and the deadline: the record's budget. */
export function deadlineBudgetMs(clock: SlaClock, startedAt: Instant): number {
  return workingTimeBetween(clock.cal, startedAt, addDuration(clock.cal, startedAt, clock.sla.deadline));
}
