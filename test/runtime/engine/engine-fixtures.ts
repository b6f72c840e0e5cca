// Small inline case types and helpers for the engine-core tests.
import type { CaseType, Playbook } from '../../../schemas/generated/case-type.ts';
import { applyEvent, compileCaseType, createCase, fireTimer } from '../../../runtime/engine/index.ts';
import type { Accepted, Actor, Case, CaseData, CompiledCaseType, Outcome } from '../../../runtime/engine/index.ts';

export const T0 = '2026-01-05T09:00:00.000Z';

/** A case type around a playbook; `data` accepts any object unless given. */
export function caseType(playbook: Playbook, rest: Partial<CaseType> = {}): CaseType {
  return { key: 'test-case', title: 'Test case', data: { type: 'object' }, playbook, ...rest };
}

export function accepted(outcome: Outcome): Accepted {
  if (!outcome.ok) throw new Error(`expected the step to be accepted, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}

/** JSON round trip: what a store keeps and gives back. */
export function stored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function start(def: CaseType | CompiledCaseType, data?: CaseData, now = T0): Accepted {
  const type = 'machine' in def ? def : compileCaseType(def);
  return accepted(createCase(type, data === undefined ? { id: 'C1' } : { id: 'C1', data }, now));
}

export function send(
  def: CaseType,
  kase: Case,
  type: string,
  data?: CaseData,
  now = '2026-01-05T10:00:00.000Z',
  actor?: Actor,
): Accepted {
  return accepted(applyEvent(compileCaseType(def), stored(kase), data === undefined ? { type } : { type, data }, now, actor));
}

export function fire(def: CaseType, kase: Case, timerId: string, now: string): Accepted {
  return accepted(fireTimer(compileCaseType(def), stored(kase), timerId, now));
}
