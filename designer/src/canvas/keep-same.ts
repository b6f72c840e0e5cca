// Stable objects for React Flow: a node or edge rebuilt with the same content is replaced by the object
// the canvas passed last time, so React Flow re-renders only the states and transitions that changed (a
// click that selects one state of 300 re-renders that state, not all 300 and their 299 edges). Pure.

/** Equal by content: plain objects and arrays compared member by member, anything else (functions too) by identity. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameContent(x, b[i]));
  }
  const plain = (o: object) => Object.getPrototypeOf(o) === Object.prototype || Object.getPrototypeOf(o) === null;
  if (!plain(a) || !plain(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** What `keepSame` gave last time: the list, and its items by id. */
export interface Kept<T> {
  list: T[];
  byId: Map<string, T>;
}

export function kept<T>(): Kept<T> {
  return { list: [], byId: new Map() };
}

/**
 * `next` with every item whose content equals the one of the same id last time replaced by that one; the
 * very list of last time when every item is (and in the same order). `last` is updated to the result.
 */
export function keepSame<T extends { id: string }>(last: Kept<T>, next: readonly T[]): T[] {
  let changed = next.length !== last.list.length;
  const out = next.map((item, i) => {
    const before = last.byId.get(item.id);
    const keep = before !== undefined && sameContent(before, item) ? before : item;
    if (keep !== last.list[i]) changed = true;
    return keep;
  });
  if (!changed) return last.list;
  last.list = out;
  last.byId = new Map(out.map((item) => [item.id, item]));
  return out;
}
