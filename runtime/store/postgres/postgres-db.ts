// The connection pool and the two ways the PostgreSQL store talks to the server: one statement on
// any pooled connection (autocommit), or a transaction on one connection (BEGIN … COMMIT, ROLLBACK
// when the work throws). Statements with a name are prepared once per connection.
import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';

export type SqlValue = string | number | boolean | null | string[] | Buffer;

/**
 * Whether any of `values` holds U+0000, which PostgreSQL text cannot: such a value names no stored row
 * (a lookup answers "not found" without asking the server, which would refuse the parameter).
 */
export function hasNul(...values: string[]): boolean {
  return values.some((value) => value.includes('\u0000'));
}

/** A statement the server prepares once per connection, under its name. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

export function statement(name: string, text: string): Statement {
  return { name: `dossier.${name}`, text };
}

/** A pooled connection or a transaction: what the store's parts run their SQL on. */
export interface Queryable {
  /** The rows of a query. */
  rows<R extends QueryResultRow>(query: Statement | string, values?: SqlValue[]): Promise<R[]>;
  /** The number of rows a statement changed (or returned). */
  changes(query: Statement | string, values?: SqlValue[]): Promise<number>;
}

export interface PostgresDb extends Queryable {
  /** Runs `work` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** One connection for the length of `work` (the migrations hold a session-level advisory lock on it); closed if `work` throws. */
  session<T>(work: (session: Queryable) => Promise<T>): Promise<T>;
  /** Waits for the connections in use to be released, then closes them all. */
  end(): Promise<void>;
}

export interface PoolOptions {
  url: string;
  /** Connections at most. */
  poolSize: number;
  /** Milliseconds to open a connection, or to wait for a free one, before failing (pool exhausted). */
  connectTimeoutMs: number;
  /** Milliseconds a statement waits for a row or table lock before failing (`lock_timeout`). */
  lockTimeoutMs: number;
}

function on(client: pg.Pool | PoolClient): Queryable {
  const run = <R extends QueryResultRow>(query: Statement | string, values: SqlValue[] = []) =>
    client.query<R>(typeof query === 'string' ? { text: query, values } : { name: query.name, text: query.text, values });
  return {
    async rows<R extends QueryResultRow>(query: Statement | string, values?: SqlValue[]) {
      return (await run<R>(query, values)).rows;
    },
    async changes(query, values) {
      return (await run(query, values)).rowCount ?? 0;
    },
  };
}

export function createPostgresDb(options: PoolOptions): PostgresDb {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    lock_timeout: options.lockTimeoutMs,
    // a host that hangs inside a transaction must not hold its row locks for ever
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'dossier',
    keepAlive: true,
  });
  // A connection that breaks (server restart, network) emits 'error', which would end the process
  // without a listener: an idle one is dropped from the pool (which opens a new one when next needed),
  // and the statement running on one in use, or the next one sent to it, rejects with the error.
  pool.on('error', () => {});
  pool.on('connect', (client) => void client.on('error', () => {}));
  const shared = on(pool);

  return {
    ...shared,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // Back to the pool only after a COMMIT or ROLLBACK that worked; otherwise the connection is
      // closed (its transaction state is unknown), and the server rolls back whatever was open.
      let clean = false;
      try {
        await client.query('BEGIN');
        let result: T;
        try {
          result = await work(on(client));
        } catch (error) {
          await client.query('ROLLBACK').then(
            () => (clean = true),
            () => undefined,
          );
          throw error;
        }
        await client.query('COMMIT');
        clean = true;
        return result;
      } finally {
        client.release(!clean);
      }
    },
    async session<T>(work: (session: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let clean = false;
      try {
        const result = await work(on(client));
        clean = true;
        return result;
      } finally {
        // closing the connection also ends whatever session state the work left (locks, settings)
        client.release(!clean);
      }
    },
    end: () => pool.end(),
  };
}
