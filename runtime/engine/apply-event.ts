// applyEvent: checks in order (unknown event, roles, payload, merged data, a transition for it, its
// guard) and either rejects, changing nothing, or runs the machine and returns the next case.
import type { CompiledCaseType } from './compile.ts';
import { isSystemEvent, lookupEventOf } from './event-names.ts';
import { documentPayloadProblems } from './documents.ts';
import { finishStep } from './finish-step.ts';
import type { Finish, Stepped } from './finish-step.ts';
import { sendEvent } from './machine-step.ts';
import { mergePatch } from './merge-patch.ts';
import { escapePointerToken } from './json-pointer.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { validate } from './rules.ts';
import { checkTransitions } from './transition-check.ts';
import type { Actor, Case, CaseData, CaseEvent, Instant, Outcome, Rejection } from './types.ts';
import { scratchOf } from './actions.ts';

/** May this actor send the event? No actor is the system; `admin` sends anything. */
export function maySend(type: CompiledCaseType, eventType: string, actor: Actor | undefined): boolean {
  if (actor === undefined || actor.roles.includes('admin')) return true;
  if (isSystemEvent(eventType)) return false;
  const roles = type.def.events?.[eventType]?.roles ?? [];
  return roles.length === 0 || roles.some((role) => actor.roles.includes(role));
}

/** Validates an event's payload and merges it into the data; a rejection when either step fails. */
export function mergePayload(type: CompiledCaseType, kase: Case, event: CaseEvent): { ok: true; data: CaseData } | Rejection {
  const payload = event.data ?? {};
  const validator = type.validators.events.get(event.type);
  const lookup = lookupEventOf(event.type);
  // a failed lookup's reason is kept in the history, never written into the data (docs/lookups.md)
  if (lookup?.outcome === 'failed') return { ok: true, data: kase.data };
  if (lookup?.outcome === 'done') {
    // the answer's mapped values: no event schema, the data schema judges the result below
  } else if (validator) {
    const problems = validate(validator, payload);
    if (problems.length > 0) return reject('data.invalid', rejectionMessages.payloadInvalid(event.type), problems);
  } else if (Object.keys(payload).length > 0) {
    // An event without a `data` schema carries no data (docs/semantics.md "Events").
    const problems = Object.keys(payload).map((name) => {
      const pointer = `/${escapePointerToken(name)}`;
      return { pointer, message: `${pointer} cannot be sent with ${event.type}: remove it` };
    });
    return reject('data.invalid', rejectionMessages.noPayload(event.type), problems);
  }
  const documentProblems = documentPayloadProblems(type, payload);
  if (documentProblems.length > 0) return reject('data.invalid', rejectionMessages.payloadInvalid(event.type), documentProblems);
  const merged = mergePatch(kase.data, payload) as CaseData;
  const problems = validate(type.validators.data, merged);
  if (problems.length > 0) return reject('data.invalid', rejectionMessages.dataInvalid(event.type), problems);
  return { ok: true, data: merged };
}

export function applyEvent(type: CompiledCaseType, kase: Case, event: CaseEvent, now: Instant, actor?: Actor): Outcome {
  return applyEventWith(finishStep, type, kase, event, now, actor);
}

/** `applyEvent` ending the step with `finish` (`finishCase`: no history entry, for a replay). */
export function applyEventWith<R extends Stepped>(finish: Finish<R>, type: CompiledCaseType, kase: Case, event: CaseEvent, now: Instant, actor?: Actor): R | Rejection {
  const known = Object.keys(type.def.events ?? {});
  if (!known.includes(event.type) && !isSystemEvent(event.type)) {
    return reject('event.unknown', rejectionMessages.unknownEvent(event.type, type.key, known));
  }
  if (!maySend(type, event.type, actor)) {
    return reject('event.forbidden', rejectionMessages.forbidden(event.type, type.def.events?.[event.type]?.roles ?? []));
  }
  const merged = mergePayload(type, kase, event);
  if (!merged.ok) return merged;
  const data = merged.data;
  if (kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.closed(event.type));
  const check = checkTransitions(type, kase.state, data, event.type);
  if (check.candidates.length === 0) {
    return reject('event.not_accepted', rejectionMessages.notAccepted(event.type, kase.state));
  }
  if (!check.enabled) {
    return reject('rule.failed', rejectionMessages.ruleFailed(event.type, check.rules), check.problems, check.rules);
  }
  const env = { caseId: kase.id, now, revision: kase.revision + 1 };
  const step = sendEvent(type, kase.state, scratchOf(kase, data), env, event.type);
  return finish(type, {
    before: kase,
    base: kase,
    step,
    env,
    event: event.data !== undefined ? { type: event.type, data: event.data } : { type: event.type },
    actor: actor?.id ?? 'system',
    ...(actor?.partner === undefined ? {} : { partner: actor.partner }),
    slas: kase.slas,
  });
}
