// What an SLA record means right now, for people and for the API: its derived due instants, the
// business time used, left and paused, and one plain sentence in the calendar's local time, e.g.
// "Breached at Wed 11:00: deadline PT16H in 'office' from Fri 16:00, paused 3 h while in 'Waiting for customer' (Mon 10:00–13:00)."
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';
import type { BusinessCalendar } from './calendar.ts';
import { localDate } from './calendar.ts';
import { formatLocal } from './calendar-format.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from './duration.ts';
import { slaClockOf } from './sla.ts';
import type { SlaCalendars } from './sla.ts';
import {
  clockEnd,
  deadlineBudgetMs,
  elapsedMs,
  nextRung,
  pausedMs,
  rungDueAt,
  rungStep,
} from './sla-ladder.ts';
import type { SlaClock } from './sla-ladder.ts';
import type { Instant, SlaInstance, SlaPause, SlaPauseReason, SlaRung, SlaStatus } from './types.ts';

/** One SLA record as the API and the worker console show it. Business time throughout. */
export interface SlaView {
  id: string;
  name: string;
  title: string;
  status: SlaStatus;
  urgency: number;
  startedAt: Instant;
  closedAt: Instant | null;
  /** Derived instants; while paused they assume the clock resumes now. */
  warnAt: Instant;
  goalAt: Instant | null;
  deadlineAt: Instant;
  /** The next rung of an open record and when it falls due (null when closed or nothing is left). */
  nextRung: SlaRung | null;
  nextAt: Instant | null;
  /** Business time the clock ran (pauses excluded), up to its close or now. */
  elapsedMs: number;
  /** Business time left before the deadline; negative once past it. */
  remainingMs: number;
  /** Business time paused (added back to every due instant). */
  pausedMs: number;
  /** `explainSla`'s sentence. */
  text: string;
}

function requireClock(def: CaseType, calendars: SlaCalendars, record: SlaInstance): SlaClock {
  const clock = slaClockOf(def, calendars, record.name);
  if (!clock) {
    throw new Error(
      `SLA record '${record.id}' names SLA '${record.name}', which case type '${def.key}' does not define: explain a case with the case-type version it was created with.`,
    );
  }
  return clock;
}

/** The derived view of one record at `now`. */
export function slaView(def: CaseType, calendars: SlaCalendars, record: SlaInstance, now: Instant): SlaView {
  const clock = requireClock(def, calendars, record);
  const end = clockEnd(record, now);
  const elapsed = elapsedMs(clock, record, now);
  const next = record.closedAt === null ? nextRung(clock, record, end) : null;
  const due = (rung: SlaRung): Instant | null => rungDueAt(clock, record, rungStep(rung), end);
  return {
    id: record.id,
    name: record.name,
    title: clock.sla.title ?? record.name,
    status: record.status,
    urgency: record.urgency,
    startedAt: record.startedAt,
    closedAt: record.closedAt,
    warnAt: due('warning') ?? end,
    goalAt: due('goalMissed'),
    deadlineAt: due('breached') ?? end,
    nextRung: next?.step.rung ?? null,
    nextAt: next?.dueAt ?? null,
    elapsedMs: elapsed,
    remainingMs: deadlineBudgetMs(clock, record.startedAt) - elapsed,
    pausedMs: pausedMs(clock.cal, record.pauses, end),
    text: explainWith(def, clock, record, now),
  };
}

/** The views of all records of a case, in record order (the engine's `explainSlas`). */
export function slaViews(
  def: CaseType,
  calendars: SlaCalendars,
  records: readonly SlaInstance[],
  now: Instant,
): SlaView[] {
  return records.map((record) => slaView(def, calendars, record, now));
}

