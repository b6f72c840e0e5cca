// The SLA clock's arithmetic: the interval ladder of one record (warning, goal, deadline, passed
// deadline) derived from its start, its pause ledger and its calendar — never stored, so it can be
// explained and recomputed (case-type-format.md "slas", docs/semantics.md "SLAs").
import type { Sla } from '../../schemas/generated/case-type.ts';
import type { BusinessCalendar } from './calendar.ts';
import { addDuration, addWorkingTime, workingTimeBetween } from './calendar.ts';
import { perCalendar } from './calendar-cache.ts';
import { durationToMs, timePartToMs, toDurationParts } from './duration.ts';
import { parseInstant } from './instant.ts';
import { closedLedger } from './sla-ledger.ts';
import type { Ledger } from './sla-ledger.ts';
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

const toMs = (at: Instant): number => parseInstant(at);

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
 * Derived instants memoised per SLA definition and calendar, then per start instant: they are pure
 * functions of the record's start, its pause ledger and the rung, and every step (and every view)
 * asks for the same ones again. Starts are cleared when too many (bounded memory); figures of a
 * ledger live as long as its node (sla-ledger.ts).
 */
const DUE_CACHE_LIMIT = 20_000;

/** The caches of one SLA definition and calendar, by start instant. */
type LadderCache = Map<Instant, StartCache>;

/** A figure of each rung of a record, kept as it is first derived (`byStep`). */
interface ByStep<T> {
  warning: T | undefined;
  goalMissed: T | undefined;
  breached: T | undefined;
  /** passedDeadline, by repeat. */
  repeats: Map<number, T> | undefined;
}

function newByStep<T>(): ByStep<T> {
  return { warning: undefined, goalMissed: undefined, breached: undefined, repeats: undefined };
}

interface StartCache {
  /** Instants as if the clock had never paused. */
  nominal: ByStep<Instant | null>;
  /** Instants shifted by a ledger of closed pauses (made when a record with this start first paused). */
  shifted: WeakMap<Ledger, ByStep<Shifted>> | undefined;
  /** The deadline budget. */
  budget: number | undefined;
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
    cache = new Map();
    caches.byCalendar.set(clock.cal, cache);
  }
  return cache;
}

function startCacheOf(clock: SlaClock, startedAt: Instant): StartCache {
  const starts = ladderCacheOf(clock);
  let cache = starts.get(startedAt);
  if (!cache) {
    if (starts.size >= DUE_CACHE_LIMIT) starts.clear();
    cache = { nominal: newByStep(), shifted: undefined, budget: undefined };
    starts.set(startedAt, cache);
  }
  return cache;
}

/** A rung's figure from `slots`, derived and kept on first use. */
function byStep<T>(slots: ByStep<T>, step: RungStep, derive: () => T): T {
  if (step.rung === 'passedDeadline') {
    slots.repeats ??= new Map();
    let value = slots.repeats.get(step.repeat);
    if (value === undefined) {
      value = derive();
      slots.repeats.set(step.repeat, value);
    }
    return value;
  }
  let value = slots[step.rung];
  if (value === undefined) {
    value = derive();
    slots[step.rung] = value;
  }
  return value;
}

