// Lint of interaction scripts (a state's `script`, docs/scripts.md): step ids unique, every goto and next
// a step of the same script, every event an action of the state, every question a field of the data whose
// answer some action of the state can send, answers compared only on steps that ask, and no step that can
// never be reached.
import { createProblem, type Problem } from '../problems.ts';
import { resolveField } from './data-index.ts';
import { ancestorsOf, type Model, type StateInfo } from './model.ts';
import { asArray, asObject, asString, didYouMean, isObject, ptr } from './util.ts';

export function lintScripts(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const state of model.states.values()) {
    if (!isObject(state.node.script)) continue;
    problems.push(...lintScript(model, state, ptr(state.pointer, 'script')));
  }
  return problems;
}

/** The states whose `on` the state's actions come from: itself, the states around it and inside it. */
function relatedStates(model: Model, state: StateInfo): StateInfo[] {
  const out: StateInfo[] = [state];
  for (const id of ancestorsOf(model, state.id)) {
    const found = model.states.get(id);
    if (found) out.push(found);
  }
  const stack = [...state.children];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const found = model.states.get(id);
    if (!found || out.includes(found)) continue;
    out.push(found);
    stack.push(...found.children);
  }
  return out;
}

function lintScript(model: Model, state: StateInfo, at: string): Problem[] {
  const problems: Problem[] = [];
  const steps = asArray(asObject(state.node.script).steps).map((s) => asObject(s));
  const first = new Map<string, number>();
  steps.forEach((step, i) => {
    const id = asString(step.id);
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen !== undefined) problems.push(createProblem('script.duplicate_step', ptr(at, 'steps', i, 'id'), { step: id, first: ptr(at, 'steps', seen) }));
    else first.set(id, i);
  });
  const ids = [...first.keys()];
  const stepRef = (target: unknown, pointer: string): number | undefined => {
    if (typeof target !== 'string') return undefined;
    const index = first.get(target);
    if (index === undefined) problems.push(createProblem('script.unknown_step', pointer, { target, hint: didYouMean(target, ids) }));
    return index;
  };

  const related = relatedStates(model, state);
  const handled = new Set([...related.flatMap((s) => Object.keys(asObject(s.node.on))), ...Object.keys(asObject(asObject(model.def.playbook).on))]);
  const carried = new Set<string>();
  for (const name of handled) for (const key of Object.keys(asObject(asObject(asObject(asObject(model.def.events)[name]).data).properties))) carried.add(key);

  // edges for reachability: index → indexes
  const edges: number[][] = steps.map(() => []);
  steps.forEach((step, i) => {
    const stepAt = ptr(at, 'steps', i);
    const id = asString(step.id) ?? String(i);
    const ask = asObject(step.ask);
    const field = asString(ask.field);
    if (field !== undefined && field.startsWith('/')) {
      if (resolveField(model.def.data, field) === undefined) {
        problems.push(createProblem('field.unknown', ptr(stepAt, 'ask', 'field'), { what: 'script question field', field, hint: '' }));
      } else if (!carried.has(field.split('/')[1] ?? '')) {
        problems.push(createProblem('script.field_not_sendable', ptr(stepAt, 'ask', 'field'), { step: id, field, state: state.id }));
      }
    }
    if (step.next !== undefined && step.end !== undefined) problems.push(createProblem('script.next_and_end', stepAt, { step: id }));
    const next = stepRef(step.next, ptr(stepAt, 'next'));
    if (next !== undefined) edges[i]?.push(next);
    else if (step.next === undefined && step.end !== true && i + 1 < steps.length) edges[i]?.push(i + 1);
    asArray(step.branches).forEach((b, j) => {
      const branch = asObject(b);
      const branchAt = ptr(stepAt, 'branches', j);
      if (branch.goto === undefined && branch.event === undefined) {
        problems.push(createProblem('script.branch_without_target', branchAt, { label: asString(branch.label) ?? '' }));
      }
      if (branch.goto !== undefined && branch.event !== undefined) {
        problems.push(createProblem('script.two_targets', branchAt, { label: asString(branch.label) ?? '' }));
      }
      const to = stepRef(branch.goto, ptr(branchAt, 'goto'));
      if (to !== undefined) edges[i]?.push(to);
      const event = asString(branch.event);
      if (event !== undefined && !handled.has(event)) {
        problems.push(createProblem('script.unhandled_event', ptr(branchAt, 'event'), { event, state: state.id, hint: didYouMean(event, handled) }));
      }
      const when = branch.when;
      if (isObject(when) && 'answer' in when) {
        if (field === undefined) problems.push(createProblem('script.answer_without_question', ptr(branchAt, 'when'), { step: id }));
      } else if (when !== undefined) {
        walkGuard(model, when, ptr(branchAt, 'when'), problems);
      }
    });
  });

  const reached = new Set<number>(steps.length > 0 ? [0] : []);
  const queue = [...reached];
  while (queue.length > 0) {
    for (const to of edges[queue.shift() as number] ?? []) {
      if (reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  steps.forEach((step, i) => {
    if (!reached.has(i)) problems.push(createProblem('script.unreachable_step', ptr(at, 'steps', i), { step: asString(step.id) ?? String(i) }));
  });
  return problems;
}

/** Rule names and state ids a `when` guard names must exist (as in every other guard). */
function walkGuard(model: Model, guard: unknown, pointer: string, problems: Problem[]): void {
  if (typeof guard === 'string') {
    if (!model.names.rules.has(guard)) problems.push(createProblem('rule.unknown', pointer, { name: guard, hint: didYouMean(guard, model.names.rules) }));
    return;
  }
  if (!isObject(guard)) return;
  asArray(guard.in).forEach((id, i) => {
    if (typeof id === 'string' && !model.states.has(id)) {
      problems.push(createProblem('state.unknown_reference', ptr(pointer, 'in', i), { target: id, hint: didYouMean(id, model.states.keys()) }));
    }
  });
  if (guard.not !== undefined) walkGuard(model, guard.not, ptr(pointer, 'not'), problems);
  for (const key of ['all', 'any']) asArray(guard[key]).forEach((g, i) => walkGuard(model, g, ptr(pointer, key, i), problems));
}
