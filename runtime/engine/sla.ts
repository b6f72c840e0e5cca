// The SLA clock as a pure module the engine calls: after every step (`updateSlas`) and when an SLA
// timer falls due (`fireSlaTimer`). Records are a budget plus a pause ledger; due instants are
// derived (sla-ladder.ts). Semantics: case-type-format.md "slas", docs/semantics.md "SLAs".
import type { Action, CaseType, Sla } from '../../schemas/generated/case-type.ts';
import type { BusinessCalendar } from './calendar.ts';
import { compileCalendar } from './calendar.ts';
import { parseInstant } from './instant.ts';
import { conditionMatch, holdingMatch, isLatch, momentaryMatch, startInstant } from './sla-conditions.ts';
import type { SlaStepContext } from './sla-conditions.ts';
import {
  nextRung,
  parseSlaTimerId,
  recordTimer,
  rungDueAt,
  rungStep,
  slaTimerId,
  statusOfLevel,
} from './sla-ladder.ts';
import type { SlaClock } from './sla-ladder.ts';
import type { Instant, PendingTimer, SlaInstance, SlaPause, SlaPauseReason, SlaRung } from './types.ts';

export type { SlaStepContext } from './sla-conditions.ts';
export { parseSlaTimerId, slaTimerId } from './sla-ladder.ts';

/** Compiled calendars by name (`compileCalendar`), as the engine keeps them for a case type. */
export type SlaCalendars = Readonly<Record<string, BusinessCalendar | undefined>>;

/** New records and the timer changes that go with them. Inputs are never mutated. */
export interface SlaUpdate {
  instances: SlaInstance[];
  /** Timers to set; a timer replaces a pending one with the same id. */
  setTimers: PendingTimer[];
  /** Ids of pending timers to drop. */
  cancelTimers: string[];
}

/** A rung reached by a fired SLA timer: the engine runs `actions` as playbook actions. */
export interface SlaRungReached extends SlaUpdate {
  sla: string;
  /** The record, `<name>#<n>`. */
  recordId: string;
  rung: SlaRung;
  /** 1, 2, ... for `passedDeadline`; 0 for the other rungs. */
  repeat: number;
  /** The derived instant the rung was reached (the timer's due time, even when it fires late). */
  at: Instant;
  /** The SLA's new urgency. */
  urgency: number;
  actions: Action[];
}

/** Compiles every calendar of a case type, by name (the `calendars` argument of this module). */
export function compileSlaCalendars(def: CaseType): Record<string, BusinessCalendar> {
  const compiled: Record<string, BusinessCalendar> = {};
  for (const [name, calendar] of Object.entries(def.calendars ?? {})) {
    if (calendar) compiled[name] = compileCalendar(calendar, name);
  }
  return compiled;
}

/** The SLA definition and calendar of a name; null when the case type has no such SLA. */
export function slaClockOf(def: CaseType, calendars: SlaCalendars, name: string): SlaClock | null {
  const sla = def.slas?.[name];
  if (!sla) return null;
  if (sla.calendar === undefined) return { name, sla, cal: undefined };
  const cal = calendars[sla.calendar];
  if (!cal) {
    throw new Error(
      `SLA '${name}' (/slas/${name}/calendar) names calendar '${sla.calendar}', which was not compiled: pass every calendar of the case type, compiled with compileCalendar.`,
    );
  }
  return { name, sla, cal };
}

/** The pending SLA timers that belong with these records: at most one per open record (its next rung). */
export function slaTimers(
  def: CaseType,
  calendars: SlaCalendars,
  instances: readonly SlaInstance[],
): PendingTimer[] {
  const timers: PendingTimer[] = [];
  for (const record of instances) {
    const clock = record.closedAt === null ? slaClockOf(def, calendars, record.name) : null;
    const timer = clock ? recordTimer(clock, record) : null;
    if (timer) timers.push(timer);
  }
  return timers;
}

