// Lint of the playbook's shape: unique ids, initial states, final and parallel states, reachability,
// dead ends and shadowed transitions.
import { createProblem, type Problem } from '../problems.ts';
import { ancestorsOf, type Model } from './model.ts';
import { asArray, asObject, asString, isObject, listNames, ptr, type JsonObject } from './util.ts';

export function lintPlaybookShape(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const duplicate of model.duplicates) {
    problems.push(
      createProblem('state.duplicate_id', duplicate.pointer, { state: duplicate.id, first: duplicate.first }),
    );
  }
  const playbook = asObject(model.def.playbook);
  if (isObject(model.def.playbook)) {
    problems.push(...lintInitial(playbook, '/playbook', 'the playbook', model.rootChildren, model.rootKind));
    if (model.rootKind === 'parallel' && model.rootChildren.length < 2) {
      problems.push(
        createProblem('state.parallel_too_few_regions', '/playbook', {
          state: 'the playbook',
          count: model.rootChildren.length,
        }),
      );
    }
  }
  for (const state of model.states.values()) {
    const node = state.node;
    const label = `state '${state.id}'`;
    if (state.kind === 'final') {
      if (node.states !== undefined)
        problems.push(
          createProblem('state.final_has_children', ptr(state.pointer, 'states'), { state: state.id }),
        );
      for (const key of ['on', 'always', 'after']) {
        if (node[key] !== undefined)
          problems.push(
            createProblem('state.final_has_transitions', ptr(state.pointer, key), { state: state.id, key }),
          );
      }
      continue;
    }
    if (state.kind === 'atomic' && node.initial !== undefined) {
      problems.push(
        createProblem('state.initial_without_children', ptr(state.pointer, 'initial'), { state: state.id }),
      );
    }
    if (state.kind === 'compound')
      problems.push(...lintInitial(node, state.pointer, label, state.children, state.kind));
    if (state.kind === 'parallel' && state.children.length < 2) {
      problems.push(
        createProblem('state.parallel_too_few_regions', state.pointer, {
          state: label,
          count: state.children.length,
        }),
      );
    }
  }
  return problems;
}

function lintInitial(
  node: JsonObject,
  pointer: string,
  label: string,
  children: string[],
  kind: string,
): Problem[] {
  if (kind !== 'compound') return [];
  const initial = asString(node.initial);
  const choices = children.length === 0 ? '(add child states first)' : listNames(children);
  if (node.initial === undefined) {
    return children.length === 0
      ? []
      : [createProblem('state.missing_initial', pointer, { state: label, children: choices })];
  }
  if (initial !== undefined && !children.includes(initial)) {
    return [
      createProblem('state.unknown_initial', ptr(pointer, 'initial'), {
        target: initial,
        state: label,
        children: choices,
      }),
    ];
  }
  return [];
}

/** States entered when `id` is entered: itself, its initial child chain, or every region of a parallel state. */
function enter(model: Model, id: string, reached: Set<string>, queue: string[]): void {
  if (reached.has(id)) return;
  reached.add(id);
  queue.push(id);
  const state = model.states.get(id);
  if (state === undefined) return;
  if (state.kind === 'parallel') for (const child of state.children) enter(model, child, reached, queue);
  if (state.kind === 'compound') {
    const initial = asString(state.node.initial);
    if (initial !== undefined && state.children.includes(initial)) enter(model, initial, reached, queue);
  }
}

/** Every state reachable from the initial configuration through targets (on, always, after). */
export function reachableStates(model: Model): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  const playbook = asObject(model.def.playbook);
  if (model.rootKind === 'parallel') {
    for (const child of model.rootChildren) enter(model, child, reached, queue);
  } else {
    const initial = asString(playbook.initial);
    if (initial !== undefined && model.rootChildren.includes(initial)) enter(model, initial, reached, queue);
  }
  const bySource = new Map<string | undefined, string[]>();
  for (const t of model.transitions) {
    if (t.target === undefined || !model.states.has(t.target)) continue;
    bySource.set(t.source, [...(bySource.get(t.source) ?? []), t.target]);
  }
  const takeTarget = (target: string): void => {
    for (const ancestor of ancestorsOf(model, target).reverse()) {
      if (!reached.has(ancestor)) {
        reached.add(ancestor);
        queue.push(ancestor);
      }
    }
    enter(model, target, reached, queue);
  };
  for (const target of bySource.get(undefined) ?? []) takeTarget(target);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const target of bySource.get(id) ?? []) takeTarget(target);
  }
  return reached;
}

export function lintReachability(model: Model): Problem[] {
  const problems: Problem[] = [];
  const reached = reachableStates(model);
  const hasInitial =
    model.rootKind === 'parallel' ||
    model.rootChildren.includes(asString(asObject(model.def.playbook).initial) ?? '');
  const hasWayOut = (node: JsonObject): boolean =>
    Object.keys(asObject(node.on)).length > 0 || node.always !== undefined || asArray(node.after).length > 0;
  for (const state of model.states.values()) {
    // Children of a final state are reported as state.final_has_children; nothing more to say about them.
    if (ancestorsOf(model, state.id).some((id) => model.states.get(id)?.kind === 'final')) continue;
    const parentReached = state.parent === undefined || reached.has(state.parent);
    if (hasInitial && !reached.has(state.id) && parentReached) {
      problems.push(createProblem('state.unreachable', state.pointer, { state: state.id }));
    }
    if (state.kind !== 'atomic') continue;
    const exits =
      [state.id, ...ancestorsOf(model, state.id)].some((id) => hasWayOut(model.states.get(id)?.node ?? {})) ||
      hasWayOut(asObject(model.def.playbook));
    if (!exits) problems.push(createProblem('state.dead_end', state.pointer, { state: state.id }));
  }
  for (const list of model.transitionLists) {
    const firstUnguarded = list.findIndex((t) => !t.hasGuard);
    if (firstUnguarded < 0) continue;
    for (const shadowed of list.slice(firstUnguarded + 1))
      problems.push(createProblem('transition.shadowed', shadowed.pointer));
  }
  return problems;
}
