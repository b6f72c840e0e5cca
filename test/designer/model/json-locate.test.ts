import { describe, expect, it } from 'vitest';
import { offsetOfPointer } from '../../../designer/src/model/json-locate.ts';

const text = JSON.stringify({ key: 'x', slas: { first: { deadline: 'P1D', start: { in: ['a', 'b'] } } }, list: [{ a: 1 }, { a: '}' }] }, null, 2);

describe('offsetOfPointer', () => {
  it('finds the start of the value at a pointer, through objects and arrays', () => {
    expect(text.slice(offsetOfPointer(text, '/slas/first/deadline')).startsWith('"P1D"')).toBe(true);
    expect(text.slice(offsetOfPointer(text, '/slas/first/start/in/1')).startsWith('"b"')).toBe(true);
    expect(text.slice(offsetOfPointer(text, '/list/1/a')).startsWith('"}"')).toBe(true);
  });

  it('falls back to the deepest ancestor found, and the root for the empty pointer', () => {
    expect(text.slice(offsetOfPointer(text, '/slas/second/deadline')).startsWith('{\n    "first"')).toBe(true);
    expect(offsetOfPointer(text, '')).toBe(0);
    expect(offsetOfPointer('not json', '/a')).toBe(-1);
  });
});