function diffTimers(
  def: CaseType,
  calendars: SlaCalendars,
  before: readonly SlaInstance[],
  after: readonly SlaInstance[],
  consumed: string | null,
): Pick<SlaUpdate, 'setTimers' | 'cancelTimers'> {
  // A record the step left as it was (the same object) keeps its timer: only the others are worked out.
  const kept = new Set(after);
  const shared = new Set(before);
  const was = slaTimers(def, calendars, before.filter((record) => !kept.has(record)));
  const is = slaTimers(def, calendars, after.filter((record) => !shared.has(record)));
  return {
    setTimers: is.filter((t) => !was.some((w) => w.id === t.id && w.dueAt === t.dueAt)),
    cancelTimers: was.filter((w) => w.id !== consumed && !is.some((t) => t.id === w.id)).map((w) => w.id),
  };
}

function openPause(record: SlaInstance): SlaPause | null {
  const last = record.pauses[record.pauses.length - 1];
  return last && last.to === null ? last : null;
}

/** Ends an open pause at `now` (a pause that lasted no time is dropped). */
export function endPause(pauses: readonly SlaPause[], now: Instant): SlaPause[] {
  const last = pauses[pauses.length - 1];
  if (!last || last.to !== null) return [...pauses];
  const kept = pauses.slice(0, -1);
  return parseInstant(last.from) === parseInstant(now) ? kept : [...kept, { ...last, to: now }];
}

/** Closes a record: `stop` gives met or met-late, `cancel` gives cancelled. */
function closeRecord(
  clock: SlaClock,
  record: SlaInstance,
  how: 'stop' | 'cancel',
  now: Instant,
): SlaInstance {
  const closed: SlaInstance = { ...record, pauses: endPause(record.pauses, now), closedAt: now };
  if (how === 'cancel') return { ...closed, status: 'cancelled' };
  // Met when closed before the deadline; met-late after it, or once the breach rung was reached.
  const deadline = rungDueAt(clock, closed, rungStep('breached'), now);
  const late = record.urgency >= 3 || (deadline !== null && parseInstant(now) > parseInstant(deadline));
  return { ...closed, status: late ? 'met-late' : 'met' };
}

function newRecord(name: string, n: number, startedAt: Instant): SlaInstance {
  return {
    id: `${name}#${n}`,
    name,
    status: 'running',
    startedAt,
    pauses: [],
    closedAt: null,
    rungs: [],
    urgency: 0,
  };
}

const sameReason = (a: SlaPauseReason | undefined, b: SlaPauseReason): boolean =>
  a !== undefined && a.part === b.part && a.name === b.name;

/**
 * Pauses or resumes an open record. A momentary part (`event`, `enter`) latches the pause until the
 * `start` condition matches again; a lasting part (`in`, `rule`) pauses exactly while it holds. The
 * latest matching part is the one that holds the pause.
 */
function pauseOrResume(clock: SlaClock, record: SlaInstance, ctx: SlaStepContext): SlaInstance {
  const current = openPause(record);
  let reason = momentaryMatch(clock.sla.pause, ctx) ?? holdingMatch(clock.sla.pause, ctx);
  if (!reason && current && isLatch(current.reason) && !conditionMatch(clock.sla.start, ctx)) {
    reason = current.reason ?? null;
  }
  if (reason && !current) {
    return { ...record, status: 'paused', pauses: [...record.pauses, { from: ctx.now, to: null, reason }] };
  }
  if (reason && current) {
    if (sameReason(current.reason, reason)) return record;
    return { ...record, pauses: [...record.pauses.slice(0, -1), { ...current, reason }] };
  }
  if (current) {
    return { ...record, status: statusOfLevel(record.urgency), pauses: endPause(record.pauses, ctx.now) };
  }
  return record;
}

/** Closes `records[open]` in the caller's copy of the list; returns -1 (no open record any more). */
function closeAt(clock: SlaClock, records: SlaInstance[], open: number, how: 'stop' | 'cancel', now: Instant): number {
  const record = records[open];
  if (record) records[open] = closeRecord(clock, record, how, now);
  return -1;
}

/**
 * One SLA over one step, in order: cancel, reset, stop, start, pause/resume, case closed. Writes into
 * `records`, the caller's own copy of the list (records themselves are replaced, never changed).
 */
