import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import scenarioSchema from '../../../schemas/scenario.schema.json' with { type: 'json' };
import { validateScenario } from '../../../runtime/scenarios/scenario-validate.ts';

const valid = {
  name: 'Refund approved',
  caseType: 'refund',
  data: { amount: 20 },
  steps: [
    { send: 'SUBMIT', data: { reason: 'late' }, expect: { state: 'approved' } },
    { advance: 'PT5H' },
    { expect: { tasks: [] } },
  ],
};

describe('schemas/scenario.schema.json', () => {
  it('is a valid JSON Schema 2020-12 document that compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('date-time', true);
    expect(ajv.validateSchema(scenarioSchema)).toBe(true);
    expect(() => ajv.compile(scenarioSchema)).not.toThrow();
  });
});

describe('validateScenario', () => {
  it('accepts a well-formed scenario and returns it typed', () => {
    // given a scenario with a send, an advance and a check step / when validated
    const result = validateScenario(valid);
    // then
    expect(result).toEqual({ ok: true, scenario: valid });
  });

  it('names each problem by pointer, in plain words', () => {
    // given a scenario with an unknown key, a bad duration, a bad rejection code, a bad start and no steps
    const result = validateScenario({
      name: 'Broken',
      caseType: 'Refund',
      start: 'monday',
      data: {},
      steps: [{ advance: 'PT5' }, { send: 'SUBMIT', expect: { rejected: 'nope', colour: 'red' } }],
    });
    // then
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          pointer: '/caseType',
          message: `/caseType is "Refund", not a case type key (lower case letters, digits and '-', e.g. complaint)`,
        },
        {
          pointer: '/start',
          message: '/start is "monday", not an ISO 8601 date-time such as 2026-01-05T09:00:00Z',
        },
        {
          pointer: '/steps/0/advance',
          message:
            '/steps/0/advance is "PT5", not a duration such as PT5H or P2D (weeks, days, hours, minutes, seconds)',
        },
        {
          pointer: '/steps/1/expect/colour',
          message: "unknown key 'colour' in /steps/1/expect; remove it or check its spelling",
        },
        {
          pointer: '/steps/1/expect/rejected',
          message:
            '/steps/1/expect/rejected is "nope"; allowed values are "event.unknown", "event.not_accepted", "event.forbidden", "data.invalid", "rule.failed"',
        },
      ],
    });
  });

  it('reports missing keys and a state that is neither a string nor an object', () => {
    // given / when
    const result = validateScenario({ name: 'x', steps: [{ expect: { state: 3 } }] });
    // then
    expect(result).toEqual({
      ok: false,
      problems: [
        { pointer: '', message: "the scenario is missing the required key 'caseType'" },
        { pointer: '', message: "the scenario is missing the required key 'data'" },
        {
          pointer: '/steps/0/expect/state',
          message:
            '/steps/0/expect/state must be a state id (a string) or a state value object such as {"investigating": "collect"}',
        },
      ],
    });
  });

  it('rejects a step that sends and advances, a payload without an event, and rejected without an event', () => {
    // given
    const result = validateScenario({
      name: 'x',
      caseType: 'refund',
      data: {},
      steps: [
        { send: 'SUBMIT', advance: 'PT1H' },
        { data: { a: 1 } },
        { advance: 'PT1H', expect: { rejected: 'rule.failed' } },
      ],
    });
    // then
    expect(result).toEqual({
      ok: false,
      problems: [
        { pointer: '/steps/0', message: "/steps/0 has both 'send' and 'advance'; split it into two steps" },
        {
          pointer: '/steps/1/data',
          message:
            "/steps/1/data is an event payload, but the step sends no event; add 'send' or remove 'data'",
        },
        {
          pointer: '/steps/2/expect/rejected',
          message:
            "/steps/2/expect/rejected expects a rejected event, but the step sends no event; add 'send' or remove 'rejected'",
        },
      ],
    });
  });
});
