// Reads and writes values in case data by JSON Pointer, immutably; empty values remove the key.
import { fromPointer } from '../model/pointer.ts';

export function getAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const part of fromPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function setIn(node: unknown, parts: string[], value: unknown): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = node !== null && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : {};
  const child = setIn(obj[head], rest, value);
  if (child === undefined) delete obj[head];
  else obj[head] = child;
  return obj;
}

/** A copy of `data` with the value at `pointer` set (undefined removes it). */
export function setAt<T>(data: T, pointer: string, value: unknown): T {
  return setIn(data, fromPointer(pointer), value) as T;
}
