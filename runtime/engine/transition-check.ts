// Which transitions an event would take, decided with the shared guard evaluator before XState runs:
// the source of `event.not_accepted` and `rule.failed`, of `nextEvents` and of the SLA event check.
import type { CompiledCaseType } from './compile.ts';
import { evaluateGuard, failingRules } from './guards.ts';
import type { GuardScope } from './guards.ts';
import { activeStateIds, candidateTransitions } from './playbook-index.ts';
import type { Candidate } from './playbook-index.ts';
import type { CaseData, FieldProblem, StateValue } from './types.ts';

export interface TransitionCheck {
  candidates: Candidate[];
  /** The first candidate whose guard passes (the one XState takes), if any. */
  enabled: Candidate | null;
  /** Rules that failed, over all candidates (when none is enabled). */
  rules: string[];
  /** The first candidate's failing rules in field terms (when none is enabled). */
  problems: FieldProblem[];
}

export function guardScope(compiled: CompiledCaseType, value: StateValue, data: CaseData): GuardScope {
  return { data, active: new Set(activeStateIds(value)), ruleHolds: compiled.ruleHolds };
}

export function checkTransitions(compiled: CompiledCaseType, value: StateValue, data: CaseData, eventType: string): TransitionCheck {
  const candidates = candidateTransitions(compiled.def.playbook, compiled.index, value, eventType);
  const scope = guardScope(compiled, value, data);
  const enabled = candidates.find((c) => c.transition.guard === undefined || evaluateGuard(c.transition.guard, scope)) ?? null;
  if (enabled || candidates.length === 0) return { candidates, enabled, rules: [], problems: [] };
  const rules = [...new Set(candidates.flatMap((c) => (c.transition.guard ? failingRules(c.transition.guard, scope) : [])))];
  const first = candidates[0]?.transition.guard;
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const rule of first ? failingRules(first, scope) : []) {
    const holds = compiled.ruleHolds(rule, data);
    const found = holds
      ? [{ pointer: '', message: `${compiled.def.rules?.[rule]?.title ?? rule} holds, but this transition needs it not to` }]
      : compiled.ruleProblems(rule, data);
    for (const problem of found) {
      const key = `${problem.pointer}\u0000${problem.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
  }
  return { candidates, enabled, rules, problems };
}