/** Business time as people say it: `3 h`, `2 h 30 min`, `45 min`; days too for elapsed time (`30 d`). */
export function formatSpan(ms: number, withDays: boolean): string {
  let rest = Math.round(Math.abs(ms) / MS_PER_SECOND) * MS_PER_SECOND;
  if (rest === 0) return '0 min';
  const parts: string[] = [];
  const units: [number, string][] = [
    ...(withDays ? [[MS_PER_DAY, 'd'] as [number, string]] : []),
    [MS_PER_HOUR, 'h'],
    [MS_PER_MINUTE, 'min'],
    [MS_PER_SECOND, 's'],
  ];
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  return parts.join(' ');
}

function findState(states: { [k: string]: StateNode | undefined } | undefined, id: string): StateNode | null {
  for (const [key, node] of Object.entries(states ?? {})) {
    if (!node) continue;
    if (key === id) return node;
    const found = findState(node.states, id);
    if (found) return found;
  }
  return null;
}

function reasonPhrase(def: CaseType, reason: SlaPauseReason | undefined): string {
  if (!reason) return '';
  const state = (id: string): string => {
    const title = findState(def.playbook.states, id)?.title;
    return title === undefined ? id : `'${title}'`;
  };
  switch (reason.part) {
    case 'in':
      return `while in ${state(reason.name)}`;
    case 'enter':
      return `after entering ${state(reason.name)}`;
    case 'event':
      return `after ${reason.name}`;
    case 'rule': {
      const title = def.rules?.[reason.name]?.title;
      return `while ${title === undefined ? reason.name : `'${title}'`} held`;
    }
    default: {
      const _never: never = reason.part;
      return _never;
    }
  }
}

/** One plain sentence on a record at `now`, in the local time of its calendar (UTC without one). */
export function explainSla(
  def: CaseType,
  calendars: SlaCalendars,
  record: SlaInstance,
  now: Instant,
): string {
  return explainWith(def, requireClock(def, calendars, record), record, now);
}

function explainWith(def: CaseType, clock: SlaClock, record: SlaInstance, now: Instant): string {
  const { sla, cal } = clock;
  const end = clockEnd(record, now);
  const deadlineAt = rungDueAt(clock, record, rungStep('breached'), end) ?? end;
  const goalAt = rungDueAt(clock, record, rungStep('goalMissed'), end);
  const span = Math.max(Date.parse(deadlineAt), Date.parse(end)) - Date.parse(record.startedAt);
  const withDate = span >= 6 * MS_PER_DAY;
  const at = createFormatter(cal, withDate);
  const length = (ms: number): string => formatSpan(ms, cal === undefined);
  const remaining = deadlineBudgetMs(clock, record.startedAt) - elapsedMs(clock, record, now);
  const left = remaining >= 0 ? `${length(remaining)} left` : `${length(remaining)} past the deadline`;
  const reached = (rung: SlaRung): Instant | null =>
    record.rungs.filter((r) => r.rung === rung).pop()?.at ?? null;
  const goal = goalAt === null ? '' : ` (goal ${at(goalAt)})`;
  const levelPhrase = (): string => {
    const top = record.rungs[record.rungs.length - 1];
    if (!top) return '';
    const what = top.rung === 'warning' ? 'warned' : top.rung === 'goalMissed' ? 'goal missed' : 'breached';
    return ` (${what} at ${at(reached(top.rung === 'passedDeadline' ? 'breached' : top.rung) ?? top.at)})`;
  };

  let head: string;
  switch (record.status) {
    case 'running':
      head = `Running, due ${at(deadlineAt)}${goal}, ${left}`;
      break;
    case 'warning':
      head = `Warning since ${at(reached('warning') ?? end)}, due ${at(deadlineAt)}${goal}, ${left}`;
      break;
    case 'missed-goal':
      head = `Goal missed at ${at(reached('goalMissed') ?? end)}, due ${at(deadlineAt)}, ${left}`;
      break;
    case 'breached': {
      const repeats = record.rungs.filter((r) => r.rung === 'passedDeadline').length;
      const last = reached('passedDeadline');
      head = `Breached at ${at(reached('breached') ?? deadlineAt)}`;
      if (repeats > 0 && last !== null)
        head += `, reminded ${repeats} time${repeats === 1 ? '' : 's'} since (last ${at(last)})`;
      break;
    }
    case 'paused': {
      const from = record.pauses[record.pauses.length - 1]?.from ?? end;
      head = `Paused since ${at(from)}, ${left}${levelPhrase()}`;
      break;
    }
    case 'met':
      head = `Met at ${at(end)}, ${length(remaining)} before the deadline${levelPhrase()}`;
      break;
    case 'met-late':
      head = `Met late at ${at(end)}, ${length(Math.min(0, remaining))} after the deadline at ${at(deadlineAt)}`;
      break;
    case 'cancelled':
      head = `Cancelled at ${at(end)}${levelPhrase()}`;
      break;
    default: {
      const _never: never = record.status;
      return _never;
    }
  }

  const where = sla.calendar === undefined ? '' : `in '${sla.calendar}' `;
  const basis = `${sla.goal === undefined ? '' : `goal ${sla.goal}, `}deadline ${sla.deadline} ${where}from ${at(record.startedAt)}`;
  return `${head}: ${basis}${pausesPhrase(def, cal, record.pauses, end, at, length, withDate)}.`;
}

