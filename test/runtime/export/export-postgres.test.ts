// `dossier export --db postgres://…`: the same event logs from a PostgreSQL store (paged through the
// CaseStore, as GET /api/export reads either store). Skipped, saying why, without a PostgreSQL server.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CommandIo } from '../../../runtime/cli/main.ts';
import * as engine from '../../../runtime/engine/index.ts';
import { exportRoutes } from '../../../runtime/export/export-route.ts';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import type { AuthEnv } from '../../../runtime/http/auth.ts';
import { HttpProblem } from '../../../runtime/http/problems.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { officialSchemaChecks } from './fixtures.ts';

const official = officialSchemaChecks({ ocel: true, xes: true });
const START = '2026-01-05T09:00:00.000Z';
const TEMPLATES = new URL('../../../templates', import.meta.url).pathname;
const agent = { id: 'agent-anna', roles: ['admin'] };

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line), cwd: '/' };
}

describe.skipIf(unavailable !== null)(unavailable === null ? 'dossier export from PostgreSQL' : `dossier export from PostgreSQL (skipped: ${skipNote})`, () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  const ids: string[] = [];

  beforeAll(async () => {
    database = await scratchDatabase();
    const store = await createPostgresStore({ url: database.url });
    const clock = createManualClock(START);
    await seedTemplates(store, TEMPLATES, START, silentLogger);
    const service = createCaseService({ store, engine, clock, logger: silentLogger });
    const customer = { name: 'Anna de Vries', email: 'anna.devries@example.com' };
    const first = await service.createCase('default', { caseType: 'complaint', channel: 'email', data: { customer, channel: 'email', description: 'Charged twice' } }, agent);
    if (!first.ok || first.replay === true) throw new Error('could not create the complaint');
    ids.push(first.case.id);
    clock.advance(90 * 60_000);
    const triage = await service.sendEvent('default', first.case.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } }, agent);
    if (!triage.ok) throw new Error('triage was rejected');
    await store.close();
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
  });

  it('writes the OCEL and XES logs of the tenant, and refuses an unknown case type or an unreachable server in one line', async () => {
    const io = capture();
    expect(await main(['export', '--db', database.url, '--format', 'ocel', '--case-type', 'complaint'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: 1 case, 2 events (OCEL 2.0)']);
    const log = JSON.parse(io.stdout.join('\n')) as OcelLog;
    official.ocel('the OCEL log from PostgreSQL', log);
    expect(checkOcel(log)).toEqual([]);
    expect(log.events.map((e) => e.type)).toEqual(['case.created', 'SUBMIT_TRIAGE']);
    expect(log.objects.map((o) => o.id)).toEqual([ids[0], 'customer:anna.devries@example.com']);
    const xes = capture();
    expect(await main(['export', '--db', database.url, '--format', 'xes'], xes)).toBe(0);
    official.xes('the XES log from PostgreSQL', `${xes.stdout.join('\n')}\n`);
    expect(xes.stdout.join('\n')).toContain(`<string key="concept:name" value="${ids[0]}"/>`);
    const unknown = capture();
    expect(await main(['export', '--db', database.url, '--format', 'xes', '--case-type', 'nope'], unknown)).toBe(1);
    expect(unknown.stderr).toEqual(["dossier export: no published case type 'nope' in tenant 'default'"]);
    const down = capture();
    expect(await main(['export', '--db', 'postgres://dossier:secret@127.0.0.1:1/x', '--format', 'xes'], down)).toBe(1);
    expect(down.stderr).toHaveLength(1);
    expect(down.stderr[0]).toMatch(/^dossier export: cannot use the database postgres:\/\/dossier:\*\*\*@127\.0\.0\.1:1\/x: /);
  }, 60_000);

  it('exports a window (from inclusive, to exclusive) on the command line and over HTTP, the database filtering', async () => {
    // the case was created at 09:00 and triaged at 10:30
    const io = capture();
    expect(await main(['export', '--db', database.url, '--format', 'ocel', '--from', '2026-01-05T10:30:00Z', '--to', '2026-01-05T11:00:00Z'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: 1 case, 1 event (OCEL 2.0)']);
    const log = JSON.parse(io.stdout.join('\n')) as OcelLog;
    official.ocel('the OCEL log of a window from PostgreSQL', log);
    expect(checkOcel(log)).toEqual([]);
    expect(log.events.map((e) => `${e.id} ${e.type}`)).toEqual([`${ids[0]}#2 SUBMIT_TRIAGE`]);
    const before = capture();
    expect(await main(['export', '--db', database.url, '--format', 'xes', '--to', '2026-01-05T10:30:00Z'], before)).toBe(0);
    expect(before.stderr).toEqual(['dossier export: 1 case, 1 event (XES)']);
    official.xes('the XES log of a window from PostgreSQL', `${before.stdout.join('\n')}\n`);
    const none = capture();
    expect(await main(['export', '--db', database.url, '--format', 'xes', '--from', '2026-01-05T11:00:00Z'], none)).toBe(0);
    expect(none.stderr).toEqual(['dossier export: 0 cases, 0 events (XES)']);
    const bad = capture();
    expect(await main(['export', '--db', database.url, '--format', 'xes', '--from', '2026-01-05T11:00:00Z', '--to', '2026-01-05T10:00:00Z'], bad)).toBe(2);
    expect(bad.stderr).toEqual(["dossier export: --to must not be before --from (2026-01-05T11:00:00.000Z); got '2026-01-05T10:00:00Z'"]);

    const store = await createPostgresStore({ url: database.url });
    try {
      const app = new Hono<AuthEnv>();
      app.onError((error, c) => (error instanceof HttpProblem ? c.json(error.body, error.body.status as 400) : c.json({ error: String(error) }, 500)));
      app.use('/api/*', async (c, next) => {
        c.set('auth', { id: 'admin', tenant: 'default', name: 'admin', roles: ['admin'], createdAt: START });
        await next();
      });
      app.route('/api', exportRoutes(store));
      const res = await app.request('/api/export?format=ocel&from=2026-01-05T09:00:00Z&to=2026-01-05T10:30:00Z');
      expect(res.status).toBe(200);
      const windowed = (await res.json()) as OcelLog;
      official.ocel('GET /api/export?format=ocel&from&to on PostgreSQL', windowed);
      expect(windowed.events.map((e) => `${e.id} ${e.type}`)).toEqual([`${ids[0]}#1 case.created`]);
      const refused = await app.request('/api/export?format=ocel&from=09:00');
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'request.invalid', problems: [{ pointer: '/from' }] });
    } finally {
      await store.close();
    }
  }, 60_000);

  official.register();
});
