import { describe, expect, it } from 'vitest';
import { ruleModelToSchema, schemaToRuleModel, type RuleModel } from '../../../designer/src/model/rule-builder.ts';
import { checkSchema } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import { fieldLabeller } from '../../../designer/src/model/field-label.ts';

const cases: { name: string; model: RuleModel; schema: Record<string, unknown> }[] = [
  { name: 'filled', model: { combinator: 'all', conditions: [{ type: 'filled', field: '/severity' }] }, schema: { required: ['severity'] } },
  {
    name: 'equals, nested',
    model: { combinator: 'all', conditions: [{ type: 'equals', field: '/customer/tier', value: 'gold' }] },
    schema: { properties: { customer: { properties: { tier: { const: 'gold' } }, required: ['tier'] } }, required: ['customer'] },
  },
  {
    name: 'one of, negated',
    model: { combinator: 'all', conditions: [{ type: 'oneOf', field: '/channel', values: ['phone', 'email'], negate: true }] },
    schema: { not: { properties: { channel: { enum: ['phone', 'email'] } }, required: ['channel'] } },
  },
  {
    name: 'at most a number, any',
    model: {
      combinator: 'any',
      conditions: [
        { type: 'atMost', field: '/amount', operand: { type: 'value', value: 500 } },
        { type: 'filled', field: '/approval' },
      ],
    },
    schema: { anyOf: [{ properties: { amount: { maximum: 500 } }, required: ['amount'] }, { required: ['approval'] }] },
  },
  {
    name: 'at least a sibling field ($data)',
    model: { combinator: 'all', conditions: [{ type: 'atLeast', field: '/paid', operand: { type: 'field', field: '/due' } }] },
    schema: { properties: { paid: { minimum: { $data: '1/due' } } }, required: ['paid', 'due'] },
  },
  {
    name: 'at least a field elsewhere ($data from the root)',
    model: { combinator: 'all', conditions: [{ type: 'atLeast', field: '/payment/paid', operand: { type: 'field', field: '/arrangement/total' } }] },
    schema: {
      allOf: [
        { properties: { payment: { properties: { paid: { minimum: { $data: '2/arrangement/total' } } }, required: ['paid'] } }, required: ['payment'] },
        { properties: { arrangement: { required: ['total'] } }, required: ['arrangement'] },
      ],
    },
  },
  {
    // issue 17: "Payments received ≥ Claim › Amount" (a top-level field with a field inside a group)
    name: 'at least a field inside a group, from the top level ($data 1/…, not a sibling)',
    model: { combinator: 'all', conditions: [{ type: 'atLeast', field: '/paymentsReceived', operand: { type: 'field', field: '/claim/amount' } }] },
    schema: {
      allOf: [
        { properties: { paymentsReceived: { minimum: { $data: '1/claim/amount' } } }, required: ['paymentsReceived'] },
        { properties: { claim: { required: ['amount'] } }, required: ['claim'] },
      ],
    },
  },
  {
    name: 'at most a field in a nested group of the same group ($data up to the common group)',
    model: { combinator: 'all', conditions: [{ type: 'atMost', field: '/claim/amount', operand: { type: 'field', field: '/claim/cover/limit' } }] },
    schema: {
      allOf: [
        { properties: { claim: { properties: { amount: { maximum: { $data: '1/cover/limit' } } }, required: ['amount'] } }, required: ['claim'] },
        { properties: { claim: { properties: { cover: { required: ['limit'] } }, required: ['cover'] } }, required: ['claim'] },
      ],
    },
  },
  {
    name: 'a sibling comparison and a filled condition stay two conditions',
    model: {
      combinator: 'all',
      conditions: [
        { type: 'atLeast', field: '/paid', operand: { type: 'field', field: '/due' } },
        { type: 'filled', field: '/due' },
      ],
    },
    schema: { allOf: [{ properties: { paid: { minimum: { $data: '1/due' } } }, required: ['paid', 'due'] }, { required: ['due'] }] },
  },
  {
    // issue 20: "at least one proof of purchase", the completeness rule a documents field is for
    name: 'holds at least one document',
    model: { combinator: 'all', conditions: [{ type: 'hasDocuments', field: '/proofs' }] },
    schema: { properties: { proofs: { minItems: 1 } }, required: ['proofs'] },
  },
];

