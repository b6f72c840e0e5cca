// createCase: a new case enters the playbook's initial state with the event `case.created`.
import type { CompiledCaseType } from './compile.ts';
import { finishStep } from './finish-step.ts';
import type { Finish, Stepped } from './finish-step.ts';
import { enterInitial, sendEvent } from './machine-step.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { validate } from './rules.ts';
import type { Actor, Case, CreateCaseInput, Instant, Outcome, Rejection } from './types.ts';
import { scratchOf } from './actions.ts';

export function createCase(type: CompiledCaseType, input: CreateCaseInput, now: Instant, actor?: Actor): Outcome {
  return createCaseWith(finishStep, type, input, now, actor);
}

/** `createCase` ending the step with `finish` (`finishCase`: no history entry, for a replay). */
export function createCaseWith<R extends Stepped>(finish: Finish<R>, type: CompiledCaseType, input: CreateCaseInput, now: Instant, actor?: Actor): R | Rejection {
  const data = input.data ?? {};
  const problems = validate(type.validators.data, data);
  if (problems.length > 0) return reject('data.invalid', rejectionMessages.creationInvalid(type.key), problems);
  const base: Case = {
    id: input.id,
    caseType: type.key,
    version: type.version,
    state: {},
    data,
    priority: input.priority ?? 'normal',
    queue: null,
    assignee: null,
    channel: input.channel ?? null,
    parentId: input.parentId ?? null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    revision: 1,
    tasks: [],
    slas: [],
    timers: [],
    children: [],
    seq: 0,
  };
  const env = { caseId: input.id, now, revision: 1 };
  let step = enterInitial(type, scratchOf(base), env);
  if (!step.done) step = sendEvent(type, step.value, step.scratch, env, 'case.created');
  return finish(type, {
    before: null,
    base,
    step,
    env,
    event: input.data !== undefined ? { type: 'case.created', data: input.data } : { type: 'case.created' },
    actor: actor?.id ?? 'system',
    ...(actor?.partner === undefined ? {} : { partner: actor.partner }),
    slas: [],
  });
}
