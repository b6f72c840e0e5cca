// A work API answer as a value: the value, or a failure that keeps its field problems. Its own module, so
// the paging helper and the API client both use it without importing each other.
import type { FieldProblem } from '../../../runtime/engine/index.ts';

export interface Failure {
  ok: false;
  status: number;
  code: string;
  message: string;
  problems: FieldProblem[];
  /** For `rule.failed`: the ids of the rules not met (people read their titles). */
  rules?: string[];
}
export type Result<T> = { ok: true; value: T } | Failure;
