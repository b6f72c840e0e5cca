// Backtest: the events of real cases replayed on a draft (B) and, the same way, on the version they ran
// on (A), so an analyst sees before publishing where each case would diverge, how its SLA outcomes and
// its end state would change. Pure: the history and the instants come in, a report goes out; no effect
// runs. Semantics and guarantees: docs/backtest.md.
import { applyEventWith } from './apply-event.ts';
import type { CompiledCaseType } from './compile.ts';
import { createCaseWith } from './create-case.ts';
import { isSystemEvent } from './event-names.ts';
import { finishCase } from './finish-step.ts';
import { fireTimerWith } from './fire-timer.ts';
import { parseInstant } from './instant.ts';
import { jsonEqual } from './json-patch.ts';
import { leafStateIds } from './playbook-index.ts';
import type { Case, HistoryEntry, Instant, PendingTimer, RejectionCode, SlaInstance, SlaStatus, StateValue } from './types.ts';

/** One case to replay: its stored history (seq order, `case.created` first) and the instant to replay up to. */
export interface BacktestInput {
  id: string;
  history: readonly HistoryEntry[];
  /** The case's `closedAt` when it is closed; "now" for an open one. B's own timers fire up to it. */
  until: Instant;
}

/** Where a replay first left the recorded path. */
export type BacktestDivergence =
  /** The case type refused an event the case had accepted (or refused the creation, seq 1). */
  | { kind: 'rejected'; seq: number; at: Instant; event: string; code: RejectionCode; message: string }
  /** The event was accepted but the case ended up in other states than the history recorded. */
  | { kind: 'routed'; seq: number; at: Instant; event: string; expected: StateValue; actual: StateValue }
  /** Timers kept firing at one instant (a loop of zero delays): the replay stopped there. */
  | { kind: 'timers'; seq: null; at: Instant; event: string; message: string };

/** The outcome of one SLA at the end of a replay: the status of its last record (null: it never started). */
export interface SlaOutcome {
  status: SlaStatus | null;
  /** The deadline was reached (urgency 3 or more: breached, passed deadline) or the record met it late. */
  breached: boolean;
}

/** One replay of a case on one case type. */
export interface ReplayResult {
  /** The first divergence from the recorded path; null when every event went as recorded. */
  divergence: BacktestDivergence | null;
  /** External events the case type refused (the first is in `divergence`). */
  rejected: number;
  /** The active leaf states at the end; empty when the creation was refused. */
  endStates: string[];
  closed: boolean;
  /** Per SLA name of the case type. */
  slas: Record<string, SlaOutcome>;
}

/** One case's backtest: the replay on the published version (A) beside the replay on the draft (B). */
export interface CaseBacktest {
  id: string;
  /** B diverged from the recorded path. */
  diverged: boolean;
  divergence: BacktestDivergence | null;
  /** The replay on A went exactly as recorded (false: the figures of A are a recomputation that differs, e.g. an event sent while a timer was due). */
  reproduced: boolean;
  /** Per SLA name of A or B, its outcome on each (status null where the SLA does not exist or never started). */
  slas: { name: string; before: SlaOutcome; after: SlaOutcome }[];
  endBefore: string[];
  endAfter: string[];
  closedBefore: boolean;
  closedAfter: boolean;
}

/** How many cases of one SLA went from one outcome to another (`none`: the SLA never started or does not exist). */
export interface SlaChange {
  from: SlaStatus | 'none';
  to: SlaStatus | 'none';
  count: number;
}

export interface SlaBacktest {
  name: string;
  /** Cases whose outcome of this SLA changed, by change, most frequent first. */
  changes: SlaChange[];
  /** Cases whose outcome did not change. */
  unchanged: number;
  breachedBefore: number;
  breachedAfter: number;
}

export interface EndStateCount {
  /** Active leaf state ids; empty for a case B refused to create. */
  states: string[];
  before: number;
  after: number;
}

export interface BacktestSummary {
  cases: number;
  diverged: number;
  /** Of the diverged: the first divergence was a refused event. */
  rejected: number;
  /** Of the diverged: the first divergence was a different route. */
  routed: number;
  /** Cases whose replay on A went exactly as recorded. */
  reproduced: number;
  slas: SlaBacktest[];
  /** End states on A and on B, most frequent on A first. */
  endStates: EndStateCount[];
}

/**
 * Timer firings allowed at one instant before a replay is cut: the engine refuses zero intervals on
 * SLA ladders, so only `after` delays of zero that re-enter their state can loop.
 */
