// Parallel states: a state whose children (regions) are all active at once.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { addState, findState } from './states.ts';

/** Makes a state parallel (its children become regions, no initial) or a plain stage again (first child initial). */
export function setParallel(def: CaseType, id: string, parallel: boolean): CaseType {
  const next = clone(def);
  const node = findState(next.playbook, id)?.node;
  if (!node || node.type === 'final') return def;
  if (parallel) {
    node.type = 'parallel';
    delete node.initial;
  } else {
    const first = Object.keys(node.states ?? {})[0];
    if (first) {
      node.type = 'compound';
      node.initial = first;
    } else delete node.type;
  }
  return next;
}

/** Whether the state is a region: a child of a parallel state. */
export function isRegion(def: CaseType, id: string): boolean {
  const parent = findState(def.playbook, id)?.parent;
  return parent !== undefined && parent !== def.playbook && (parent as { type?: string }).type === 'parallel';
}

/** Adds a region (a child state) to a parallel state. */
export function addRegion(def: CaseType, parallelId: string, region: { id: string; title?: string }): CaseType {
  const node = findState(def.playbook, parallelId)?.node;
  if (node?.type !== 'parallel') return def;
  const next = addState(def, { id: region.id, parent: parallelId, ...(region.title ? { title: region.title } : {}) });
  if (next === def) return def;
  const parent = findState(next.playbook, parallelId)?.node;
  if (parent) delete parent.initial;
  return next;
}
