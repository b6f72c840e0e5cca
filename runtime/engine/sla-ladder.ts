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

/**
 * Derived instants memoised per SLA definition and calendar: they are pure functions of the record's
 * start, its pause ledger and the rung, and every step (and every view) asks for the same ones again.
 * Each cache is cleared when full (bounded memory).
 */
const DUE_CACHE_LIMIT = 20_000;

interface LadderCache {
  /** Nominal instants by `<startedAt>|<rung>|<repeat>`. */
  nominal: Map<string, Instant | null>;
  /** Instants shifted by a ledger of closed pauses, by the nominal key plus the ledger. */
  shifted: Map<string, Shifted>;
  /** Deadline budgets by start. */
  budget: Map<string, number>;
}

/** A due instant moved by closed pauses; `stopped` when a pause began at or after it (later ones do not count). */
interface Shifted {
  due: Instant | null;
  stopped: boolean;
}

/** The caches of an SLA definition, with the fields its instants derive from (a draft may be edited in place). */
interface SlaCaches {
  warnAt: string | undefined;
  goal: string | undefined;
  deadline: string;
  every: string | undefined;
  times: number | undefined;
  byCalendar: Map<BusinessCalendar | undefined, LadderCache>;
}

const ladderCaches = new WeakMap<Sla, SlaCaches>();

function ladderCacheOf(clock: SlaClock): LadderCache {
  const { sla } = clock;
  let caches = ladderCaches.get(sla);
  if (
    !caches ||
    caches.warnAt !== sla.warnAt ||
    caches.goal !== sla.goal ||
    caches.deadline !== sla.deadline ||
    caches.every !== sla.passedDeadline?.every ||
    caches.times !== sla.passedDeadline?.times
  ) {
    caches = {
      warnAt: sla.warnAt,
      goal: sla.goal,
      deadline: sla.deadline,
      every: sla.passedDeadline?.every,
      times: sla.passedDeadline?.times,
      byCalendar: new Map(),
    };
    ladderCaches.set(sla, caches);
  }
  let cache = caches.byCalendar.get(clock.cal);
  if (!cache) {
    cache = { nominal: new Map(), shifted: new Map(), budget: new Map() };
    caches.byCalendar.set(clock.cal, cache);
  }
  return cache;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= DUE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Business time of closed pauses by `<from>><to>`, per calendar (pauses are read again by every view). */
const pauseMsCaches = new WeakMap<BusinessCalendar, Map<string, number>>();

function closedPauseMs(cal: BusinessCalendar | undefined, from: Instant, to: Instant): number {
  if (!cal) return workingTimeBetween(cal, from, to);
  let cache = pauseMsCaches.get(cal);
  if (!cache) {
    cache = new Map();
    pauseMsCaches.set(cal, cache);
  }
  const key = `${from}>${to}`;
  const known = cache.get(key);
  return known !== undefined ? known : remember(cache, key, workingTimeBetween(cal, from, to));
}

/**
 * Ledgers of closed pauses are named by small ids, handed out pause by pause (a ledger's id follows
 * from its parent's id and its last pause), so a long ledger is a short key. Ids are never reused:
 * clearing the table when full only hands out new ones.
 */
const LEDGER_LIMIT = 50_000;
const ledgerIds = new Map<string, number>();
let nextLedgerId = 1;

interface Ledger {
  count: number;
  length: number;
  /** `#<id>` of the first `count` pauses, and of the first `count - 1` ('' when count is 0). */
  key: string;
  parentKey: string;
  /** The latest end among the first `count` pauses (epoch ms; -Infinity for none). */
  lastEnd: number;
}

const ledgers = new WeakMap<readonly SlaPause[], Ledger>();

function ledgerOf(pauses: readonly SlaPause[], count: number): Ledger {
  const known = ledgers.get(pauses);
  if (known && known.count === count && known.length === pauses.length) return known;
  let id = 0;
  let parent = 0;
  let lastEnd = -Infinity;
  for (let i = 0; i < count; i++) {
    const pause = pauses[i] as SlaPause;
    const step = `${id}|${pause.from}>${pause.to ?? '-'}`;
    let next = ledgerIds.get(step);
    if (next === undefined) {
      if (ledgerIds.size >= LEDGER_LIMIT) ledgerIds.clear();
      next = nextLedgerId++;
      ledgerIds.set(step, next);
    }
    parent = id;
    id = next;
    if (pause.to !== null) lastEnd = Math.max(lastEnd, toMs(pause.to));
  }
  const ledger = {
    count,
    length: pauses.length,
    key: count === 0 ? '' : `#${id}`,
    parentKey: count <= 1 ? '' : `#${parent}`,
    lastEnd,
  };
  ledgers.set(pauses, ledger);
  return ledger;
}

/** The rung's instant as if the clock had never paused; null for a rung the SLA does not have. */
export function nominalAt(clock: SlaClock, startedAt: Instant, step: RungStep): Instant | null {
  const cache = ladderCacheOf(clock).nominal;
  const key = `${startedAt}|${step.rung}|${step.repeat}`;
  const known = cache.get(key);
  return known !== undefined ? known : remember(cache, key, computeNominalAt(clock, startedAt, step));
}

function computeNominalAt(clock: SlaClock, startedAt: Instant, step: RungStep): Instant | null {
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
    due = addWorkingTime(cal, due, pause.to === null ? workingTimeBetween(cal, pause.from, to) : closedPauseMs(cal, pause.from, to));
  }
  return due;
}