function stepSla(clock: SlaClock, records: SlaInstance[], ctx: SlaStepContext): void {
  const { sla, name } = clock;
  const count = records.filter((r) => r.name === name).length;
  let open = records.findIndex((r) => r.name === name && r.closedAt === null);

  if (open >= 0 && conditionMatch(sla.cancel, ctx)) open = closeAt(clock, records, open, 'cancel', ctx.now);
  const restart = count > 0 && conditionMatch(sla.reset, ctx) !== null;
  if (restart && open >= 0) open = closeAt(clock, records, open, 'cancel', ctx.now);
  if (open >= 0 && conditionMatch(sla.stop, ctx)) open = closeAt(clock, records, open, 'stop', ctx.now);

  if (!ctx.caseClosed) {
    // The first record may start retroactively (startFrom); a reset starts the next one now.
    const startedAt = restart
      ? ctx.now
      : count === 0 && conditionMatch(sla.start, ctx)
        ? startInstant(sla, ctx.data, ctx.now)
        : null;
    if (startedAt !== null) open = records.push(newRecord(name, count + 1, startedAt)) - 1;
  }

  const record = records[open];
  if (!record) return;
  if (ctx.caseClosed) closeAt(clock, records, open, 'cancel', ctx.now);
  else records[open] = pauseOrResume(clock, record, ctx);
}

/**
 * Runs every SLA of the case type over one engine step and returns the new records with the timer
 * changes. Call it after each accepted event (creation and fired timers included).
 */
export function updateSlas(
  def: CaseType,
  calendars: SlaCalendars,
  instances: readonly SlaInstance[],
  ctx: SlaStepContext,
): SlaUpdate {
  const records = [...instances];
  for (const name of Object.keys(def.slas ?? {})) {
    const clock = slaClockOf(def, calendars, name);
    if (clock) stepSla(clock, records, ctx);
  }
  return { instances: records, ...diffTimers(def, calendars, instances, records, null) };
}

function rungActions(sla: Sla, rung: SlaRung): Action[] {
  switch (rung) {
    case 'warning':
      return sla.onWarning ?? [];
    case 'goalMissed':
      return sla.onGoalMissed ?? [];
    case 'breached':
      return sla.onBreach ?? [];
    case 'passedDeadline':
      return sla.onPassedDeadline ?? [];
    default: {
      const _never: never = rung;
      return _never;
    }
  }
}

/**
 * A due SLA timer: records the rung, raises the urgency and returns the rung's actions and the next
 * timer. Null when the timer is stale (the record closed, was reset, is paused before the rung, or
 * the rung moved later): the engine then ignores the timer. The fired timer itself is consumed by the
 * engine and is not listed in `cancelTimers`. The engine then processes the event
 * `sla.<name>.<rung>` as usual (playbook `on`, then `updateSlas`).
 */
export function fireSlaTimer(
  def: CaseType,
  calendars: SlaCalendars,
  instances: readonly SlaInstance[],
  timerId: string,
  now: Instant,
): SlaRungReached | null {
  const parsed = parseSlaTimerId(timerId);
  if (!parsed) return null;
  const index = instances.findIndex((r) => r.id === parsed.recordId);
  const record = instances[index];
  if (!record || record.closedAt !== null) return null;
  const clock = slaClockOf(def, calendars, record.name);
  if (!clock) return null;
  const next = nextRung(clock, record, null);
  if (!next || slaTimerId(record.id, next.step) !== timerId || parseInstant(next.dueAt) > parseInstant(now))
    return null;

  const { rung, repeat, level } = next.step;
  const reached: SlaInstance = {
    ...record,
    urgency: level,
    rungs: [...record.rungs, { rung, at: next.dueAt }],
    status: openPause(record) ? 'paused' : statusOfLevel(level),
  };
  const records = [...instances];
  records[index] = reached;
  return {
    instances: records,
    ...diffTimers(def, calendars, instances, records, timerId),
    sla: record.name,
    recordId: record.id,
    rung,
    repeat,
    at: next.dueAt,
    urgency: level,
    actions: rungActions(clock.sla, rung),
  };
}