const MAX_FIRES_AT_ONE_INSTANT = 1000;

const BREACH_LEVEL = 3;

interface Replayer {
  type: CompiledCaseType;
  kase: Case;
  /** The cut, when timers looped. */
  loop: BacktestDivergence | null;
}

/** `dueTimers(kase, until)[0]` in one pass (by due time, then id): the next timer to fire, and its instant. */
function firstDue(timers: readonly PendingTimer[], limit: number): { timer: PendingTimer; at: number } | null {
  let first: PendingTimer | null = null;
  let firstAt = Number.NaN;
  for (const timer of timers) {
    const at = parseInstant(timer.dueAt);
    if (!(at <= limit)) continue;
    if (first === null || at < firstAt || (at === firstAt && timer.id < first.id)) {
      first = timer;
      firstAt = at;
    }
  }
  return first === null ? null : { timer: first, at: firstAt };
}

/**
 * Fires the case's due timers in due order, each at its own due instant, up to `until` inclusive:
 * `dueTimers` and `fireTimer` (the step without its history entry, which a replay does not read).
 */
function settle(r: Replayer, until: Instant, event: string): void {
  const limit = parseInstant(until);
  let lastAt = Number.NaN;
  let sameInstant = 0;
  for (;;) {
    if (r.kase.closedAt !== null || r.kase.timers.length === 0) return;
    const due = firstDue(r.kase.timers, limit);
    if (due === null) return;
    const { timer: next, at } = due;
    sameInstant = at === lastAt ? sameInstant + 1 : 0;
    lastAt = at;
    if (sameInstant >= MAX_FIRES_AT_ONE_INSTANT) {
      r.loop = {
        kind: 'timers',
        seq: null,
        at: next.dueAt,
        event,
        message: `Timers fired ${String(MAX_FIRES_AT_ONE_INSTANT)} times at ${next.dueAt} without time passing (last ${next.event}); the replay stopped there.`,
      };
      return;
    }
    const fired = fireTimerWith(finishCase, r.type, r.kase, next.id, next.dueAt);
    // fireTimer refuses only a timer that is gone or a closed case, which the checks above rule out
    if (!fired.ok) return;
    r.kase = fired.case;
  }
}

function slaOutcomes(type: CompiledCaseType, slas: readonly SlaInstance[]): Record<string, SlaOutcome> {
  const outcomes: Record<string, SlaOutcome> = {};
  for (const name of Object.keys(type.def.slas ?? {})) outcomes[name] = { status: null, breached: false };
  // records are appended, so the last one of a name wins
  for (const record of slas) {
    outcomes[record.name] = {
      status: record.status,
      breached: record.urgency >= BREACH_LEVEL || record.status === 'breached' || record.status === 'met-late',
    };
  }
  return outcomes;
}

/**
 * Replays one case's recorded external events on `type`: the creation with its data at its time, then
 * each event at its time as the system (no role check), the type's own timers fired between them and
 * up to `until`. The recorded system events (timers, SLA rungs, child.closed) are not replayed: the
 * type's own timers take their place.
 */
export function replayHistory(type: CompiledCaseType, input: BacktestInput): ReplayResult {
  const [first, ...rest] = input.history;
  if (first === undefined || first.event.type !== 'case.created') {
    throw new Error(`Case ${input.id}: its history must begin with case.created (got ${first === undefined ? 'no entries' : first.event.type}).`);
  }
  const created = createCaseWith(finishCase, type, first.event.data === undefined ? { id: input.id } : { id: input.id, data: first.event.data }, first.at);
  if (!created.ok) {
    return {
      divergence: { kind: 'rejected', seq: first.seq, at: first.at, event: 'case.created', code: created.code, message: created.message },
      rejected: 1,
      endStates: [],
      closed: false,
      slas: slaOutcomes(type, []),
    };
  }
  const r: Replayer = { type, kase: created.case, loop: null };
  let divergence: BacktestDivergence | null = jsonEqual(created.case.state, first.to)
    ? null
    : { kind: 'routed', seq: first.seq, at: first.at, event: 'case.created', expected: first.to, actual: created.case.state };
  let rejected = 0;
  for (const entry of rest) {
    if (isSystemEvent(entry.event.type)) continue;
    settle(r, entry.at, entry.event.type);
    if (r.loop !== null) break;
    const outcome = applyEventWith(finishCase, type, r.kase, entry.event.data === undefined ? { type: entry.event.type } : { type: entry.event.type, data: entry.event.data }, entry.at);
    if (!outcome.ok) {
      rejected += 1;
      divergence ??= { kind: 'rejected', seq: entry.seq, at: entry.at, event: entry.event.type, code: outcome.code, message: outcome.message };
      continue;
    }
    r.kase = outcome.case;
    if (divergence === null && !jsonEqual(outcome.case.state, entry.to)) {
      divergence = { kind: 'routed', seq: entry.seq, at: entry.at, event: entry.event.type, expected: entry.to, actual: outcome.case.state };
    }
  }
  if (r.loop === null) settle(r, input.until, 'end');
  return {
    divergence: divergence ?? r.loop,
    rejected,
    endStates: leafStateIds(r.kase.state),
    closed: r.kase.closedAt !== null,
    slas: slaOutcomes(type, r.kase.slas),
  };
}

