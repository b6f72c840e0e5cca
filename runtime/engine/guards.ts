// The one meaning of a guard (docs: case-type-format.md "rules"): a rule name holds when its schema
// validates the case data; `{ in }` when the case is in one of the states; `not`/`all`/`any` combine.
// `evaluateGuard` serves the views (next events, forms, checklists); `toXStateGuard` gives XState the
// same tree with its own combinators (`stateIn`, `not`, `and`, `or`) over one parameterised `rule` guard.
import { and, not, or, stateIn } from 'xstate';
import type { Guard } from '../../schemas/generated/case-type.ts';
import type { CaseData } from './types.ts';

export interface GuardScope {
  data: CaseData;
  /** Ids of the active states. */
  active: ReadonlySet<string>;
  ruleHolds(rule: string, data: CaseData): boolean;
}

export function evaluateGuard(guard: Guard, scope: GuardScope): boolean {
  if (typeof guard === 'string') return scope.ruleHolds(guard, scope.data);
  if ('in' in guard) return guard.in.some((id) => scope.active.has(id));
  if ('not' in guard) return !evaluateGuard(guard.not, scope);
  if ('all' in guard) return guard.all.every((g) => evaluateGuard(g, scope));
  return guard.any.some((g) => evaluateGuard(g, scope));
}

/**
 * The rules that make a failing guard fail (empty when it passes): failed rules of `all`/`any`, the
 * holding rules under a failing `not`. A guard that fails only on `{ in }` names no rule.
 */
export function failingRules(guard: Guard, scope: GuardScope): string[] {
  if (evaluateGuard(guard, scope)) return [];
  return [...new Set(blame(guard, scope, false))];
}

/** The rules to blame for `guard` evaluating to `negated` (false at the top, true under a `not`). */
function blame(guard: Guard, scope: GuardScope, negated: boolean): string[] {
  if (typeof guard === 'string') return scope.ruleHolds(guard, scope.data) === negated ? [guard] : [];
  if ('in' in guard) return [];
  if ('not' in guard) return blame(guard.not, scope, !negated);
  const parts = 'all' in guard ? guard.all : guard.any;
  return parts.filter((g) => evaluateGuard(g, scope) === negated).flatMap((g) => blame(g, scope, negated));
}

/** Every rule a guard names. */
export function guardRules(guard: Guard): string[] {
  if (typeof guard === 'string') return [guard];
  if ('in' in guard) return [];
  if ('not' in guard) return guardRules(guard.not);
  return ('all' in guard ? guard.all : guard.any).flatMap(guardRules);
}

/** A parameterised reference to the machine's `rule` guard. */
export interface RuleGuardRef {
  type: 'rule';
  params: { rule: string };
}

/** XState's guard type is deeply generic; the compiled tree is handed over as this opaque value. */
export type XStateGuard = RuleGuardRef | ReturnType<typeof stateIn> | ReturnType<typeof not>;

export function toXStateGuard(guard: Guard): XStateGuard {
  if (typeof guard === 'string') return { type: 'rule', params: { rule: guard } };
  if ('in' in guard) {
    const checks = guard.in.map((id) => stateIn(`#${id}`));
    return checks.length === 1 ? (checks[0] as XStateGuard) : (or(checks) as XStateGuard);
  }
  if ('not' in guard) return not(toXStateGuard(guard.not) as never) as XStateGuard;
  if ('all' in guard) return and(guard.all.map(toXStateGuard) as never) as XStateGuard;
  return or(guard.any.map(toXStateGuard) as never) as XStateGuard;
}
