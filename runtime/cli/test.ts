// `dossier test <file> [scenario...] [--paths] [--json]`: validates a case type, runs its scenarios
// against the pure engine and, with --paths, lists every simple path of the playbook and which
// scenarios cover it (README "Command line"). Exit 0 all pass, 1 a failure, 2 bad usage.
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../schemas/index.ts';
import type { Problem } from '../../schemas/index.ts';
import { checkMigrationPlan, compileCaseType, validateMigrationPlan } from '../engine/index.ts';
import type { CompiledCaseType, CaseData, MigrationPlan } from '../engine/index.ts';
import { enumeratePaths, formatPath, measureCoverage, runScenario, validateScenario } from '../scenarios/index.ts';
import type { PathCoverage, Scenario, ScenarioResult, ScenarioStepResult } from '../scenarios/index.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier test <file> [scenario...] [--paths] [--json]',
  '',
  'Runs the scenarios of a case type against the engine. Without scenario files, runs every',
  "*.scenario.json beside <file> whose caseType is the definition's key.",
  '',
  'Options:',
  '  --paths   list every simple path from the initial state to a final state, and which scenarios cover it',
  '  --json    print the results as JSON',
];

interface Args {
  file: string;
  scenarios: string[];
  paths: boolean;
  json: boolean;
}

type Parsed = { type: 'args'; args: Args } | { type: 'help' } | { type: 'error'; message: string };

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let paths = false;
  let json = false;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { type: 'help' };
    else if (arg === '--paths') paths = true;
    else if (arg === '--json') json = true;
    else if (arg.startsWith('-')) return { type: 'error', message: `unknown option '${arg}'` };
    else files.push(arg);
  }
  const [file, ...scenarios] = files;
  if (file === undefined) return { type: 'error', message: 'name the case-type file to test' };
  return { type: 'args', args: { file, scenarios, paths, json } };
}

/** A scenario file read from disk: its scenario, or why it cannot run. */
type ScenarioFile =
  | { type: 'valid'; file: string; path: string; scenario: Scenario }
  | { type: 'invalid'; file: string; problems: { pointer: string; message: string }[] };

async function readJson(
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read the file: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `the file is not valid JSON: ${(error as Error).message}` };
  }
}

async function loadScenario(
  path: string,
  shown: string,
  key: string,
  explicit: boolean,
): Promise<ScenarioFile | null> {
  const json = await readJson(path);
  if (!json.ok) return { type: 'invalid', file: shown, problems: [{ pointer: '', message: json.message }] };
  const caseType = (json.value as { caseType?: unknown } | null)?.caseType;
  if (!explicit && typeof caseType === 'string' && caseType !== key) return null;
  const checked = validateScenario(json.value);
  if (!checked.ok) return { type: 'invalid', file: shown, problems: checked.problems };
  if (checked.scenario.caseType !== key) {
    return {
      type: 'invalid',
      file: shown,
      problems: [
        {
          pointer: '/caseType',
          message: `the scenario is for case type '${checked.scenario.caseType}', but the definition's key is '${key}'`,
        },
      ],
    };
  }
  return { type: 'valid', file: shown, path, scenario: checked.scenario };
}

async function scenarioPaths(
  definitionPath: string,
  explicit: readonly string[],
  cwd: string,
): Promise<{ path: string; explicit: boolean }[]> {
  if (explicit.length > 0) return explicit.map((file) => ({ path: resolve(cwd, file), explicit: true }));
  const dir = dirname(definitionPath);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.scenario.json')).sort();
  return names.map((name) => ({ path: join(dir, name), explicit: false }));
}

/**
 * The case types in one directory (`*.case.json`), by key: what createCase effects resolve to.
 * Each is validated and compiled only when a scenario first needs it; an invalid one does not resolve.
 */
async function siblingResolver(dir: string): Promise<(key: string) => CompiledCaseType | undefined> {
  const raw = new Map<string, unknown>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.case.json')).sort()) {
    const json = await readJson(join(dir, name));
    const key = json.ok ? (json.value as { key?: unknown } | null)?.key : undefined;
    if (json.ok && typeof key === 'string' && !raw.has(key)) raw.set(key, json.value);
  }
  const compiled = new Map<string, CompiledCaseType | undefined>();
  return (key) => {
    if (!compiled.has(key)) {
      const json = raw.get(key);
      const valid = json !== undefined && !validateCaseType(json).some((p) => p.severity === 'error');
      compiled.set(key, valid ? compileCaseType(json as CaseType) : undefined);
    }
    return compiled.get(key);
  };
}

