// What partners see of a case: the fields marked shareable, with everything inside them; groups cut to
// their shared fields; history changes cut the same way; what a partner may not send, by pointer.
import { describe, expect, it } from 'vitest';
import { isShared, sharedData, sharedPatchOp, sharesAnything, shareTree, unsharedPointers } from '../../schemas/sharing.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';

const data = {
  type: 'object',
  properties: {
    subject: { type: 'string', shareable: true },
    description: { type: 'string' },
    customer: {
      type: 'object',
      properties: { name: { type: 'string', shareable: true }, email: { type: 'string' }, iban: { type: 'string' } },
    },
    order: { $ref: '#/$defs/order', shareable: true },
    refund: { $ref: '#/$defs/refund' },
    lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', shareable: true } } } },
  },
  $defs: {
    order: { type: 'object', properties: { number: { type: 'string' }, total: { type: 'number' } } },
    refund: { type: 'object', properties: { amount: { type: 'number', shareable: true }, account: { type: 'string' } } },
  },
} as unknown as CaseType['data'];

const tree = shareTree({ data });

const kase = {
  subject: 'Late parcel',
  description: 'SECRET description',
  customer: { name: 'Mia', email: 'SECRET@example.com', iban: 'SECRET-NL00' },
  order: { number: 'A-1', total: 20 },
  refund: { amount: 20, account: 'SECRET-account' },
  lines: [{ sku: 'X' }],
};

describe('sharing with partners', () => {
  it('keeps the shareable fields, groups cut to their shared fields, groups by $ref marked at their use; lists only whole', () => {
    expect(sharedData(kase, tree)).toEqual({
      subject: 'Late parcel',
      customer: { name: 'Mia' },
      order: { number: 'A-1', total: 20 },
      refund: { amount: 20 },
    });
    expect(JSON.stringify(sharedData(kase, tree))).not.toContain('SECRET');
    expect(sharesAnything(tree)).toBe(true);
    expect(sharesAnything(shareTree({ data: { type: 'object', properties: { a: { type: 'string' } } } as unknown as CaseType['data'] }))).toBe(false);
  });

  it('tells whether a pointer is shared whole', () => {
    expect(['/subject', '/customer/name', '/order', '/order/total', '/refund/amount'].map((p) => isShared(p, tree))).toEqual([true, true, true, true, true]);
    expect(['/description', '/customer', '/customer/email', '/refund', '/refund/account', '/lines/0/sku', '/nope'].map((p) => isShared(p, tree))).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });

  it('cuts history changes: whole where shared, the value cut for a group, dropped elsewhere', () => {
    expect(sharedPatchOp({ op: 'replace', path: '/subject', value: 'x' }, tree)).toEqual({ op: 'replace', path: '/subject', value: 'x' });
    expect(sharedPatchOp({ op: 'add', path: '/customer', value: { name: 'Mia', email: 'SECRET' } }, tree)).toEqual({ op: 'add', path: '/customer', value: { name: 'Mia' } });
    expect(sharedPatchOp({ op: 'replace', path: '/customer/email', value: 'SECRET' }, tree)).toBeNull();
    expect(sharedPatchOp({ op: 'remove', path: '/customer' }, tree)).toEqual({ op: 'remove', path: '/customer' });
    expect(sharedPatchOp({ op: 'remove', path: '/description' }, tree)).toBeNull();
    expect(sharedPatchOp({ op: 'add', path: '', value: kase }, tree)).toEqual({ op: 'add', path: '', value: sharedData(kase, tree) });
  });

  it('names what a partner may not send', () => {
    expect(unsharedPointers({ subject: 'a', customer: { name: 'b', email: 'c' }, refund: { amount: 1, account: 'd' }, description: 'e', lines: [] }, tree)).toEqual([
      '/customer/email',
      '/refund/account',
      '/description',
      '/lines',
    ]);
    expect(unsharedPointers({ subject: 'a', order: { anything: 1 } }, tree)).toEqual([]);
    expect(unsharedPointers({ customer: 'not a group' }, tree)).toEqual(['/customer']);
  });
});
