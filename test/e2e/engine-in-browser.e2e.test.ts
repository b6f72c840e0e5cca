// The pure core runs in a browser: runtime/engine and schemas/ bundled for the browser platform (no Node
// built-ins, esbuild fails the build if one is imported) and executed in headless Chromium, where every
// template's scenarios must pass exactly as they do in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openBrowser, type BrowserSession } from './harness.ts';

const entry = `
import { compileCaseType } from './runtime/engine/index.ts';
import { runScenario } from './runtime/scenarios/index.ts';
import { validateCaseType } from './schemas/index.ts';
globalThis.runAll = (definitions, scenarios) => {
  const types = new Map(definitions.map((d) => [d.key, compileCaseType(d)]));
  const problems = definitions.flatMap((d) => validateCaseType(d).map((p) => d.key + ' ' + p.code + ' ' + p.pointer));
  const results = scenarios.map((s) => {
    const r = runScenario(types.get(s.caseType), s, { resolveCaseType: (k) => types.get(k) });
    return s.caseType + ': ' + s.name + ' -> ' + (r.passed ? 'passed' : 'failed');
  });
  return { problems, results };
};`;

// The designer's preview validator (the form preview, the simulator, the console's forms) as the page runs it.
const previewEntry = `
import { dataProblems } from './runtime/engine/index.ts';
import { errorsByField } from './designer/src/form/field-errors.ts';
globalThis.checkPatterns = (cases) => cases.map(([pattern, unit, length]) => {
  const value = unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '!';
  return errorsByField(dataProblems({ type: 'object', properties: { code: { type: 'string', title: 'Code', pattern } } }, { code: value }));
});`;

async function bundle(contents: string): Promise<string> {
  const out = await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
}

describe('the engine in the browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs every template scenario in Chromium with the same outcome as in Node', async () => {
    const code = await bundle(entry);
    const dir = join(ROOT, 'templates');
    const read = (f: string): { caseType?: string; key?: string; name?: string } =>
      JSON.parse(readFileSync(join(dir, f), 'utf8')) as { caseType?: string; key?: string; name?: string };
    const definitions = readdirSync(dir).filter((f) => f.endsWith('.case.json')).map(read);
    const scenarios = readdirSync(dir).filter((f) => f.endsWith('.scenario.json')).map(read);

    await session.page.setContent('<!doctype html><title>engine</title>');
    await session.page.addScriptTag({ content: code });
    const out = (await session.page.evaluate(
      ([d, s]) => (globalThis as unknown as { runAll: (d: unknown, s: unknown) => unknown }).runAll(d, s),
      [definitions, scenarios] as const,
    )) as { problems: string[]; results: string[] };

    expect(session.errors).toEqual([]);
    expect(out.problems).toEqual([]);
    expect(out.results).toEqual(scenarios.map((s) => `${s.caseType}: ${s.name} -> passed`));
    expect(out.results.length).toBeGreaterThanOrEqual(15);
  });

  it("checks the hostile patterns on 1 MiB near misses in the designer's preview validator (RE2 in the page too)", async () => {
    const code = await bundle(previewEntry);
    await session.page.setContent('<!doctype html><title>patterns</title>');
    await session.page.addScriptTag({ content: code });
    const cases = [
      ['^a*a*a*a*a*a*a*a*b$', 'a', 1 << 20],
      ['^\\s*\\s*\\s*\\s*x$', ' ', 1 << 20],
      ['^(a+)+$', 'a', 1 << 20],
      ['^(\\w+\\s?)*$', 'ab ', 1 << 20],
    ];
    // on a backtracking engine the first of these would not finish in the test's two minutes
    const out = (await session.page.evaluate((c) => (globalThis as unknown as { checkPatterns: (c: unknown) => unknown }).checkPatterns(c), cases)) as Record<string, string>[];
    expect(session.errors).toEqual([]);
    expect(out.map((errors) => Object.keys(errors))).toEqual(cases.map(() => ['/code']));
  });
});
