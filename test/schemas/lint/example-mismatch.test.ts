// A field's example is what people are shown when a value does not fit the pattern: it must fit itself.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';

function mismatches(postcode: object, payload: object = {}): string[] {
  const definition = {
    key: 'claims',
    title: 'Claims',
    data: {
      type: 'object',
      properties: { address: { type: 'object', title: 'Address', properties: { postcode: { type: 'string', title: 'Postcode', ...postcode } } } },
    },
    events: { GO: { title: 'Go', data: { type: 'object', properties: { code: { type: 'string', ...payload } } } } },
    playbook: { initial: 'open', states: { open: { on: { GO: 'done' } }, done: { type: 'final' } } },
  };
  return validateCaseType(definition)
    .filter((p) => p.code === 'data.example_mismatch')
    .map((p) => `${p.severity} ${p.pointer}`);
}

describe('data.example_mismatch', () => {
  const pattern = '^[0-9]{4} ?[A-Z]{2}$';
  it('warns at each example that does not fit the pattern, in data and payloads', () => {
    expect(mismatches({ pattern, examples: ['1234 AB', '12345'] })).toEqual(['warning /data/properties/address/properties/postcode/examples/1']);
    expect(mismatches({}, { pattern, examples: ['x'] })).toEqual(['warning /events/GO/data/properties/code/examples/0']);
  });

  it('looks into shared definitions and combinators too', () => {
    const shared = { $defs: { pc: { type: 'string', pattern, examples: ['12345'] } }, $ref: '#/$defs/pc' };
    expect(mismatches(shared)).toEqual(['warning /data/properties/address/properties/postcode/$defs/pc/examples/0']);
    expect(mismatches({ anyOf: [{ pattern, examples: ['x'] }, { type: 'null' }] })).toEqual(['warning /data/properties/address/properties/postcode/anyOf/0/examples/0']);
  });

  it('is quiet for fitting examples, no pattern, or a pattern that is an error of its own', () => {
    expect(mismatches({ pattern, examples: ['1234 AB', '1234AB'] })).toEqual([]);
    expect(mismatches({ examples: ['anything'] })).toEqual([]);
    expect(mismatches({ pattern: '^(?=a)', examples: ['b'] })).toEqual([]);
  });
});
