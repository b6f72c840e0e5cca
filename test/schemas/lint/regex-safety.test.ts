// The catastrophic-backtracking check: patterns known to take exponential time are refused with a
// reason in words; the everyday patterns of the templates and common identifier shapes pass.
import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from '../../../schemas/lint/regex-safety.ts';
import { validateCaseType } from '../../../schemas/validate.ts';

const nested = 'a repetition inside a repetition can match the same text in many ways';
const alternatives = 'repeated alternatives can start with the same character';

describe('unsafePatternReason', () => {
  it.each([
    ['(a+)+$', nested],
    ['^(a+)+$', nested],
    ['^(?<n>a+)+$', nested],
    ['(a*b*)*', nested],
    ['((a+)b?)+', nested],
    ['(.*a){20}', nested],
    ['(?:x+x+)+y', nested],
    ['^(\\w+\\s?)+$', nested],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', nested],
    ['(a|aa)+', alternatives],
    ['(\\w|\\d)+', alternatives],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toBe(reason);
  });

  it.each([
    '^C-[0-9]{6}$',
    '^INC-[0-9]{4,8}$',
    '^[0-9]+[A-Za-z0-9 -]*$',
    '^[1-9][0-9]{3} ?[A-Z]{2}$',
    '^[a-z]+(-[a-z]+)*$',
    '^([a-z0-9]+\\.)*[a-z]+$',
    '^(\\d{3}-)+$',
    '^\\w+(\\s\\w+)*$',
    '^(\\s*\\w+\\s*,)*$',
    '(a|b)+',
    '(\\(a+\\))+',
    '[(]+',
    '\\d+',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });
});

describe('validateCaseType with an unsafe pattern', () => {
  it('reports data.unsafe_pattern in data, event payloads, rules and patternProperties', () => {
    const definition = {
      key: 'regex',
      title: 'Regex',
      data: {
        type: 'object',
        properties: { code: { type: 'string', pattern: '^(a+)+$' } },
        patternProperties: { '^(x|xy)+$': { type: 'string' } },
      },
      events: { GO: { title: 'Go', data: { type: 'object', properties: { ref: { type: 'string', pattern: '(\\d*)*' } } } } },
      rules: { ok: { title: 'OK', schema: { properties: { code: { pattern: '(.*a){20}', const: { pattern: '(a+)+' } } } } } },
      playbook: { initial: 'open', states: { open: { on: { GO: 'done' } }, done: { type: 'final' } } },
    };
    const unsafe = validateCaseType(definition).filter((p) => p.code === 'data.unsafe_pattern');
    expect(unsafe.map((p) => p.pointer)).toEqual([
      '/data/patternProperties/^(x|xy)+$',
      '/data/properties/code/pattern',
      '/events/GO/data/properties/ref/pattern',
      '/rules/ok/schema/properties/code/pattern',
    ]);
    expect(unsafe[1]?.message).toBe(
      "'^(a+)+$' can take exponential time on some values (a repetition inside a repetition can match the same text in many ways), which would hang the server; rewrite it without a repetition inside a repetition, e.g. '(a+)+' → 'a+'",
    );
  });
});
