// `dossier migrate <plan> [--dry-run] [--db FILE|postgres://URL] [--tenant T] [--by NAME] [--json]`: moves
// the open cases of a case type to another published version under a migration plan (docs/migration.md),
// through the same host service as POST /api/migrations: the dry run writes nothing; the apply records
// the migration, works it to the end with progress on stderr, and resumes one that was cut off.
// Exit 0 every selected case migrated (or skipped: closed or moved meanwhile), 1 a case blocked, the plan
// refused or the database unusable, 2 bad usage.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as engine from '../engine/index.ts';
import { stateLabel } from '../engine/index.ts';
import { systemClock } from '../host/clock.ts';
import { createHostServices } from '../host/create-host.ts';
import type { HostFailure } from '../host/host-result.ts';
import { silentLogger } from '../host/logger.ts';
import { planIdOf, type MigrationView } from '../host/migration-service.ts';
import type { CaseStore } from '../store/case-store.ts';
import { createPostgresStore } from '../store/postgres/postgres-store.ts';
import { isPostgresUrl, redactUrl } from '../store/postgres/url.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier migrate <plan.json> [--dry-run] [--db FILE|postgres://URL] [--tenant T] [--by NAME] [--json]',
  '',
  'Moves the open cases of a case type from one published version to another under a migration plan',
  '(docs/migration.md). Each case moves in one commit of its own, at most once; a migration cut off',
  'resumes where it stopped when it is run again (or when dossier serve starts on the database).',
  '',
  '  --dry-run      what would happen to every case the plan selects; nothing is written',
  '  --db <file>    the Dossier database (default ./dossier.db), or a postgres:// URL',
  '  --tenant <id>  the tenant whose cases move (default: default)',
  '  --by <name>    who is recorded in each case\'s history as having migrated it (default: cli)',
  '  --json         the dry run or the result as JSON on stdout',
];

interface Args {
  plan: string;
  dryRun: boolean;
  db: string;
  tenant: string;
  by: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): { type: 'run'; args: Args } | { type: 'help' } | { type: 'usage'; message: string } {
  const values: Record<string, string> = {};
  const files: string[] = [];
  let dryRun = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { type: 'help' };
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--db' || arg === '--tenant' || arg === '--by') {
      const value = argv[++i];
      if (value === undefined || value === '') return { type: 'usage', message: `${arg} needs a value` };
      values[arg.slice(2)] = value;
    } else if (arg.startsWith('-')) return { type: 'usage', message: `unknown option '${arg}'. Run dossier migrate --help.` };
    else files.push(arg);
  }
  const [plan, ...extra] = files;
  if (plan === undefined) return { type: 'usage', message: 'name the plan file, e.g. dossier migrate complaint-1-to-2.json --dry-run' };
  if (extra.length > 0) return { type: 'usage', message: `one plan at a time; also got '${extra.join("', '")}'` };
  return { type: 'run', args: { plan, dryRun, json, db: values.db ?? 'dossier.db', tenant: values.tenant ?? 'default', by: values.by ?? 'cli' } };
}

function failureLines(failure: HostFailure): string[] {
  return [failure.message, ...(failure.problems ?? []).map((p) => `  ${p.pointer || '/'}: ${p.message}`)];
}

function countsLine(view: MigrationView): string {
  const { total, migrated, blocked, skipped, pending } = view.counts;
  return `${String(migrated)} of ${String(total)} migrated, ${String(blocked)} blocked, ${String(skipped)} skipped${pending > 0 ? `, ${String(pending)} pending` : ''}`;
}

async function openStore(db: string, cwd: string): Promise<{ ok: true; store: CaseStore } | { ok: false; message: string }> {
  if (isPostgresUrl(db)) {
    try {
      return { ok: true, store: await createPostgresStore({ url: db }) };
    } catch (error) {
      return { ok: false, message: `cannot use the database ${redactUrl(db)}: ${(error as Error).message}` };
    }
  }
  const file = resolve(cwd, db);
  if (!existsSync(file)) return { ok: false, message: `there is no database at ${db}; name it with --db (a file dossier serve wrote, or a postgres:// URL)` };
  try {
    return { ok: true, store: createSqliteStore({ file }) };
  } catch (error) {
    return { ok: false, message: `cannot open ${db}: ${(error as Error).message}` };
  }
}

