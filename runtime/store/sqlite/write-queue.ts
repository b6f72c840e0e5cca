// Group commit for a synchronous driver: writes submitted while the event loop is busy (or while a
// commit runs) are committed together in the next transaction, each in its own savepoint, and each
// promise is settled only after that transaction has committed (and, with a `Durability`, only
// after the commit is on disk). A failing item rolls back to its savepoint and rejects alone; the
// others still commit.
import type Database from 'better-sqlite3';
import type { Durability } from './wal-sync.ts';

interface Item {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteQueue {
  submit<T>(work: () => T): Promise<T>;
  /** Commits what is queued now (used on close). */
  flush(): void;
  /** Number of transactions committed, and items in them (for the benchmark and tests). */
  stats(): { commits: number; items: number };
}

export interface WriteQueueOptions {
  maxBatch?: number;
  /** Settles a batch only when its commit is on disk; without it, a batch settles when COMMIT returns (synchronous=FULL). */
  durability?: Durability;
}

export function createWriteQueue(db: Database.Database, options: WriteQueueOptions = {}): WriteQueue {
  const maxBatch = options.maxBatch ?? 1000;
  const durability = options.durability;
  // Prepared once: `exec` would parse these statements again for every item.
  const sql = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    savepoint: db.prepare('SAVEPOINT item'),
    release: db.prepare('RELEASE item'),
    rollbackTo: db.prepare('ROLLBACK TO item'),
  };
  let pending: Item[] = [];
  let scheduled = false;
  let commits = 0;
  let items = 0;

  function flush(): void {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      runBatch(batch);
    }
  }

  function rollbackQuietly(sql: string): void {
    try {
      db.exec(sql);
    } catch {
      // the transaction is already gone (SQLite rolls it back itself on some faults)
    }
  }

  // Every item settles exactly once, whatever fails: a fault that makes SQLite roll back the whole
  // transaction (disk full, I/O error) rejects every item of the batch, since none of them committed.
  function runBatch(batch: Item[]): void {
    const settled: { item: Item; ok: boolean; value: unknown }[] = [];
    const rejectAll = (error: unknown) => {
      for (const item of batch) item.reject(error);
    };
    try {
      sql.begin.run();
    } catch (error) {
      rejectAll(error);
      return;
    }
    try {
      for (const item of batch) {
        sql.savepoint.run();
        try {
          const value = item.work();
          sql.release.run();
          settled.push({ item, ok: true, value });
        } catch (error) {
          if (!db.inTransaction) throw error;
          sql.rollbackTo.run();
          sql.release.run();
          settled.push({ item, ok: false, value: error });
        }
      }
      sql.commit.run();
    } catch (error) {
      if (db.inTransaction) rollbackQuietly('ROLLBACK');
      rejectAll(error);
      return;
    }
    commits += 1;
    items += batch.length;
    const settle = (error: Error | null) => {
      for (const s of settled) {
        if (error !== null) s.item.reject(error);
        else if (s.ok) s.item.resolve(s.value);
        else s.item.reject(s.value);
      }
    };
    if (durability === undefined) settle(null);
    else durability.afterCommit(batch.length, settle);
  }

  return {
    submit<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
    stats: () => ({ commits, items }),
  };
}
