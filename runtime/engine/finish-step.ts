// The common end of every accepted step (creation, event, fired timer): SLA records updated, the
// case closed when its top-level final state is reached (and the parent told), the next case and its
// history entry assembled.
import type { CompiledCaseType } from './compile.ts';
import { diffJson } from './json-patch.ts';
import type { MachineStep } from './machine-step.ts';
import { activeStateIds } from './playbook-index.ts';
import { updateSlas } from './sla.ts';
import type { Accepted, Case, CaseData, PendingTimer, SlaInstance, StateValue } from './types.ts';
import { cancelTimer, nextKey, setTimer } from './actions.ts';
import type { StepEnv, Scratch } from './actions.ts';

export interface FinishInput {
  /** The case before the step; `null` at creation. */
  before: Case | null;
  /** The case's fixed fields (id, type, channel, parent, createdAt...). */
  base: Case;
  step: MachineStep;
  env: StepEnv;
  event: { type: string; data?: CaseData };
  actor: string;
  /** The partner organisation the actor works for, if any. */
  partner?: string;
  /** SLA records to update; `null` skips the SLA update (a stale SLA timer). */
  slas: SlaInstance[] | null;
}

/** Applies an SLA module's timer changes to the scratch. */
export function applyTimerChanges(scratch: Scratch, cancel: readonly string[], set: readonly PendingTimer[]): Scratch {
  let next = scratch;
  for (const id of cancel) next = cancelTimer(next, id);
  for (const timer of set) next = setTimer(next, timer);
  return next;
}

/** The members of a case in the order `createCase` writes them. */
const CASE_KEYS: readonly (keyof Case)[] = [
  'id', 'caseType', 'version', 'state', 'data', 'priority', 'queue', 'assignee', 'channel', 'parentId',
  'createdAt', 'updatedAt', 'closedAt', 'revision', 'tasks', 'slas', 'timers', 'children', 'seq',
];

/** Whether a case has exactly the members of `CASE_KEYS`, in that order. */
function hasCaseKeys(kase: Case): boolean {
  let i = 0;
  for (const key in kase) {
    if (key !== CASE_KEYS[i++]) return false;
  }
  return i === CASE_KEYS.length;
}

type CaseChanges = Pick<Case, 'state' | 'data' | 'priority' | 'queue' | 'assignee' | 'updatedAt' | 'closedAt' | 'revision' | 'tasks' | 'slas' | 'timers' | 'children' | 'seq'>;

/**
 * `{ ...base, ...changes }` written out for a case with the usual members (the same members in the
 * same order): V8 copies an object this size with overrides on a slow path, about 50 times slower.
 */
function nextCase(base: Case, changes: CaseChanges): Case {
  return {
    id: base.id,
    caseType: base.caseType,
    version: base.version,
    state: changes.state,
    data: changes.data,
    priority: changes.priority,
    queue: changes.queue,
    assignee: changes.assignee,
    channel: base.channel,
    parentId: base.parentId,
    createdAt: base.createdAt,
    updatedAt: changes.updatedAt,
    closedAt: changes.closedAt,
    revision: changes.revision,
    tasks: changes.tasks,
    slas: changes.slas,
    timers: changes.timers,
    children: changes.children,
    seq: changes.seq,
  };
}

/**
 * The SLA context's `ruleHolds` for this step's data. Returned from a function rather than written
 * inline: tsx (esbuild's keepNames) names an inline arrow with `Object.defineProperty` on every call,
 * about a twentieth of a replayed step.
 */
function ruleHoldsOn(compiled: CompiledCaseType, data: CaseData): (rule: string) => boolean {
  return (rule) => compiled.ruleHolds(rule, data);
}

/** A step's end without its history entry: what a replay that reads no history needs. */
export interface Stepped {
  ok: true;
  case: Case;
}

/** How a step ends: `finishStep` (the next case, its effects and its history entry) or `finishCase` (the next case only). */
export type Finish<R extends Stepped> = (compiled: CompiledCaseType, input: FinishInput) => R;

/** The next case and the step's final scratch (its effects and notes). */
function finishCore(compiled: CompiledCaseType, input: FinishInput): { next: Case; scratch: Scratch } {
  const { base, step, env, event } = input;
  let scratch = step.scratch;
  let slas = input.slas ?? base.slas;
  if (input.slas !== null) {
    const data = scratch.data;
    const update = updateSlas(compiled.def, compiled.calendars, input.slas, {
      event: event.type,
      entered: scratch.entered,
      active: activeStateIds(step.value),
      ruleHolds: ruleHoldsOn(compiled, data),
      data,
      now: env.now,
      caseClosed: step.done,
    });
    slas = update.instances;
    scratch = applyTimerChanges(scratch, update.cancelTimers, update.setTimers);
  }
  const closing = step.done && base.closedAt === null;
  if (closing && base.parentId !== null) {
    scratch = {
      ...scratch,
      effects: [
        ...scratch.effects,
        { type: 'childClosed', key: nextKey(scratch, env), parentId: base.parentId, childId: base.id },
      ],
    };
  }
  const changes = {
    state: step.value,
    data: scratch.data,
    priority: scratch.priority,
    queue: scratch.queue,
    assignee: scratch.assignee,
    updatedAt: env.now,
    closedAt: closing ? env.now : base.closedAt,
    revision: env.revision,
    tasks: scratch.tasks,
    slas,
    timers: scratch.timers,
    children: scratch.children,
    seq: scratch.seq,
  };
  const next: Case = hasCaseKeys(base) ? nextCase(base, changes) : { ...base, ...changes };
  return { next, scratch };
}

export function finishStep(compiled: CompiledCaseType, input: FinishInput): Accepted {
  const { before, step, env, event } = input;
  const { next, scratch } = finishCore(compiled, input);
  const from: StateValue | null = before ? before.state : null;
  return {
    ok: true,
    case: next,
    effects: scratch.effects,
    history: {
      seq: env.revision,
      at: env.now,
      actor: input.actor,
      ...(input.partner === undefined ? {} : { partner: input.partner }),
      event: event.data !== undefined ? { type: event.type, data: event.data } : { type: event.type },
      from,
      to: step.value,
      patch: diffJson(before ? before.data : {}, scratch.data),
      notes: scratch.notes,
    },
  };
}

/** `finishStep` without the history entry (its data patch is a diff of the whole data) and the effects: for a replay. */
export function finishCase(compiled: CompiledCaseType, input: FinishInput): Stepped {
  return { ok: true, case: finishCore(compiled, input).next };
}
