// The embedded CaseStore: one SQLite file in WAL mode, group commit for writes, each commit fsynced
// (off the event loop, wal-sync.ts) before any of its writes is answered.
import Database from 'better-sqlite3';
import type { CaseStore } from '../case-store.ts';
import { latestSchemaVersion, migrate } from './migrations.ts';
import { withFaultTranslation } from './sqlite-faults.ts';
import { createSqliteAdmin } from './sqlite-admin.ts';
import { createSqliteCaseMigrations } from './sqlite-case-migrations.ts';
import { createSqliteCases } from './sqlite-cases.ts';
import { createSqliteDocuments } from './sqlite-documents.ts';
import { createSqliteReports } from './sqlite-reports.ts';
import { createSqliteProcessMap } from './sqlite-process-map.ts';
import { createSqliteFeedback } from './sqlite-feedback.ts';
import { createSqliteQueues } from './sqlite-queues.ts';
import { createSqliteSuggestions } from './sqlite-suggestions.ts';
import { createSqliteRouting } from './sqlite-routing.ts';
import { createWalDurability, type Durability } from './wal-sync.ts';
import { createWriteQueue, type WriteQueue } from './write-queue.ts';

export interface SqliteStoreOptions {
  /** Path of the database file (created if missing, unless `readOnly`). */
  file: string;
  /**
   * Opens an existing Dossier database for reading only (`dossier export`, beside a running
   * `dossier serve`): the file is not created, the schema not migrated, and every write rejects
   * (StoreUnavailableError `read_only`). A file that is missing, unreadable or not a Dossier database
   * throws SqliteOpenError, saying which and what to do.
   */
  readOnly?: boolean;
  /** Milliseconds to wait for a lock held by another connection. */
  busyTimeoutMs?: number;
  /**
   * Test-only hook: runs on the open connection after the pragmas and migrations. The fault tests
   * use it to cap the file size (`max_page_count`) or make the connection read-only (`query_only`).
   */
  onOpen?: (db: Database.Database) => void;
  /** Test-only hook: how commits reach the disk (default: the WAL fsynced off the event loop, wal-sync.ts). */
  durability?: (db: Database.Database) => Durability;
}

export interface SqliteCaseStore extends CaseStore {
  /** Group-commit figures: transactions committed and writes in them. */
  writeStats(): ReturnType<WriteQueue['stats']>;
}

/** A database `readOnly` cannot open: the message names the file, what is wrong and what to do. */
export class SqliteOpenError extends Error {
  override readonly name = 'SqliteOpenError';
}

/** Nothing to make durable on a read-only connection. */
const readOnlyDurability: Durability = {
  afterCommit: (_items, done) => done(null),
  barrier: () => Promise.resolve(),
  idle: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

/** Opens `file` read-only, without creating it, and checks that it holds a Dossier schema (no migration). */
function openReadOnly(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new SqliteOpenError(`cannot open '${file}': ${(error as Error).message}`, { cause: error });
  }
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!['schema_version', 'case_types', 'cases', 'history'].every((t) => tables.has(t))) {
      throw new SqliteOpenError(`'${file}' is not a Dossier database (no cases and history tables); start 'dossier serve --db ${file}' once to create one`);
    }
    const { v } = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    if ((v ?? 0) < latestSchemaVersion) {
      throw new SqliteOpenError(
        `'${file}' is at schema version ${v ?? 0}, older than this Dossier's ${latestSchemaVersion}: start 'dossier serve --db ${file}' once (it migrates the file as it starts), then try again`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof SqliteOpenError) throw error;
    throw new SqliteOpenError(`cannot read '${file}': ${(error as Error).message}`, { cause: error });
  }
}

export function createSqliteStore(options: SqliteStoreOptions): SqliteCaseStore {
  if (options.readOnly !== true) return storeOn(new Database(options.file), options);
  const db = openReadOnly(options.file);
  try {
    return storeOn(db, options);
  } catch (error) {
    db.close();
    throw new SqliteOpenError(`cannot read '${options.file}': ${(error as Error).message}`, { cause: error });
  }
}

function storeOn(db: Database.Database, options: SqliteStoreOptions): SqliteCaseStore {
  const readOnly = options.readOnly === true;
  // a read-only connection leaves the journal mode as the writer set it (WAL)
  if (!readOnly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('foreign_keys = ON');
  // Each write runs in a savepoint inside its group commit; SQLite keeps the pages a savepoint may
  // have to restore in a sub-journal, which with the default temp_store spills to a temporary file
  // past 64 KiB: two extra pwrite calls per page touched. In memory it costs a memcpy.
  db.pragma('temp_store = MEMORY');
  // A group commit of 64 events dirties ~500 pages (2 MiB, the default cache): past it SQLite spills
  // pages into the WAL before COMMIT and writes some twice. 16 MiB at most, only as pages are used.
  db.pragma('cache_size = -16384');
  if (!readOnly) migrate(db);
  options.onOpen?.(db);
  const durability = readOnly ? readOnlyDurability : (options.durability ?? createWalDurability)(db);
  const queue = createWriteQueue(db, { durability });
  let closed = false;
  const admin = createSqliteAdmin(db, queue);
  return withFaultTranslation({
    ...admin,
    // A stored answer is replayed only once the write that stored it is on disk: a retry must not
    // be told "done" about something a power cut could still take back.
    async getIdempotency(tenant: string, key: string) {
      const stored = await admin.getIdempotency(tenant, key);
      if (stored !== null) await durability.barrier();
      return stored;
    },
    ...createSqliteCases(db, queue),
    ...createSqliteQueues(db, queue),
    ...createSqliteReports(db),
    ...createSqliteProcessMap(db),
    ...createSqliteCaseMigrations(db, queue),
    ...createSqliteDocuments(db, queue),
    ...createSqliteSuggestions(db, queue),
    ...createSqliteRouting(db, queue),
    ...createSqliteFeedback(db, queue),
    writeStats: () => queue.stats(),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      queue.flush();
      await durability.idle();
      await durability.close();
      db.close();
    },
  });
}
