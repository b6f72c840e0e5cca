// JSON Patch (RFC 6902) between two versions of the case data, for the history: add, remove and
// replace operations, pointers escaped. Objects are compared member by member; arrays element by
// element when their lengths agree, otherwise replaced whole (a readable, exact patch).
import { escapePointerToken, ownValue, setOwn } from './json-pointer.ts';
import type { JsonPatchOp, JsonValue } from './types.ts';

function isRecord(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of two JSON values (member order ignored). */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i] as JsonValue));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(ownValue(a, key) as JsonValue, ownValue(b, key) as JsonValue))
    );
  }
  return false;
}

/** The operations that turn `from` into `to`; applying them in order yields `to`. */
export function diffJson(from: JsonValue, to: JsonValue, path = ''): JsonPatchOp[] {
  if (jsonEqual(from, to)) return [];
  if (isRecord(from) && isRecord(to)) {
    const ops: JsonPatchOp[] = [];
    for (const key of Object.keys(from)) {
      if (!Object.prototype.hasOwnProperty.call(to, key)) ops.push({ op: 'remove', path: `${path}/${escapePointerToken(key)}` });
    }
    for (const [key, value] of Object.entries(to)) {
      const had = Object.prototype.hasOwnProperty.call(from, key);
      const before = had ? (ownValue(from, key) as JsonValue) : undefined;
      if (had && before === value) continue;
      const child = `${path}/${escapePointerToken(key)}`;
      if (had) ops.push(...diffJson(before as JsonValue, value, child));
      else ops.push({ op: 'add', path: child, value });
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return to.flatMap((value, i) => diffJson(from[i] as JsonValue, value, `${path}/${i}`));
  }
  return [{ op: 'replace', path, value: to }];
}

/** Applies add/remove/replace operations (the subset the engine emits) to a copy of `doc`. */
export function applyJsonPatch(doc: JsonValue, ops: readonly JsonPatchOp[]): JsonValue {
  let result = doc;
  for (const op of ops) {
    result = applyOne(result, op);
  }
  return result;
}

function applyOne(doc: JsonValue, op: JsonPatchOp): JsonValue {
  if (op.path === '') {
    if (op.op === 'remove') throw new Error('JSON Patch cannot remove the whole document.');
    return op.value;
  }
  const tokens = op.path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return applyAt(doc, tokens, op);
}

function applyAt(node: JsonValue, tokens: string[], op: JsonPatchOp): JsonValue {
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(node)) {
    const index = head === '-' ? node.length : Number(head);
    const copy = node.slice();
    if (rest.length > 0) {
      copy[index] = applyAt(copy[index] as JsonValue, rest, op);
      return copy;
    }
    switch (op.op) {
      case 'add':
        copy.splice(index, 0, op.value);
        return copy;
      case 'remove':
        copy.splice(index, 1);
        return copy;
      case 'replace':
        copy[index] = op.value;
        return copy;
      default: {
        const _never: never = op;
        return _never;
      }
    }
  }
  if (!isRecord(node)) throw new Error(`JSON Patch path ${op.path} does not exist.`);
  const copy = { ...node };
  if (rest.length > 0) {
    setOwn(copy, head, applyAt(ownValue(copy, head) as JsonValue, rest, op));
    return copy;
  }
  switch (op.op) {
    case 'add':
    case 'replace':
      setOwn(copy, head, op.value);
      return copy;
    case 'remove':
      delete copy[head];
      return copy;
    default: {
      const _never: never = op;
      return _never;
    }
  }
}
