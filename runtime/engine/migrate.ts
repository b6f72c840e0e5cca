// Migration of a running case from one published version of its case type to another (issue 19,
// docs/migration.md). Pure: the plan, both compiled versions, the case and the time in; the migrated
// case, its effects and its history entry out — or the reasons it cannot move. Nothing of the new
// version's playbook runs (no entry actions, no `always`): the case is placed in its new state, its
// data changed as the plan says, and its tasks, timers and SLA records re-derived from where it stands.
import type { CompiledCaseType } from './compile.ts';
import { addDuration } from './calendar.ts';
import { afterTimer, openTask, scratchOf } from './actions.ts';
import type { ActionScope, StepEnv } from './actions.ts';
import { diffJson, jsonEqual } from './json-patch.ts';
import { escapePointerToken, getAtPointer, setAtPointer } from './json-pointer.ts';
import { fieldSchemaAt } from './form-view.ts';
import type { FieldSchema } from '../../schemas/generated/case-type.ts';
import { activeStateIds, afterTimerId } from './playbook-index.ts';
import type { PlaybookIndex, StateInfo } from './playbook-index.ts';
import { validate } from './rules.ts';
import { endPause, slaTimers } from './sla.ts';
import { overdueTimerId } from './task-overdue-id.ts';
import type {
  Actor,
  Case,
  CaseData,
  CaseTask,
  Effect,
  FieldProblem,
  HistoryEntry,
  Instant,
  JsonPatchOp,
  JsonValue,
  PendingTimer,
  SlaInstance,
  SlaStatus,
  StateValue,
} from './types.ts';

export type SlaMigration = 'keep' | 'restart' | 'cancel' | 'start';

/** A migration plan (schemas/migration-plan.schema.json). */
export interface MigrationPlan {
  $schema?: string;
  title?: string;
  caseType: string;
  from: number;
  to: number;
  /** Old state id → new state id; identical ids map by default. */
  states?: { [oldId: string]: string };
  data?: {
    renames?: { [from: string]: string };
    removals?: string[];
    defaults?: { [pointer: string]: JsonValue };
  };
  slas?: { [name: string]: SlaMigration };
  cases?: {
    ids?: string[];
    states?: string[];
    createdBefore?: Instant;
    queue?: string;
    field?: { pointer: string; equals: JsonValue };
  };
}

/** The history event of a migration. */
export const MIGRATED_EVENT = 'case.migrated';

/** Why a case cannot move under a plan. */
export type MigrationBlockCode = 'case.closed' | 'case.version' | 'state.unmapped' | 'state.conflict' | 'state.final' | 'data.invalid' | 'sla.removed';

export interface MigrationBlock {
  code: MigrationBlockCode;
  message: string;
  /** The old state (unmapped) or the new states in conflict. */
  states?: string[];
  /** The SLA a removed ladder belongs to. */
  sla?: string;
  /** Data invalid under the new version: which fields and why. */
  problems?: FieldProblem[];
}

export interface MigrationSlaChange {
  name: string;
  action: SlaMigration;
  /** The status of its open record before (null: none open). */
  before: SlaStatus | null;
  /** The status of its open record after (null: none open). */
  after: SlaStatus | null;
}

/** What a migration changes in a case: what the dry run shows and the history entry keeps. */
export interface MigrationSummary {
  fromVersion: number;
  toVersion: number;
  fromState: StateValue;
  toState: StateValue;
  /** The data patch (RFC 6902) from the old data to the new. */
  patch: JsonPatchOp[];
  slas: MigrationSlaChange[];
  tasks: { kept: string[]; opened: string[]; closed: string[] };
  timers: { set: PendingTimer[]; cancelled: string[] };
}

export type MigrationOutcome =
  | { ok: true; case: Case; effects: Effect[]; history: HistoryEntry; summary: MigrationSummary }
  | { ok: false; blocks: MigrationBlock[] };

const title = (info: StateInfo | undefined, id: string): string => {
  const name = info?.node.title;
  return name !== undefined && name !== id ? `'${name}' (${id})` : `'${id}'`;
};

/** A member of a plan's map, never one inherited from Object (a state may be called `toString`). */
function ownOf<V>(map: { [key: string]: V } | undefined, key: string): V | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The atomic states active in a state value (an atomic region of a parallel state is `{}` in it, so not a leaf of the value). */
export function activeLeaves(index: PlaybookIndex, value: StateValue): string[] {
  return activeStateIds(value).filter((id) => (index.states.get(id)?.children.length ?? 0) === 0);
}

