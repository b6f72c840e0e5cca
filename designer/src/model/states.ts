// Pure edits of the playbook's states. State ids are unique across the whole playbook (docs/semantics.md),
// so a state is addressed by its id alone, wherever it is nested.
import type { CaseType, Guard, Playbook, StateNode, Transition, TransitionSpec } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { mapScriptGuards } from './script-guards.ts';

export const STATE_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

type Parent = Playbook | StateNode;

export interface StateEntry {
  id: string;
  node: StateNode;
  /** Id of the enclosing state, or null at the top level. */
  parent: string | null;
  depth: number;
}

/** Every state, depth first, in definition order. */
export function listStates(def: CaseType): StateEntry[] {
  const out: StateEntry[] = [];
  const walk = (p: Parent, parent: string | null, depth: number): void => {
    for (const [id, node] of Object.entries(p.states ?? {})) {
      if (!node) continue;
      out.push({ id, node, parent, depth });
      walk(node, id, depth + 1);
    }
  };
  walk(def.playbook, null, 0);
  return out;
}

/** The state node with this id and the node that holds it. */
export function findState(playbook: Playbook, id: string): { node: StateNode; parent: Parent } | undefined {
  const walk = (p: Parent): { node: StateNode; parent: Parent } | undefined => {
    for (const [key, node] of Object.entries(p.states ?? {})) {
      if (!node) continue;
      if (key === id) return { node, parent: p };
      const found = walk(node);
      if (found) return found;
    }
    return undefined;
  };
  return walk(playbook);
}

export function hasState(def: CaseType, id: string): boolean {
  return findState(def.playbook, id) !== undefined;
}

export interface AddStateArgs {
  id: string;
  title?: string;
  /** Id of the compound state to add into; top level when absent. */
  parent?: string;
  final?: boolean;
}

/** Adds a state; the first state of a level becomes that level's initial state. */
export function addState(def: CaseType, args: AddStateArgs): CaseType {
  if (hasState(def, args.id)) return def;
  const next = clone(def);
  const parent: Parent | undefined = args.parent ? findState(next.playbook, args.parent)?.node : next.playbook;
  if (!parent) return def;
  const node: StateNode = {};
  if (args.title) node.title = args.title;
  if (args.final) node.type = 'final';
  parent.states = { ...(parent.states ?? {}), [args.id]: node };
  if (!parent.initial) parent.initial = args.id;
  if (parent !== next.playbook && (parent as StateNode).type === undefined) (parent as StateNode).type = 'compound';
  return next;
}

/** Sets state properties (title, description, type, task, checklist, entry, exit, after); undefined removes one. */
export function updateState(def: CaseType, id: string, patch: Partial<Omit<StateNode, 'states'>>): CaseType {
  const next = clone(def);
  const found = findState(next.playbook, id);
  if (!found) return def;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete (found.node as Record<string, unknown>)[k];
    else (found.node as Record<string, unknown>)[k] = v;
  }
  return next;
}

export function setInitial(def: CaseType, parent: string | null, id: string): CaseType {
  const next = clone(def);
  const p: Parent | undefined = parent ? findState(next.playbook, parent)?.node : next.playbook;
  if (!p?.states?.[id]) return def;
  p.initial = id;
  return next;
}

/** Rewrites the `in` lists of a guard (and, with `rule`, its rule names). */
export function mapGuard(guard: Guard, fn: (ids: string[]) => string[], rule: (name: string) => string = (n) => n): Guard {
  if (typeof guard === 'string') return rule(guard);
  if ('in' in guard) return { in: fn(guard.in) as [string, ...string[]] };
  if ('not' in guard) return { not: mapGuard(guard.not, fn, rule) };
  if ('all' in guard) return { all: guard.all.map((g) => mapGuard(g, fn, rule)) as [Guard, ...Guard[]] };
  return { any: guard.any.map((g) => mapGuard(g, fn, rule)) as [Guard, ...Guard[]] };
}

function mapTransition(t: Transition, rename: (id: string) => string): Transition {
  const out: Transition = { ...t };
  if (t.target !== undefined) out.target = rename(t.target);
  if (t.guard !== undefined) out.guard = mapGuard(t.guard, (ids) => ids.map(rename));
  return out;
}

function mapSpec(spec: TransitionSpec, rename: (id: string) => string): TransitionSpec {
  if (typeof spec === 'string') return rename(spec);
  if (Array.isArray(spec)) return spec.map((t) => mapTransition(t, rename)) as [Transition, ...Transition[]];
  return mapTransition(spec, rename);
}

