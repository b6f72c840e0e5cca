// The simulator's model, pure: a run is a list of snapshots (case + clock + history), each made by one
// action (create, send, advance) with the engine itself — createCase, applyEvent, dueTimers/fireTimer,
// exactly as `dossier test` runs a scenario (same actor, same case id, same timer order). Step back drops
// the last snapshot; a run converts to a scenario whose expectations are what the engine did.
import { addDuration, applyEvent, createCase, dueTimers, fireTimer, isSystemEvent, migrateCase } from '../../../runtime/engine/index.ts';
import type { CompiledCaseType, Case, CaseData, Effect, HistoryEntry, Instant, MigrationBlock, MigrationPlan, MigrationSummary, Rejection, SlaStatus } from '../../../runtime/engine/index.ts';
import type { SimFamily } from './linked-sim.ts';
import { SCENARIO_ACTOR, SCENARIO_CASE_ID, latestSla } from '../../../runtime/scenarios/index.ts';
import type { Scenario, ScenarioExpect, ScenarioStep } from '../../../runtime/scenarios/index.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

export interface SimSnapshot {
  case: Case;
  now: Instant;
  /** What made this snapshot, for the list: `create`, `send SUBMIT_TRIAGE`, `advance PT1H`. */
  label: string;
  /** The scenario step it stands for (null for the creation). */
  step: ScenarioStep | null;
  /** The history entries this step added (a send adds one, an advance one per fired timer). */
  entries: HistoryEntry[];
  /** A move to another version (`migrateSimulation`): the plan and what it changed. The case's `version` says which version it runs on from here. */
  migration?: { plan: MigrationPlan; summary: MigrationSummary };
  /** The effects this step's outcomes returned, in order (linked-sim.ts works the linked ones through the child cases). */
  effects?: Effect[];
  /** The simulated child cases as they are after this step (linked-sim.ts); absent: none. */
  family?: SimFamily;
}

export interface Simulation {
  start: Instant;
  data: CaseData;
  snapshots: SimSnapshot[];
}

export type SimResult = { ok: true; sim: Simulation } | { ok: false; rejection: Rejection };

const MAX_TIMERS = 10_000;

export function startSimulation(type: CompiledCaseType, data: CaseData, start: Instant): SimResult {
  const at = new Date(Date.parse(start)).toISOString();
  const created = createCase(type, { id: SCENARIO_CASE_ID, data }, at, SCENARIO_ACTOR);
  if (!created.ok) return { ok: false, rejection: created };
  return { ok: true, sim: { start: at, data, snapshots: [{ case: created.case, now: at, label: 'create the case', step: null, entries: [created.history], effects: created.effects }] } };
}

/** The child cases carried on to the next snapshot (linked-sim.ts works this step's effects through them). */
function carried(snap: SimSnapshot): Pick<SimSnapshot, 'family'> {
  return snap.family === undefined ? {} : { family: snap.family };
}

export function current(sim: Simulation): SimSnapshot {
  return sim.snapshots[sim.snapshots.length - 1] as SimSnapshot;
}

/** Sends an event now; a rejection changes nothing and is returned as the value it is. */
export function sendEvent(type: CompiledCaseType, sim: Simulation, event: string, data: CaseData | undefined): SimResult {
  const snap = current(sim);
  const payload = data !== undefined && Object.keys(data).length > 0 ? data : undefined;
  const outcome = applyEvent(type, snap.case, { type: event, ...(payload ? { data: payload } : {}) }, snap.now, SCENARIO_ACTOR);
  if (!outcome.ok) return { ok: false, rejection: outcome };
  const step: ScenarioStep = { send: event, ...(payload ? { data: payload } : {}) };
  const label = `send ${event}${payload ? ` ${JSON.stringify(payload)}` : ''}`;
  return { ok: true, sim: { ...sim, snapshots: [...sim.snapshots, { case: outcome.case, now: snap.now, label, step, entries: [outcome.history], effects: outcome.effects, ...carried(snap) }] } };
}

/** Elapsed milliseconds as an ISO 8601 duration the scenario format reads: 3 600 000 → PT1H, 90 000 000 → P1DT1H (seconds rounded up). */
export function msToDuration(ms: number): string {
  // whole seconds, rounded up: advancing to a timer's instant always reaches it
  let rest = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(rest / 86_400);
  rest -= d * 86_400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  if (d === 0 && time === '') return 'PT0S';
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
}

/**
 * Moves the clock to `until`, firing every timer due on the way in due order, each at its due instant
 * (timers set by fired timers included), as a scenario's `advance` does. One snapshot for the whole move.
 */
