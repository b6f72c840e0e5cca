// Expected failures of the host as values, with a stable code (mapped to HTTP in runtime/http/problems.ts).
import type { FieldProblem, JsonValue } from '../engine/types.ts';

export type HostErrorCode =
  | 'case.not_found'
  | 'case.conflict'
  | 'case.exists'
  | 'case_type.not_found'
  | 'case_type.unknown'
  | 'case.parent_not_found'
  | 'revision.stale'
  | 'event.unknown'
  | 'event.not_accepted'
  | 'event.forbidden'
  | 'data.invalid'
  | 'rule.failed'
  | 'idempotency.key_reused'
  | 'timer.gone';

export interface HostFailure {
  ok: false;
  code: HostErrorCode;
  message: string;
  problems?: FieldProblem[];
  rules?: string[];
}

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
