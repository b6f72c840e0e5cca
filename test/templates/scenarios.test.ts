// Every template's scenarios pass: for each templates/*.case.json, `dossier test` semantics (the
// scenarios beside it whose caseType is its key, child case types resolved among the templates).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCaseType } from '../../schemas/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { compileCaseType } from '../../runtime/engine/index.ts';
import { runScenario, validateScenario } from '../../runtime/scenarios/index.ts';

const dir = fileURLToPath(new URL('../../templates/', import.meta.url));
const files = readdirSync(dir).sort();
const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
const definitions = files
  .filter((f) => f.endsWith('.case.json'))
  .map((file) => ({ file, def: read(file) as CaseType }));
const scenarioFiles = files
  .filter((f) => f.endsWith('.scenario.json'))
  .map((file) => ({ file, json: read(file) }));
const byKey = new Map(definitions.map(({ def }) => [def.key, def]));
const resolveCaseType = (key: string) => {
  const def = byKey.get(key);
  return def && compileCaseType(def);
};

describe('the templates', () => {
  it('exist, each with at least one scenario', () => {
    expect(definitions.length).toBeGreaterThan(0);
    for (const { def } of definitions) {
      expect({
        key: def.key,
        scenarios: scenarioFiles.some((s) => (s.json as { caseType?: string }).caseType === def.key),
      }).toEqual({
        key: def.key,
        scenarios: true,
      });
    }
  });

  it('have scenarios that each name a template', () => {
    for (const { file, json } of scenarioFiles) {
      expect({ file, caseType: byKey.has((json as { caseType?: string }).caseType ?? '') }).toEqual({
        file,
        caseType: true,
      });
    }
  });
});

describe.each(definitions)('$file', ({ def }) => {
  const scenarios = scenarioFiles.filter((s) => (s.json as { caseType?: string }).caseType === def.key);

  it('is a valid definition', () => {
    expect(validateCaseType(def).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(scenarios)('scenario $file passes', ({ json }) => {
    const checked = validateScenario(json);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    if (!checked.ok) return;
    const result = runScenario(compileCaseType(def), checked.scenario, { resolveCaseType });
    const failedStep = result.steps.find((s) => !s.passed);
    expect(
      failedStep
        ? { index: failedStep.index, did: failedStep.description, failure: failedStep.failure }
        : null,
    ).toBe(null);
    expect(result.passed).toBe(true);
  });
});
