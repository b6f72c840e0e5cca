// `dossier export --db FILE --format xes|ocel [--case-type K] [--tenant T] [-o FILE] [--from T] [--to T]`:
// the history as an event log for process-mining tools (README "Command line"; docs/process-mining.md).
// Either store is opened as a CaseStore (a SQLite file read-only, or a postgres:// URL) and paged
// through by store-source.ts, as GET /api/export does. Exit 0 written, 1 the database cannot be read
// or lacks the case type, 2 bad usage.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { toOcel } from '../export/ocel.ts';
import { createStoreSource } from '../export/store-source.ts';
import type { CaseStore } from '../store/case-store.ts';
import { createPostgresStore } from '../store/postgres/postgres-store.ts';
import { isPostgresUrl, redactUrl } from '../store/postgres/url.ts';
import { createSqliteStore, SqliteOpenError } from '../store/sqlite/sqlite-store.ts';
import type { ExportSink, ExportSource, ExportSummary } from '../export/types.ts';
import { INSTANT_EXAMPLE, timeWindow, type TimeWindow } from '../store/time-window.ts';
import { toXes } from '../export/xes.ts';
import type { CommandIo } from './main.ts';

const HELP = [
  'Usage: dossier export --db FILE --format xes|ocel [--case-type K] [--tenant T] [-o FILE]',
  '                      [--from INSTANT] [--to INSTANT]',
  '',
  'Writes the case history as an event log for process-mining tools (pm4py, ProM, Celonis):',
  '  xes   IEEE 1849-2016 XES: one trace per case, one event per history entry',
  '  ocel  OCEL 2.0 JSON: cases and customers as objects, history entries as events',
  'With --from/--to only the history entries of that window are exported (from <= time < to),',
  'with the cases they belong to. A SQLite file is opened read-only; a running `dossier serve`',
  'may keep writing to it.',
  '',
  'Options:',
  '  --db <file>          the Dossier database (default ./dossier.db), or a postgres:// URL',
  '  --format <xes|ocel>  the log format (required)',
  '  --case-type <key>    only cases of this case type',
  '  --tenant <id>        the tenant whose cases are exported (default: default)',
  `  --from <instant>     only history entries at or after this instant, e.g. ${INSTANT_EXAMPLE}`,
  '  --to <instant>       only history entries before this instant (exclusive)',
  '  -o, --out <file>     write the log to this file instead of stdout',
  '  --help               show this help',
  '',
  'Exit status: 0 written, 1 the database cannot be read or has no such case type, 2 bad usage.',
];

interface ExportArgs {
  db: string;
  format: 'xes' | 'ocel';
  caseType?: string;
  tenant: string;
  window: TimeWindow;
  out?: string;
}

type Parsed = { type: 'run'; args: ExportArgs } | { type: 'help' } | { type: 'usage'; message: string };

function parseArgs(args: string[]): Parsed {
  const values: Record<string, string> = {};
  const names: Record<string, string> = {
    '--db': 'db', '--format': 'format', '--case-type': 'caseType', '--tenant': 'tenant', '--from': 'from', '--to': 'to', '-o': 'out', '--out': 'out',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return { type: 'help' };
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const name = names[flag];
    if (name === undefined) {
      return { type: 'usage', message: arg.startsWith('-') ? `unknown option '${arg}'. Run dossier export --help.` : `unexpected argument '${arg}'. Run dossier export --help.` };
    }
    const value = flag !== arg ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return { type: 'usage', message: `${flag} needs a value, e.g. ${flag} ${example(flag)}` };
    values[name] = value;
  }
  const format = values.format;
  if (format === undefined) return { type: 'usage', message: 'name the format: --format xes or --format ocel' };
  if (format !== 'xes' && format !== 'ocel') return { type: 'usage', message: `unknown format '${format}': use --format xes or --format ocel` };
  const window = timeWindow(values.from, values.to, '--from');
  if (!window.ok) return { type: 'usage', message: `--${window.name} ${window.problem}; got '${window.got}'` };
  return {
    type: 'run',
    args: {
      db: values.db ?? 'dossier.db',
      format,
      tenant: values.tenant ?? 'default',
      window: window.window,
      ...(values.caseType === undefined ? {} : { caseType: values.caseType }),
      ...(values.out === undefined ? {} : { out: values.out }),
    },
  };
}

function example(flag: string): string {
  switch (flag) {
    case '--db':
      return 'dossier.db';
    case '--format':
      return 'xes';
    case '--case-type':
      return 'complaint';
    case '--tenant':
      return 'default';
    case '--from':
    case '--to':
      return INSTANT_EXAMPLE;
    default:
      return 'log.xes';
  }
}

