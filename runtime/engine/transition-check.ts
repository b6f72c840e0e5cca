// Which transitions an event would take, decided with the shared guard evaluator before XState runs:
// the source of `event.not_accepted` and `rule.failed`, of `nextEvents` and of the SLA event check.
import type { CompiledCaseType } from './compile.ts';
import { evaluateGuard, failingRules } from './guards.ts';
import type { GuardScope } from './guards.ts';
import { activeStateIds, candidateTransitions } from './playbook-index.ts';
import type { Candidate } from './playbook-index.ts';
import type { CaseData, FieldProblem, StateValue } from './types.ts';

export interface TransitionCheck {
  candidates: readonly Candidate[];
  /** The first candidate whose guard passes (the one XState takes), if any. */
  enabled: Candidate | null;
  /** Rules that failed, over all candidates (when none is enabled). */
  rules: string[];
  /** The first candidate's failing rules in field terms (when none is enabled). */
  problems: FieldProblem[];
}

/**
 * What the checks read of one state value: its active states and each event's candidates. They
 * depend on the value and the compiled playbook only, and every event and view asks again, so they
 * are kept per compiled case type and value (cleared when too many: bounded memory).
 */
interface StateTransitions {
  active: ReadonlySet<string>;
  byEvent: Map<string, readonly Candidate[]>;
}

const STATE_LIMIT = 1_000;
/** Events per state value: system events may carry any name, so their count is bounded too. */
const EVENT_LIMIT = 1_000;
const stateCaches = new WeakMap<CompiledCaseType, Map<string, StateTransitions>>();

function stateTransitions(compiled: CompiledCaseType, value: StateValue): StateTransitions {
  let states = stateCaches.get(compiled);
  if (!states) {
    states = new Map();
    stateCaches.set(compiled, states);
  }
  const key = JSON.stringify(value);
  let state = states.get(key);
  if (!state) {
    if (states.size >= STATE_LIMIT) states.clear();
    state = { active: new Set(activeStateIds(value)), byEvent: new Map() };
    states.set(key, state);
  }
  return state;
}

function candidatesOf(compiled: CompiledCaseType, value: StateValue, state: StateTransitions, eventType: string): readonly Candidate[] {
  let candidates = state.byEvent.get(eventType);
  if (!candidates) {
    if (state.byEvent.size >= EVENT_LIMIT) state.byEvent.clear();
    candidates = candidateTransitions(compiled.def.playbook, compiled.index, value, eventType);
    state.byEvent.set(eventType, candidates);
  }
  return candidates;
}

export function guardScope(compiled: CompiledCaseType, value: StateValue, data: CaseData): GuardScope {
  return { data, active: stateTransitions(compiled, value).active, ruleHolds: compiled.ruleHolds };
}

/** Checks events in one state value on one data: `checkTransitions` for many events at once. */
export function transitionChecker(compiled: CompiledCaseType, value: StateValue, data: CaseData): (eventType: string) => TransitionCheck {
  const state = stateTransitions(compiled, value);
  const scope: GuardScope = { data, active: state.active, ruleHolds: compiled.ruleHolds };
  return (eventType) => checkIn(compiled, candidatesOf(compiled, value, state, eventType), scope);
}

export function checkTransitions(compiled: CompiledCaseType, value: StateValue, data: CaseData, eventType: string): TransitionCheck {
  return transitionChecker(compiled, value, data)(eventType);
}

function checkIn(compiled: CompiledCaseType, candidates: readonly Candidate[], scope: GuardScope): TransitionCheck {
  const { data } = scope;
  const enabled = candidates.find((c) => c.transition.guard === undefined || evaluateGuard(c.transition.guard, scope)) ?? null;
  if (enabled || candidates.length === 0) return { candidates, enabled, rules: [], problems: [] };
  // Of alternative transitions, the one nearest to being taken (fewest failing rules; the first on a tie)
  // says what is missing: a rule that only chooses between routes is not asked for when another route
  // needs less (complaint: "triaged and highSeverity" or "triaged" → only "triaged" is missing).
  let nearest: string[] | null = null;
  for (const c of candidates) {
    const failing = c.transition.guard ? failingRules(c.transition.guard, scope) : [];
    if (nearest === null || failing.length < nearest.length) nearest = failing;
  }
  const rules = [...new Set(nearest ?? [])];
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const rule of rules) {
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