/** Where an old state goes: its own mapping, the same id in the new version, or its nearest mapped ancestor. */
export function mappedState(plan: Pick<MigrationPlan, 'states'>, from: PlaybookIndex, to: PlaybookIndex, id: string): string | null {
  const own = ownOf(plan.states, id);
  if (own !== undefined) return own;
  if (to.states.has(id)) return id;
  for (let up = from.states.get(id)?.parent ?? null; up !== null; up = from.states.get(up)?.parent ?? null) {
    const mapped = ownOf(plan.states, up);
    if (mapped !== undefined) return mapped;
  }
  return null;
}

/** The leaves a state is entered through: itself, or its initial (compound) or every (parallel) child, down. */
function enteredLeaves(index: PlaybookIndex, id: string): string[] {
  const info = index.states.get(id);
  if (info === undefined || info.children.length === 0) return [id];
  if (info.kind === 'parallel') return info.children.flatMap((child) => enteredLeaves(index, child));
  const initial = info.node.initial ?? info.children[0];
  return initial === undefined ? [id] : enteredLeaves(index, initial);
}

function ancestry(index: PlaybookIndex, id: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = id; at !== null; at = index.states.get(at)?.parent ?? null) chain.unshift(at);
  return chain;
}

/**
 * The state value in which exactly these states (and their ancestors) are active: parallel regions
 * without one of them enter their initial states; two of them under one non-parallel state conflict.
 */
export function stateValueOf(
  index: PlaybookIndex,
  targets: readonly string[],
  rootParallel = false,
): { ok: true; value: StateValue } | { ok: false; conflict: string[] } {
  const active = new Set<string>();
  const add = (leaf: string): void => {
    for (const id of ancestry(index, leaf)) active.add(id);
  };
  for (const target of targets) for (const leaf of enteredLeaves(index, target)) add(leaf);
  // parallel states entered through one region enter the others by their initial states
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of [...active]) {
      const info = index.states.get(id);
      if (info?.kind !== 'parallel') continue;
      for (const region of info.children) {
        if (active.has(region)) continue;
        for (const leaf of enteredLeaves(index, region)) add(leaf);
        changed = true;
      }
    }
  }
  const activeChildren = (ids: readonly string[]): string[] => ids.filter((id) => active.has(id));
  if (rootParallel) {
    // a parallel playbook: every top-level region, each entered by its initial states where no target is in it
    for (const region of index.top) if (!active.has(region)) for (const leaf of enteredLeaves(index, region)) add(leaf);
  }
  const tops = activeChildren(index.top);
  if (!rootParallel && tops.length !== 1) return { ok: false, conflict: tops };
  const conflicts: string[] = [];
  const rep = (id: string): StateValue => {
    const info = index.states.get(id) as StateInfo;
    if (info.children.length === 0) return id;
    return { [id]: inner(info) };
  };
  const inner = (info: StateInfo): StateValue => {
    const children = activeChildren(info.children);
    if (info.kind === 'parallel') {
      const value: { [key: string]: StateValue } = {};
      for (const region of children) {
        const regionInfo = index.states.get(region) as StateInfo;
        value[region] = regionInfo.children.length === 0 ? {} : inner(regionInfo);
      }
      return value;
    }
    if (children.length > 1) conflicts.push(...children);
    return rep(children[0] as string);
  };
  let value: StateValue;
  if (rootParallel) {
    const regions: { [key: string]: StateValue } = {};
    for (const region of tops) {
      const info = index.states.get(region) as StateInfo;
      regions[region] = info.children.length === 0 ? {} : inner(info);
    }
    value = regions;
  } else value = rep(tops[0] as string);
  return conflicts.length > 0 ? { ok: false, conflict: conflicts } : { ok: true, value };
}

