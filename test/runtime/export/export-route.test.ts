// GET /api/export in process (app.request), behind the real authenticate middleware; the app's error
// mapping (HttpProblem → problem+json) is reproduced in two lines so the test does not depend on create-app.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { exportRoutes } from '../../../runtime/export/export-route.ts';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import { createStoreSource } from '../../../runtime/export/store-source.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { HttpProblem } from '../../../runtime/http/problems.ts';
import { issueToken, createTokenService } from '../../../runtime/host/tokens.ts';
import { authenticate, type AuthEnv } from '../../../runtime/http/auth.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { officialSchemaChecks } from './fixtures.ts';

const official = officialSchemaChecks({ xes: true, ocel: true });

const START = '2026-01-05T09:00:00.000Z';
let dir: string;
let store: SqliteCaseStore;
let app: Hono<AuthEnv>;
const tokens: Record<'admin' | 'agent' | 'acme', string> = { admin: '', agent: '', acme: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-http-'));
  store = createSqliteStore({ file: join(dir, 'dossier.db') });
  const clock = createManualClock(START);
  await seedTemplates(store, join(import.meta.dirname, '../../../templates'), START, silentLogger);
  const service = createCaseService({ store, engine, clock, logger: silentLogger });
  app = new Hono<AuthEnv>();
  app.onError((error, c) => (error instanceof HttpProblem ? c.json(error.body, error.body.status as 400) : c.json({ error: String(error) }, 500)));
  app.use('/api/*', authenticate(createTokenService(store)));
  app.route('/api', exportRoutes(store));
  tokens.admin = (await issueToken(store, { tenant: 'default', name: 'admin', roles: ['admin'] }, START)).secret;
  tokens.agent = (await issueToken(store, { tenant: 'default', name: 'agent', roles: ['agent'] }, START)).secret;
  tokens.acme = (await issueToken(store, { tenant: 'acme', name: 'acme-admin', roles: ['admin'] }, START)).secret;
  const data = { customer: { name: 'Bo', email: 'bo@example.com' }, channel: 'chat', description: 'Late.' };
  for (const id of ['k-1', 'k-2', 'k-3']) {
    await service.createCase('default', { id, caseType: 'complaint', channel: 'chat', data }, { id: 'web', roles: ['service'] });
    clock.advance(60_000);
  }
  await service.sendEvent('default', 'k-2', { type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'high' } }, { id: 'agent-1', roles: ['admin'] });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, token: string | null): Promise<Response> {
  return Promise.resolve(app.request(path, token === null ? {} : { headers: { authorization: `Bearer ${token}` } }));
}

describe('GET /api/export', () => {
  it('streams a valid XES log of the tenant', async () => {
    const res = await get('/api/export?format=xes', tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dossier.xes"');
    const xml = await res.text();
    official.xes('GET /api/export?format=xes', xml);
    expect([...xml.matchAll(/<trace>/g)]).toHaveLength(3);
    expect(xml).toContain('<string key="org:resource" value="agent-1"/>');
  });

  it('streams a valid OCEL 2.0 log: three cases, one customer', async () => {
    const res = await get('/api/export?format=ocel&caseType=complaint', tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dossier.jsonocel"');
    const log = (await res.json()) as OcelLog;
    official.ocel('GET /api/export?format=ocel', log);
    expect(checkOcel(log)).toEqual([]);
    expect(log.events.map((e) => e.id).sort()).toEqual(['k-1#1', 'k-2#1', 'k-2#2', 'k-3#1']);
    expect(log.objects.map((o) => o.id).sort()).toEqual(['customer:bo@example.com', 'k-1', 'k-2', 'k-3']);
  });

  it('is for admins of the tenant only, and checks its parameters', async () => {
    expect((await get('/api/export?format=xes', null)).status).toBe(401);
    const agent = await get('/api/export?format=xes', tokens.agent);
    expect(agent.status).toBe(403);
    expect(((await agent.json()) as { code: string }).code).toBe('auth.forbidden');
    const bad = await get('/api/export?format=csv', tokens.admin);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'request.invalid', detail: "format must be xes or ocel, e.g. /api/export?format=xes; got 'csv'." });
    const unknown = await get('/api/export?format=xes&caseType=nope', tokens.admin);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('case_type.not_found');
    const other = await get('/api/export?format=ocel', tokens.acme);
    expect(other.status).toBe(200);
    expect(((await other.json()) as OcelLog).events).toEqual([]);
  });
});

describe('createStoreSource', () => {
  it('pages through cases and histories one item at a time and reads every case once', async () => {
    const opened = await createStoreSource(store, { tenant: 'default', caseType: 'complaint', pageSize: 1 });
    if (!opened.ok) throw new Error(opened.message);
    const cases: ExportCase[] = [];
    for await (const kase of opened.source.cases()) cases.push(kase);
    // oldest first (createdAt, then id), as ExportSource promises and the SQLite file reader gave them
    expect(cases.map((c) => `${c.id}:${c.history.map((h) => h.seq).join(',')}`)).toEqual(['k-1:1', 'k-2:1,2', 'k-3:1']);
    expect(opened.source.caseTypes).toEqual([
      { key: 'complaint', version: 1, customer: { keys: ['/customer/email', '/customer/phone', '/customer/customerNumber'], name: '/customer/name' } },
    ]);
  });
});

official.register();
