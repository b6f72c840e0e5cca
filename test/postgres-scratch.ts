// A PostgreSQL server for the tests that need one: a fresh database per test (file), made through the
// maintenance database named by DOSSIER_TEST_POSTGRES_URL (default: the local server as the current
// user), and whether the server can be used at all (the tests skip, saying why, where it cannot).
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';

export const maintenanceUrl = process.env.DOSSIER_TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** Runs `sql` on the maintenance database, one connection per call. */
export async function admin<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Why the tests cannot run here, or null when the server answers and may create databases. */
async function unavailableReason(): Promise<string | null> {
  try {
    const [role] = await admin<{ ok: boolean }>('SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user');
    return role?.ok === true ? null : 'the role may not CREATE DATABASE';
  } catch (error) {
    return error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
  }
}

export const unavailable = await unavailableReason();
export const skipNote = `no usable PostgreSQL at ${maintenanceUrl.replace(/\/\/[^@/]*@/, '//')} (${unavailable}); set DOSSIER_TEST_POSTGRES_URL to a server's maintenance database, as a role that may CREATE DATABASE, to run them`;

/** The URL of database `name` on the maintenance URL's server. */
export function urlOf(name: string): string {
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database; `drop` ends its connections and removes it. */
export async function scratchDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `dossier_t_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    name,
    url: urlOf(name),
    async drop() {
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

/** A TCP relay to the server that the test can take down and bring back, as a network or a server would go. */
export async function relay(target: { host: string; port: number }): Promise<{ port: number; down(): Promise<void>; up(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = connect(target.port, target.host);
        for (const socket of [inbound, outbound]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as { port: number }).port;
        resolve();
      });
    });
  await up();
  return {
    port,
    up,
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server === null) resolve();
        else server.close(() => resolve());
        server = null;
      }),
  };
}
