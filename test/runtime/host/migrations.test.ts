// Migrating open cases (issue 19) through the host, on a real SQLite file and a real PostgreSQL database:
// complaint cases in every open state of version 1 — running, paused and warning SLAs, pending timers —
// move to version 2 (a state split, a state removed, a new required field with a default); a case that
// cannot move is reported and left untouched; the store's side tables follow; a plan is applied once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseData, MigrationPlan } from '../../../runtime/engine/index.ts';
import { createHostServices, createManualClock, seedTemplates, silentLogger, type HostServices, type ManualClock } from '../../../runtime/host/index.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { complaintData, complaintPaths, complaintV2 } from '../../complaint-versions.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';

const START = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');
const admin = { id: 'ops-admin', roles: ['admin'] };
const plan: MigrationPlan = { caseType: 'complaint', from: 1, to: 2, title: 'Split the resolution', states: { approval: 'resolving' }, data: { defaults: { '/language': 'en' } } };

interface Setup {
  store: CaseStore;
  services: HostServices;
  clock: ManualClock;
  close(): Promise<void>;
}

async function setup(store: CaseStore, close: () => Promise<void>): Promise<Setup> {
  const clock = createManualClock(START);
  await seedTemplates(store, TEMPLATES, START, silentLogger);
  const services = createHostServices({ store, engine, clock, logger: silentLogger });
  return { store, services, clock, close };
}

async function openCase(s: Setup, state: string): Promise<string> {
  const created = await s.services.cases.createCase('default', { caseType: 'complaint', data: complaintData as CaseData }, admin);
  if (!created.ok || created.replay === true) throw new Error('not created');
  for (const event of complaintPaths[state]!) {
    s.clock.advance(15 * 60_000);
    const sent = await s.services.cases.sendEvent('default', created.case.id, event as { type: string; data?: CaseData }, admin);
    if (!sent.ok) throw new Error(`${event.type} refused: ${JSON.stringify(sent)}`);
  }
  return created.case.id;
}

