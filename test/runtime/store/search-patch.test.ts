// Which events may change a case's search document (docs/search.md): the case service reads neither the
// new nor the previous document for the others, so a wrong "no" here would leave the index stale.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { patchMayChangeSearch, searchDocumentOf } from '../../../runtime/store/search-text.ts';

const def = {
  key: 'order',
  title: 'Order',
  data: {
    type: 'object',
    properties: {
      customer: { type: 'object', properties: { number: { type: 'integer' }, email: { type: 'string' } } },
      note: { type: 'string' },
      amount: { type: 'number' },
      paid: { type: 'boolean' },
      lines: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, qty: { type: 'integer' } } } },
    },
  },
  customer: { keys: ['/customer/number', '/customer/email'] },
  playbook: { initial: 'open', states: { open: {} } },
} as unknown as CaseType;

describe('patchMayChangeSearch', () => {
  it('says no for numbers and booleans outside the customer keys, and for an empty patch', () => {
    expect(patchMayChangeSearch(def, [])).toBe(false);
    expect(patchMayChangeSearch(def, [{ op: 'replace', path: '/amount', value: 12.5 }, { op: 'add', path: '/paid', value: true }])).toBe(false);
    expect(patchMayChangeSearch(def, [{ op: 'add', path: '/lines/0/qty', value: 3 }])).toBe(false);
    // and it is right: the document is the same
    const before = { amount: 1, note: 'kettle', customer: { number: 7 } };
    expect(searchDocumentOf(def, { ...before, amount: 12.5, paid: true })).toEqual(searchDocumentOf(def, before));
  });

  it('says yes for a string anywhere in a value, a removal, and a customer key (a number identifies too)', () => {
    expect(patchMayChangeSearch(def, [{ op: 'replace', path: '/note', value: 'broken' }])).toBe(true);
    expect(patchMayChangeSearch(def, [{ op: 'add', path: '/lines/-', value: { qty: 1, text: 'lid' } }])).toBe(true);
    expect(patchMayChangeSearch(def, [{ op: 'remove', path: '/note' }])).toBe(true);
    expect(patchMayChangeSearch(def, [{ op: 'replace', path: '/customer/number', value: 8 }])).toBe(true);
    expect(patchMayChangeSearch(def, [{ op: 'add', path: '/customer', value: { number: 8 } }])).toBe(true);
    // and these do change the document
    expect(searchDocumentOf(def, { customer: { number: 8 } })).not.toEqual(searchDocumentOf(def, { customer: { number: 7 } }));
  });
});
