// Expected failures of the host as values, with a stable code (mapped to HTTP statuses by the HTTP
// adapter, runtime/http/problems.ts): what went wrong and how to fix it, in words.
import type { FieldProblem, JsonValue } from '../engine/index.ts';

export type HostErrorCode =
  | 'request.invalid'
  | 'auth.forbidden'
  | 'case.not_found'
  | 'case.conflict'
  | 'case.exists'
  | 'case_type.not_found'
  | 'case_type.unknown'
  | 'case.parent_not_found'
  | 'draft.not_found'
  | 'definition.invalid'
  | 'token.not_found'
  | 'partner.not_found'
  | 'partner.not_shared'
  | 'task.not_found'
  | 'task.claimed'
  | 'task.closed'
  | 'revision.stale'
  | 'event.unknown'
  | 'event.not_accepted'
  | 'event.forbidden'
  | 'data.invalid'
  | 'rule.failed'
  | 'idempotency.key_reused'
  | 'timer.gone'
  | 'migration.invalid'
  | 'migration.applied'
  | 'migration.not_found'
  | 'backtest.invalid'
  | 'mail.refused'
  | 'mailbox.address_taken'
  | 'mailbox.not_found'
  | 'form.not_found'
  | 'form.invalid'
  | 'form.reply_not_expected'
  | 'request.rate_limited'
  | 'document.too_large'
  | 'document.empty'
  | 'document.type_refused'
  | 'document.not_found'
  | 'document.removed'
  | 'link.self'
  | 'link.not_found'
  | 'link.has_parent'
  | 'link.cycle'
  | 'link.closed'
  | 'link.not_linked'
  | 'agent.invalid'
  | 'agent.not_found'
  | 'offer.not_found'
  | 'survey.not_found'
  | 'survey.expired'
  | 'survey.answered'
  | 'survey.invalid';

/** A definition problem as the validator reports it (pointer into the case type). */
export interface DefinitionProblem {
  severity: string;
  code: string;
  message: string;
  pointer: string;
}

export interface HostFailure {
  ok: false;
  code: HostErrorCode;
  message: string;
  problems?: (FieldProblem | DefinitionProblem)[];
  rules?: string[];
}

/** What a service answers: a value, or an expected failure. */
export type Result<T> = { ok: true; value: T } | HostFailure;

/** A stored answer replayed for a retried Idempotency-Key. */
export interface Replay {
  ok: true;
  replay: true;
  status: number;
  body: JsonValue;
}

export const fail = (code: HostErrorCode, message: string, extra: Partial<Omit<HostFailure, 'ok' | 'code' | 'message'>> = {}): HostFailure => ({
  ok: false,
  code,
  message,
  ...extra,
});

/**
 * An expected failure met where no value can be returned (deep in loading a case type); the adapter
 * answers it like a returned one (runtime/http/create-app.ts).
 */
export class HostError extends Error {
  readonly failure: HostFailure;
  constructor(failure: HostFailure) {
    super(failure.message);
    this.name = 'HostError';
    this.failure = failure;
  }
}
