// The shared CaseStore: one PostgreSQL database that several runtime hosts use at once. Everything the
// store keeps lives in the database; the order of each case's events is kept there too (the revision
// check of every commit), not in a host's memory. Faults of the server or the connection reject as
// StoreUnavailableError (postgres-faults.ts).
import pg from 'pg';
import type { CaseStore, DueNotice } from '../case-store.ts';
import { watchDue } from './due-watch.ts';
import { migrate } from './migrations.ts';
import { createPostgresAdmin } from './postgres-admin.ts';
import { createPostgresCaseMigrations } from './postgres-case-migrations.ts';
import { createPostgresCases } from './postgres-cases.ts';
import { createPostgresDocuments } from './postgres-documents.ts';
import { createPostgresDb } from './postgres-db.ts';
import { translatePostgresError, withFaultTranslation } from './postgres-faults.ts';
import { createPostgresReports } from './postgres-reports.ts';
import { createPostgresProcessMap } from './postgres-process-map.ts';
import { createPostgresQueues } from './postgres-queues.ts';
import { createPostgresSuggestions } from './postgres-suggestions.ts';
import { createPostgresRouting } from './postgres-routing.ts';
import { createPostgresFeedback } from './postgres-feedback.ts';

export interface PostgresStoreOptions {
  /** A libpq connection URL: `postgres://user@host:5432/dossier` (`?host=/run/postgresql` for a socket). */
  url: string;
  /** Connections at most, per host (default 10). */
  poolSize?: number;
  /**
   * Milliseconds to open a connection, or to wait for a free one when all are busy, before the call
   * fails with StoreUnavailableError (default 5000).
   */
  connectTimeoutMs?: number;
  /** Milliseconds a statement waits for a lock another host holds before failing (default 5000, as SQLite's busy timeout). */
  lockTimeoutMs?: number;
}

export type PostgresCaseStore = CaseStore;

/** The advisory lock hosts take turns under at their first start (MIGRATION_LOCK_KEY + 1). */
const SETUP_LOCK_KEY = '28270039319274867';

/** Connects, brings the schema up to date (hosts starting together take turns) and returns the store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresCaseStore> {
  const db = createPostgresDb({
    url: options.url,
    poolSize: options.poolSize ?? 10,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    lockTimeoutMs: options.lockTimeoutMs ?? 5000,
  });
  try {
    await migrate(db);
  } catch (error) {
    await db.end().catch(() => undefined);
    throw translatePostgresError(error);
  }
  let closed: Promise<void> | null = null;
  const watchers = new Set<() => Promise<void>>();
  return withFaultTranslation({
    ...createPostgresAdmin(db),
    ...createPostgresCases(db),
    ...createPostgresQueues(db),
    ...createPostgresReports(db),
    ...createPostgresProcessMap(db),
    ...createPostgresCaseMigrations(db),
    ...createPostgresDocuments(db),
    ...createPostgresSuggestions(db),
    ...createPostgresRouting(db),
    ...createPostgresFeedback(db),
    async watchDue(listener: (due: DueNotice) => void): Promise<() => Promise<void>> {
      const stop = await watchDue(options.url, listener);
      watchers.add(stop);
      return async () => {
        watchers.delete(stop);
        await stop();
      };
    },
    async exclusively<T>(work: () => Promise<T>): Promise<T> {
      // the lock on a connection of its own, outside the pool: the work takes the pool's connections
      // (however small the pool), and no pooled connection keeps a setting or a lock from it. The
      // lock waits as long as another host's first start runs (no lock_timeout on this connection);
      // closing the connection releases it, whatever happened.
      const holder = new pg.Client({ connectionString: options.url, application_name: 'dossier-setup', connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
      holder.on('error', () => {});
      try {
        await holder.connect();
        await holder.query('SELECT pg_advisory_lock($1::bigint)', [SETUP_LOCK_KEY]);
        return await work();
      } finally {
        await holder.end().catch(() => undefined);
      }
    },
    close(): Promise<void> {
      closed ??= (async () => {
        await Promise.all([...watchers].map((stop) => stop()));
        await db.end();
      })();
      return closed;
    },
  });
}
