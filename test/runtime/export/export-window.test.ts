// The export window on SQLite: `GET /api/export?from=…&to=…` and `dossier export --from … --to …`
// export the history entries with from <= at < to and the cases they belong to; a bad window is a
// 400 problem (route) or exit 2 (command line). Authentication is the route tests' concern
// (export-route.test.ts): here a middleware sets the admin token as `authenticate` would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { openApiDocument } from '../../../runtime/http/openapi.ts';
import { HttpProblem } from '../../../runtime/http/problems.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { officialSchemaChecks } from './fixtures.ts';

const official = officialSchemaChecks({ xes: true, ocel: true });

// w-1 created 09:00 and triaged 10:00; w-2 created 11:00; w-3 created 12:00, its parent w-1.
const START = '2026-01-05T09:00:00.000Z';
const agent = { id: 'agent-anna', roles: ['admin'] };
let dir: string;
let file: string;
let store: SqliteCaseStore;
let app: Hono<AuthEnv>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-window-'));
  file = join(dir, 'dossier.db');
  store = createSqliteStore({ file });
  const clock = createManualClock(START);
  await seedTemplates(store, join(import.meta.dirname, '../../../templates'), START, silentLogger);
  const service = createCaseService({ store, engine, clock, logger: silentLogger });
  const data = { customer: { name: 'Bo', email: 'bo@example.com' }, channel: 'chat', description: 'Late.' };
  await service.createCase('default', { id: 'w-1', caseType: 'complaint', channel: 'chat', data }, agent);
  clock.advance(60 * 60_000);
  const triage = await service.sendEvent('default', 'w-1', { type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'high' } }, agent);
  if (!triage.ok) throw new Error('triage was rejected');
  clock.advance(60 * 60_000);
  await service.createCase('default', { id: 'w-2', caseType: 'complaint', channel: 'chat', data }, agent);
  clock.advance(60 * 60_000);
  await service.createCase('default', { id: 'w-3', caseType: 'complaint', channel: 'chat', parentId: 'w-1', data }, agent);
  app = new Hono<AuthEnv>();
  app.onError((error, c) => (error instanceof HttpProblem ? c.json(error.body, error.body.status as 400) : c.json({ error: String(error) }, 500)));
  app.use('/api/*', async (c, next) => {
    c.set('auth', { id: 'admin', tenant: 'default', name: 'admin', roles: ['admin'], createdAt: START });
    await next();
  });
  app.route('/api', exportRoutes(store));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line), cwd: dir };
}

async function ocel(query: string): Promise<OcelLog> {
  const res = await app.request(`/api/export?format=ocel&${query}`);
  expect(res.status).toBe(200);
  const log = (await res.json()) as OcelLog;
  official.ocel(`GET /api/export?format=ocel&${query}`, log);
  expect(checkOcel(log)).toEqual([]);
  return log;
}

