// Task due dates and overdue escalation (issue 21, item 3; docs/task-due.md). A task's `due` (an ISO
// duration, in business time by the task's `calendar`) gives its `dueAt` when it opens (actions.ts
// `openTask`). A task with `onOverdue` also sets the durable timer `task.<stateId>.overdue` at `dueAt`;
// closing the task cancels it. When it fires with the task still open, the task is marked escalated
// (`escalatedAt`), its `onOverdue` actions run with the one action interpreter (as an SLA rung's do),
// the event `task.<stateId>.overdue` goes to the machine (an `always` re-evaluated), then the events
// those actions raised. The history entry names the task and says what the escalation changed beyond the
// data (the data's changes are its patch, the notes its notes): `{ task, title, dueAt, priority?, queue?,
// assignee?, notified? }`, flat, so the exports carry them as attributes.
import type { CompiledCaseType } from './compile.ts';
import type { Finish, Stepped } from './finish-step.ts';
import { sendEvent } from './machine-step.ts';
import type { MachineStep } from './machine-step.ts';
import { applyActions } from './actions.ts';
import type { Scratch, StepEnv } from './actions.ts';
import type { Case, Rejection } from './types.ts';

export { overdueStateOf, overdueTimerId } from './task-overdue-id.ts';

/** The event type of an overdue task's history entry (`task.<stateId>.overdue`). */
export const OVERDUE_EVENT = /^task\.[a-zA-Z][a-zA-Z0-9_-]{0,63}\.overdue$/;

/**
 * Fires the overdue timer of the task of `stateId` (the timer already taken off `consumed`). A task no
 * longer open, or already escalated, makes a stale timer: consumed, nothing else changes.
 */
export function fireOverdueTimer<R extends Stepped>(
  finish: Finish<R>,
  type: CompiledCaseType,
  kase: Case,
  consumed: Scratch,
  env: StepEnv,
  stateId: string,
  timerEvent: string,
): R | Rejection {
  const task = consumed.tasks.find((t) => t.state === stateId && t.escalatedAt === undefined);
  const spec = type.index.states.get(stateId)?.node.task;
  if (task === undefined || spec === undefined) {
    const step: MachineStep = { value: kase.state, scratch: consumed, done: false };
    return finish(type, { before: kase, base: kase, step, env, event: { type: timerEvent }, actor: 'system', slas: kase.slas });
  }
  let scratch: Scratch = {
    ...consumed,
    tasks: consumed.tasks.map((t) => (t.id === task.id ? { ...t, escalatedAt: env.now } : t)),
  };
  scratch = applyActions(scratch, spec.onOverdue ?? [], env, type);
  const raised = scratch.raised;
  scratch = { ...scratch, raised: [] };
  let step: MachineStep = { value: kase.state, scratch, done: false };
  step = sendEvent(type, step.value, step.scratch, env, timerEvent);
  for (const raisedEvent of raised) {
    if (step.done) break;
    step = sendEvent(type, step.value, step.scratch, env, raisedEvent);
  }
  const event = { type: timerEvent, data: { task: task.id, title: task.title, dueAt: task.dueAt, ...escalationDid(consumed, step.scratch) } };
  return finish(type, { before: kase, base: kase, step, env, event, actor: 'system', slas: kase.slas });
}

/** What an escalation changed that the history's data patch does not show: priority, queue, assignee, who was notified. */
function escalationDid(before: Scratch, after: Scratch): { [key: string]: string } {
  const did: { [key: string]: string } = {};
  if (after.priority !== before.priority) did.priority = after.priority;
  if (after.queue !== before.queue && after.queue !== null) did.queue = after.queue;
  if (after.assignee !== before.assignee && after.assignee !== null) did.assignee = after.assignee;
  const notified = after.effects.flatMap((e) => (e.type === 'notify' ? [e.to] : []));
  if (notified.length > 0) did.notified = notified.join(', ');
  return did;
}
