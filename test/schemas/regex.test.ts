// Patterns in linear time (issue 14): every pattern of a case type runs on RE2 (schemas/regex.ts),
// through the one ajv of case data, events and rules, and through the meta-schema's ajv. These tests
// would hang (the suite's time-out) on JavaScript's backtracking RegExp; they assert results, not times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataAjv } from '../../schemas/ajv.ts';
import { compilePattern, patternError } from '../../schemas/regex.ts';
import { validateCaseType } from '../../schemas/validate.ts';

/** The patterns issue 14 named, and the classic exponential shapes the old heuristic looked for. */
export const hostile: { pattern: string; nearMiss: (n: number) => string }[] = [
  { pattern: '^a*a*a*a*a*a*a*a*b$', nearMiss: (n) => 'a'.repeat(n) },
  { pattern: '^\\s*\\s*\\s*\\s*x$', nearMiss: (n) => ' '.repeat(n) },
  { pattern: '^(a+)+$', nearMiss: (n) => `${'a'.repeat(n)}!` },
  { pattern: '^(\\w+\\s?)*$', nearMiss: (n) => `${'ab '.repeat(Math.ceil(n / 3)).slice(0, n)}!` },
  { pattern: '(.*a){20}', nearMiss: (n) => 'b'.repeat(n) },
  { pattern: '^(a|ab)*c$', nearMiss: (n) => `${'ab'.repeat(Math.ceil(n / 2)).slice(0, n)}` },
  { pattern: '^([a-z0-9]+([._-][a-z0-9]+)*)+@example\\.com$', nearMiss: (n) => `${'ab.c'.repeat(Math.ceil(n / 4)).slice(0, n)}@example.org` },
  { pattern: '(a|aa){150}$', nearMiss: (n) => `${'a'.repeat(n)}!` },
];

const N = 100_000;