describe('GET /api/export with a window', () => {
  it('exports the events with from <= time < to, and only the cases and customers they relate to', async () => {
    const log = await ocel('from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z');
    expect(log.events.map((e) => `${e.id} ${e.type} ${e.time}`)).toEqual(['w-1#2 SUBMIT_TRIAGE 2026-01-05T10:00:00.000Z']);
    expect(log.objects.map((o) => o.id)).toEqual(['w-1', 'customer:bo@example.com']);
    // the case's states over time are those of the window's events
    expect(log.objects[0]?.attributes.filter((a) => a.name === 'state').map((a) => `${a.value} ${a.time}`)).toEqual(['investigating.collect 2026-01-05T10:00:00.000Z']);
    // an offset is taken: 12:00+01:00 is 11:00Z, so w-2's creation is in [10:00Z, 11:00:00.001Z)
    const wider = await ocel(`from=${encodeURIComponent('2026-01-05T11:00:00+01:00')}&to=2026-01-05T11:00:00.001Z`);
    expect(wider.events.map((e) => e.id)).toEqual(['w-1#2', 'w-2#1']);
  });

  it('keeps a child whose parent is outside the window, without the parent relationship', async () => {
    const log = await ocel('from=2026-01-05T12:00:00Z');
    expect(log.events.map((e) => e.id)).toEqual(['w-3#1']);
    expect(log.objects.find((o) => o.id === 'w-3')?.relationships).toEqual([{ objectId: 'customer:bo@example.com', qualifier: 'customer' }]);
  });

  it('writes XES traces of the window: a case begun before it keeps its creation time as an attribute', async () => {
    const res = await app.request('/api/export?format=xes&caseType=complaint&to=2026-01-05T11:00:00Z');
    expect(res.status).toBe(200);
    const xml = await res.text();
    official.xes('GET /api/export?format=xes&to=…', xml);
    expect([...xml.matchAll(/<trace>/g)]).toHaveLength(1);
    expect([...xml.matchAll(/<event>/g)]).toHaveLength(2);
    const later = await (await app.request('/api/export?format=xes&from=2026-01-05T10:00:00Z&to=2026-01-05T10:30:00Z')).text();
    official.xes('GET /api/export?format=xes&from=…&to=…', later);
    expect([...later.matchAll(/<event>/g)]).toHaveLength(1);
    expect(later).toContain('<date key="dossier:createdAt" value="2026-01-05T09:00:00.000Z"/>');
    expect(later).not.toContain('case.created');
  });

  it('answers 400 request.invalid for an end that is not an instant or a window that ends before it begins', async () => {
    const cases: [string, string, string, string][] = [
      ['from=yesterday', '/from', "from must be an instant such as 2026-01-05T09:00:00Z (date, time and offset); got 'yesterday'.", 'must be an instant such as 2026-01-05T09:00:00Z (date, time and offset)'],
      ['to=2026-01-05', '/to', "to must be an instant such as 2026-01-05T09:00:00Z (date, time and offset); got '2026-01-05'.", 'must be an instant such as 2026-01-05T09:00:00Z (date, time and offset)'],
      ['from=2026-02-30T09:00:00Z', '/from', "from must be an instant such as 2026-01-05T09:00:00Z (date, time and offset); got '2026-02-30T09:00:00Z'.", 'must be an instant such as 2026-01-05T09:00:00Z (date, time and offset)'],
      ['from=2026-01-05T11:00:00Z&to=2026-01-05T10:00:00Z', '/to', "to must not be before from (2026-01-05T11:00:00.000Z); got '2026-01-05T10:00:00Z'.", 'must not be before from (2026-01-05T11:00:00.000Z)'],
    ];
    for (const [query, pointer, detail, message] of cases) {
      const res = await app.request(`/api/export?format=xes&${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'request.invalid', status: 400, detail, problems: [{ pointer, message }] });
    }
    // an empty window is a window: an empty log
    expect((await ocel('from=2026-01-05T10:00:00Z&to=2026-01-05T10:00:00Z')).events).toEqual([]);
  });

  it('is described in the OpenAPI document', () => {
    const paths = openApiDocument().paths as Record<string, { get: { parameters: { name: string; schema: Record<string, unknown> }[] } }>;
    const parameters = paths['/api/export']?.get.parameters ?? [];
    expect(parameters.map((p) => `${p.name} ${JSON.stringify(p.schema)}`)).toEqual([
      'format {"type":"string","enum":["xes","ocel"]}',
      'caseType {"type":"string"}',
      'from {"type":"string","format":"date-time"}',
      'to {"type":"string","format":"date-time"}',
    ]);
  });
});

describe('dossier export --from --to on a SQLite file', () => {
  it('writes the window of the log while the server keeps the file open and writing', async () => {
    const io = capture();
    expect(await main(['export', '--db', 'dossier.db', '--format', 'ocel', '--from', '2026-01-05T10:00:00Z', '--to=2026-01-05T12:00:00Z'], io)).toBe(0);
    expect(io.stderr).toEqual(['dossier export: 2 cases, 2 events (OCEL 2.0)']);
    const log = JSON.parse(io.stdout.join('\n')) as OcelLog;
    official.ocel('dossier export --from --to', log);
    expect(checkOcel(log)).toEqual([]);
    expect(log.events.map((e) => e.id)).toEqual(['w-1#2', 'w-2#1']);
    const xes = capture();
    expect(await main(['export', '--db', file, '--format', 'xes', '--to', '2026-01-05T09:59:59.999Z', '-o', 'before.xes'], xes)).toBe(0);
    expect(xes.stderr).toEqual(['dossier export: wrote before.xes: 1 case, 1 event (XES)']);
    official.xes('dossier export --to -o before.xes', readFileSync(join(dir, 'before.xes'), 'utf8'));
    // the server writes on; the next export reads it
    const service = createCaseService({ store, engine, clock: createManualClock('2026-01-05T13:00:00.000Z'), logger: silentLogger });
    const created = await service.createCase('default', { id: 'w-4', caseType: 'complaint', channel: 'chat', data: { customer: { name: 'Cy', email: 'cy@example.com' }, channel: 'chat', description: 'x' } }, agent);
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const after = capture();
    expect(await main(['export', '--db', file, '--format', 'ocel', '--from', '2026-01-05T13:00:00Z'], after)).toBe(0);
    expect((JSON.parse(after.stdout.join('\n')) as OcelLog).events.map((e) => e.id)).toEqual(['w-4#1']);
  });

  it('exits 2 for a bad window, naming the option', async () => {
    const cases: [string[], string][] = [
      [['--from', 'yesterday'], "dossier export: --from must be an instant such as 2026-01-05T09:00:00Z (date, time and offset); got 'yesterday'"],
      [['--to=2026-01-05T10:00'], "dossier export: --to must be an instant such as 2026-01-05T09:00:00Z (date, time and offset); got '2026-01-05T10:00'"],
      [['--from', '2026-01-05T11:00:00Z', '--to', '2026-01-05T10:00:00Z'], "dossier export: --to must not be before --from (2026-01-05T11:00:00.000Z); got '2026-01-05T10:00:00Z'"],
      [['--from'], 'dossier export: --from needs a value, e.g. --from 2026-01-05T09:00:00Z'],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(['export', '--db', file, '--format', 'xes', ...args], io), args.join(' ')).toBe(2);
      expect(io.stderr).toEqual([message]);
      expect(io.stdout).toEqual([]);
    }
    const help = capture();
    expect(await main(['export', '--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('--from <instant>');
  });
});

official.register();
