// The pure core runs in a browser: runtime/engine and schemas/ bundled for the browser platform (no Node
// built-ins, esbuild fails the build if one is imported) and executed in headless Chromium, where every
// template's scenarios must pass exactly as they do in Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openBrowser, type BrowserSession } from './harness.ts';

const entry = `
import { compileCaseType, runScenario } from './runtime/engine/index.ts';
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

describe('the engine in the browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs every template scenario in Chromium with the same outcome as in Node', async () => {
    const bundle = await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
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
});
