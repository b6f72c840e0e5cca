import { describe, expect, it } from 'vitest';
import { kept, keepSame, sameContent } from '../../../designer/src/canvas/keep-same.ts';

describe('stable nodes and edges for React Flow', () => {
  it('compares plain objects and arrays by content, anything else by identity', () => {
    const f = () => 1;
    expect(sameContent({ a: 1, b: [1, { c: 'x' }], f }, { a: 1, b: [1, { c: 'x' }], f })).toBe(true);
    expect(sameContent({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameContent({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameContent({ f }, { f: () => 1 })).toBe(false);
    expect(sameContent(new Set([1]), new Set([1]))).toBe(false);
    expect(sameContent([1], { 0: 1 })).toBe(false);
    expect(sameContent(Number.NaN, Number.NaN)).toBe(true);
  });

  it('passes an unchanged item again as the same object, and an unchanged list as the same list', () => {
    const last = kept<{ id: string; selected: boolean; position: { x: number; y: number } }>();
    const first = keepSame(last, [
      { id: 'a', selected: false, position: { x: 0, y: 0 } },
      { id: 'b', selected: false, position: { x: 0, y: 80 } },
    ]);
    // one state selected: only its object is new
    const second = keepSame(last, [
      { id: 'a', selected: true, position: { x: 0, y: 0 } },
      { id: 'b', selected: false, position: { x: 0, y: 80 } },
    ]);
    expect(second).not.toBe(first);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.selected).toBe(true);
    expect(second[1]).toBe(first[1]);
    // nothing changed: the very same list
    expect(keepSame(last, [
      { id: 'a', selected: true, position: { x: 0, y: 0 } },
      { id: 'b', selected: false, position: { x: 0, y: 80 } },
    ])).toBe(second);
    // an item removed, the order changed: a new list, the kept items still the same objects
    const third = keepSame(last, [{ id: 'b', selected: false, position: { x: 0, y: 80 } }]);
    expect(third).toEqual([first[1]]);
    expect(third[0]).toBe(first[1]);
    expect(last.byId.has('a')).toBe(false);
  });
});
