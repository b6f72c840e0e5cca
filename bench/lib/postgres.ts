// PostgreSQL for the benchmark: a scratch database per run on the server that DOSSIER_BENCH_POSTGRES_URL
// (or DOSSIER_TEST_POSTGRES_URL) names by its maintenance database, default the local server; and a TCP
// relay between the hosts and the server that counts the round trips (each burst the client writes
// before it reads is one).
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';

const maintenanceUrl = process.env.DOSSIER_BENCH_POSTGRES_URL ?? process.env.DOSSIER_TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function admin(sql: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used here, or null. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await admin('SELECT 1');
    return null;
  } catch (error) {
    return `no PostgreSQL at ${maintenanceUrl.replace(/\/\/[^@/]*@/, '//')} (${error instanceof Error ? error.message : String(error)}); set DOSSIER_BENCH_POSTGRES_URL`;
  }
}

export interface ScratchDatabase {
  url: string;
  name: string;
  /** `database`'s transaction commits so far (pg_stat_database; updated by the server with a short delay). */
  commits(): Promise<number>;
  drop(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const name = `dossier_bench_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async commits() {
      const [row] = await admin('SELECT pg_stat_force_next_flush()').then(() => admin('SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = $1', [name]));
      return Number(row?.n ?? 0);
    },
    async drop() {
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

export interface CountingRelay {
  /** A URL like `url` that goes through the relay. */
  via(url: string): string;
  /** Bursts the clients have written so far (each is one round trip to the server). */
  roundTrips(): number;
  close(): Promise<void>;
}

/**
 * A relay to the server of `url`. A round trip is counted when a client writes after the server has
 * answered it (consecutive writes of one burst, pipelined, count once).
 */
export async function countingRelay(url: string): Promise<CountingRelay> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let trips = 0;
  const server: Server = createServer((inbound) => {
    const outbound = connect(Number(target.port || 5432), target.hostname);
    let answered = true;
    inbound.on('data', (chunk) => {
      if (answered) trips += 1;
      answered = false;
      outbound.write(chunk);
    });
    outbound.on('data', (chunk) => {
      answered = true;
      inbound.write(chunk);
    });
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        inbound.destroy();
        outbound.destroy();
      });
      socket.on('error', () => undefined);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    via(u) {
      const v = new URL(u);
      v.hostname = '127.0.0.1';
      v.port = String(port);
      return v.toString();
    },
    roundTrips: () => trips,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** pgbench's rate of single-row INSERT transactions on `url` with `clients` connections for `seconds`, or why it could not run. */
export async function pgbenchInsertRate(url: string, clients: number, seconds: number, scriptFile: string): Promise<number | string> {
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS bench_reference (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text NOT NULL)');
  await client.end();
  writeFileSync(scriptFile, "INSERT INTO bench_reference (v) VALUES ('x');\n");
  const run = spawnSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', scriptFile, '-d', url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error !== undefined) return `pgbench did not run (${run.error.message})`;
  const match = /tps = ([\d.]+)/.exec(run.stdout);
  if (run.status !== 0 || match === null) return `pgbench failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-2).join(' | ')}`;
  return Number(match[1]);
}
