// `dossier store copy --from FILE --to postgres://URL [--force]`: moves an embedded install (its SQLite
// file) up to a PostgreSQL database, every table, verified by row counts and checksums before it is
// committed (README "Command line"; docs/store-copy.md; the logic is runtime/store/copy.ts).
// Exit 0 copied and verified, 1 failed (one line saying why; nothing committed), 2 bad usage.
import { resolve } from 'node:path';
import { redactUrl } from '../store/postgres/url.ts';
import { copyStore, type CopyResult, type Progress, type TableCheck } from '../store/copy.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier store copy --from FILE --to postgres://URL [--force]',
  '',
  'Copies an embedded store (the SQLite file of `dossier serve --db FILE`) into a PostgreSQL database,',
  'every table and row: tenants, tokens (hashes, revocations), drafts, published case types, cases,',
  'history, SLAs, timers, tasks, outbox rows (pending, delivered, dead), idempotency keys, messages,',
  'the customer index and time per stage. The target gets its schema from the PostgreSQL store\'s',
  'migrations; the rows go in one transaction, which is committed only after every table was read back',
  'from both sides and matched: same row count, same SHA-256 over its rows. A failure leaves the target',
  'as it was (at most with the empty schema created).',
  '',
  'The SQLite file is opened read-only and read as one snapshot: stop `dossier serve` on it first, or',
  'what it writes after the snapshot stays behind. A file at an older schema is refused: start',
  '`dossier serve --db FILE` on it once (it migrates the file as it starts), stop it, and copy again.',
  '',
  'Options:',
  '  --from <file>          the SQLite database to copy (opened read-only)',
  '  --to <postgres://URL>  the PostgreSQL database to copy into (it must exist; user:password@host:port/name)',
  '  --force                replace what the target holds: every Dossier table there is emptied first, in',
  '                         the copy\'s transaction (kept as it was if the copy fails). Without --force a',
  '                         target holding any Dossier row (tenant, token, case type, case, ...) is refused.',
  '  --help                 show this help',
  '',
  'Prints each table with its rows and checksum to stdout; progress on a long copy to stderr.',
  'Exit status: 0 copied and verified, 1 failed (nothing committed), 2 bad usage.',
];

interface CopyArgs {
  from: string;
  to: string;
  force: boolean;
}

type Parsed = { type: 'run'; args: CopyArgs } | { type: 'help' } | { type: 'usage'; message: string };

const AGAIN = 'Run dossier store --help.';

function parseArgs(args: string[]): Parsed {
  if (args.includes('--help') || args.includes('-h')) return { type: 'help' };
  const [sub, ...rest] = args;
  if (sub === undefined) return { type: 'usage', message: `name what to do: dossier store copy --from FILE --to postgres://URL. ${AGAIN}` };
  if (sub !== 'copy') return { type: 'usage', message: `unknown subcommand '${sub}' (there is: copy). ${AGAIN}` };
  const values: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--force') {
      force = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--from' && flag !== '--to') {
      return { type: 'usage', message: arg.startsWith('-') ? `unknown option '${arg}'. ${AGAIN}` : `unexpected argument '${arg}'. ${AGAIN}` };
    }
    const value = flag !== arg ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') {
      return { type: 'usage', message: `${flag} needs a value, e.g. ${flag === '--from' ? '--from dossier.db' : '--to postgres://dossier@127.0.0.1:5432/dossier'}` };
    }
    values[flag.slice(2)] = value;
  }
  const { from, to } = values;
  if (from === undefined) return { type: 'usage', message: 'name the SQLite file to copy: --from dossier.db' };
  if (to === undefined) return { type: 'usage', message: 'name the PostgreSQL database to copy into: --to postgres://user@host:5432/dossier' };
  if (!/^postgres(ql)?:\/\//i.test(to) || !URL.canParse(to)) {
    return { type: 'usage', message: `--to must be a PostgreSQL URL (postgres://user:password@host:5432/database), not '${redactUrl(to)}'` };
  }
  return { type: 'run', args: { from, to, force } };
}

export async function storeCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.type === 'help') {
    io.out(HELP.join('\n'));
    return 0;
  }
  if (parsed.type === 'usage') {
    io.err(`dossier store: ${parsed.message}`);
    return 2;
  }
  const { from, to, force } = parsed.args;
  let result: CopyResult;
  try {
    result = await copyStore({ from: resolve(io.cwd, from), to, force, onProgress: progressPrinter(io) });
  } catch (error) {
    io.err(`dossier store copy: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(summary(result.tables));
  if (!result.ok) {
    const bad = result.tables.filter((t) => !t.ok);
    const first = bad[0] as TableCheck;
    const rows = first.sourceRows === first.targetRows ? `${first.sourceRows} rows each` : `${first.sourceRows} rows in the source, ${first.targetRows} in the target`;
    io.err(
      `dossier store copy: verification failed for table ${bad.map((t) => t.table).join(', ')} (${first.table}: ${rows}${first.firstDifference === null ? '' : `; ${first.firstDifference}`}); nothing was committed`,
    );
    return 1;
  }
  const tables = result.tables.length;
  io.err(`dossier store copy: copied ${result.rows} rows in ${tables} tables from ${from} to ${redactUrl(to)} in ${(result.ms / 1000).toFixed(1)} s; verified`);
  return 0;
}

/** Progress on stderr, at most once a second and only once a copy has run for a second; a table that was reported gets its last line too. */
function progressPrinter(io: CommandIo): (progress: Progress) => void {
  const started = Date.now();
  let last = started;
  let reported = '';
  return ({ table, phase, done, total }) => {
    const now = Date.now();
    const current = `${phase} ${table}`;
    const finished = done >= total && reported === current;
    if (!finished && (now - last < 1000 || done >= total)) return;
    last = now;
    reported = finished ? '' : current;
    io.err(`dossier store copy: ${phase === 'copy' ? 'copying' : 'verifying'} ${table}: ${done} / ${total} rows`);
  };
}

function summary(tables: TableCheck[]): string {
  const rows = tables.map((t) => [
    t.table,
    t.sourceRows === t.targetRows ? String(t.sourceRows) : `${t.sourceRows} (target ${t.targetRows})`,
    t.sourceChecksum.slice(0, 16),
    t.ok ? 'ok' : 'MISMATCH',
  ]);
  const all = [['table', 'rows', 'sha256', 'checksum'], ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...all.map((r) => (r[i] as string).length)));
  return all
    .map((r) => [(r[0] as string).padEnd(widths[0] as number), (r[1] as string).padStart(widths[1] as number), (r[2] as string).padEnd(widths[2] as number), r[3]].join('  '))
    .join('\n');
}