/** Does the plan's `cases` selection take this case? (Open cases of the plan's `from` version are the caller's part.) */
export function planSelects(plan: Pick<MigrationPlan, 'cases'>, kase: Case): boolean {
  const select = plan.cases;
  if (select === undefined) return true;
  if (select.ids !== undefined && !select.ids.includes(kase.id)) return false;
  if (select.states !== undefined) {
    const active = activeStateIds(kase.state);
    if (!select.states.some((id) => active.includes(id))) return false;
  }
  if (select.createdBefore !== undefined && !(Date.parse(kase.createdAt) < Date.parse(select.createdBefore))) return false;
  if (select.queue !== undefined && kase.queue !== select.queue) return false;
  if (select.field !== undefined) {
    const value = getAtPointer(kase.data, select.field.pointer);
    if (value === undefined || !jsonEqual(value, select.field.equals)) return false;
  }
  return true;
}

/** The data under the plan: renames, then removals, then defaults where no value is left. */
export function migratedData(plan: Pick<MigrationPlan, 'data'>, data: CaseData): CaseData {
  let next: JsonValue = data;
  // every rename reads the data as it was, then all of them write: swaps and chains move values, not overwrite them
  const moved = Object.entries(plan.data?.renames ?? {}).map(([from, to]) => ({ from, to, value: getAtPointer(data, from) }));
  for (const { from } of moved) next = setAtPointer(next, from, undefined) ?? {};
  for (const { to, value } of moved) if (value !== undefined) next = setAtPointer(next, to, value) ?? {};
  for (const pointer of plan.data?.removals ?? []) {
    if (getAtPointer(next, pointer) !== undefined) next = setAtPointer(next, pointer, undefined) ?? {};
  }
  for (const [pointer, value] of Object.entries(plan.data?.defaults ?? {})) {
    if (getAtPointer(next, pointer) === undefined) next = setAtPointer(next, pointer, structuredClone(value)) ?? {};
  }
  return next as CaseData;
}

function cancelled(record: SlaInstance, now: Instant): SlaInstance {
  return { ...record, pauses: endPause(record.pauses, now), closedAt: now, status: 'cancelled' };
}

function started(name: string, records: readonly SlaInstance[], now: Instant): SlaInstance {
  const n = records.filter((r) => r.name === name).length + 1;
  return { id: `${name}#${n}`, name, status: 'running', startedAt: now, pauses: [], closedAt: null, rungs: [], urgency: 0 };
}

/** The SLA records under the plan, what changed per SLA, and the SLAs whose ladder is gone. */
function migratedSlas(
  plan: MigrationPlan,
  to: CompiledCaseType,
  records: readonly SlaInstance[],
  now: Instant,
): { records: SlaInstance[]; changes: MigrationSlaChange[]; removed: string[] } {
  const next = [...records];
  const changes: MigrationSlaChange[] = [];
  const removed: string[] = [];
  const names = new Set([...records.map((r) => r.name), ...Object.keys(plan.slas ?? {})]);
  for (const name of names) {
    const open = next.findIndex((r) => r.name === name && r.closedAt === null);
    const record = next[open];
    const defined = to.def.slas?.[name] !== undefined;
    const action = ownOf(plan.slas, name) ?? (defined ? 'keep' : undefined);
    if (action === undefined) {
      // a running clock whose ladder the new version dropped: the plan must say to cancel it
      if (record !== undefined) removed.push(name);
      continue;
    }
    const before = record?.status ?? null;
    if (record !== undefined && action === 'cancel') next[open] = cancelled(record, now);
    else if (record !== undefined && action === 'restart') {
      next[open] = cancelled(record, now);
      next.push(started(name, next, now));
    } else if (record === undefined && action === 'start' && defined) next.push(started(name, next, now));
    else if (record !== undefined && !defined) {
      removed.push(name);
      continue;
    }
    const after = next.find((r) => r.name === name && r.closedAt === null)?.status ?? null;
    if (before !== null || after !== null) changes.push({ name, action, before, after });
  }
  return { records: next, changes, removed };
}

interface Placement {
  value: StateValue;
  tasks: CaseTask[];
  effects: Effect[];
  seq: number;
  queue: string | null;
  kept: string[];
  opened: string[];
  closed: string[];
}