function suite(name: string, open: () => Promise<Setup>) {
  describe(name, () => {
    let s: Setup;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      s = await open();
      for (const state of ['triage', 'collect', 'analyse', 'waitingForCustomer', 'resolving', 'approval', 'survey']) ids[state] = await openCase(s, state);
      ids['warning'] = await openCase(s, 'triage');
      // three working hours on: the first-response warning fires for the cases still in triage
      s.clock.advance(3 * 3600_000);
      for (const timer of await s.store.dueTimers(s.clock.now(), 100)) await s.services.cases.fireTimer(timer);
      ids['late'] = await openCase(s, 'approval');
      // then version 2 is published: new cases start on it, these stay on version 1
      await s.store.publish('default', 'complaint', complaintV2(), s.clock.now(), { publishedBy: 'admin', note: 'v2' });
    });
    afterAll(async () => {
      await s.close();
    });

    it('suggests a plan from the two versions, and its dry run names the case it cannot move', async () => {
      const suggested = await s.services.migrations.suggest('default', 'complaint');
      expect(suggested).toEqual({ ok: true, value: { plan: { caseType: 'complaint', from: 1, to: 2, data: { defaults: { '/language': 'en' } } }, needsDefaults: [] } });
      if (!suggested.ok) return;
      const dry = await s.services.migrations.dryRun('default', suggested.value.plan);
      if (!dry.ok) throw new Error(JSON.stringify(dry));
      expect(dry.value.counts).toEqual({ total: 9, migrates: 7, cannot: 2 });
      expect(dry.value.reasons).toEqual({ 'state.unmapped': 2 });
      // the cases that cannot move are listed first
      expect(dry.value.cases.map((c) => c.outcome)).toEqual([...Array(2).fill('cannot'), ...Array(7).fill('migrates')]);
      expect(dry.value.cases.slice(0, 2).map((c) => c.id).sort()).toEqual([ids['approval'], ids['late']].sort());
    });

    it('refuses a bad plan with a 422-class failure naming the problem, changing nothing', async () => {
      const bad = async (json: unknown) => {
        const out = await s.services.migrations.start('default', json, admin);
        return out.ok ? 'applied' : [out.code, (out.problems ?? []).map((p) => p.pointer)];
      };
      expect(await bad({ ...plan, caseType: 'nope' })).toEqual(['migration.invalid', ['/caseType']]);
      expect(await bad({ ...plan, to: 9 })).toEqual(['migration.invalid', ['/to']]);
      expect(await bad({ ...plan, states: { limbo: 'triage' } })).toEqual(['migration.invalid', ['/states/limbo']]);
      expect(await bad({ ...plan, data: { defaults: { '/language': 'fr' } } })).toEqual(['migration.invalid', ['/data/defaults/~1language']]);
      expect(await bad({ ...plan, slas: { firstResponse: 'pause' } })).toEqual(['migration.invalid', ['/slas/firstResponse']]);
      expect(await s.services.migrations.list('default')).toEqual([]);
      const kase = await s.store.getCase('default', ids['triage'] as string);
      expect(kase?.version).toBe(1);
    });

    it('applies the plan: every case in its expected state with its SLAs, tasks and timers; history says so', async () => {
      const before = new Map<string, NonNullable<Awaited<ReturnType<CaseStore['getCase']>>>>();
      for (const id of Object.values(ids)) before.set(id, (await s.store.getCase('default', id))!);
      s.clock.advance(60_000);
      const started = await s.services.migrations.start('default', plan, admin);
      if (!started.ok) throw new Error(JSON.stringify(started));
      const done = await s.services.migrations.finish('default', started.value.id);
      if (!done.ok) throw new Error(JSON.stringify(done));
      expect(done.value.status).toBe('done');
      expect(done.value.counts).toEqual({ total: 9, pending: 0, migrated: 9, blocked: 0, skipped: 0 });
      const expected: Record<string, unknown> = {
        triage: 'triage', warning: 'triage', collect: { investigating: 'collect' }, analyse: { investigating: 'analyse' },
        waitingForCustomer: 'waitingForCustomer', resolving: { resolving: 'draft' }, approval: { resolving: 'draft' }, late: { resolving: 'draft' }, survey: 'survey',
      };
      for (const [name, id] of Object.entries(ids)) {
        const was = before.get(id)!;
        const kase = (await s.store.getCase('default', id))!;
        expect([name, kase.version, kase.state, kase.revision, kase.data['language']]).toEqual([name, 2, expected[name], was.revision + 1, 'en']);
        const history = await s.store.history('default', id, 200, null);
        const last = history.items.at(-1)!;
        expect([last.event.type, last.event.data, last.actor, last.patch]).toEqual(['case.migrated', { plan: started.value.id, fromVersion: 1, toVersion: 2 }, 'ops-admin', [{ op: 'add', path: '/language', value: 'en' }]]);
        // SLAs as they were (kept with their ledgers), timers re-derived
        expect(kase.slas).toEqual(was.slas);
        const timers = (await s.store.dueTimers('9999-01-01T00:00:00.000Z', 1000)).filter((t) => t.caseId === id).map((t) => t.timerId).sort();
        expect(timers).toEqual(kase.timers.map((t) => t.id).sort());
      }
      const warning = (await s.store.getCase('default', ids['warning'] as string))!;
      expect(warning.slas.find((x) => x.name === 'firstResponse')?.status).toBe('warning');
      const waiting = (await s.store.getCase('default', ids['waitingForCustomer'] as string))!;
      expect(waiting.slas.find((x) => x.name === 'resolution')?.status).toBe('paused');
      expect(waiting.timers.map((t) => t.id)).toContain('timer.noReply');
      // the store's task list follows: the split state's new task is open, the removed state's closed
      const open = await s.store.listTasks('default', { caseId: ids['approval'] as string }, 10, null);
      expect(open.items.map((t) => [t.title, t.state])).toEqual([['Write the resolution', 'draft']]);
      const closed = await s.store.listTasks('default', { caseId: ids['approval'] as string, status: 'closed' }, 10, null);
      expect(closed.items.map((t) => t.title)).toContain('Approve the compensation');
      const kept = await s.store.listTasks('default', { caseId: ids['collect'] as string }, 10, null);
      expect(kept.items.map((t) => [t.id, t.state])).toEqual(before.get(ids['collect'] as string)!.tasks.map((t) => [t.id, 'collect']));
      // a migrated case goes on in version 2
      const next = await s.services.cases.sendEvent('default', ids['resolving'] as string, { type: 'RESOLUTION_DRAFTED' }, admin);
      expect(next.ok && next.replay !== true ? next.case.state : null).toEqual({ resolving: 'check' });
    });

    it('refuses the same plan a second time, changing nothing', async () => {
      const again = await s.services.migrations.start('default', plan, admin);
      expect(again.ok ? 'applied' : again.code).toBe('migration.applied');
      expect((await s.services.migrations.list('default')).length).toBe(1);
    });

    it('reports a case that cannot migrate and leaves it untouched', async () => {
      // every case is on version 2 now: version 1 published again (as version 3) opens one with an approval step
      const v1 = await s.store.getCaseType('default', 'complaint', 1);
      await s.store.publish('default', 'complaint', v1!.definition, s.clock.now());
      const stuck = await openCase(s, 'approval');
      const kase = (await s.store.getCase('default', stuck))!;
      expect(kase.version).toBe(3);
      const bare = { caseType: 'complaint', from: 3, to: 2 };
      const started = await s.services.migrations.start('default', bare, admin);
      if (!started.ok) throw new Error(JSON.stringify(started));
      const done = await s.services.migrations.finish('default', started.value.id);
      if (!done.ok) throw new Error(JSON.stringify(done));
      expect(done.value.counts).toMatchObject({ total: 1, blocked: 1, migrated: 0 });
      const items = await s.services.migrations.cases('default', started.value.id, 'blocked', 10, null);
      const detail = items.ok ? (items.value.items[0]?.detail as { blocks: { code: string }[] }) : null;
      expect(detail?.blocks.map((b) => b.code)).toEqual(['state.unmapped', 'data.invalid']);
      expect(await s.store.getCase('default', stuck)).toEqual(kase);
    });
  });
}

suite('migrations on SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-migrate-'));
  const store = createSqliteStore({ file: join(dir, 'dossier.db') });
  return setup(store, async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

if (unavailable !== null) console.warn(`migrations on PostgreSQL skipped: ${skipNote}`);
describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  suite('migrations on PostgreSQL', async () => {
    const db = await scratchDatabase();
    const store = await createPostgresStore({ url: db.url });
    return setup(store, async () => {
      await store.close();
      await db.drop();
    });
  });
});