export function advanceTo(type: CompiledCaseType, sim: Simulation, until: Instant): SimResult {
  const snap = current(sim);
  const ms = Date.parse(until) - Date.parse(snap.now);
  if (!(ms > 0)) return { ok: true, sim };
  const duration = msToDuration(ms);
  // whole seconds, exactly what replaying the saved `advance` will reach
  const target = new Date(Date.parse(snap.now) + durationMs(duration)).toISOString();
  let kase = snap.case;
  let now = snap.now;
  const entries: HistoryEntry[] = [];
  const effects: Effect[] = [];
  for (let count = 0; count < MAX_TIMERS; count++) {
    const [next] = dueTimers(kase, target);
    if (next === undefined) break;
    if (Date.parse(next.dueAt) > Date.parse(now)) now = next.dueAt;
    const outcome = fireTimer(type, kase, next.id, now);
    if (!outcome.ok) return { ok: false, rejection: outcome };
    kase = outcome.case;
    entries.push(outcome.history);
    effects.push(...outcome.effects);
  }
  const fired = entries.map((e) => e.event.type);
  const label = `advance ${duration}${fired.length ? ` (fired ${fired.join(', ')})` : ''}`;
  return { ok: true, sim: { ...sim, snapshots: [...sim.snapshots, { case: kase, now: target, label, step: { advance: duration }, entries, effects, ...carried(snap) }] } };
}

function durationMs(duration: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!m) return 0;
  const [, d, h, min, s] = m;
  return (((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60 + Number(s ?? 0)) * 1000;
}

/** +1 h of elapsed time. */
export function advanceHour(type: CompiledCaseType, sim: Simulation): SimResult {
  return advanceTo(type, sim, new Date(Date.parse(current(sim).now) + 3_600_000).toISOString());
}

/** +1 working day in the named calendar (the same local time on the next working day), or 24 h without one. */
export function advanceWorkingDay(type: CompiledCaseType, sim: Simulation, calendar: string | null): SimResult {
  const cal = calendar === null ? undefined : type.calendars[calendar];
  return advanceTo(type, sim, addDuration(cal, current(sim).now, 'P1D'));
}

/** To the earliest pending timer (null when none is pending). */
export function nextTimerAt(sim: Simulation): Instant | null {
  const timers = [...current(sim).case.timers].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id));
  return timers[0]?.dueAt ?? null;
}

/** An event of a replayed history that the case type refused: it changed nothing, and the replay went on. */
export interface ReplayRefusal {
  seq: number;
  at: Instant;
  event: string;
  rejection: Rejection;
}

export type HistoryReplay = { ok: true; sim: Simulation; refused: ReplayRefusal[] } | { ok: false; rejection: Rejection };

/**
 * A recorded case's history as a simulator run on `type` (the draft, for a backtest's diverging case): the
 * case created with the `case.created` entry's data at its time, then per external event the clock moved to
 * its time (`advanceTo`: the type's own timers fire on the way) and the event sent with its payload
 * (`sendEvent`); the recorded system events (timers, SLA rungs, child.closed) are left to the type's own
 * timers, as the server's backtest does. A refused event changes nothing and is listed; the replay goes on.
 * With `until` (a closed case's `closedAt`, or the backtest's "now"), the clock moves there at the end.
 */
export function simulationFromHistory(type: CompiledCaseType, history: readonly HistoryEntry[], until: Instant | null = null): HistoryReplay {
  const [first, ...rest] = history;
  if (first === undefined || first.event.type !== 'case.created') {
    throw new Error(`A case's history begins with case.created (got ${first === undefined ? 'no entries' : first.event.type}).`);
  }
  const started = startSimulation(type, (first.event.data ?? {}) as CaseData, first.at);
  if (!started.ok) return started;
  let sim = started.sim;
  const refused: ReplayRefusal[] = [];
  for (const entry of rest) {
    if (isSystemEvent(entry.event.type)) continue;
    const moved = advanceTo(type, sim, entry.at);
    if (!moved.ok) return moved;
    sim = moved.sim;
    const sent = sendEvent(type, sim, entry.event.type, entry.event.data as CaseData | undefined);
    if (sent.ok) sim = sent.sim;
    else refused.push({ seq: entry.seq, at: entry.at, event: entry.event.type, rejection: sent.rejection });
  }
  if (until !== null && current(sim).case.closedAt === null) {
    const moved = advanceTo(type, sim, until);
    if (!moved.ok) return moved;
    sim = moved.sim;
  }
  return { ok: true, sim, refused };
}