export async function migrateCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.type === 'help') {
    HELP.forEach((line) => io.out(line));
    return 0;
  }
  if (parsed.type === 'usage') {
    io.err(`dossier migrate: ${parsed.message}`);
    return 2;
  }
  const { args } = parsed;
  let plan: unknown;
  try {
    plan = JSON.parse(await readFile(resolve(io.cwd, args.plan), 'utf8')) as unknown;
  } catch (error) {
    io.err(`dossier migrate: cannot read the plan ${args.plan}: ${(error as Error).message}`);
    return 1;
  }
  const opened = await openStore(args.db, io.cwd);
  if (!opened.ok) {
    io.err(`dossier migrate: ${opened.message}`);
    return 1;
  }
  const store = opened.store;
  const services = createHostServices({ store, engine, clock: systemClock, logger: silentLogger });
  try {
    if (args.dryRun) {
      const dry = await services.migrations.dryRun(args.tenant, plan, { limit: 1000 });
      if (!dry.ok) {
        failureLines(dry).forEach((line) => io.err(`dossier migrate: ${line}`));
        return 1;
      }
      const run = dry.value;
      if (args.json) {
        io.out(JSON.stringify(run, null, 2));
        return run.counts.cannot > 0 ? 1 : 0;
      }
      io.out(`${run.caseType} version ${String(run.from)} → ${String(run.to)}: ${String(run.counts.total)} open cases selected, ${String(run.counts.migrates)} would migrate, ${String(run.counts.cannot)} cannot`);
      for (const [code, n] of Object.entries(run.reasons)) io.out(`  ${code}: ${String(n)}`);
      for (const kase of run.cases) {
        const line = kase.outcome === 'migrates'
          ? `  ${kase.reference}  ${stateLabel(kase.state)} → ${stateLabel(kase.to ?? kase.state)}`
          : `  ${kase.reference}  cannot: ${kase.blocks.map((b) => b.message).join(' ')}`;
        io.out(line);
      }
      if (run.truncated) io.out(`  (${String(run.counts.total - run.cases.length)} more not listed)`);
      return run.counts.cannot > 0 ? 1 : 0;
    }
    const actor = { id: args.by, roles: ['admin'] };
    let view: MigrationView;
    const started = await services.migrations.start(args.tenant, plan, actor);
    if (started.ok) view = started.value;
    else if (started.code === 'migration.applied') {
      // run again after it was cut off: go on with it; one that finished is refused as the API refuses it
      const existing = await services.migrations.get(args.tenant, planIdOf(plan as Parameters<typeof planIdOf>[0]));
      if (!existing.ok || existing.value.status !== 'running') {
        failureLines(started).forEach((line) => io.err(`dossier migrate: ${line}`));
        return 1;
      }
      io.err(`dossier migrate: resuming migration ${existing.value.id} (${countsLine(existing.value)})`);
      view = existing.value;
    } else {
      failureLines(started).forEach((line) => io.err(`dossier migrate: ${line}`));
      return 1;
    }
    const done = await services.migrations.finish(args.tenant, view.id, (progress) => io.err(`dossier migrate: ${countsLine(progress)}`));
    if (!done.ok) {
      failureLines(done).forEach((line) => io.err(`dossier migrate: ${line}`));
      return 1;
    }
    if (args.json) io.out(JSON.stringify(done.value, null, 2));
    else io.out(`migration ${done.value.id}: ${countsLine(done.value)}`);
    if (done.value.counts.blocked > 0 && !args.json) {
      const blocked = await services.migrations.cases(args.tenant, done.value.id, 'blocked', 200, null);
      if (blocked.ok) {
        for (const item of blocked.value.items) {
          const blocks = (item.detail as { blocks?: { message: string }[] } | null)?.blocks ?? [];
          io.out(`  ${item.caseId}: ${blocks.map((b) => b.message).join(' ')}`);
        }
      }
    }
    return done.value.counts.blocked > 0 ? 1 : 0;
  } finally {
    await services.migrations.stop();
    await store.close();
  }
}
