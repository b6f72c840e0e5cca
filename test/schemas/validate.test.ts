import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateCaseType } from '../../schemas/validate.ts';
import { problemCodes } from '../../schemas/problems.ts';

interface Fixture {
  description: string;
  options?: { knownCaseTypes?: string[] };
  definition: unknown;
  problems: { code: string; pointer: string; severity: string }[];
}

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
const fixtureNames = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const fixtures = new Map(
  fixtureNames.map(
    (name) => [name, JSON.parse(readFileSync(fixturesDir + name, 'utf8')) as Fixture] as const,
  ),
);

const byPlace = (a: { pointer: string; code: string }, b: { pointer: string; code: string }): number =>
  a.pointer === b.pointer ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : a.pointer < b.pointer ? -1 : 1;

/** Codes that no definition can produce: json.syntax is the CLI's (see test/runtime/cli), schema.invalid is for
 * meta-schema keywords not in use yet (see messages.test.ts). */
const notFromDefinitions = ['json.syntax', 'schema.invalid'];

describe('validateCaseType on the fixtures', () => {
  it('has at least 40 fixtures', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(40);
  });

  for (const [name, fixture] of fixtures) {
    it(`${name}: ${fixture.description}`, () => {
      // given a definition and the exact problems expected for it
      const expected = [...fixture.problems].sort(byPlace);
      // when it is validated
      const problems = validateCaseType(fixture.definition, fixture.options);
      // then exactly those problems come back, each with a message
      expect(
        problems.map(({ code, pointer, severity }) => ({ code, pointer, severity })).sort(byPlace),
      ).toEqual(expected);
      for (const problem of problems) {
        expect(problem.message.length).toBeGreaterThan(10);
        expect(problem.message).not.toMatch(/\{\w+\}|must match|must NOT|must be equal to one of/);
      }
    });
  }

  it('returns problems sorted by pointer, then code', () => {
    const problems = validateCaseType((fixtures.get('field-unknown.json') as Fixture).definition);
    expect(problems.length).toBeGreaterThan(3);
    expect([...problems].sort(byPlace)).toEqual(problems);
  });

  it('produces every code of the table from some fixture', () => {
    const produced = new Set([...fixtures.values()].flatMap((f) => f.problems.map((p) => p.code)));
    const missing = Object.keys(problemCodes).filter(
      (code) => !produced.has(code) && !notFromDefinitions.includes(code),
    );
    expect(missing).toEqual([]);
  });

  it('uses only codes of the table, with their severity, in the fixtures', () => {
    const table = problemCodes as Record<string, { severity: string }>;
    const wrong = [...fixtures.values()]
      .flatMap((f) => f.problems)
      .filter((p) => table[p.code]?.severity !== p.severity);
    expect(wrong).toEqual([]);
  });
});

describe('docs/problem-codes.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/problem-codes.md', import.meta.url)), 'utf8');
  const documented = new Set(
    [...doc.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \| (error|warning) \|/gm)].map((m) => `${m[1]} ${m[2]}`),
  );

  it('documents every code of the table with its severity', () => {
    const table = Object.entries(problemCodes).map(([code, spec]) => `${code} ${spec.severity}`);
    expect(table.filter((entry) => !documented.has(entry))).toEqual([]);
  });

  it('documents no code that the table does not have', () => {
    const table = new Set(Object.entries(problemCodes).map(([code, spec]) => `${code} ${spec.severity}`));
    expect([...documented].filter((entry) => !table.has(entry))).toEqual([]);
  });
});

describe('the templates', () => {
  const templates = (() => {
    try {
      return readdirSync(templatesDir)
        .filter((f) => f.endsWith('.case.json'))
        .sort();
    } catch {
      return [];
    }
  })();

  for (const name of templates) {
    it(`${name} has no errors and no warnings`, () => {
      const definition: unknown = JSON.parse(readFileSync(templatesDir + name, 'utf8'));
      expect(validateCaseType(definition)).toEqual([]);
    });
  }
});