function createFormatter(cal: BusinessCalendar | undefined, withDate: boolean): (at: Instant) => string {
  return (at) => `${formatLocal(cal, at, { date: withDate })}${cal === undefined ? ' UTC' : ''}`;
}

function timeOnly(cal: BusinessCalendar | undefined, at: Instant): string {
  const local = formatLocal(cal, at);
  return `${local.slice(local.lastIndexOf(' ') + 1)}${cal === undefined ? ' UTC' : ''}`;
}

/** When closed pauses were, as written in a calendar's local time (a long ledger is explained on every view). */
const SPAN_CACHE_LIMIT = 20_000;
const pauseSpans = new WeakMap<BusinessCalendar, Map<string, string>>();
const utcPauseSpans = new Map<string, string>();

function pauseSpanCache(cal: BusinessCalendar | undefined): Map<string, string> {
  if (!cal) return utcPauseSpans;
  let cache = pauseSpans.get(cal);
  if (!cache) {
    cache = new Map();
    pauseSpans.set(cal, cache);
  }
  return cache;
}

function pausesPhrase(
  def: CaseType,
  cal: BusinessCalendar | undefined,
  pauses: readonly SlaPause[],
  end: Instant,
  at: (at: Instant) => string,
  length: (ms: number) => string,
  withDate: boolean,
): string {
  if (pauses.length === 0) return '';
  const span = (pause: SlaPause): string => {
    // Within one local day, the end of a pause needs only its time: `(Mon 10:00–13:00)`.
    const sameDay = pause.to !== null && localDate(cal, pause.to) === localDate(cal, pause.from);
    const until = pause.to === null ? 'now' : sameDay ? timeOnly(cal, pause.to) : at(pause.to);
    return `(${at(pause.from)}–${until})`;
  };
  const spans = pauseSpanCache(cal);
  const one = (pause: SlaPause): string => {
    const why = reasonPhrase(def, pause.reason);
    let when: string | undefined;
    if (pause.to === null) when = span(pause);
    else {
      const key = `${withDate ? 'd' : 't'}|${pause.from}|${pause.to}`;
      when = spans.get(key);
      if (when === undefined) {
        when = span(pause);
        if (spans.size >= SPAN_CACHE_LIMIT) spans.clear();
        spans.set(key, when);
      }
    }
    return `${why === '' ? '' : `${why} `}${when}`;
  };
  const total = length(pausedMs(cal, pauses, end));
  const [first] = pauses;
  if (pauses.length === 1 && first) return `, paused ${total} ${one(first)}`;
  const list = pauses.map((p) => `${length(pausedMs(cal, [p], end))} ${one(p)}`);
  return `, paused ${total} in ${pauses.length} pauses: ${list.join('; ')}`;
}
