// `dossier export --db postgres://…`: the same event logs from a PostgreSQL store (paged through the
// CaseStore, as GET /api/export reads either store). Skipped, saying why, without a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CommandIo } from '../../../runtime/cli/main.ts';
import * as engine from '../../../runtime/engine/index.ts';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createCaseService } from '../../../runtime/host/case-service.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
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

  official.register();
});
