import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, diffJson } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';

describe('JSON Patch (RFC 6902) of the data', () => {
  it('emits add, remove and replace with escaped pointers', () => {
    expect(diffJson({ a: 1, 'x/y': { '~': 1 }, gone: true, list: [1, 2] }, { a: 2, 'x/y': { '~': 2 }, list: [1, 2, 3], added: null })).toEqual([
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/a', value: 2 },
      { op: 'replace', path: '/x~1y/~0', value: 2 },
      { op: 'replace', path: '/list', value: [1, 2, 3] },
      { op: 'add', path: '/added', value: null },
    ]);
  });

  it('is empty for equal data, whatever the member order', () => {
    expect(diffJson({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toEqual([]);
  });

  it('replaces the whole document when the kinds differ', () => {
    expect(diffJson({ a: 1 }, [1])).toEqual([{ op: 'replace', path: '', value: [1] }]);
  });

  it('applying the patch to the old data always gives the new data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const from = a as JsonValue;
        const to = b as JsonValue;
        expect(applyJsonPatch(from, diffJson(from, to))).toEqual(to);
      }),
      { numRuns: 300, seed: 7386 },
    );
  });
});
