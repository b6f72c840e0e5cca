import { describe, expect, it } from 'vitest';
import { formatPointer, getAtPointer, parsePointer, setAtPointer } from '../../../runtime/engine/json-pointer.ts';

describe('JSON Pointer', () => {
  it('parses and formats with ~0 and ~1 escapes', () => {
    expect(parsePointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(formatPointer(['a/b', 'c~d', '0'])).toBe('/a~1b/c~0d/0');
    expect(parsePointer('')).toEqual([]);
  });

  it('reads objects and arrays; undefined when nothing is there', () => {
    const doc = { a: { b: [10, { c: 'x' }] } };
    expect(getAtPointer(doc, '/a/b/1/c')).toBe('x');
    expect(getAtPointer(doc, '/a/b/2')).toBeUndefined();
    expect(getAtPointer(doc, '/a/b/01')).toBeUndefined();
    expect(getAtPointer(doc, '/a/z/q')).toBeUndefined();
    expect(getAtPointer(doc, '')).toBe(doc);
  });

  it('writes a copy, creating parents; removes with undefined; leaves the input alone', () => {
    const doc = { a: { b: [10, 20] } };
    expect(setAtPointer(doc, '/a/c/d', 1)).toEqual({ a: { b: [10, 20], c: { d: 1 } } });
    expect(setAtPointer(doc, '/a/b/1', 21)).toEqual({ a: { b: [10, 21] } });
    expect(setAtPointer(doc, '/a/b/-', 30)).toEqual({ a: { b: [10, 20, 30] } });
    expect(setAtPointer(doc, '/a/b/0', undefined)).toEqual({ a: { b: [20] } });
    expect(setAtPointer(doc, '/x/y', undefined)).toBe(doc);
    expect(doc).toEqual({ a: { b: [10, 20] } });
  });
});
