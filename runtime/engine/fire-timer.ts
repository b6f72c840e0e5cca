// Durable timers: `dueTimers` lists what falls due, `fireTimer` fires one through the machine.
// An `after` timer sends `timer.<id>`; an SLA timer records its rung (sla.ts), runs the rung's actions
// with the same interpreter as playbook actions, then sends `sla.<name>.<rung>` to the machine (taken
// where an active state handles it; `always` re-evaluated), then the events those actions raised (XState's order: raised events are
// processed after the current one).
import type { CompiledCaseType } from './compile.ts';
import { applyTimerChanges, finishStep } from './finish-step.ts';
import type { Finish, Stepped } from './finish-step.ts';
import { parseInstant } from './instant.ts';
import { sendEvent } from './machine-step.ts';
import type { MachineStep } from './machine-step.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { fireSlaTimer } from './sla.ts';
import type { Case, Instant, Outcome, PendingTimer, Rejection } from './types.ts';
import { applyActions, scratchOf } from './actions.ts';
import { fireOverdueTimer, overdueStateOf } from './task-due.ts';

/** The case's pending timers due at or before `until`, by due time then id. */
export function dueTimers(kase: Case, until: Instant): PendingTimer[] {
  const limit = parseInstant(until);
  return kase.timers
    .filter((timer) => parseInstant(timer.dueAt) <= limit)
    .sort((a, b) => parseInstant(a.dueAt) - parseInstant(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function fireTimer(type: CompiledCaseType, kase: Case, timerId: string, now: Instant): Outcome {
  return fireTimerWith(finishStep, type, kase, timerId, now);
}

/** `fireTimer` ending the step with `finish` (`finishCase`: no history entry, for a replay). */
export function fireTimerWith<R extends Stepped>(finish: Finish<R>, type: CompiledCaseType, kase: Case, timerId: string, now: Instant): R | Rejection {
  const timer = kase.timers.find((t) => t.id === timerId);
  if (!timer || kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.noTimer(timerId));
  if (parseInstant(timer.dueAt) > parseInstant(now)) {
    return reject('event.not_accepted', rejectionMessages.timerNotDue(timerId, timer.dueAt, now));
  }
  const env = { caseId: kase.id, now, revision: kase.revision + 1 };
  const consumed = { ...scratchOf(kase), timers: kase.timers.filter((t) => t.id !== timerId) };
  const event = { type: timer.event };

  const overdueState = overdueStateOf(timer.id);
  if (overdueState !== null) return fireOverdueTimer(finish, type, kase, consumed, env, overdueState, timer.event);

  if (!timer.event.startsWith('sla.')) {
    const step = sendEvent(type, kase.state, consumed, env, timer.event);
    return finish(type, { before: kase, base: kase, step, env, event, actor: 'system', slas: kase.slas });
  }

  const fired = fireSlaTimer(type.def, type.calendars, kase.slas, timerId, now);
  if (!fired) {
    // A stale SLA timer (the record closed or moved on): consumed, nothing else happens.
    const step: MachineStep = { value: kase.state, scratch: consumed, done: false };
    return finish(type, { before: kase, base: kase, step, env, event, actor: 'sla', slas: null });
  }
  let scratch = applyTimerChanges(consumed, fired.cancelTimers, fired.setTimers);
  scratch = applyActions(scratch, fired.actions, env, type);
  const raised = scratch.raised;
  scratch = { ...scratch, raised: [] };
  let step: MachineStep = { value: kase.state, scratch, done: false };
  // Sent even when no state handles it: the rung's `set` actions may have enabled an `always`.
  step = sendEvent(type, step.value, step.scratch, env, timer.event);
  for (const raisedEvent of raised) {
    if (step.done) break;
    step = sendEvent(type, step.value, step.scratch, env, raisedEvent);
  }
  return finish(type, { before: kase, base: kase, step, env, event, actor: 'sla', slas: fired.instances });
}
