// `npm run bench [-- --quick] [-- --only engine,peer]`: every figure in several rounds, ratios within
// a round, medians over rounds; writes bench/results/latest.json and latest.md. See docs/benchmark.md.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregate, loadNow, machineInfo, markdown, writeResults, type Results } from './lib/report.ts';
import { checkTargets } from './lib/targets.ts';
import { SuiteSkipped, type Missing, type RoundResult, type Suite } from './lib/types.ts';
import { designerSuite } from './suites/designer.ts';
import { durableSuite } from './suites/durable.ts';
import { engineSuite } from './suites/engine.ts';
import { httpSuite } from './suites/http.ts';
import { memorySuite } from './suites/memory.ts';
import { patternsSuite } from './suites/patterns.ts';
import { peerSuite } from './suites/peer.ts';
import { postgresSuite } from './suites/postgres.ts';
import { reportsSuite } from './suites/reports.ts';
import { backtestSuite } from './suites/backtest.ts';
import { migrationSuite } from './suites/migration.ts';
import { mailSuite } from './suites/mail.ts';
import { documentsSuite } from './suites/documents.ts';
import { taskDueSuite } from './suites/task-due.ts';
import { searchSuite } from './suites/search.ts';
import { suggestSuite } from './suites/suggest.ts';
import { linkedSuite } from './suites/linked.ts';
import { routingSuite } from './suites/routing.ts';

const suites: Suite[] = [engineSuite, peerSuite, durableSuite, httpSuite, memorySuite, designerSuite, patternsSuite, postgresSuite, reportsSuite, backtestSuite, migrationSuite, documentsSuite, mailSuite, taskDueSuite, searchSuite, suggestSuite, linkedSuite, routingSuite];



const usage = `Usage: tsx bench/run.ts [--quick] [--only ${suites.map((s) => s.name).join(',')}] [--rounds N] [--out DIR]`;

interface Args {
  quick: boolean;
  only: string[] | null;
  rounds: number | null;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, only: null, rounds: null, out: fileURLToPath(new URL('./results/', import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.\n${usage}`);
      return v;
    };
    if (flag === '--quick') args.quick = true;
    else if (flag === '--only') args.only = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (flag === '--rounds') args.rounds = Number(value());
    else if (flag === '--out') args.out = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(usage + '\n');
      process.exit(0);
    } else throw new Error(`unknown option '${arg}'.\n${usage}`);
  }
  const unknown = (args.only ?? []).filter((name) => !suites.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}.\n${usage}`);
  if (args.rounds !== null && (!Number.isInteger(args.rounds) || args.rounds < 3)) throw new Error(`--rounds must be 3 or more.\n${usage}`);
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const workDir = fileURLToPath(new URL('./.work/', import.meta.url));
  mkdirSync(workDir, { recursive: true });
  const started = Date.now();
  const loadAtStart = loadNow();
  const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const bySuite: Record<string, RoundResult[]> = {};
  const missing: Missing[] = [];
  let failed = false;
  for (const suite of suites) {
    if (args.only !== null && !args.only.includes(suite.name)) continue;
    log(`${suite.name}: start`);
    try {
      bySuite[suite.name] = await suite.run({ quick: args.quick, rounds: args.rounds ?? 3, workDir, log });
    } catch (error) {
      if (error instanceof SuiteSkipped) {
        if (error.partial.length > 0) bySuite[suite.name] = error.partial;
        missing.push({ suite: suite.name, reason: error.message });
        log(`${suite.name}: not measured: ${error.message}`);
      } else {
        failed = true;
        missing.push({ suite: suite.name, reason: `failed: ${error instanceof Error ? error.message : String(error)}` });
        log(`${suite.name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
  const agg = aggregate(bySuite);
  const results: Results = { machine: machineInfo(loadAtStart), ...agg, quick: args.quick, missing, targets: checkTargets(agg) };
  const jsonFile = join(args.out, 'latest.json');
  const mdFile = join(args.out, 'latest.md');
  writeResults(jsonFile, mdFile, results);
  process.stdout.write('\n' + markdown(results));
  log(`done; wrote ${jsonFile} and ${mdFile}`);
  rmSync(workDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