export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.type === 'help') {
    io.out(HELP.join('\n'));
    return 0;
  }
  if (parsed.type === 'usage') {
    io.err(`dossier export: ${parsed.message}`);
    return 2;
  }
  const { db, format, caseType, tenant, window, out } = parsed.args;
  const opened = await openStoreSource(isPostgresUrl(db) ? db : resolve(io.cwd, db), tenant, caseType, window);
  if (!opened.ok) {
    io.err(`dossier export: ${opened.message}`);
    return 1;
  }
  try {
    const write = (source: ExportSource, sink: ExportSink): Promise<ExportSummary> => (format === 'xes' ? toXes(source, sink) : toOcel(source, sink));
    if (out === undefined) {
      const summary = await writeStdout(io, (sink) => write(opened.source, sink));
      if (summary === null) {
        io.err('dossier export: the output was closed before the log was complete (write it to a file with -o)');
        return 1;
      }
      io.err(`dossier export: ${describe(summary, format)}`);
    } else {
      const summary = await writeFileAtomically(resolve(io.cwd, out), (sink) => write(opened.source, sink));
      io.err(`dossier export: wrote ${out}: ${describe(summary, format)}`);
    }
    return 0;
  } catch (error) {
    io.err(`dossier export: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened.close();
  }
}

/**
 * The export source of either store, paged through the CaseStore as `GET /api/export` reads it: a
 * postgres:// URL, or a SQLite file opened read-only (never created, never migrated).
 */
async function openStoreSource(
  db: string,
  tenant: string,
  caseType: string | undefined,
  window: TimeWindow,
): Promise<{ ok: true; source: ExportSource; close(): Promise<void> } | { ok: false; message: string }> {
  let store: CaseStore;
  try {
    store = isPostgresUrl(db) ? await createPostgresStore({ url: db }) : createSqliteStore({ file: db, readOnly: true });
  } catch (error) {
    // SqliteOpenError names the file, what is wrong with it and what to do
    if (error instanceof SqliteOpenError) return { ok: false, message: error.message };
    return { ok: false, message: `cannot use the database ${isPostgresUrl(db) ? redactUrl(db) : `'${db}'`}: ${(error as Error).message}` };
  }
  try {
    const result = await createStoreSource(store, { tenant, ...(caseType === undefined ? {} : { caseType }), ...window });
    if (!result.ok) {
      await store.close();
      return { ok: false, message: `no published case type '${String(caseType)}' in tenant '${tenant}'` };
    }
    return { ok: true, source: result.source, close: () => store.close() };
  } catch (error) {
    await store.close();
    return { ok: false, message: `cannot read ${isPostgresUrl(db) ? `the database ${redactUrl(db)}` : `'${db}'`}: ${(error as Error).message}` };
  }
}

function describe(summary: ExportSummary, format: 'xes' | 'ocel'): string {
  return `${summary.cases} case${summary.cases === 1 ? '' : 's'}, ${summary.events} event${summary.events === 1 ? '' : 's'} (${format === 'xes' ? 'XES' : 'OCEL 2.0'})`;
}

/**
 * Writes through `io.out` (which ends each call with a line break; every chunk already ends with
 * one), waiting while stdout's buffer is full. Returns null when the reader went away (`| head`):
 * stdout's EPIPE is caught instead of crashing the process, and the export stops.
 */
async function writeStdout(io: CommandIo, produce: (sink: ExportSink) => Promise<ExportSummary>): Promise<ExportSummary | null> {
  const stdout = process.stdout;
  let closed = false;
  const onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') closed = true;
  };
  stdout.on('error', onError);
  try {
    return await produce(async (chunk) => {
      if (closed) throw new OutputClosed();
      io.out(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
      if (stdout.writableNeedDrain) {
        await new Promise<void>((done) => {
          const finish = (): void => {
            stdout.off('drain', finish).off('close', finish).off('error', finish);
            done();
          };
          stdout.once('drain', finish).once('close', finish).once('error', finish);
        });
      }
    });
  } catch (error) {
    if (error instanceof OutputClosed) return null;
    throw error;
  } finally {
    stdout.off('error', onError);
  }
}

class OutputClosed extends Error {}

/** Streams into `<file>.partial` with backpressure, then renames it over `file`; a failure leaves no partial file. */
async function writeFileAtomically(file: string, produce: (sink: ExportSink) => Promise<ExportSummary>): Promise<ExportSummary> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    const summary = await Promise.race([
      produce((chunk) => (stream.write(chunk) ? undefined : Promise.race([new Promise<void>((done) => stream.once('drain', done)), failed]))),
      failed,
    ]);
    await Promise.race([new Promise<void>((done) => stream.end(done)), failed]);
    await rename(partial, file);
    return summary;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
