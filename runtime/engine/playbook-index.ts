// An index of the playbook's state nodes by id (ids are unique across the playbook, docs/semantics.md),
// and the walks the engine needs: active states of a state value, candidate transitions of an event.
import type { AfterDelay, Playbook, StateNode, Transition, TransitionSpec } from '../../schemas/generated/case-type.ts';
import type { StateValue } from './types.ts';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface StateInfo {
  id: string;
  node: StateNode;
  /** Parent state id; `null` for a top-level state. */
  parent: string | null;
  kind: StateKind;
  /** Child state ids in document order. */
  children: string[];
  /** Document order (pre-order), used to list states and checklists stably. */
  order: number;
}

export interface PlaybookIndex {
  states: ReadonlyMap<string, StateInfo>;
  /** Top-level state ids. */
  top: string[];
}

export function stateKind(node: StateNode): StateKind {
  if (node.type === 'parallel' || node.type === 'final') return node.type;
  return node.states && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
}

/** Indexes every state of the playbook by its id (its key). */
export function indexPlaybook(playbook: Playbook): PlaybookIndex {
  const states = new Map<string, StateInfo>();
  let order = 0;
  const visit = (children: { [k: string]: StateNode | undefined }, parent: string | null): string[] => {
    const ids: string[] = [];
    for (const [id, node] of Object.entries(children)) {
      if (!node) continue;
      ids.push(id);
      const info: StateInfo = { id, node, parent, kind: stateKind(node), children: [], order: order++ };
      states.set(id, info);
      info.children = visit(node.states ?? {}, id);
    }
    return ids;
  };
  const top = visit(playbook.states, null);
  return { states, top };
}

/** The ids of every active state of a state value, parents before children, in value order. */
export function activeStateIds(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([id, child]) => [id, ...activeStateIds(child)]);
}

/** The active atomic (leaf) state ids of a state value. */
export function leafStateIds(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap((child) => leafStateIds(child));
}

/** Normalises a transition spec (`"target"`, one transition or a list) to a list. */
/** A state value as text: `triage`, `investigating.collect`, `review.{legal.check, finance.check}`. */
export function stateLabel(value: StateValue): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value).map(([key, child]) => `${key}.${stateLabel(child)}`);
  return entries.length === 1 ? (entries[0] as string) : `{${entries.join(', ')}}`;
}

export function toTransitions(spec: TransitionSpec | undefined): Transition[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [{ target: spec }];
  return Array.isArray(spec) ? spec : [spec];
}

/** The timer id of an `after` entry: its `id`, or `<stateId>.<index>`. */
export function afterTimerId(stateId: string, entry: AfterDelay, index: number): string {
  return entry.id ?? `${stateId}.${index}`;
}

/** The transitions a node has for an event: its `on`, plus the transition of a matching `after` entry. */
export function nodeTransitions(node: StateNode | Playbook, stateId: string | null, eventType: string): Transition[] {
  const fromAfter: Transition[] = [];
  if (stateId !== null && 'after' in node && node.after) {
    node.after.forEach((entry, index) => {
      if (`timer.${afterTimerId(stateId, entry, index)}` === eventType) {
        const { target, guard, actions, description } = entry;
        fromAfter.push({ target, guard, actions, description });
      }
    });
  }
  return [...fromAfter, ...toTransitions(node.on?.[eventType])];
}

export interface Candidate {
  /** The state whose `on` holds it; `null` for the playbook root. */
  source: string | null;
  transition: Transition;
}

/**
 * The transitions that could take an event in a state value, in XState's order of precedence: for
 * each active leaf, its own transitions then its ancestors', the playbook root last. The first
 * enabled one of a region wins.
 */
export function candidateTransitions(
  playbook: Playbook,
  index: PlaybookIndex,
  value: StateValue,
  eventType: string,
): Candidate[] {
  const seen = new Set<string>();
  const result: Candidate[] = [];
  for (const leaf of leafStateIds(value)) {
    for (let id: string | null = leaf; id !== null; id = index.states.get(id)?.parent ?? null) {
      if (seen.has(id)) break;
      seen.add(id);
      const info = index.states.get(id);
      if (!info) break;
      for (const transition of nodeTransitions(info.node, id, eventType)) result.push({ source: id, transition });
    }
  }
  for (const transition of nodeTransitions(playbook, null, eventType)) result.push({ source: null, transition });
  return result;
}
