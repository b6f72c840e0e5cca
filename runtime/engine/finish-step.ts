// The common end of every accepted step (creation, event, fired timer): SLA records updated, the
// case closed when its top-level final state is reached (and the parent told), the next case and its
// history entry assembled.
import type { CompiledCaseType } from './compile.ts';
import { diffJson } from './json-patch.ts';
import type { MachineStep } from './machine-step.ts';
import { activeStateIds } from './playbook-index.ts';
import { updateSlas } from './sla.ts';
import type { Accepted, Case, CaseData, PendingTimer, SlaInstance, StateValue } from './types.ts';
import { cancelTimer, nextKey, setTimer } from './work.ts';
import type { StepEnv, Work } from './work.ts';

export interface FinishInput {
  /** The case before the step; `null` at creation. */
  before: Case | null;
  /** The case's fixed fields (id, type, channel, parent, createdAt...). */
  base: Case;
  step: MachineStep;
  env: StepEnv;
  event: { type: string; data?: CaseData };
  actor: string;
  /** SLA records to update; `null` skips the SLA update (a stale SLA timer). */
  slas: SlaInstance[] | null;
}

/** Applies an SLA module's timer changes to the work. */
export function applyTimerChanges(work: Work, cancel: readonly string[], set: readonly PendingTimer[]): Work {
  let next = work;
  for (const id of cancel) next = cancelTimer(next, id);
  for (const timer of set) next = setTimer(next, timer);
  return next;
}

export function finishStep(compiled: CompiledCaseType, input: FinishInput): Accepted {
  const { before, base, step, env, event } = input;
  let work = step.work;
  let slas = input.slas ?? base.slas;
  if (input.slas !== null) {
    const data = work.data;
    const update = updateSlas(compiled.def, compiled.calendars, input.slas, {
      event: event.type,
      entered: work.entered,
      active: activeStateIds(step.value),
      ruleHolds: (rule) => compiled.ruleHolds(rule, data),
      data,
      now: env.now,
      caseClosed: step.done,
    });
    slas = update.instances;
    work = applyTimerChanges(work, update.cancelTimers, update.setTimers);
  }
  const closing = step.done && base.closedAt === null;
  if (closing && base.parentId !== null) {
    work = {
      ...work,
      effects: [
        ...work.effects,
        { type: 'childClosed', key: nextKey(work, env), parentId: base.parentId, childId: base.id },
      ],
    };
  }
  const next: Case = {
    ...base,
    state: step.value,
    data: work.data,
    priority: work.priority,
    queue: work.queue,
    assignee: work.assignee,
    updatedAt: env.now,
    closedAt: closing ? env.now : base.closedAt,
    revision: env.revision,
    tasks: work.tasks,
    slas,
    timers: work.timers,
    children: work.children,
    seq: work.seq,
  };
  const from: StateValue | null = before ? before.state : null;
  return {
    ok: true,
    case: next,
    effects: work.effects,
    history: {
      seq: env.revision,
      at: env.now,
      actor: input.actor,
      event: event.data !== undefined ? { type: event.type, data: event.data } : { type: event.type },
      from,
      to: step.value,
      patch: diffJson(before ? before.data : {}, work.data),
      notes: work.notes,
    },
  };
}
