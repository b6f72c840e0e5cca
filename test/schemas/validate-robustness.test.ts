import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateCaseType } from '../../schemas/validate.ts';
import { problemCodes } from '../../schemas/problems.ts';

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/valid-complaint.json', import.meta.url)), 'utf8'),
) as { definition: unknown };

type Json = unknown;

/** Every path to a value inside a JSON document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (typeof value === 'object' && value !== null) {
    return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  }
  return here;
}

function replaceAt(document: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, Json>;
  let node = copy;
  for (const token of path.slice(0, -1)) node = node[token] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = replacement;
  return copy;
}

const allPaths = paths(fixture.definition);

function checkShape(definition: unknown): void {
  const problems = validateCaseType(definition);
  for (const problem of problems) {
    const spec = (problemCodes as Record<string, { severity: string }>)[problem.code];
    expect(spec?.severity).toBe(problem.severity);
    expect(problem.pointer === '' || problem.pointer.startsWith('/')).toBe(true);
    // (not a check for '{name}': the input's own keys may contain braces, as in { "{0}": {} })
    expect(problem.message.length).toBeGreaterThan(10);
  }
  const sorted = [...problems].sort((a, b) =>
    a.pointer === b.pointer
      ? a.code < b.code
        ? -1
        : a.code > b.code
          ? 1
          : 0
      : a.pointer < b.pointer
        ? -1
        : 1,
  );
  expect(problems.map((p) => p.pointer + ' ' + p.code)).toEqual(sorted.map((p) => p.pointer + ' ' + p.code));
}

describe('validateCaseType on broken input', () => {
  it('never throws on any JSON value, and reports only table codes, sorted', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => checkShape(value)),
      { numRuns: 150 },
    );
  });

  it('never throws when any part of a valid definition is replaced by any JSON value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), fc.jsonValue({ maxDepth: 3 }), (path, replacement) =>
        checkShape(replaceAt(fixture.definition, path, replacement)),
      ),
      { numRuns: 250 },
    );
  });
});