export type SimMigration = { ok: true; sim: Simulation; summary: MigrationSummary } | { ok: false; blocks: MigrationBlock[] };

/**
 * Moves the simulated case from version `from` to version `to` under `plan`, now, with the engine's own
 * `migrateCase` (the same code as the server's dry run and apply): one snapshot more, whose case is on
 * `to` (its history entry `case.migrated`); or why it cannot move, changing nothing.
 */
export function migrateSimulation(plan: MigrationPlan, from: CompiledCaseType, to: CompiledCaseType, sim: Simulation): SimMigration {
  const snap = current(sim);
  const outcome = migrateCase(plan, from, to, snap.case, snap.now, { actor: SCENARIO_ACTOR, planId: 'simulation' });
  if (!outcome.ok) return outcome;
  const label = `migrate to version ${String(to.version)}`;
  const next: SimSnapshot = { case: outcome.case, now: snap.now, label, step: null, entries: [outcome.history], migration: { plan, summary: outcome.summary }, ...carried(snap) };
  return { ok: true, sim: { ...sim, snapshots: [...sim.snapshots, next] }, summary: outcome.summary };
}

/** Whether the run moved to another version on the way: such a run cannot be saved as a scenario of the draft. */
export function hasMigration(sim: Simulation): boolean {
  return sim.snapshots.some((s) => s.migration !== undefined);
}

export function stepBack(sim: Simulation): Simulation {
  return sim.snapshots.length <= 1 ? sim : { ...sim, snapshots: sim.snapshots.slice(0, -1) };
}

/** Back to the snapshot at `index` (0 is the creation): the later ones are dropped. */
export function backTo(sim: Simulation, index: number): Simulation {
  if (index < 0 || index >= sim.snapshots.length - 1) return sim;
  return { ...sim, snapshots: sim.snapshots.slice(0, index + 1) };
}

/** The status of each SLA's latest record, as a scenario expects it. */
export function slaStatuses(kase: Case): Record<string, SlaStatus> {
  const out: Record<string, SlaStatus> = {};
  for (const name of new Set(kase.slas.map((r) => r.name))) {
    const latest = latestSla(kase.slas, name);
    if (latest) out[name] = latest.status;
  }
  return out;
}

function expectationsOf(kase: Case): ScenarioExpect {
  const expect: ScenarioExpect = { state: kase.state, priority: kase.priority, tasks: kase.tasks.map((t) => t.title) };
  const slas = slaStatuses(kase);
  if (Object.keys(slas).length > 0) expect.slas = slas;
  return expect;
}

/** The run as a scenario: each step expects the state, priority, open tasks and SLA statuses the engine produced. */
export function toScenario(sim: Simulation, name: string, caseType: string): Scenario {
  return {
    name,
    caseType,
    start: sim.start,
    data: sim.data,
    steps: sim.snapshots.slice(1).map((s) => ({ ...(s.step as ScenarioStep), expect: expectationsOf(s.case) })),
  };
}

/**
 * A step as people read it, from the notation the simulator's labels and `dossier test`'s step descriptions share:
 * `create the case`, `send SUBMIT {"reason":"late"}`, `advance PT1H (fired timer.a at 2026-01-05T10:00:00.000Z, …)`,
 * `check`. English gives the notation back unchanged; event names, payloads, durations and instants stay as written.
 * Anything else is returned as it is.
 */
export function stepInWords(description: string, { t }: Words = ENGLISH): string {
  if (description === 'create the case') return t('sim.step.create');
  if (description === 'check') return t('sim.step.check');
  const migrate = /^migrate to version (\d+)$/.exec(description);
  if (migrate) return t('sim.step.migrate', { version: migrate[1] });
  const sentTo = /^send (\S+) to child (\d+)$/.exec(description);
  if (sentTo) return t('sim.step.sentTo', { event: sentTo[1], child: sentTo[2] });
  const send = /^send (\S+)( [\s\S]*)?$/.exec(description);
  if (send) return t('sim.step.send', { event: send[1], data: send[2] ?? '' });
  const advance = /^advance (\S+)(?: \(fired ([\s\S]*)\))?$/.exec(description);
  if (!advance) return description;
  const fired = advance[2];
  const list = fired
    ?.split(', ')
    .map((item) => {
      const at = /^(\S+) at (\S+)$/.exec(item);
      return at ? t('sim.step.firedAt', { event: at[1], at: at[2] }) : item;
    })
    .join(', ');
  return t('sim.step.advance', { duration: advance[1] }) + (list === undefined ? '' : t('sim.step.fired', { list }));
}