/** Tasks re-derived in the new state: an old task whose state maps to an active state with a task is kept (its assignee and opening time too); the others close; the rest open now. */
function placeTasks(
  plan: MigrationPlan,
  from: CompiledCaseType,
  to: CompiledCaseType,
  kase: Case,
  value: StateValue,
  env: StepEnv,
): Placement {
  const active = activeStateIds(value);
  const scope: ActionScope = { def: to.def, calendars: to.calendars };
  const tasks: CaseTask[] = [];
  const effects: Effect[] = [];
  const kept: string[] = [];
  const closed: string[] = [];
  const claimed = new Set<string>();
  for (const task of kase.tasks) {
    const target = mappedState(plan, from.index, to.index, task.state);
    const spec = target === null ? undefined : to.index.states.get(target)?.node.task;
    if (target === null || spec === undefined || !active.includes(target) || claimed.has(target)) {
      effects.push({ type: 'closeTask', id: task.id, state: task.state });
      closed.push(task.title);
      continue;
    }
    claimed.add(target);
    const calendar = spec.calendar !== undefined ? to.calendars[spec.calendar] : undefined;
    tasks.push({
      ...task,
      state: target,
      title: spec.title,
      role: spec.role ?? (task.queue !== null ? to.def.queues?.[task.queue]?.role : undefined) ?? null,
      form: spec.form ?? null,
      dueAt: spec.due !== undefined ? addDuration(calendar, task.openedAt, spec.due) : null,
    });
    kept.push(spec.title);
  }
  let scratch = { ...scratchOf(kase), tasks };
  const opened: string[] = [];
  for (const id of active) {
    const spec = to.index.states.get(id)?.node.task;
    if (spec === undefined || claimed.has(id)) continue;
    scratch = openTask(scratch, id, spec, env, scope);
    opened.push(spec.title);
  }
  // a new task's overdue timer is derived with the others (overdueTimers), not taken from openTask's effects
  const opening = scratch.effects.filter((e) => e.type !== 'setTimer');
  return { value, tasks: scratch.tasks, effects: [...effects, ...opening], seq: scratch.seq, queue: scratch.queue, kept, opened, closed };
}

/**
 * The overdue timers of the placed tasks (docs/task-due.md): one for each open task whose task in the new
 * version has `onOverdue` and a due time and that has not escalated yet; a due time already passed makes a
 * timer that fires at once. A task whose new version has no `onOverdue` loses its timer.
 */
function overdueTimers(to: CompiledCaseType, tasks: readonly CaseTask[]): PendingTimer[] {
  return tasks.flatMap((task): PendingTimer[] => {
    const spec = to.index.states.get(task.state)?.node.task;
    if (spec?.onOverdue === undefined || task.dueAt === null || task.escalatedAt !== undefined) return [];
    return [{ id: overdueTimerId(task.state), event: overdueTimerId(task.state), dueAt: task.dueAt }];
  });
}

/** `after` timers of the new state: kept where the same state stays active with the same entry, set from now where it is entered. */
function afterTimers(from: CompiledCaseType, to: CompiledCaseType, kase: Case, value: StateValue, env: StepEnv): PendingTimer[] {
  const wasActive = new Set(activeStateIds(kase.state));
  const scope: ActionScope = { def: to.def, calendars: to.calendars };
  const timers: PendingTimer[] = [];
  for (const id of activeStateIds(value)) {
    const entries = to.index.states.get(id)?.node.after ?? [];
    entries.forEach((entry, index) => {
      const timerId = afterTimerId(id, entry, index);
      const old = kase.timers.find((t) => t.id === `timer.${timerId}`);
      const oldEntry = wasActive.has(id)
        ? (from.index.states.get(id)?.node.after ?? []).find((e, i) => afterTimerId(id, e, i) === timerId)
        : undefined;
      const same = oldEntry !== undefined && oldEntry.delay === entry.delay && oldEntry.calendar === entry.calendar;
      // the same entry of a state that stays active keeps what it had: its pending timer, or none when it
      // already fired (a timer without a target fires once and leaves the case where it was)
      if (same) {
        if (old !== undefined) timers.push(old);
      } else timers.push(afterTimer(timerId, entry.delay, entry.calendar, env, scope));
    });
  }
  return timers;
}

function timerEffects(before: readonly PendingTimer[], after: readonly PendingTimer[]): { effects: Effect[]; set: PendingTimer[]; cancelled: string[] } {
  const effects: Effect[] = [];
  const set: PendingTimer[] = [];
  const cancelledIds: string[] = [];
  for (const old of before) {
    if (!after.some((t) => t.id === old.id)) {
      effects.push({ type: 'cancelTimer', id: old.id });
      cancelledIds.push(old.id);
    }
  }
  for (const timer of after) {
    const old = before.find((t) => t.id === timer.id);
    if (old !== undefined && old.dueAt === timer.dueAt && old.event === timer.event) continue;
    effects.push({ type: 'setTimer', timer });
    set.push(timer);
  }
  return { effects, set, cancelled: cancelledIds };
}

