// Two versions on one canvas: the newer playbook with the states and transitions the older one had and the
// newer one has not put back in, each state and transition marked added, removed or changed (the versions
// view colours them, with a legend and the marks in words). Pure: no React, no DOM.
import type { CaseType, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { diffCaseTypes, type DiffEntry } from './diff.ts';
import { findState, listStates } from './states.ts';
import { listTransitions, specToList } from './transitions.ts';

export type DiffMark = 'added' | 'removed' | 'changed';

export interface CanvasDiff {
  /** The newer definition with the removed states and transitions put back, for drawing only. */
  def: CaseType;
  /** State id → its mark (unchanged states are not listed). */
  states: Record<string, DiffMark>;
  /** Canvas edge id (`on:<state>:<event>:<index>`, as flow-graph.ts names them) → its mark. */
  edges: Record<string, DiffMark>;
}

/** The identity of a transition as diff.ts keys it: source, event, target and which of the same it is. */
function keyed(list: { source: string; event: string; transition: Transition }[]): string[] {
  const seen = new Map<string, number>();
  return list.map((t) => {
    const base = `${t.source}\u0000${t.event}\u0000${t.transition.target ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${String(n)}`;
  });
}

/** What `after` changes against `before`, on the canvas. `entries`: the diff, when it is at hand already. */
export function canvasDiff(before: CaseType, after: CaseType, entries: DiffEntry[] = diffCaseTypes(before, after)): CanvasDiff {
  const def = clone(after);
  const states: Record<string, DiffMark> = {};
  const edges: Record<string, DiffMark> = {};
  const idOf = (e: DiffEntry, area: string) => (e.area === area ? e.key.slice(area.length + 1) : null);
  for (const e of entries) {
    const id = idOf(e, 'state');
    if (id !== null) states[id] = e.change;
  }
  const changedTransitions = new Set(entries.filter((e) => e.area === 'transition' && e.change === 'changed').map((e) => idOf(e, 'transition')));

  // the removed states, parents first, under their old parent (or at the top when it is gone too)
  const removedIds: string[] = [];
  for (const s of listStates(before)) {
    if (findState(def.playbook, s.id)) continue;
    const { states: _children, ...own } = s.node;
    const node: StateNode = clone(own);
    const parent = s.parent === null ? undefined : findState(def.playbook, s.parent)?.node;
    const holder = parent ?? def.playbook;
    holder.states = { ...(holder.states ?? {}), [s.id]: node };
    const at = before.layout?.nodes?.[s.id];
    if (at && (parent || s.parent === null)) def.layout = { ...(def.layout ?? {}), nodes: { ...(def.layout?.nodes ?? {}), [s.id]: at } };
    removedIds.push(s.id);
    states[s.id] = 'removed';
  }
  const removedSet = new Set(removedIds);

  // the transitions of the states both versions have: the newer ones as they are, the removed ones appended
  const beforeList = listTransitions(before).filter((t) => !removedSet.has(t.source));
  const beforeKeys = keyed(beforeList);
  const afterList = listTransitions(after);
  const afterKeys = keyed(afterList);
  const afterKeySet = new Set(afterKeys);
  const beforeKeySet = new Set(beforeKeys);
  const count = new Map<string, number>();
  const nextIndex = (source: string, event: string) => {
    const k = `${source}\u0000${event}`;
    const n = count.get(k) ?? 0;
    count.set(k, n + 1);
    return n;
  };
  afterList.forEach((t, i) => {
    const key = afterKeys[i] as string;
    const index = nextIndex(t.source, t.event);
    const mark: DiffMark | null = !beforeKeySet.has(key) ? 'added' : changedTransitions.has(key) ? 'changed' : null;
    if (mark) edges[`on:${t.source}:${t.event}:${String(index)}`] = mark;
  });
  beforeList.forEach((t, i) => {
    if (afterKeySet.has(beforeKeys[i] as string)) return;
    const node = findState(def.playbook, t.source)?.node;
    if (!node) return;
    const list = specToList(node.on?.[t.event]);
    node.on = { ...(node.on ?? {}), [t.event]: [...list, clone(t.transition)] as unknown as [Transition, ...Transition[]] };
    edges[`on:${t.source}:${t.event}:${String(nextIndex(t.source, t.event))}`] = 'removed';
  });
  // every transition of a removed state is removed with it
  for (const id of removedIds) {
    const node = findState(def.playbook, id)?.node;
    for (const [event, spec] of Object.entries(node?.on ?? {})) specToList(spec).forEach((_, index) => (edges[`on:${id}:${event}:${String(index)}`] = 'removed'));
    (node?.after ?? []).forEach((_, index) => (edges[`after:${id}:${String(index)}`] = 'removed'));
    const always = node?.always === undefined ? [] : Array.isArray(node.always) ? node.always : [node.always];
    always.forEach((_, index) => (edges[`always:${id}:${String(index)}`] = 'removed'));
  }
  return { def, states, edges };
}