type ResolvedMigration = { plan: MigrationPlan; to: CompiledCaseType } | { error: string };

/**
 * Reads what the `migrate` steps of a scenario name: each plan file and the case type file of its `to`
 * version (`definition`, or `<key>.v<to>.case.json` beside the scenario), checked as a host checks them.
 */
async function migrationsOf(scenario: Scenario, scenarioPath: string, def: CaseType): Promise<Map<number, ResolvedMigration>> {
  const dir = dirname(scenarioPath);
  const out = new Map<number, ResolvedMigration>();
  // each migration moves on from where the one before left the case
  let current: CaseType = def;
  for (const [key, step] of scenario.steps.entries()) {
    if (step.migrate === undefined) continue;
    const planJson = await readJson(resolve(dir, step.migrate));
    if (!planJson.ok) {
      out.set(key, { error: `${step.migrate}: ${planJson.message}` });
      continue;
    }
    const shape = validateMigrationPlan(planJson.value);
    if (!shape.ok) {
      out.set(key, { error: `${step.migrate} is not a valid migration plan: ${shape.problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}` });
      continue;
    }
    const plan = shape.plan;
    const targetFile = step.definition ?? `${plan.caseType}.v${String(plan.to)}.case.json`;
    const targetJson = await readJson(resolve(dir, targetFile));
    if (!targetJson.ok) {
      out.set(key, { error: `${targetFile} (version ${String(plan.to)} of ${plan.caseType}): ${targetJson.message}; name it with 'definition'` });
      continue;
    }
    const errors = validateCaseType(targetJson.value).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      out.set(key, { error: `${targetFile} has ${String(errors.length)} error(s); fix them first (dossier validate ${targetFile})` });
      continue;
    }
    const to = compileCaseType({ ...(targetJson.value as CaseType), version: plan.to });
    const from = compileCaseType({ ...current, version: plan.from });
    const problems = checkMigrationPlan(plan, from, to);
    out.set(key, problems.length > 0 ? { error: `${step.migrate} does not fit: ${problems.map((p) => `${p.pointer} ${p.message}`).join(' ')}` } : { plan, to });
    current = targetJson.value as CaseType;
  }
  return out;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function failureLines(result: ScenarioResult, scenario: Scenario): string[] {
  const step = result.steps.find((s) => !s.passed) as ScenarioStepResult;
  const failure = step.failure;
  const where =
    step.index < 0 ? 'creation' : `step ${step.index + 1} of ${scenario.steps.length} (/steps/${step.index})`;
  const lines = [`    ${where}: ${step.description}`];
  const about = step.index < 0 ? undefined : scenario.steps[step.index]?.description;
  if (about !== undefined) lines.push(`    (${about})`);
  if (failure) {
    lines.push(`    ${failure.message}`);
    lines.push(`    expected: ${show(failure.expected)}`);
    lines.push(`    actual:   ${show(failure.actual)}`);
    for (const problem of failure.problems) lines.push(`      ${problem.pointer || '/'}: ${problem.message}`);
  }
  lines.push(`    at ${step.at}${step.state === null ? '' : ` in state ${show(step.state)}`}`);
  return lines;
}

function problemLine(file: string, problem: Problem): string {
  return `${file}:${problem.pointer || '/'} ${problem.severity} ${problem.code} ${problem.message}`;
}

function pathLines(coverage: PathCoverage, startProblems: readonly string[]): string[] {
  const lines = ['', `Paths from the initial state to a final state (${coverage.paths.length}):`];
  for (const problem of startProblems) lines.push(`  cannot start: ${problem}`);
  for (const path of coverage.paths) {
    lines.push(`  ${formatPath(path.steps)}`);
    lines.push(
      path.coveredBy.length > 0 ? `    covered by: ${path.coveredBy.join('; ')}` : '    not covered',
    );
  }
  if (coverage.coverage.cut !== null) lines.push(`  (the list is incomplete: ${coverage.coverage.cut})`);
  const { covered, total, percent } = coverage.coverage;
  lines.push(`covered ${covered} of ${total} paths (${percent} %)`);
  const uncovered = coverage.transitions.filter((t) => t.coveredBy.length === 0);
  if (uncovered.length === 0) {
    lines.push('every transition is covered by a scenario');
  } else {
    lines.push(`transitions no scenario covers (${uncovered.length} of ${coverage.transitions.length}):`);
    for (const t of uncovered) lines.push(`  ${t.from} -${t.event}-> ${t.to}`);
  }
  return lines;
}

