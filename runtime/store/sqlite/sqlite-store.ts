// The embedded CaseStore: one SQLite file in WAL mode, group commit for writes, each commit fsynced
// (off the event loop, wal-sync.ts) before any of its writes is answered.
import Database from 'better-sqlite3';
import type { CaseStore } from '../case-store.ts';
import { migrate } from './migrations.ts';
import { withFaultTranslation } from './sqlite-faults.ts';
import { createSqliteAdmin } from './sqlite-admin.ts';
import { createSqliteCases } from './sqlite-cases.ts';
import { createSqliteReports } from './sqlite-reports.ts';
import { createSqliteWork } from './sqlite-work.ts';
import { createWalDurability, type Durability } from './wal-sync.ts';
import { createWriteQueue, type WriteQueue } from './write-queue.ts';

export interface SqliteStoreOptions {
  /** Path of the database file (created if missing). */
  file: string;
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

export function createSqliteStore(options: SqliteStoreOptions): SqliteCaseStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
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
  migrate(db);
  options.onOpen?.(db);
  const durability = (options.durability ?? createWalDurability)(db);
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
    ...createSqliteWork(db, queue),
    ...createSqliteReports(db),
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
