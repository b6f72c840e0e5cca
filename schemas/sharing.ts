// What of a case a partner may see and change (issue 18, outsourced partners): the data fields the case
// type marks `shareable: true`, each with everything inside it. A group that is not shareable itself but
// holds shareable fields is shown as a group of just those. Items of a list are shared with the list
// only (a field inside a list's items cannot be shared on its own). Pure: definitions and data in, data out.
import type { CaseType } from './generated/case-type.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The shared part of a schema: all of it, or some of its properties (by name). */
export type ShareTree = { all: true } | { all: false; children: ReadonlyMap<string, ShareTree> };

const ALL: ShareTree = { all: true };
const NOTHING: ShareTree = { all: false, children: new Map() };

type SchemaNode = { shareable?: unknown; properties?: Record<string, unknown>; $ref?: unknown };

function treeOf(node: unknown, defs: Record<string, unknown>, seen: ReadonlySet<string>): ShareTree {
  if (typeof node !== 'object' || node === null) return NOTHING;
  const schema = node as SchemaNode;
  // a group written once in $defs and used by $ref: its own marks count where it is used
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) {
    const name = schema.$ref.slice('#/$defs/'.length);
    if (seen.has(name)) return schema.shareable === true ? ALL : NOTHING;
    const target = defs[name];
    if (schema.shareable === true) return ALL;
    return treeOf(target, defs, new Set([...seen, name]));
  }
  if (schema.shareable === true) return ALL;
  const children = new Map<string, ShareTree>();
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const tree = treeOf(child, defs, seen);
    if (tree.all || tree.children.size > 0) children.set(key, tree);
  }
  return { all: false, children };
}

/** The shared part of a case type's data. */
export function shareTree(definition: Pick<CaseType, 'data'>): ShareTree {
  const data = definition.data as SchemaNode & { $defs?: Record<string, unknown> };
  return treeOf(data, data.$defs ?? {}, new Set());
}

/** Whether the case type shares anything with partners. */
export function sharesAnything(tree: ShareTree): boolean {
  return tree.all || tree.children.size > 0;
}

/** The shared part of `value` (case data, an event's data): undefined when nothing of it is shared. */
export function sharedValue(value: Json | undefined, tree: ShareTree): Json | undefined {
  if (value === undefined) return undefined;
  if (tree.all) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of tree.children) {
    if (!(key in value)) continue;
    const shared = sharedValue(value[key], child);
    if (shared !== undefined) out[key] = shared;
  }
  return out;
}

/** The shared part of case data: an object, empty when nothing is shared. */
export function sharedData<T extends Record<string, unknown>>(data: T, tree: ShareTree): T {
  return (sharedValue(data as unknown as Json, tree) ?? {}) as unknown as T;
}

const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');
const escape = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The tree at a pointer: ALL once a shared field is reached, null where nothing is shared. */
function treeAt(pointer: string, tree: ShareTree): ShareTree | null {
  if (pointer === '') return tree;
  let at = tree;
  for (const token of pointer.slice(1).split('/').map(unescape)) {
    if (at.all) return ALL;
    const next = at.children.get(token);
    if (next === undefined) return null;
    at = next;
  }
  return at;
}

/** Whether the value at `pointer` is shared whole (it or a field around it is shareable). */
export function isShared(pointer: string, tree: ShareTree): boolean {
  return treeAt(pointer, tree)?.all === true;
}

/**
 * A history entry's change (an RFC 6902 operation on the data) as a partner may see it: whole where
 * its place is shared, with its value cut to the shared part where it replaces a group holding shared
 * fields, and null where it touches nothing shared.
 */
export function sharedPatchOp<O extends { op: string; path: string; value?: unknown }>(op: O, tree: ShareTree): O | null {
  const at = treeAt(op.path, tree);
  if (at === null) return null;
  if (at.all || op.op === 'remove') return op;
  const value = sharedValue(op.value as Json, at);
  return value === undefined ? null : { ...op, value };
}

/** The pointers of the leaves of `value` that are not shared (what a partner may not send), in document order. */
export function unsharedPointers(value: Json | undefined, tree: ShareTree, at = ''): string[] {
  if (value === undefined || tree.all) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [at === '' ? '/' : at];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const pointer = `${at}/${escape(key)}`;
    const sub = tree.children.get(key);
    if (sub === undefined) out.push(pointer);
    else out.push(...unsharedPointers(child, sub, pointer));
  }
  return out;
}