/**
 * Migrates one case under a plan that `checkMigrationPlan` accepted for these two versions: the next
 * snapshot (version `to`, revision + 1), the effects that go with it (tasks opened and closed, timers
 * set and cancelled) and its history entry `case.migrated`; or why it cannot move, changing nothing.
 */
export function migrateCase(
  plan: MigrationPlan,
  from: CompiledCaseType,
  to: CompiledCaseType,
  kase: Case,
  now: Instant,
  options: { actor?: Actor; planId: string },
): MigrationOutcome {
  if (kase.closedAt !== null) return { ok: false, blocks: [{ code: 'case.closed', message: `The case closed on ${kase.closedAt}; only open cases migrate.` }] };
  if (kase.caseType !== from.key || kase.version !== from.version) {
    return {
      ok: false,
      blocks: [{ code: 'case.version', message: `The case is on ${kase.caseType} version ${String(kase.version)}, not on version ${String(from.version)} the plan moves from.` }],
    };
  }
  const blocks: MigrationBlock[] = [];
  const targets: string[] = [];
  for (const leaf of activeLeaves(from.index, kase.state)) {
    const target = mappedState(plan, from.index, to.index, leaf);
    if (target === null) {
      blocks.push({
        code: 'state.unmapped',
        message: `The case is in ${title(from.index.states.get(leaf), leaf)}, which version ${String(to.version)} does not have; map it to a state of version ${String(to.version)} in the plan's "states".`,
        states: [leaf],
      });
    } else targets.push(target);
  }
  let value: StateValue | null = null;
  if (blocks.length === 0) {
    const placed = stateValueOf(to.index, targets, to.def.playbook.type === 'parallel');
    const final = placed.ok ? activeStateIds(placed.value).filter((id) => to.index.states.get(id)?.kind === 'final') : [];
    if (placed.ok && final.length > 0) {
      const names = final.map((id) => title(to.index.states.get(id), id)).join(' and ');
      blocks.push({
        code: 'state.final',
        message: `The case would be placed in ${names}, which ends a case in version ${String(to.version)}; migration does not close cases: map its state to an open state, and close such cases with an event.`,
        states: final,
      });
    } else if (placed.ok) value = placed.value;
    else {
      const names = placed.conflict.map((id) => title(to.index.states.get(id), id)).join(' and ');
      blocks.push({
        code: 'state.conflict',
        message: `The case's states map to ${names} at once, which cannot both be active in version ${String(to.version)}; map them to one state.`,
        states: placed.conflict,
      });
    }
  }
  const data = migratedData(plan, kase.data);
  const problems = validate(to.validators.data, data);
  if (problems.length > 0) {
    blocks.push({
      code: 'data.invalid',
      message: `The case's data does not fit version ${String(to.version)}: ${problems.map((p) => p.message).join('; ')}. Give a default for these fields in the plan's "data", or rename or remove them.`,
      problems,
    });
  }
  const slas = migratedSlas(plan, to, kase.slas, now);
  for (const name of slas.removed) {
    blocks.push({
      code: 'sla.removed',
      message: `The case's SLA ${title(undefined, name)} is running, and version ${String(to.version)} has no such SLA; set it to "cancel" in the plan's "slas".`,
      sla: name,
    });
  }
  if (blocks.length > 0 || value === null) return { ok: false, blocks };

  const revision = kase.revision + 1;
  const env: StepEnv = { caseId: kase.id, now, revision };
  const placement = placeTasks(plan, from, to, kase, value, env);
  const timers = [...afterTimers(from, to, kase, value, env), ...slaTimers(to.def, to.calendars, slas.records), ...overdueTimers(to, placement.tasks)];
  const timerChanges = timerEffects(kase.timers, timers);
  const next: Case = {
    ...kase,
    version: to.version,
    state: value,
    data,
    queue: placement.queue,
    updatedAt: now,
    revision,
    tasks: placement.tasks,
    slas: slas.records,
    timers,
    seq: placement.seq,
  };
  const patch = diffJson(kase.data, data);
  const summary: MigrationSummary = {
    fromVersion: from.version,
    toVersion: to.version,
    fromState: kase.state,
    toState: value,
    patch,
    slas: slas.changes,
    tasks: { kept: placement.kept, opened: placement.opened, closed: placement.closed },
    timers: { set: timerChanges.set, cancelled: timerChanges.cancelled },
  };
  // the note is read by people: the states by their titles (ids where a state has none)
  const titled = (index: PlaybookIndex, state: StateValue): string =>
    activeLeaves(index, state).map((id) => index.states.get(id)?.node.title ?? id).join(' + ');
  const note = `Migrated from version ${String(from.version)} to version ${String(to.version)}${plan.title === undefined ? '' : ` (${plan.title})`}: ${titled(from.index, kase.state)} → ${titled(to.index, value)}.`;
  return {
    ok: true,
    case: next,
    effects: [...placement.effects, ...timerChanges.effects],
    history: {
      seq: revision,
      at: now,
      actor: options.actor?.id ?? 'system',
      ...(options.actor?.partner === undefined ? {} : { partner: options.actor.partner }),
      event: { type: MIGRATED_EVENT, data: { plan: options.planId, fromVersion: from.version, toVersion: to.version } },
      from: kase.state,
      to: value,
      patch,
      notes: [note],
    },
    summary,
  };
}