describe('compilePattern (RE2, linear time)', () => {
  it('answers the hostile patterns on 100,000-character near misses (a backtracking engine would not finish)', () => {
    for (const { pattern, nearMiss } of hostile) expect(compilePattern(pattern).test(nearMiss(N)), pattern).toBe(false);
    // and they still match what they should
    expect(compilePattern('^a*a*a*a*a*a*a*a*b$').test(`${'a'.repeat(N)}b`)).toBe(true);
    expect(compilePattern('^(a+)+$').test('a'.repeat(N))).toBe(true);
  });

  it('searches anywhere in the value unless anchored, as JSON Schema says', () => {
    expect(compilePattern('[0-9]{4}').test('order 2026 of')).toBe(true);
    expect(compilePattern('^[0-9]{4}$').test('order 2026 of')).toBe(false);
  });

  it('reads ECMAScript syntax: \\u escapes, \\u{…}, named groups, unicode classes, [^]', () => {
    expect(compilePattern('^[\\u0041-\\u005A]+$').test('ABC')).toBe(true);
    expect(compilePattern('^\\u{1F600}$').test('😀')).toBe(true);
    expect(compilePattern('^(?<year>[0-9]{4})-[0-9]{2}$').test('2026-12')).toBe(true);
    expect(compilePattern('^\\p{Lu}\\p{Ll}+$').test('Émile')).toBe(true);
    expect(compilePattern('^[^]$').test('\n')).toBe(true);
    expect(compilePattern('^.$').test('😀')).toBe(true);
  });

  it('refuses a pattern whose program is too large to check fast, however short it is written', () => {
    // (a|aa){1000}$ took 66 s on a 1 MiB near miss although RE2 is linear: linear in the program too
    expect(patternError('(a|aa){1000}$')).toBe(
      'it is too large to check in linear time (6003 steps; at most 1000): use smaller repetition counts, and maxLength rather than .{0,n} for a length',
    );
    expect(patternError('(a|aa){160}$')).toBeUndefined();
    expect(compilePattern('(a|aa){160}$').test(`${'a'.repeat(N)}!`)).toBe(false);
  });

  it('takes ECMAScript syntax only, as JSON Schema says, and names Unicode properties RE2 spells short', () => {
    for (const p of ['(?i)abc', '\\Qa\\E', '[[:alpha:]]', '\\z']) expect(patternError(p), p).toBeDefined();
    expect(patternError('\\p{Letter}+')).toMatch(/write Unicode properties by their short names, such as \\p\{L\}/);
    expect(patternError('\\p{L}+')).toBeUndefined();
  });

  it('refuses look-around and back-references with a reason that says what to write instead', () => {
    expect(patternError('^(?=.*[0-9])[A-Z0-9]+$')).toMatch(/^look-ahead and look-behind .* are not supported, as patterns are checked in linear time/);
    expect(patternError('(?<!x)y')).toMatch(/^look-ahead and look-behind/);
    expect(patternError('^(a)\\1$')).toMatch(/^back-references .* are not supported.*repeat the sub-pattern instead$/);
    expect(patternError('([A-Z]')).toBe('Unterminated group');
    expect(patternError('^[A-Z]{2}[0-9]+$')).toBeUndefined();
  });

  it('agrees with JavaScript RegExp on generated patterns and values (the dialect is kept)', () => {
    // a grammar of the constructs analysts write, without \s \w \b whose Unicode reach differs (documented)
    const atom = fc.constantFrom('a', 'b', 'c', '.', '[ab]', '[^a]', '[a-c]', '\\d', '[0-9]', '\\.', '-', 'é');
    const piece = fc.tuple(atom, fc.constantFrom('', '*', '+', '?', '{2}', '{1,3}', '{0,2}')).map(([a, q]) => a + q);
    const sequence = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const group = fc.tuple(sequence, sequence, fc.constantFrom('', '*', '+', '?')).map(([x, y, q]) => `(${x}|${y})${q}`);
    const body = fc.array(fc.oneof(piece, group), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const pattern = fc.tuple(fc.boolean(), body, fc.boolean()).map(([start, b, end]) => `${start ? '^' : ''}${b}${end ? '$' : ''}`);
    const value = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '.', '-', 'é', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(pattern, fc.array(value, { minLength: 1, maxLength: 8 }), (p, values) => {
        const js = new RegExp(p, 'u');
        const re2 = compilePattern(p);
        for (const v of values) expect(re2.test(v), `${p} on '${v}'`).toBe(js.test(v));
      }),
      { numRuns: 400 },
    );
  });

  it('evaluates every generated pattern, nested repetition included, on long near misses', () => {
    const atom = fc.constantFrom('a', '\\d', '[a-c]', '.', '\\s', '\\w');
    const inner = fc.tuple(atom, fc.constantFrom('*', '+', '?', '{1,5}')).map(([a, q]) => a + q);
    const nested = fc.tuple(fc.array(inner, { minLength: 1, maxLength: 3 }), fc.constantFrom('*', '+', '{2,}')).map(([xs, q]) => `(${xs.join('')})${q}`);
    const pattern = fc.array(fc.oneof(inner, nested), { minLength: 1, maxLength: 5 }).map((p) => `^${p.join('')}!$`);
    fc.assert(
      fc.property(pattern, fc.constantFrom('a', '1', ' ', 'ab'), (p, unit) => {
        // ends in '?', never '!': every pattern misses, after trying every split of 20,000 characters
        expect(compilePattern(p).test(`${unit.repeat(20_000 / unit.length)}?`)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the engine ajv (case data, events, rules) and the meta-schema run patterns on RE2', () => {
  it('validates a field against a hostile pattern on a 1 MiB near miss', () => {
    const ajv = createDataAjv();
    for (const { pattern, nearMiss } of hostile) {
      const validate = ajv.compile({ type: 'object', properties: { code: { type: 'string', pattern } }, patternProperties: { [pattern]: { type: 'string' } } });
      expect(validate({ code: nearMiss(1 << 20) }), pattern).toBe(false);
    }
  });

  it('refuses to compile a schema whose pattern RE2 cannot run (never falls back to backtracking)', () => {
    expect(() => createDataAjv().compile({ type: 'string', pattern: '^(?=a)a$' })).toThrow(/look-ahead and look-behind/);
  });

  it('validateCaseType accepts the hostile patterns, which are safe now, and refuses look-around with the reason', () => {
    const withPattern = (pattern: string) => ({
      key: 'codes',
      title: 'Codes',
      data: { type: 'object', properties: { code: { type: 'string', pattern } } },
      events: { SEND: { data: { type: 'object', properties: { code: { type: 'string', pattern } } } } },
      rules: { coded: { title: 'Coded', schema: { properties: { code: { pattern } } } } },
      playbook: { initial: 'open', states: { open: { on: { SEND: 'done' } }, done: { type: 'final' } } },
    });
    for (const { pattern } of hostile) expect(validateCaseType(withPattern(pattern)).filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.pointer} ${p.message}`), pattern).toEqual([]);
    // a pattern taken from the case data would let whoever sends the data choose the regex
    const fromData = validateCaseType({ ...withPattern('^a$'), rules: { coded: { title: 'Coded', schema: { properties: { code: { pattern: { $data: '1/mask' } } } } } } });
    expect(fromData.filter((p) => p.code === 'data.invalid_pattern').map((p) => [p.pointer, p.message])).toEqual([
      ['/rules/coded/schema/properties/code/pattern', "'{ \"$data\": … }' is not a valid regular expression: a pattern must be written in the definition, not taken from the case data, where whoever sends the data would choose it"],
    ]);
    const refused = validateCaseType(withPattern('^(?!x)[a-z]+$')).filter((p) => p.code === 'data.invalid_pattern');
    expect(refused.map((p) => p.pointer)).toEqual(['/data/properties/code/pattern', '/events/SEND/data/properties/code/pattern', '/rules/coded/schema/properties/code/pattern']);
    expect(refused[0]?.message).toBe(
      "'^(?!x)[a-z]+$' is not a valid regular expression: look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not supported, as patterns are checked in linear time (RE2 syntax); express the condition with alternatives or a separate rule",
    );
  });

  it('checks a definition whose names are long near misses of the meta-schema patterns at once', () => {
    const name = `${'a'.repeat(200_000)} `;
    const problems = validateCaseType({ key: name, title: 'x', data: { type: 'object' }, playbook: { initial: name, states: { [name]: { type: 'final' } } } });
    expect(problems.some((p) => p.code === 'schema.pattern' && p.pointer === '/key')).toBe(true);
  });
});

describe('the meta-schema duration pattern without look-around', () => {
  it('accepts exactly what the look-around form accepted', () => {
    const old = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/u;
    const now = compilePattern('^P(?:(?:\\d+W)?(?:\\d+D)?T(?:\\d+H(?:\\d+M)?(?:\\d+S)?|\\d+M(?:\\d+S)?|\\d+S)|\\d+W(?:\\d+D)?|\\d+D)$');
    const text = fc.array(fc.constantFrom('P', 'T', 'W', 'D', 'H', 'M', 'S', '1', '23'), { maxLength: 9 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(now.test(t), t).toBe(old.test(t));
      }),
      { numRuns: 3000 },
    );
    for (const t of ['P1D', 'PT8H', 'P1W2DT3H4M5S', 'PT5M', 'P2W']) expect(now.test(t)).toBe(true);
    for (const t of ['P', 'PT', 'P1DT', 'PT1D', '1D']) expect(now.test(t)).toBe(false);
  });
});
