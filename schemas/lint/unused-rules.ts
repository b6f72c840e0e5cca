// Rules nothing refers to: a rule is used by a guard (transitions, delays, form visibility and read-only
// conditions), a state's checklist or an SLA condition. An unused rule is dead weight or a forgotten wire.
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asArray, asObject, asString, isObject, ptr } from './util.ts';
import { ruleWords } from './words.ts';

function ruleNames(guard: unknown, out: Set<string>, depth = 0): void {
  if (depth > 64) return;
  if (typeof guard === 'string') {
    out.add(guard);
    return;
  }
  if (!isObject(guard)) return;
  if (guard.not !== undefined) ruleNames(guard.not, out, depth + 1);
  for (const key of ['all', 'any']) for (const g of asArray(guard[key])) ruleNames(g, out, depth + 1);
}

export function lintUnusedRules(model: Model): Problem[] {
  const used = new Set<string>();
  for (const { guard } of model.guards) ruleNames(guard, used);
  for (const state of model.states.values())
    for (const rule of asArray(state.node.checklist)) if (typeof rule === 'string') used.add(rule);
  for (const sla of Object.values(asObject(model.def.slas))) {
    for (const key of ['start', 'pause', 'stop', 'cancel', 'reset']) {
      const rule = asString(asObject(asObject(sla)[key]).rule);
      if (rule !== undefined) used.add(rule);
    }
  }
  return Object.keys(asObject(model.def.rules))
    .filter((name) => !used.has(name))
    .map((name) => createProblem('rule.unused', ptr('/rules', name), { rule: ruleWords(model.def, name) }));
}
