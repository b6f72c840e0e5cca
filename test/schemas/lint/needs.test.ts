// The two halves of the stuck-agent lint: what a rule cannot hold without, and what a payload can carry.
import { describe, expect, it } from 'vitest';
import { guardNeeds, payloadCarries, schemaNeeds } from '../../../schemas/lint/needs.ts';

describe('schemaNeeds', () => {
  it('follows required into properties and allOf, keeps what all anyOf branches need, and skips conditions', () => {
    const schema = {
      required: ['claim'],
      properties: { claim: { required: ['amount'] }, note: { required: ['text'] } },
      allOf: [{ required: ['severity'] }],
      anyOf: [{ required: ['email', 'name'] }, { required: ['phone', 'name'] }],
      if: { required: ['x'] },
      then: { required: ['y'] },
      not: { required: ['z'] },
    };
    expect([...schemaNeeds(schema)].sort()).toEqual(['/claim', '/claim/amount', '/name', '/severity']);
    expect([...schemaNeeds(true)]).toEqual([]);
  });

  it('gives a guard what its rules need: all adds up, any intersects, not and in need nothing', () => {
    const rules = { a: { schema: { required: ['a', 'both'] } }, b: { schema: { required: ['b', 'both'] } } };
    expect([...guardNeeds({ all: ['a', 'b'] }, rules)].sort()).toEqual(['/a', '/b', '/both']);
    expect([...guardNeeds({ any: ['a', 'b'] }, rules)]).toEqual(['/both']);
    expect([...guardNeeds({ not: 'a' }, rules)]).toEqual([]);
    expect([...guardNeeds({ in: ['triage'] }, rules)]).toEqual([]);
    expect([...guardNeeds('unknown', rules)]).toEqual([]);
  });
});

describe('payloadCarries', () => {
  const closed = {
    type: 'object',
    additionalProperties: false,
    properties: {
      claim: { $ref: '#/$defs/claim' },
      open: { type: 'object' },
      items: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { x: {} } } },
    },
    $defs: {
      claim: { type: 'object', additionalProperties: false, properties: { amount: { type: 'number' } } },
    },
  };

  it('follows properties, $ref and items, and stops at closed levels', () => {
    expect(payloadCarries(closed, '/claim/amount')).toBe(true);
    expect(payloadCarries(closed, '/claim/reason')).toBe(false);
    expect(payloadCarries(closed, '/severity')).toBe(false);
    expect(payloadCarries(closed, '/items/0/x')).toBe(true);
    expect(payloadCarries(closed, '/items/0/y')).toBe(false);
  });

  it('counts open levels and combined schemas as able to carry anything, and no schema as nothing', () => {
    expect(payloadCarries(closed, '/open/anything/deep')).toBe(true);
    expect(payloadCarries({ type: 'object' }, '/severity')).toBe(true);
    expect(payloadCarries({ anyOf: [{ properties: { a: {} } }] }, '/severity')).toBe(true);
    expect(payloadCarries(undefined, '/severity')).toBe(false);
    expect(payloadCarries({ type: 'object', properties: { severity: false } }, '/severity')).toBe(false);
  });
});