/** A rung's figure from `slots` if known. */
function knownByStep<T>(slots: ByStep<T>, step: RungStep): T | undefined {
  return step.rung === 'passedDeadline' ? slots.repeats?.get(step.repeat) : slots[step.rung];
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= DUE_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Business time of closed pauses by `<from>><to>`, per calendar (pauses are read again by every view). */
const pauseMsCacheOf = perCalendar(() => new Map<string, number>());

function closedPauseMs(cal: BusinessCalendar | undefined, from: Instant, to: Instant): number {
  if (!cal) return workingTimeBetween(cal, from, to);
  const cache = pauseMsCacheOf(cal);
  const key = `${from}>${to}`;
  const known = cache.get(key);
  return known !== undefined ? known : remember(cache, key, workingTimeBetween(cal, from, to));
}

/** The rung's instant as if the clock had never paused (kept per start); null for a rung the SLA does not have. */
function nominalIn(start: StartCache, clock: SlaClock, startedAt: Instant, step: RungStep): Instant | null {
  return byStep(start.nominal, step, () => computeNominalAt(clock, startedAt, step));
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

/** What the rungs of one record derive from, looked up once for all of them. */
interface RecordLadder {
  clock: SlaClock;
  record: SlaInstance;
  start: StartCache;
  /** Its closed pauses; null when an open pause comes before the last one. */
  ledger: Ledger | null;
  /** Business time of the open last pause up to `openUntil`, once asked for (the same for every rung). */
  open: { until: Instant; ms: number } | null;
}

function recordLadder(clock: SlaClock, record: SlaInstance): RecordLadder {
  return { clock, record, start: startCacheOf(clock, record.startedAt), ledger: closedLedger(record.pauses), open: null };
}

function openPauseMs(ladder: RecordLadder, open: SlaPause, until: Instant): number {
  if (ladder.open?.until !== until) ladder.open = { until, ms: workingTimeBetween(ladder.clock.cal, open.from, until) };
  return ladder.open.ms;
}

/**
 * `shiftByPauses` over a ledger of closed pauses (remembered: they never change). A ledger usually
 * grows by one pause per step, so it starts from the ledger one pause shorter when known.
 */
function shiftedByClosed(ladder: RecordLadder, ledger: Ledger, step: RungStep): Shifted {
  const shifted = (ladder.start.shifted ??= new WeakMap());
  let slots = shifted.get(ledger);
  if (!slots) {
    slots = newByStep();
    shifted.set(ledger, slots);
  }
  return byStep(slots, step, () => {
    const shorter = ledger.parent ? shifted.get(ledger.parent) : undefined;
    return shiftBy(ladder, ledger, step, shorter && knownByStep(shorter, step));
  });
}

/** Shifts the rung over the ledger's pauses, or over its last one from the shorter ledger's result. */
function shiftBy({ clock, record, start }: RecordLadder, { count }: Ledger, step: RungStep, shorter: Shifted | undefined): Shifted {
  let due: Instant | null;
  let stopped: boolean;
  let from = 0;
  if (shorter !== undefined) {
    ({ due, stopped } = shorter);
    from = count - 1;
  } else {
    due = nominalIn(start, clock, record.startedAt, step);
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
  return { due, stopped };
}

function dueIn(ladder: RecordLadder, step: RungStep, openUntil: Instant | null): Instant | null {
  const { clock, record, start, ledger } = ladder;
  const { pauses } = record;
  if (pauses.length === 0) return nominalIn(start, clock, record.startedAt, step);
  if (ledger === null) {
    // An open pause before the last one (not written by this module): the plain walk.
    const nominal = nominalIn(start, clock, record.startedAt, step);
    return nominal === null ? null : shiftByPauses(clock.cal, nominal, pauses, openUntil);
  }
  const closed = ledger.count;
  const shifted = shiftedByClosed(ladder, ledger, step);
  if (closed === pauses.length || shifted.stopped || shifted.due === null) return shifted.due;
  // The open pause, last: as in shiftByPauses, it ends at `openUntil` (unknown when null).
  const open = pauses[closed] as SlaPause;
  if (toMs(open.from) >= toMs(shifted.due)) return shifted.due;
  if (openUntil === null) return null;
  return addWorkingTime(clock.cal, shifted.due, openPauseMs(ladder, open, openUntil));
}

/** When the record reaches (or reached) a rung: derived from its start, its pauses and the calendar. */
export function rungDueAt(
  clock: SlaClock,
  record: SlaInstance,
  step: RungStep,
  openUntil: Instant | null,
): Instant | null {
  return dueIn(recordLadder(clock, record), step, openUntil);
}

/** Due instants of one record's rungs with the open pause ending at `openUntil`, each derived once. */
export type RungDues = (step: RungStep) => Instant | null;

export function rungDues(clock: SlaClock, record: SlaInstance, openUntil: Instant | null): RungDues {
  const ladder = recordLadder(clock, record);
  const dues = newByStep<Instant | null>();
  return (step) => byStep(dues, step, () => dueIn(ladder, step, openUntil));
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
 * `dues` gives the rungs' instants when the caller has them (`rungDues` with the same `openUntil`).
 */
export function nextRung(
  clock: SlaClock,
  record: SlaInstance,
  openUntil: Instant | null,
  dues: RungDues = rungDues(clock, record, openUntil),
): NextRung | null {
  let best: NextRung | null = null;
  for (const step of candidateSteps(clock, record.urgency)) {
    const dueAt = dues(step);
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
  return next
    ? { id: slaTimerId(record.id, next.step), event: `sla.${clock.name}.${next.step.rung}`, dueAt: next.dueAt }
    : null;
}

/** Business time paused in `[startedAt, until)` (an open pause counts up to `until`). */
export function pausedMs(
  cal: BusinessCalendar | undefined,
  pauses: readonly SlaPause[],
  until: Instant,
): number {
  const remembered = rememberedPausedMs(cal, pauses, until);
  if (remembered !== null) return remembered;
  let total = 0;
  for (const pause of pauses) {
    if (pause.to === null || toMs(pause.to) > toMs(until)) total += workingTimeBetween(cal, pause.from, until);
    else total += closedPauseMs(cal, pause.from, pause.to);
  }
  return total;
}

/** Business time of ledgers of closed pauses, per calendar; plain elapsed time without one. */
const pausedTotalsOf = perCalendar(() => new WeakMap<Ledger, number>());

/**
 * `pausedMs` from the remembered total of the closed pauses (when all of them ended by `until`) plus
 * an open last pause; null when the ledger is not of that shape.
 */
function rememberedPausedMs(cal: BusinessCalendar | undefined, pauses: readonly SlaPause[], until: Instant): number | null {
  if (pauses.length < 2) return null;
  const ledger = closedLedger(pauses);
  if (ledger === null || !(ledger.lastEnd <= toMs(until))) return null;
  const closed = ledger.count;
  const totals = pausedTotalsOf(cal);
  let total = totals.get(ledger);
  if (total === undefined) {
    const shorter = ledger.parent ? totals.get(ledger.parent) : undefined;
    const from = shorter === undefined ? 0 : closed - 1;
    total = shorter ?? 0;
    for (let i = from; i < closed; i++) {
      const pause = pauses[i] as SlaPause;
      total += closedPauseMs(cal, pause.from, pause.to as Instant);
    }
    totals.set(ledger, total);
  }
  const open = pauses[closed];
  return open === undefined ? total : total + workingTimeBetween(cal, open.from, until);
}

/** The end of a record's clock: when it closed, else `now`. */
export function clockEnd(record: SlaInstance, now: Instant): Instant {
  return record.closedAt ?? now;
}

/**
 * Business time the clock ran: from the start to its end, less the business time paused (`pausedMs`
 * up to the end; pass it when known).
 */
export function elapsedMs(
  clock: SlaClock,
  record: SlaInstance,
  now: Instant,
  paused: number = pausedMs(clock.cal, record.pauses, clockEnd(record, now)),
): number {
  return workingTimeBetween(clock.cal, record.startedAt, clockEnd(record, now)) - paused;
}

/** Business time between the start and the deadline: the record's budget. */
export function deadlineBudgetMs(clock: SlaClock, startedAt: Instant): number {
  const start = startCacheOf(clock, startedAt);
  start.budget ??= workingTimeBetween(clock.cal, startedAt, addDuration(clock.cal, startedAt, clock.sla.deadline));
  return start.budget;
}
