// A running host in process for HTTP tests: a real SQLite file, the real engine, a manual clock,
// the templates seeded, and tokens for each role in tenants `default` and `acme`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import type { CaseService } from '../../../runtime/host/case-service.ts';
import { createHostServices } from '../../../runtime/host/create-host.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

export const START = '2026-01-05T09:00:00.000Z';
export const TEMPLATES = join(import.meta.dirname, '../../../templates');

export type TokenName = keyof typeof roleTokens | 'acmeAdmin' | 'acmeAgent';

/** A response as tests read it: the body is whatever JSON came back, asserted on with exact values. */
export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON bodies field by field
  body: any;
  headers: Headers;
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: SqliteCaseStore;
  service: CaseService;
  clock: ManualClock;
  dir: string;
  file: string;
  tokens: Record<TokenName, string>;
  call(method: string, path: string, token: string | null, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export const roleTokens = {
  admin: ['admin'],
  analyst: ['analyst'],
  agent: ['agent'],
  intake: ['agent', 'intake-agent'],
  investigator: ['agent', 'investigator'],
  service: ['service'],
  bare: ['collector'],
} as const;

export async function createHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-http-'));
  const file = join(dir, 'dossier.db');
  const store = createSqliteStore({ file });
  const clock = createManualClock(START);
  await seedTemplates(store, TEMPLATES, START, silentLogger);
  const services = createHostServices({ store, engine, clock, logger: silentLogger });
  const service = services.cases;
  const app = createApp({ store, clock, services });
  const tokens = {} as Record<TokenName, string>;
  for (const [name, roles] of Object.entries(roleTokens)) {
    tokens[name as TokenName] = (await issueToken(store, { tenant: 'default', name, roles: [...roles] }, START)).secret;
  }
  tokens.acmeAdmin = (await issueToken(store, { tenant: 'acme', name: 'acme-admin', roles: ['admin'] }, START)).secret;
  tokens.acmeAgent = (await issueToken(store, { tenant: 'acme', name: 'acme-agent', roles: ['agent', 'intake-agent'] }, START)).secret;
  return {
    app, store, service, clock, dir, file, tokens,
    async call(method, path, token, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token !== null) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        // a text body with its own content type (a multipart upload) keeps it
        if (typeof body !== 'string' || headers['content-type'] === undefined) (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const res = await app.request(path, init);
      // a stream of server-sent events (chat) does not end: its head is the answer
      if (res.headers.get('content-type')?.startsWith('text/event-stream') === true) {
        await res.body?.cancel();
        return { status: res.status, body: null, headers: res.headers };
      }
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (the root page)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
