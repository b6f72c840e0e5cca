// `dossier serve [--db FILE] [--port N] [--host H]`: the runtime host on one port (api.md).
// First start creates the database, seeds templates/ as published case types and prints the admin
// token once with the URL. SIGTERM/SIGINT: stop taking requests, finish in-flight ones, close the database.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import * as engine from '../engine/index.ts';
import { ensureAdminToken, seedTemplates } from '../host/bootstrap.ts';
import { systemClock, type Clock } from '../host/clock.ts';
import { createHost } from '../host/create-host.ts';
import { createLogger, type Logger, type LogLevel } from '../host/logger.ts';
import { parseWebhookAllow, type WebhookAllow } from '../scheduler/address-policy.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { CommandIo } from './main.ts';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  templatesDir?: string;
  /** DOSSIER_ADMIN_TOKEN: use this secret as the admin token. */
  adminToken?: string;
  clock?: Clock;
  logger?: Logger;
  /** DOSSIER_WEBHOOK_ALLOW: non-public webhook targets allowed anyway (default: none). */
  webhookAllow?: WebhookAllow;
  /** The built designer to serve at `/` (default dist/designer beside the package). */
  designerDir?: string;
  /** DOSSIER_CORS_ORIGINS: origins allowed to call the API from a browser. */
  corsOrigins?: string[];
}

export interface RunningServer {
  url: string;
  port: number;
  /** The admin token when this start created it (print it once), else null. */
  adminToken: string | null;
  seeded: string[];
  close(): Promise<void>;
}

const defaultTemplates = fileURLToPath(new URL('../../templates', import.meta.url));
const defaultDesigner = fileURLToPath(new URL('../../dist/designer', import.meta.url));

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('info');
  const store = createSqliteStore({ file: options.db });
  const now = clock.now();
  const seeded = await seedTemplates(store, options.templatesDir ?? defaultTemplates, now, logger);
  const adminToken = await ensureAdminToken(store, now, options.adminToken);
  const host = createHost({
    store,
    engine,
    clock,
    logger,
    designerDir: options.designerDir ?? defaultDesigner,
    ...(options.webhookAllow === undefined ? {} : { webhookAllow: options.webhookAllow }),
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: host.app.fetch, port: options.port, hostname: options.host }, () => resolveServer(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  await host.start();
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  logger.info('dossier serving', { url, db: options.db, seeded });
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    adminToken,
    seeded,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await host.stop();
        await store.close();
        logger.info('dossier stopped', { db: options.db });
      })();
      return closing;
    },
  };
}

const usage = 'Usage: dossier serve [--db FILE] [--port N] [--host H]   (defaults: ./dossier.db, 3000, 127.0.0.1)';

export function parseServeArgs(args: string[], cwd: string): { ok: true; options: ServeOptions } | { ok: false; message: string } {
  const options: ServeOptions = { db: resolve(cwd, 'dossier.db'), port: 3000, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = args[i + 1];
    if (arg === '--db' || arg === '--port' || arg === '--host') {
      if (value === undefined) return { ok: false, message: `${arg} needs a value.` };
      i++;
      if (arg === '--db') options.db = resolve(cwd, value);
      else if (arg === '--host') options.host = value;
      else {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port must be a number from 0 to 65535; got '${value}'.` };
        options.port = port;
      }
    } else {
      return { ok: false, message: `unknown option '${arg}'.` };
    }
  }
  return { ok: true, options };
}

/** DOSSIER_WEBHOOK_ALLOW parsed, or null after saying what is wrong with it. */
function readWebhookAllow(io: CommandIo): WebhookAllow | null {
  try {
    return parseWebhookAllow(process.env.DOSSIER_WEBHOOK_ALLOW ?? '');
  } catch (error) {
    io.err(`dossier serve: ${(error as Error).message}`);
    return null;
  }
}

export async function serveCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage);
    return 0;
  }
  const parsed = parseServeArgs(args, io.cwd);
  if (!parsed.ok) {
    io.err(`dossier serve: ${parsed.message}`);
    io.err(usage);
    return 2;
  }
  const level = (process.env.DOSSIER_LOG_LEVEL ?? 'info') as LogLevel;
  const adminToken = process.env.DOSSIER_ADMIN_TOKEN;
  const corsOrigins = (process.env.DOSSIER_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const webhookAllow = readWebhookAllow(io);
  if (webhookAllow === null) return 2;
  const running = await startServer({
    ...parsed.options,
    logger: createLogger(level),
    webhookAllow,
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(corsOrigins.length === 0 ? {} : { corsOrigins }),
  });
  io.out(`Dossier is running at ${running.url}/ (API: ${running.url}/api, OpenAPI: ${running.url}/api/openapi.json)`);
  if (running.seeded.length > 0) io.out(`Seeded case types: ${running.seeded.join(', ')}`);
  if (running.adminToken !== null) {
    io.out(`Admin token (shown once, store it now): ${running.adminToken}`);
    io.out(`Designer: ${running.url}/?token=${encodeURIComponent(running.adminToken)}`);
  }
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      done();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  io.out('Stopping: finishing requests in flight, then closing the database.');
  await running.close();
  return 0;
}