/** Applies `rename` to every state reference: targets, initial, `in` guards, SLA conditions, layout. */
function renameReferences(def: CaseType, rename: (id: string) => string): void {
  const walk = (p: Parent): void => {
    if (p.initial) p.initial = rename(p.initial);
    if (p.on) for (const [e, spec] of Object.entries(p.on)) if (spec) p.on[e] = mapSpec(spec, rename);
    if (p.always) p.always = Array.isArray(p.always) ? p.always.map((t) => mapTransition(t, rename)) : mapTransition(p.always, rename);
    const node = p as StateNode;
    if (node.after) node.after = node.after.map((a) => ({ ...a, ...(a.target ? { target: rename(a.target) } : {}), ...(a.guard ? { guard: mapGuard(a.guard, (ids) => ids.map(rename)) } : {}) }));
    mapScriptGuards(node, (g) => mapGuard(g, (ids) => ids.map(rename)));
    for (const child of Object.values(p.states ?? {})) if (child) walk(child);
  };
  walk(def.playbook);
  for (const section of def.form?.sections ?? []) {
    if (section.visibleWhen) section.visibleWhen = mapGuard(section.visibleWhen, (ids) => ids.map(rename));
    if (section.readOnlyWhen) section.readOnlyWhen = mapGuard(section.readOnlyWhen, (ids) => ids.map(rename));
    for (const ref of section.fields) {
      if (typeof ref === 'string') continue;
      if (ref.visibleWhen) ref.visibleWhen = mapGuard(ref.visibleWhen, (ids) => ids.map(rename));
      if (ref.readOnlyWhen) ref.readOnlyWhen = mapGuard(ref.readOnlyWhen, (ids) => ids.map(rename));
    }
  }
  for (const sla of Object.values(def.slas ?? {})) {
    if (!sla) continue;
    for (const cond of [sla.start, sla.pause, sla.stop, sla.cancel, sla.reset]) {
      if (!cond) continue;
      if (cond.enter) cond.enter = cond.enter.map(rename) as [string, ...string[]];
      if (cond.in) cond.in = cond.in.map(rename) as [string, ...string[]];
    }
  }
}

/** Renames a state and every reference to it. */
export function renameState(def: CaseType, from: string, to: string): CaseType {
  if (from === to || !hasState(def, from) || hasState(def, to)) return def;
  const next = clone(def);
  const found = findState(next.playbook, from);
  if (!found?.parent.states) return def;
  found.parent.states = Object.fromEntries(Object.entries(found.parent.states).map(([k, v]) => [k === from ? to : k, v]));
  renameReferences(next, (id) => (id === from ? to : id));
  const nodes = next.layout?.nodes;
  if (nodes?.[from]) {
    next.layout = { ...next.layout, nodes: Object.fromEntries(Object.entries(nodes).map(([k, v]) => [k === from ? to : k, v])) };
  }
  return next;
}

/** Ids of a state and all its descendants. */
function subtreeIds(node: StateNode, id: string): string[] {
  return [id, ...Object.entries(node.states ?? {}).flatMap(([k, v]) => (v ? subtreeIds(v, k) : []))];
}

/**
 * Deletes a state with its children, every transition that targets them, and their layout.
 * `in` guards that name them are left for the problems panel to report.
 */
export function deleteState(def: CaseType, id: string): CaseType {
  const next = clone(def);
  const found = findState(next.playbook, id);
  if (!found?.parent.states) return def;
  const gone = new Set(subtreeIds(found.node, id));
  delete found.parent.states[id];
  if (found.parent.initial === id) {
    const first = Object.keys(found.parent.states)[0];
    if (first) found.parent.initial = first;
    else delete found.parent.initial;
  }
  const keep = (t: Transition): boolean => t.target === undefined || !gone.has(t.target);
  const walk = (p: Parent): void => {
    if (p.on) {
      for (const [e, spec] of Object.entries(p.on)) {
        if (spec === undefined) continue;
        const list = (typeof spec === 'string' ? [{ target: spec }] : Array.isArray(spec) ? spec : [spec]).filter(keep);
        if (list.length === 0) delete p.on[e];
        else p.on[e] = typeof spec === 'string' ? spec : Array.isArray(spec) ? (list as [Transition, ...Transition[]]) : (list[0] as Transition);
      }
      if (Object.keys(p.on).length === 0) delete p.on;
    }
    if (p.always) {
      const list = (Array.isArray(p.always) ? p.always : [p.always]).filter(keep);
      if (list.length === 0) delete p.always;
      else p.always = Array.isArray(p.always) ? list : (list[0] as Transition);
    }
    const node = p as StateNode;
    if (node.after) {
      node.after = node.after.filter((a) => a.target === undefined || !gone.has(a.target));
      if (node.after.length === 0) delete node.after;
    }
    for (const child of Object.values(p.states ?? {})) if (child) walk(child);
  };
  walk(next.playbook);
  if (next.layout?.nodes) {
    for (const g of gone) delete next.layout.nodes[g];
  }
  return next;
}

export interface Position {
  x: number;
  y: number;
}

/** Stores designer positions (relative to the parent state for nested states) in `layout.nodes`. */
export function setPositions(def: CaseType, positions: Record<string, Position>): CaseType {
  const next = clone(def);
  const nodes = { ...(next.layout?.nodes ?? {}) };
  for (const [id, p] of Object.entries(positions)) nodes[id] = { ...(nodes[id] ?? {}), x: Math.round(p.x), y: Math.round(p.y) };
  next.layout = { ...(next.layout ?? {}), nodes };
  return next;
}
