import { describe, expect, it } from 'vitest';
import { ruleModelToSchema, schemaToRuleModel, type RuleModel } from '../../../designer/src/model/rule-builder.ts';
import { checkRule } from '../../../designer/src/model/rule-check.ts';

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
    expect(schemaToRuleModel({})).toEqual({ combinator: 'all', conditions: [] });
  });

  it('the written $data schemas evaluate as intended with the project ajv', () => {
    const sibling = { schema: ruleModelToSchema(cases[4]?.model as RuleModel) };
    expect(checkRule(sibling, { paid: 10, due: 10 })).toEqual({ pass: true });
    expect(checkRule(sibling, { paid: 5, due: 10 })).toEqual({ pass: false, problems: ['/paid must be at least 10'] });
    const far = { schema: ruleModelToSchema(cases[5]?.model as RuleModel) };
    expect(checkRule(far, { payment: { paid: 100 }, arrangement: { total: 100 } })).toEqual({ pass: true });
    expect(checkRule(far, { payment: { paid: 99 }, arrangement: { total: 100 } })).toEqual({ pass: false, problems: ['/payment/paid must be at least 100'] });
    expect(checkRule({ schema: { required: ['severity'] } }, {})).toEqual({ pass: false, problems: ['missing: /severity'] });
  });
});
