// Pure edits of eventless transitions (`always`) and of the playbook root's own actions. The owner of a list
// is a state id, or null for the playbook root (whose transitions apply in every state).
import type { Action, CaseType, Playbook, StateNode, Transition } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { findState } from './states.ts';

export type Owner = string | null;

function ownerNode(playbook: Playbook, owner: Owner): Playbook | StateNode | undefined {
  return owner === null ? playbook : findState(playbook, owner)?.node;
}

/** The eventless transitions of a state (or the root), as a list. */
export function listAlways(def: CaseType, owner: Owner): Transition[] {
  const always = ownerNode(def.playbook, owner)?.always;
  if (always === undefined) return [];
  return Array.isArray(always) ? always : [always];
}

/** Writes the list back (as an array; removed when empty). */
export function setAlways(def: CaseType, owner: Owner, list: Transition[]): CaseType {
  const next = clone(def);
  const node = ownerNode(next.playbook, owner);
  if (!node) return def;
  if (list.length === 0) delete node.always;
  else node.always = list;
  return next;
}

export function addAlways(def: CaseType, owner: Owner, transition: Transition): CaseType {
  return setAlways(def, owner, [...listAlways(def, owner), transition]);
}

/** Replaces properties of eventless transition `index`; undefined removes one. */
export function updateAlways(def: CaseType, owner: Owner, index: number, patch: Partial<Transition>): CaseType {
  const list = listAlways(def, owner).map((t) => ({ ...t }));
  const current = list[index];
  if (!current) return def;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete (current as Record<string, unknown>)[k];
    else (current as Record<string, unknown>)[k] = v;
  }
  return setAlways(def, owner, list);
}

export function removeAlways(def: CaseType, owner: Owner, index: number): CaseType {
  return setAlways(def, owner, listAlways(def, owner).filter((_, i) => i !== index));
}

/** Sets the playbook root's entry or exit actions (run when a case starts or ends); undefined removes them. */
export function setRootActions(def: CaseType, which: 'entry' | 'exit', actions: Action[] | undefined): CaseType {
  const next = clone(def);
  if (actions === undefined || actions.length === 0) delete next.playbook[which];
  else next.playbook[which] = actions;
  return next;
}