/**
 * `shiftByPauses` over the first `count` pauses, all closed (remembered: they never change). A ledger
 * usually grows by one pause per step, so it starts from the ledger one pause shorter when known.
 */
function shiftedByClosed(clock: SlaClock, record: SlaInstance, step: RungStep, count: number): Shifted {
  const cache = ladderCacheOf(clock).shifted;
  const base = `${record.startedAt}|${step.rung}|${step.repeat}`;
  const ledger = ledgerOf(record.pauses, count);
  const key = base + ledger.key;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let due: Instant | null;
  let stopped: boolean;
  let from = 0;
  const shorter = count > 0 ? cache.get(base + ledger.parentKey) : undefined;
  if (shorter !== undefined) {
    ({ due, stopped } = shorter);
    from = count - 1;
  } else {
    due = nominalAt(clock, record.startedAt, step);
    stopped = due === null;
  }
  for (let i = from; i < count && due !== null && !stopped; i++) {
    const pause = record.pauses[i] as SlaPause;
    if (toMs(pause.from) >= toMs(due)) {
      stopped = true;
      break;
    }
    due = addWorkingTime(clock.cal, due, closedPauseMs(clock.cal, pause.from, pause.to as Instant));
  }
  return remember(cache, key, { due, stopped });
}

/** When the record reaches (or reached) a rung: derived from its start, its pauses and the calendar. */
export function rungDueAt(
  clock: SlaClock,
  record: SlaInstance,
  step: RungStep,
  openUntil: Instant | null,
): Instant | null {
  const { pauses } = record;
  if (pauses.length === 0) return nominalAt(clock, record.startedAt, step);
  let closed = 0;
  while (closed < pauses.length && (pauses[closed] as SlaPause).to !== null) closed++;
  if (closed < pauses.length - 1) {
    // An open pause before the last one (not written by this module): the plain walk.
    const nominal = nominalAt(clock, record.startedAt, step);
    return nominal === null ? null : shiftByPauses(clock.cal, nominal, pauses, openUntil);
  }
  const shifted = shiftedByClosed(clock, record, step, closed);
  if (closed === pauses.length || shifted.stopped || shifted.due === null) return shifted.due;
  // The open pause, last: as in shiftByPauses, it ends at `openUntil` (unknown when null).
  const open = pauses[closed] as SlaPause;
  if (toMs(open.from) >= toMs(shifted.due)) return shifted.due;
  if (openUntil === null) return null;
  return addWorkingTime(clock.cal, shifted.due, workingTimeBetween(clock.cal, open.from, openUntil));
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

interface RememberedTimer {
  /** The SLA's caches: replaced when its definition or calendar changes. */
  ladder: LadderCache;
  name: string;
  id: string;
  startedAt: Instant;
  pauses: readonly SlaPause[];
  pauseCount: number;
  lastPauseTo: Instant | null | undefined;
  urgency: number;
  timer: PendingTimer | null;
}

/**
 * The timer of each open record object seen, so that a record the step left as it was (the same
 * object, records are replaced and never changed) is not derived again. Checked against the fields
 * it was derived from.
 */
const recordTimers = new WeakMap<SlaInstance, RememberedTimer>();

/** The one pending timer of a record: its next rung, while it is open and its clock runs toward it. */
export function recordTimer(clock: SlaClock, record: SlaInstance): PendingTimer | null {
  if (record.closedAt !== null) return null;
  const known = recordTimers.get(record);
  const last = record.pauses[record.pauses.length - 1];
  const ladder = ladderCacheOf(clock);
  if (
    known &&
    known.ladder === ladder &&
    known.name === clock.name &&
    known.id === record.id &&
    known.startedAt === record.startedAt &&
    known.pauses === record.pauses &&
    known.pauseCount === record.pauses.length &&
    known.lastPauseTo === last?.to &&
    known.urgency === record.urgency
  ) {
    return known.timer && { ...known.timer };
  }
  const next = nextRung(clock, record, null);
  const timer = next
    ? { id: slaTimerId(record.id, next.step), event: `sla.${clock.name}.${next.step.rung}`, dueAt: next.dueAt }
    : null;
  recordTimers.set(record, {
    ladder,
    name: clock.name,
    id: record.id,
    startedAt: record.startedAt,
    pauses: record.pauses,
    pauseCount: record.pauses.length,
    lastPauseTo: last?.to,
    urgency: record.urgency,
    timer: timer && { ...timer },
  });
  return timer;
}

/** Business time paused in `[startedAt, until)` (an open pause counts up to `until`). */
export function pausedMs(
  cal: BusinessCalendar | undefined,
  pauses: readonly SlaPause[],
  until: Instant,
): number {
  const remembered = cal ? rememberedPausedMs(cal, pauses, until) : null;
  if (remembered !== null) return remembered;
  let total = 0;
  for (const pause of pauses) {
    if (pause.to === null || toMs(pause.to) > toMs(until)) total += workingTimeBetween(cal, pause.from, until);
    else total += closedPauseMs(cal, pause.from, pause.to);
  }
  return total;
}

/** Business time of ledgers of closed pauses, per calendar, by ledger id. */
const pausedTotals = new WeakMap<BusinessCalendar, Map<string, number>>();

/**
 * `pausedMs` from the remembered total of the closed pauses (when all of them ended by `until`) plus
 * an open last pause; null when the ledger is not of that shape.
 */
function rememberedPausedMs(cal: BusinessCalendar, pauses: readonly SlaPause[], until: Instant): number | null {
  if (pauses.length < 2) return null;
  let closed = 0;
  while (closed < pauses.length && (pauses[closed] as SlaPause).to !== null) closed++;
  if (closed < pauses.length - 1) return null;
  const ledger = ledgerOf(pauses, closed);
  if (!(ledger.lastEnd <= toMs(until))) return null;
  let totals = pausedTotals.get(cal);
  if (!totals) {
    totals = new Map();
    pausedTotals.set(cal, totals);
  }
  let total = totals.get(ledger.key);
  if (total === undefined) {
    const shorter = totals.get(ledger.parentKey);
    const from = shorter === undefined ? 0 : closed - 1;
    total = shorter ?? 0;
    for (let i = from; i < closed; i++) {
      const pause = pauses[i] as SlaPause;
      total += closedPauseMs(cal, pause.from, pause.to as Instant);
    }
    remember(totals, ledger.key, total);
  }
  const open = pauses[closed];
  return open === undefined ? total : total + workingTimeBetween(cal, open.from, until);
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
  const cache = ladderCacheOf(clock).budget;
  const known = cache.get(startedAt);
  if (known !== undefined) return known;
  return remember(cache, startedAt, workingTimeBetween(clock.cal, startedAt, addDuration(clock.cal, startedAt, clock.sla.deadline)));
}
