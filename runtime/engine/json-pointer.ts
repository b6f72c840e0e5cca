// JSON Pointer (RFC 6901) over case data: parse, format, read and write without mutating the input.
import type { JsonValue } from './types.ts';

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a pointer into its unescaped tokens; `''` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins unescaped tokens into a pointer. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => '/' + escapePointerToken(token)).join('');
}

/**
 * Reads an own member only: `__proto__`, `constructor`... in case data are plain keys, never the
 * object's prototype (a payload like `{"__proto__": {...}}` must not make inherited fields appear).
 */
export function ownValue(record: { [key: string]: JsonValue }, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Writes an own, enumerable member, even one named `__proto__`. */
export function setOwn(record: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  // Plain assignment makes the same own, enumerable, writable member, except for `__proto__` (a setter).
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `pointer`, or `undefined` when nothing is there. */
export function getAtPointer(doc: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) {
      node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
    } else if (isRecord(node)) {
      node = ownValue(node, token);
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * A copy of `doc` with `value` written at `pointer` (`undefined` removes it). Missing or non-object
 * parents are created as objects; an array index writes that element (`-` appends).
 */
export function setAtPointer(doc: JsonValue, pointer: string, value: JsonValue | undefined): JsonValue | undefined {
  if (value === undefined && getAtPointer(doc, pointer) === undefined) return doc;
  return writeTokens(doc, parsePointer(pointer), value);
}

function writeTokens(node: JsonValue | undefined, tokens: string[], value: JsonValue | undefined): JsonValue | undefined {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(node) && /^(0|[1-9][0-9]*|-)$/.test(head)) {
    const index = head === '-' ? node.length : Number(head);
    const next = writeTokens(node[index], rest, value);
    const copy = node.slice();
    if (next === undefined) {
      if (index < copy.length) copy.splice(index, 1);
    } else {
      copy[index] = next;
    }
    return copy;
  }
  const record: { [key: string]: JsonValue } = isRecord(node) ? { ...node } : {};
  const next = writeTokens(ownValue(record, head), rest, value);
  if (next === undefined) delete record[head];
  else setOwn(record, head, next);
  return record;
}
