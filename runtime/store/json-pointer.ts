// JSON Pointers (RFC 6901) into case data, for the reasons report: the tokens, and the value a pointer
// names. Both stores turn the same tokens into SQL (sqlite-reports.ts, postgres-reports.ts) that finds
// what resolvePointer finds.
import type { JsonValue } from '../engine/index.ts';

/** The reference tokens of a pointer, unescaped (`~1` is `/`, `~0` is `~`); '' names the whole document. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A token that indexes an array: `0`, or digits without a leading zero (nine at most: no array holds more). */
export function isArrayIndex(token: string): boolean {
  return /^(?:0|[1-9][0-9]{0,8})$/.test(token);
}

/**
 * The value at `pointer`, or null when there is none: a member the object does not have (its own
 * members only), an array index past the end or not written as one, or a step into a string, number,
 * boolean or null.
 */
export function resolvePointer(doc: JsonValue, pointer: string): JsonValue {
  let current: JsonValue | undefined = doc;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(current)) current = isArrayIndex(token) ? current[Number(token)] : undefined;
    else if (current !== null && typeof current === 'object') current = Object.hasOwn(current, token) ? current[token] : undefined;
    else current = undefined;
    if (current === undefined) return null;
  }
  return current;
}