export async function testCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.type === 'help') {
    HELP.forEach((line) => io.out(line));
    return 0;
  }
  if (parsed.type === 'error') {
    io.err(`dossier test: ${parsed.message}.`);
    io.err(HELP[0] as string);
    return 2;
  }
  const { args } = parsed;
  const definitionPath = resolve(io.cwd, args.file);
  const definitionJson = await readJson(definitionPath);
  if (!definitionJson.ok) {
    io.err(`${args.file}: ${definitionJson.message}`);
    return definitionJson.message.startsWith('cannot read') ? 2 : 1;
  }
  const problems = validateCaseType(definitionJson.value).filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    io.err(
      `${args.file}: the definition has ${problems.length} error(s); fix them first (dossier validate ${args.file}):`,
    );
    problems.forEach((p) => io.err(problemLine(args.file, p)));
    return 1;
  }
  const def = definitionJson.value as CaseType;
  const type = compileCaseType(def);

  const files: ScenarioFile[] = [];
  for (const entry of await scenarioPaths(definitionPath, args.scenarios, io.cwd)) {
    const loaded = await loadScenario(
      entry.path,
      relative(io.cwd, entry.path) || basename(entry.path),
      def.key,
      entry.explicit,
    );
    if (loaded) files.push(loaded);
  }
  const sibling = await siblingResolver(dirname(definitionPath));
  const resolveCaseType = (key: string): CompiledCaseType | undefined =>
    key === def.key ? type : sibling(key);

  const runs: { file: string; scenario: Scenario; result: ScenarioResult }[] = [];
  const report: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    if (file.type === 'invalid') {
      failed++;
      report.push({ file: file.file, name: null, passed: false, problems: file.problems });
      if (!args.json) {
        io.out(`✗ ${file.file}: not a valid scenario`);
        file.problems.forEach((p) => io.out(`    ${file.file}:${p.pointer || '/'} ${p.message}`));
      }
      continue;
    }
    const migrations = await migrationsOf(file.scenario, file.path, def);
    const resolveMigration = (step: { migrate: string }, index: number): ResolvedMigration => migrations.get(index) ?? { error: `${step.migrate} was not read` };
    const result = runScenario(type, file.scenario, { resolveCaseType, resolveMigration });
    runs.push({ file: file.file, scenario: file.scenario, result });
    report.push({ file: file.file, name: result.name, passed: result.passed, steps: result.steps });
    if (!result.passed) failed++;
    if (args.json) continue;
    const count = file.scenario.steps.length;
    if (result.passed) io.out(`✓ ${result.name} (${count} ${count === 1 ? 'step' : 'steps'})`);
    else [`✗ ${result.name}`, ...failureLines(result, file.scenario)].forEach((line) => io.out(line));
  }
  if (!args.json) {
    if (files.length === 0) io.out(`no scenarios for case type '${def.key}' beside ${args.file}`);
    else
      io.out(
        `${files.length} ${files.length === 1 ? 'scenario' : 'scenarios'}: ${files.length - failed} passed, ${failed} failed`,
      );
  }

  let coverage: PathCoverage | null = null;
  if (args.paths) {
    const payloads: { [event: string]: CaseData[] } = {};
    for (const { scenario } of runs) {
      for (const step of scenario.steps) {
        if (step.send !== undefined && step.data !== undefined) (payloads[step.send] ??= []).push(step.data);
      }
    }
    const startData = [
      ...(def.samples ?? []).map((s) => s.data as CaseData),
      ...runs.map((r) => r.scenario.data),
    ];
    const enumeration = enumeratePaths(type, {
      startData: startData.length > 0 ? startData : [{}],
      payloads,
    });
    coverage = measureCoverage(
      enumeration,
      runs.map((r) => ({ name: r.result.name, transitions: r.result.transitions })),
    );
    if (!args.json) pathLines(coverage, enumeration.startProblems).forEach((line) => io.out(line));
  }
  if (args.json) {
    io.out(JSON.stringify({ file: args.file, scenarios: report, ...(coverage ?? {}) }, null, 2));
  }
  return failed > 0 ? 1 : 0;
}
