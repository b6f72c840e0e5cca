// A whole host in process (store, case service, app, timer scheduler, outbox dispatcher) on a real
// SQLite file with a manual clock and a captured JSON log: for the fault, hostile-input and log tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as engine from '../../runtime/engine/index.ts';
import { createManualClock, type ManualClock } from '../../runtime/host/clock.ts';
import { createRuntime, type Runtime as Host, type RuntimeOptions as HostOptions } from '../../runtime/compose/create-runtime.ts';
import { createLogger, type LogLevel } from '../../runtime/host/logger.ts';
import { issueToken } from '../../runtime/host/tokens.ts';
import { createSqliteStore, type SqliteCaseStore, type SqliteStoreOptions } from '../../runtime/store/sqlite/sqlite-store.ts';

export const START = '2026-01-05T09:00:00.000Z';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON bodies field by field
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
}

export interface InProcess {
  host: Host;
  store: SqliteCaseStore;
  clock: ManualClock;
  file: string;
  admin: string;
  /** Every log line written so far (JSON strings). */
  log: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>, token?: string | null): Promise<Reply>;
  /** PUT draft + publish as the admin; throws when the definition is not valid. */
  publish(definition: { key: string; [more: string]: unknown }): Promise<void>;
  close(): Promise<void>;
}

export async function startInProcess(
  options: { store?: Omit<SqliteStoreOptions, 'file'>; logLevel?: LogLevel; host?: Partial<HostOptions> } = {},
): Promise<InProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-rel-'));
  const file = join(dir, 'dossier.db');
  const store = createSqliteStore({ file, ...options.store });
  const clock = createManualClock(START);
  const log: string[] = [];
  const logger = createLogger(options.logLevel ?? 'info', (line) => log.push(line));
  const host = createRuntime({ store, engine, clock, logger, ...options.host });
  const admin = (await issueToken(store, { tenant: 'default', name: 'admin', roles: ['admin'] }, START)).secret;
  await host.start();
  const call: InProcess['call'] = async (method, path, body, headers = {}, token = admin) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (token !== null) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await host.app.request(path, init);
    const text = await res.text();
    let parsed: Json = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    host,
    store,
    clock,
    file,
    admin,
    log,
    call,
    async publish(definition) {
      const put = await call('PUT', `/api/case-types/${definition.key}/draft`, definition);
      if (put.status !== 200 || put.body.valid !== true) throw new Error(`invalid definition: ${put.text}`);
      const pub = await call('POST', `/api/case-types/${definition.key}/publish`);
      if (pub.status !== 201) throw new Error(`publish failed: ${pub.text}`);
    },
    async close() {
      await host.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small case type: a counter with a timer one minute after creation and a notify on entry. */
export const counterType = {
  key: 'counter',
  title: 'Counter',
  data: { type: 'object', properties: { n: { type: 'integer' }, note: { type: 'string' } } },
  events: { TOUCH: { title: 'Touch', data: { type: 'object', properties: { n: { type: 'integer' }, note: { type: 'string' } } } } },
  playbook: {
    initial: 'open',
    states: {
      open: {
        on: { TOUCH: { actions: [{ type: 'note', text: 'touched' }] } },
        after: [{ id: 'remind', delay: 'PT1M', target: 'reminded' }],
      },
      reminded: { on: { TOUCH: { actions: [{ type: 'note', text: 'touched' }] } } },
    },
  },
};