describe('rule builder', () => {
  for (const c of cases) {
    it(`${c.name}: writes the schema and reads it back`, () => {
      expect(ruleModelToSchema(c.model)).toEqual(c.schema);
      expect(schemaToRuleModel(c.schema as never)).toEqual(c.model);
    });
  }

  it('a schema beyond the builder reads as null', () => {
    expect(schemaToRuleModel({ properties: { a: { pattern: '^x' } }, required: ['a'] })).toBeNull();
    // "1/claim/amount" is not a sibling: without the other field required, it is beyond the builder
    expect(schemaToRuleModel({ properties: { paid: { minimum: { $data: '1/claim/amount' } } }, required: ['paid', 'amount'] })).toBeNull();
    // climbing above the root, or comparing a field with itself
    const far = { allOf: [{ properties: { paid: { minimum: { $data: '2/due' } } }, required: ['paid'] }, { required: ['due'] }] };
    expect(schemaToRuleModel(far)).toBeNull();
    expect(schemaToRuleModel({ allOf: [{ properties: { paid: { minimum: { $data: '1/paid' } } }, required: ['paid'] }, { required: ['paid'] }] })).toBeNull();
    expect(schemaToRuleModel({})).toEqual({ combinator: 'all', conditions: [] });
  });

  it("the written $data schemas evaluate as intended with the engine (the project ajv, the server's words)", () => {
    const checkRule = (rule: { schema: unknown }, data: JsonValue): { pass: boolean; problems?: string[] } => {
      const check = checkSchema(rule.schema, data);
      if (!check.ok) throw new Error(check.error);
      return check.problems.length === 0 ? { pass: true } : { pass: false, problems: check.problems.map((p) => p.message) };
    };
    const sibling = { schema: ruleModelToSchema(cases[4]?.model as RuleModel) };
    expect(checkRule(sibling, { paid: 10, due: 10 })).toEqual({ pass: true });
    expect(checkRule(sibling, { paid: 5, due: 10 })).toEqual({ pass: false, problems: ['/paid must be ≥ 10'] });
    const far = { schema: ruleModelToSchema(cases[5]?.model as RuleModel) };
    expect(checkRule(far, { payment: { paid: 100 }, arrangement: { total: 100 } })).toEqual({ pass: true });
    expect(checkRule(far, { payment: { paid: 99 }, arrangement: { total: 100 } })).toEqual({ pass: false, problems: ['/payment/paid must be ≥ 100'] });
    expect(checkRule({ schema: { required: ['severity'] } }, {})).toEqual({ pass: false, problems: ['missing: /severity'] });
    const issue17 = { schema: ruleModelToSchema(cases[6]?.model as RuleModel) };
    expect(checkRule(issue17, { paymentsReceived: 300, claim: { amount: 300 }, amount: 1000 })).toEqual({ pass: true });
    expect(checkRule(issue17, { paymentsReceived: 299, claim: { amount: 300 }, amount: 0 })).toEqual({ pass: false, problems: ['/paymentsReceived must be ≥ 300'] });
    expect(checkRule(issue17, { paymentsReceived: 299 })).toEqual({ pass: false, problems: ['missing: /claim'] });
  });

  it('reads an absolute $data pointer to a field elsewhere (written back relative)', () => {
    const model = schemaToRuleModel({
      allOf: [{ properties: { paid: { minimum: { $data: '/claim/amount' } } }, required: ['paid'] }, { properties: { claim: { required: ['amount'] } }, required: ['claim'] }],
    });
    expect(model).toEqual({ combinator: 'all', conditions: [{ type: 'atLeast', field: '/paid', operand: { type: 'field', field: '/claim/amount' } }] });
  });

  it('labels fields in business words, with the groups around them', () => {
    const label = fieldLabeller({
      data: { type: 'object', properties: { claim: { type: 'object', title: 'Claim', properties: { amount: { type: 'number', title: 'Amount' }, ref: { type: 'string' } } } } },
    } as never);
    expect(label('/claim/amount')).toBe('Claim › Amount');
    expect(label('/claim/ref')).toBe('Claim › ref');
    expect(label('/gone')).toBe('/gone');
  });
});