/** Whether a pointer names a field of a version's data (through properties, items and local `$ref`s). */
function isField(type: CompiledCaseType, pointer: string): boolean {
  return fieldSchemaAt(type.def.data as FieldSchema, pointer) !== undefined;
}

const esc = escapePointerToken;

/**
 * What is wrong with a plan for these two versions, each problem at its place in the plan (a JSON
 * Pointer) in a sentence that says how to fix it; `[]` when it can be dry-run and applied.
 */
export function checkMigrationPlan(plan: MigrationPlan, from: CompiledCaseType, to: CompiledCaseType): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (pointer: string, message: string): void => void problems.push({ pointer, message });
  if (plan.caseType !== from.key) add('/caseType', `The plan is for case type '${plan.caseType}', but version ${String(from.version)} is of '${from.key}'.`);
  if (plan.from !== from.version) add('/from', `The plan moves cases from version ${String(plan.from)}, not ${String(from.version)}.`);
  if (plan.to !== to.version) add('/to', `The plan moves cases to version ${String(plan.to)}, not ${String(to.version)}.`);
  if (plan.from === plan.to) add('/to', `'from' and 'to' are both version ${String(plan.to)}; a plan moves cases to another version.`);
  for (const [old, target] of Object.entries(plan.states ?? {})) {
    const at = `/states/${esc(old)}`;
    if (!from.index.states.has(old)) add(at, `Version ${String(from.version)} has no state '${old}'; use one of its state ids.`);
    const info = to.index.states.get(target);
    if (info === undefined) add(at, `Version ${String(to.version)} has no state '${target}'; map '${old}' to one of its state ids.`);
    else if (info.kind === 'final' || (info.parent === null && info.node.type === 'final')) {
      add(at, `'${target}' is a final state: migration does not close cases. Map '${old}' to an open state, and close such cases with an event.`);
    }
  }
  const data = plan.data ?? {};
  for (const [old, next] of Object.entries(data.renames ?? {})) {
    const at = `/data/renames/${esc(old)}`;
    if (!isField(from, old)) add(at, `Version ${String(from.version)} has no field at ${old}; rename one of its fields.`);
    if (!isField(to, next)) add(at, `Version ${String(to.version)} has no field at ${next}; rename to one of its fields.`);
  }
  (data.removals ?? []).forEach((pointer, i) => {
    if (!isField(from, pointer)) add(`/data/removals/${String(i)}`, `Version ${String(from.version)} has no field at ${pointer}; remove one of its fields.`);
  });
  for (const [pointer, value] of Object.entries(data.defaults ?? {})) {
    const at = `/data/defaults/${esc(pointer)}`;
    if (!isField(to, pointer)) {
      add(at, `Version ${String(to.version)} has no field at ${pointer}; give defaults for its fields only.`);
      continue;
    }
    // the default on its own in otherwise empty data: only the problems at its place (and inside it) count
    const probe = setAtPointer({}, pointer, value) ?? {};
    const own = validate(to.validators.data, probe).filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
    for (const problem of own) add(at, `The default ${JSON.stringify(value)} does not fit the field: ${problem.message}.`);
  }
  for (const [name, action] of Object.entries(plan.slas ?? {})) {
    const at = `/slas/${esc(name)}`;
    const inFrom = from.def.slas?.[name] !== undefined;
    const inTo = to.def.slas?.[name] !== undefined;
    if (!inFrom && !inTo) add(at, `Neither version has an SLA '${name}'.`);
    else if ((action === 'keep' || action === 'restart' || action === 'start') && !inTo) {
      add(at, `Version ${String(to.version)} has no SLA '${name}' to ${action}; cancel it instead.`);
    } else if (action === 'cancel' && !inFrom) add(at, `Version ${String(from.version)} has no SLA '${name}' to cancel.`);
  }
  (plan.cases?.states ?? []).forEach((id, i) => {
    if (!from.index.states.has(id)) add(`/cases/states/${String(i)}`, `Version ${String(from.version)} has no state '${id}'; select by its state ids.`);
  });
  const field = plan.cases?.field;
  if (field !== undefined && !isField(from, field.pointer)) add('/cases/field/pointer', `Version ${String(from.version)} has no field at ${field.pointer}.`);
  return problems;
}

