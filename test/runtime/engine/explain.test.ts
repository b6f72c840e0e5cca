import { describe, expect, it } from 'vitest';
import { createDataAjv } from '../../../schemas/ajv.ts';
import { explainErrors } from '../../../runtime/engine/explain.ts';

function problemsOf(schema: object | boolean, data: unknown) {
  const validate = createDataAjv().compile(schema);
  validate(data);
  return explainErrors(validate.errors);
}

describe('field problems from ajv errors', () => {
  it('says what is missing, with the full pointer (escaped)', () => {
    expect(problemsOf({ properties: { customer: { required: ['email', 'a/b'] } }, required: ['customer'] }, { customer: {} })).toEqual([
      { pointer: '/customer/email', message: 'missing: /customer/email' },
      { pointer: '/customer/a~1b', message: 'missing: /customer/a~1b' },
    ]);
  });

  it('states limits with ≤ ≥ < >, including $data comparisons between fields', () => {
    expect(problemsOf({ properties: { a: { maximum: 500 }, b: { minimum: 1 }, c: { exclusiveMaximum: 3 }, d: { exclusiveMinimum: 0 } } }, { a: 501, b: 0, c: 3, d: 0 })).toEqual([
      { pointer: '/a', message: '/a must be ≤ 500' },
      { pointer: '/b', message: '/b must be ≥ 1' },
      { pointer: '/c', message: '/c must be < 3' },
      { pointer: '/d', message: '/d must be > 0' },
    ]);
    expect(problemsOf({ properties: { paid: { minimum: { $data: '1/due' } } } }, { paid: 10, due: 40 })).toEqual([{ pointer: '/paid', message: '/paid must be ≥ 40' }]);
  });

  it('gives an example for formats', () => {
    expect(
      problemsOf(
        { properties: { e: { format: 'email' }, d: { format: 'date' }, p: { type: 'string', format: 'phone' }, m: { type: 'number', format: 'money' }, u: { format: 'uri' } } },
        { e: 'x', d: '5 jan', p: '12', m: 1.234, u: 'nope' },
      ).map((p) => p.message),
    ).toEqual([
      '/e must be an e-mail address such as name@example.com',
      '/d must be a date such as 2026-01-05',
      '/p must be a phone number such as +31 20 123 4567',
      '/m must be an amount with at most two decimals such as 49.95',
      '/u must be a web address such as https://example.com',
    ]);
  });

  it('names types, allowed values, lengths, patterns, item counts and unknown fields', () => {
    expect(
      problemsOf(
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            n: { type: 'integer' },
            s: { const: 'high' },
            e: { enum: ['low', 'high'] },
            t: { minLength: 3, pattern: '^[A-Z]+$' },
            l: { maxLength: 1 },
            list: { minItems: 2 },
          },
        },
        { n: 1.5, s: 'low', e: 'mid', t: 'ab', l: 'xy', list: [1], extra: true },
      ).map((p) => p.message),
    ).toEqual([
      '/extra is not a known field: remove it',
      '/n must be a whole number',
      '/s must be "high"',
      '/e must be one of "low", "high"',
      '/t must be at least 3 characters long',
      '/t is not in the expected form',
      '/l must be at most 1 character long',
      '/list must have at least 2 items',
    ]);
  });

  it('speaks of the whole data with an empty pointer', () => {
    expect(problemsOf({ type: 'object' }, [])).toEqual([{ pointer: '', message: 'the case data must be an object' }]);
    expect(problemsOf(false, {})).toEqual([{ pointer: '', message: 'the rule never holds' }]);
  });

  it('tells an any-of of missing fields as one problem, leaving out a branch that needs more than another', () => {
    expect(problemsOf({ anyOf: [{ required: ['email'] }, { required: ['phone'] }] }, {})).toEqual([{ pointer: '/email', message: 'missing: /email or /phone' }]);
    expect(problemsOf({ anyOf: [{ required: ['email'] }, { required: ['phone', 'street'] }] }, {})).toEqual([
      { pointer: '/email', message: 'missing: /email or /phone and /street' },
    ]);
    // filling /a satisfies the first branch: the second adds nothing
    expect(problemsOf({ anyOf: [{ required: ['a'] }, { required: ['a', 'b'] }] }, {})).toEqual([{ pointer: '/a', message: 'missing: /a' }]);
    expect(problemsOf({ anyOf: [{ required: ['a', 'b'] }, { required: ['b', 'a'] }] }, {})).toEqual([
      { pointer: '/a', message: 'missing: /a' },
      { pointer: '/b', message: 'missing: /b' },
    ]);
    // nested: the any-of inside a group is named at the group
    const nested = { properties: { contact: { type: 'object', anyOf: [{ required: ['email'] }, { required: ['phone'] }] } } };
    expect(problemsOf(nested, { contact: {} })).toEqual([{ pointer: '/contact/email', message: 'missing: /contact/email or /contact/phone' }]);
  });

  it('merges each list item\'s any-of on its own, a nested any-of into its outer one, and a group used twice at each place', () => {
    const contact = { type: 'object', anyOf: [{ required: ['email'] }, { required: ['phone'] }] };
    expect(problemsOf({ type: 'array', items: contact }, [{}, {}])).toEqual([
      { pointer: '/0/email', message: 'missing: /0/email or /0/phone' },
      { pointer: '/1/email', message: 'missing: /1/email or /1/phone' },
    ]);
    expect(problemsOf({ anyOf: [{ anyOf: [{ required: ['a'] }, { required: ['b'] }] }, { required: ['c'] }] }, {})).toEqual([
      { pointer: '/a', message: 'missing: /a or /b or /c' },
    ]);
    expect(problemsOf({ properties: { home: contact, work: contact } }, { home: {}, work: {} })).toEqual([
      { pointer: '/home/email', message: 'missing: /home/email or /home/phone' },
      { pointer: '/work/email', message: 'missing: /work/email or /work/phone' },
    ]);
  });

  it('keeps branch problems one by one when an any-of fails otherwise', () => {
    expect(problemsOf({ anyOf: [{ required: ['a'] }, { properties: { b: { minimum: 3 } } }] }, { b: 1 })).toEqual([
      { pointer: '/a', message: 'missing: /a' },
      { pointer: '/b', message: '/b must be ≥ 3' },
    ]);
  });

  it('tells a pattern failure by the field\'s hint or example, never by the regex', () => {
    const schema = (extra: object) => ({ properties: { postcode: { type: 'string', pattern: '^[0-9]{4} ?[A-Z]{2}$', ...extra } } });
    expect(problemsOf(schema({ patternHint: 'a Dutch postcode such as 1234 AB' }), { postcode: 'x' })[0]?.message).toBe(
      '/postcode must be a Dutch postcode such as 1234 AB',
    );
    expect(problemsOf(schema({ examples: ['1234 AB'] }), { postcode: 'x' })[0]?.message).toBe('/postcode must look like "1234 AB"');
    expect(problemsOf(schema({}), { postcode: 'x' })[0]?.message).toBe('/postcode is not in the expected form');
    for (const extra of [{ patternHint: 'a postcode' }, { examples: ['1234 AB'] }, {}]) {
      expect(problemsOf(schema(extra), { postcode: 'x' })[0]?.message).not.toContain('[0-9]');
    }
  });
});