/** One case replayed on the published version (`a`) and on the draft (`b`). */
export function backtestCase(a: CompiledCaseType, b: CompiledCaseType, input: BacktestInput): CaseBacktest {
  const before = replayHistory(a, input);
  const after = replayHistory(b, input);
  const none: SlaOutcome = { status: null, breached: false };
  const names = [...new Set([...Object.keys(before.slas), ...Object.keys(after.slas)])];
  return {
    id: input.id,
    diverged: after.divergence !== null,
    divergence: after.divergence,
    reproduced: before.divergence === null,
    slas: names.map((name) => ({ name, before: before.slas[name] ?? none, after: after.slas[name] ?? none })),
    endBefore: before.endStates,
    endAfter: after.endStates,
    closedBefore: before.closed,
    closedAfter: after.closed,
  };
}

const countDown = <T extends { count: number }>(a: T, b: T): number => b.count - a.count;

/** The figures over many case backtests: divergences, SLA outcome changes per SLA, end states on A and B. */
export function summarizeBacktest(results: readonly CaseBacktest[]): BacktestSummary {
  let diverged = 0;
  let rejected = 0;
  let routed = 0;
  let reproduced = 0;
  const slas = new Map<string, { changes: Map<string, SlaChange>; unchanged: number; breachedBefore: number; breachedAfter: number }>();
  const ends = new Map<string, EndStateCount>();
  const end = (states: string[]): EndStateCount => {
    const key = states.join('\u0000');
    let count = ends.get(key);
    if (count === undefined) {
      count = { states, before: 0, after: 0 };
      ends.set(key, count);
    }
    return count;
  };
  for (const result of results) {
    if (result.diverged) diverged += 1;
    if (result.divergence?.kind === 'rejected') rejected += 1;
    if (result.divergence?.kind === 'routed') routed += 1;
    if (result.reproduced) reproduced += 1;
    for (const { name, before, after } of result.slas) {
      let sla = slas.get(name);
      if (sla === undefined) {
        sla = { changes: new Map(), unchanged: 0, breachedBefore: 0, breachedAfter: 0 };
        slas.set(name, sla);
      }
      if (before.breached) sla.breachedBefore += 1;
      if (after.breached) sla.breachedAfter += 1;
      const from = before.status ?? 'none';
      const to = after.status ?? 'none';
      if (from === to) {
        sla.unchanged += 1;
        continue;
      }
      const key = `${from}>${to}`;
      const change = sla.changes.get(key);
      if (change === undefined) sla.changes.set(key, { from, to, count: 1 });
      else change.count += 1;
    }
    end(result.endBefore).before += 1;
    end(result.endAfter).after += 1;
  }
  return {
    cases: results.length,
    diverged,
    rejected,
    routed,
    reproduced,
    slas: [...slas].map(([name, sla]) => ({
      name,
      changes: [...sla.changes.values()].sort(countDown),
      unchanged: sla.unchanged,
      breachedBefore: sla.breachedBefore,
      breachedAfter: sla.breachedAfter,
    })),
    endStates: [...ends.values()].sort((x, y) => y.before - x.before || y.after - x.after),
  };
}

/** Backtests every case against the draft and sums the figures up. Compile both types once, before. */
export function backtest(a: CompiledCaseType, b: CompiledCaseType, inputs: readonly BacktestInput[]): { cases: CaseBacktest[]; summary: BacktestSummary } {
  const cases = inputs.map((input) => backtestCase(a, b, input));
  return { cases, summary: summarizeBacktest(cases) };
}