/**
 * A plan generated from the difference of two versions: states kept map to themselves, a removed state
 * to its nearest ancestor that the new version keeps (left out where there is none: the dry run then
 * names it), fields the new version no longer has removed, newly required fields defaulted where the
 * new schema gives a `default`, SLAs the new version lost cancelled.
 */
export function suggestMigrationPlan(from: CompiledCaseType, to: CompiledCaseType): MigrationPlan {
  const states: { [id: string]: string } = {};
  for (const [id, info] of from.index.states) {
    // a state the new version keeps open stays; one it removed, or made final, needs a place
    const kept = to.index.states.get(id);
    if (kept !== undefined && (kept.kind !== 'final' || info.kind === 'final')) continue;
    for (let up = from.index.states.get(id)?.parent ?? null; up !== null; up = from.index.states.get(up)?.parent ?? null) {
      const info = to.index.states.get(up);
      if (info !== undefined && info.kind !== 'final') {
        states[id] = up;
        break;
      }
    }
  }
  const fromFields = Object.keys((from.def.data as { properties?: object }).properties ?? {});
  const removals = fromFields.filter((name) => !isField(to, `/${esc(name)}`)).map((name) => `/${esc(name)}`);
  const defaults: { [pointer: string]: JsonValue } = {};
  const requiredBefore = new Set(requiredOf(from.def.data));
  for (const pointer of requiredOf(to.def.data)) {
    if (requiredBefore.has(pointer)) continue;
    const schema = fieldSchemaAt(to.def.data as FieldSchema, pointer) as { default?: JsonValue } | undefined;
    if (schema?.default !== undefined) defaults[pointer] = schema.default;
  }
  const slas: { [name: string]: SlaMigration } = {};
  for (const name of Object.keys(from.def.slas ?? {})) if (to.def.slas?.[name] === undefined) slas[name] = 'cancel';
  const data = {
    ...(removals.length > 0 ? { removals } : {}),
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
  };
  return {
    caseType: from.key,
    from: from.version,
    to: to.version,
    ...(Object.keys(states).length > 0 ? { states } : {}),
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(Object.keys(slas).length > 0 ? { slas } : {}),
  };
}

/** Newly required fields of `to` that a plan must fill: required in `to`, not required in `from`, without a default in the plan. */
export function fieldsNeedingDefaults(plan: MigrationPlan, from: CompiledCaseType, to: CompiledCaseType): string[] {
  const before = new Set(requiredOf(from.def.data));
  return requiredOf(to.def.data).filter((p) => !before.has(p) && plan.data?.defaults?.[p] === undefined && !Object.values(plan.data?.renames ?? {}).includes(p));
}

function requiredOf(schema: unknown, prefix = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { required?: unknown; properties?: Record<string, unknown> };
  const own = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string').map((r) => `${prefix}/${esc(r)}`) : [];
  // only required fields inside required groups are required of every case
  const nested = own.flatMap((pointer) => requiredOf(s.properties?.[pointer.slice(prefix.length + 1).replace(/~1/g, '/').replace(/~0/g, '~')], pointer));
  return [...own, ...nested];
}
