// The shared CaseStore suite on PostgreSQL, a fresh database per test, plus what only a shared server
// has: hosts migrating at once, hosts committing on the same case at once, idempotency keys across
// hosts, and the faults of a server that is down, busy or locked. Needs a PostgreSQL server where the
// role may CREATE DATABASE: DOSSIER_TEST_POSTGRES_URL (its maintenance database), by default
// postgres://root@127.0.0.1:5432/postgres. Without one the whole file is skipped, and says so.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { maintenanceUrl, relay, scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import type { Case, HistoryEntry } from '../../../runtime/engine/index.ts';
import { stageReport } from '../../../runtime/host/reports.ts';
import { channelVersion, latestSchemaVersion, migrate } from '../../../runtime/store/postgres/migrations.ts';
import { createPostgresDb } from '../../../runtime/store/postgres/postgres-db.ts';
import { createPostgresStore, type PostgresStoreOptions } from '../../../runtime/store/postgres/postgres-store.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { StoreUnavailableError } from '../../../runtime/store/store-unavailable.ts';
import { caseStoreSuite, type StoreTarget } from './case-store.suite.ts';
import { createCommit, definition, eventCommit, makeCase, T0 } from './fixtures.ts';
import { historyRows, referenceStageReport, sampleHistories } from './report-reference.ts';

const T1 = '2026-01-05T10:00:00.000Z';
if (unavailable !== null) console.warn(`PostgreSQL store tests skipped: ${skipNote}`);

async function makeTarget(): Promise<StoreTarget> {
  const database = await scratchDatabase();
  return {
    open: () => createPostgresStore({ url: database.url }),
    dispose: () => database.drop(),
  };
}

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL store' : `PostgreSQL store (skipped: ${skipNote})`, () => {
  caseStoreSuite('PostgreSQL', makeTarget);

  describe('PostgreSQL store specifics', () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** A fresh database, and `hosts` stores on it opened at the same moment, as hosts starting together. */
    async function hostsOn(count: number, options: Partial<PostgresStoreOptions> = {}): Promise<{ stores: CaseStore[]; url: string }> {
      const database = await scratchDatabase();
      cleanups.push(() => database.drop());
      const stores = await Promise.all(Array.from({ length: count }, () => createPostgresStore({ url: database.url, ...options })));
      for (const store of stores) cleanups.push(() => store.close());
      return { stores, url: database.url };
    }

    async function withCase(store: CaseStore, id = 'c1') {
      await store.publish('default', 'complaint', definition(), T0);
      const kase = makeCase(id);
      expect(await store.commit(createCommit(kase))).toEqual({ ok: true, reference: 'COM-000001' });
      return kase;
    }

    it('applies each migration once when several hosts start on an empty database at once', async () => {
      // when four hosts open the same new database together
      const { stores, url } = await hostsOn(4);
      // then every step is recorded once, and each host can use the schema
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const versions = (await client.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).rows.map((r) => r.version);
      await client.end();
      expect(versions).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
      await Promise.all(stores.map((store, i) => store.ensureTenant(`t${i}`, T0)));
      expect((await Promise.all(stores.map((store) => store.countTokens())))).toEqual([0, 0, 0, 0]);
    });

    it('gives the cases stored without a channel the channel api, in the column and the case (U+0000 in its data), and keeps the others', async () => {
      // given a database at the schema before every case had a channel
      const database = await scratchDatabase();
      cleanups.push(() => database.drop());
      const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
      expect(await migrate(db, channelVersion - 1)).toBe(channelVersion - 1);
      await db.rows('INSERT INTO tenants (id, created_at) VALUES ($1, $2)', ['default', T0]);
      const def = definition();
      await db.rows('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ($1, $2, 1, $3, $4, $5)', ['default', def.key, def.title, JSON.stringify({ ...def, version: 1 }), T0]);
      for (const kase of [makeCase('old', { channel: null, data: { note: 'a\u0000b' } }), makeCase('mail', { channel: 'email', createdAt: T1 })]) {
        await db.rows(
          `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, channel, created_at, updated_at, revision, body, reference)
          VALUES ($1, 'default', $2, 1, $3, '', $4, 'normal', $5, $6, $6, 1, $7, $8)`,
          [kase.id, kase.caseType, JSON.stringify(kase.state), JSON.stringify(kase.data), kase.channel, kase.createdAt, JSON.stringify(kase), `COM-${kase.id}`],
        );
      }
      await db.end();
      // when a store opens it
      const store = await createPostgresStore({ url: database.url });
      cleanups.push(() => store.close());
      // then
      expect([(await store.getCase('default', 'old'))?.channel, (await store.getCase('default', 'old'))?.data, (await store.getCase('default', 'mail'))?.channel]).toEqual(['api', { note: 'a\u0000b' }, 'email']);
      expect((await store.listCases('default', { channel: 'api' }, 10, null)).items.map((c) => c.id)).toEqual(['old']);
    });

    it('fills the stage tables from the history written before them (U+0000 in entries too), and the trigger carries on from there', async () => {
      // given a database at schema 1 holding 40 cases' histories (parallel states, re-entries, repeated instants)
      const database = await scratchDatabase();
      cleanups.push(() => database.drop());
      const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
      expect(await migrate(db, 1)).toBe(1);
      await db.rows('INSERT INTO tenants (id, created_at) VALUES ($1, $2)', ['default', T0]);
      for (const def of [definition(), definition('note', 'Note')]) {
        await db.rows('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ($1, $2, 1, $3, $4, $5)', ['default', def.key, def.title, JSON.stringify({ ...def, version: 1 }), T0]);
      }
      const histories = sampleHistories(40);
      for (const h of histories) {
        const last = h.entries[h.entries.length - 1] as HistoryEntry;
        const kase = makeCase(h.id, { caseType: h.caseType, state: last.to, revision: last.seq });
        await db.rows(
          `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, created_at, updated_at, revision, body)
          VALUES ($1, 'default', $2, 1, $3, '', $4, 'normal', $5, $5, $6, $7)`,
          [kase.id, kase.caseType, JSON.stringify(kase.state), JSON.stringify(kase.data), kase.createdAt, last.seq, JSON.stringify(kase)],
        );
        for (const e of h.entries) {
          await db.rows('INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry) VALUES ($1, $2, $3, $4, $5, $6, $7)', [h.id, e.seq, 'default', e.at, e.actor, e.event.type, JSON.stringify(e)]);
        }
      }
      await db.end();
      // when a store opens it
      const store = await createPostgresStore({ url: database.url });
      cleanups.push(() => store.close());
      // then time per stage is what the history says, in any window
      const rows = historyRows(histories);
      const windows = [{}, { caseType: 'note' }, { from: '2026-01-06T00:00:00.000Z' }, { from: '2026-01-05T12:00:00.000Z', to: '2026-01-06T12:00:00.000Z' }];
      for (const window of windows) expect(stageReport(await store.stageSummary('default', window))).toEqual(referenceStageReport(rows, window));
      // and the cases written before the references got them, per case type's prefix in creation order
      const listed = (await store.listCases('default', {}, 100, null)).items.map((c) => ({ id: c.id, caseType: c.caseType, createdAt: c.createdAt, reference: c.reference }));
      for (const [caseType, prefix] of [['complaint', 'COM'], ['note', 'NOT']] as const) {
        const ofType = listed.filter((c) => c.caseType === caseType).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
        expect(ofType.length).toBeGreaterThan(0);
        expect(ofType.map((c) => c.reference)).toEqual(ofType.map((_, i) => `${prefix}-${String(i + 1).padStart(6, '0')}`));
      }
      // and an event committed afterwards (its data holding U+0000) ends the visits the backfill left open
      const first = histories.find((h) => h.entries.length > 1 && h.entries[h.entries.length - 1]?.to !== 'closed') as (typeof histories)[number];
      const last = first.entries[first.entries.length - 1] as HistoryEntry;
      const kase = (await store.getCase('default', first.id)) as Case;
      const at = new Date(Date.parse(last.at) + 60_000).toISOString();
      const commit = eventCommit(kase, { state: 'closed' }, 'CLOSE', at);
      expect(await store.commit({ ...commit, history: { ...commit.history, event: { type: 'CLOSE', data: { note: 'nul \u0000' } } } })).toEqual({ ok: true });
      const after = historyRows(histories);
      after.splice(after.findIndex((r) => r.caseId === first.id) + first.entries.length, 0, { caseId: first.id, caseType: first.caseType, seq: last.seq + 1, at, to: 'closed' });
      for (const window of windows) expect(stageReport(await store.stageSummary('default', window))).toEqual(referenceStageReport(after, window));
    });

    it('gives concurrent creations on several hosts one reference each, never the same twice', async () => {
      // given three hosts on one database, and a case type
      const { stores } = await hostsOn(3);
      await (stores[0] as CaseStore).publish('default', 'complaint', definition(), T0);
      await (stores[0] as CaseStore).ensureTenant('other', T0);
      await (stores[0] as CaseStore).publish('other', 'complaint', definition(), T0);
      // when 60 cases are created at once, spread over the hosts and two tenants
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (stores[i % 3] as CaseStore).commit(createCommit(makeCase(`c${i}`), i % 4 === 0 ? 'other' : 'default'))),
      );
      // then every one was numbered, and the numbers of each tenant are 1..n without a repeat
      const refs = (tenant: string) => results.flatMap((r, i) => ((i % 4 === 0 ? 'other' : 'default') === tenant && r.ok ? [r.reference] : []));
      expect(results.every((r) => r.ok)).toBe(true);
      const numbered = (n: number) => Array.from({ length: n }, (_, i) => `COM-${String(i + 1).padStart(6, '0')}`);
      expect(refs('default').sort()).toEqual(numbered(45));
      expect(refs('other').sort()).toEqual(numbered(15));
      // and each case keeps the reference its commit answered
      for (const [i, r] of results.entries()) {
        const kase = await (stores[(i + 1) % 3] as CaseStore).getCase(i % 4 === 0 ? 'other' : 'default', `c${i}`);
        expect(r.ok && kase?.reference === r.reference).toBe(true);
      }
    });

    it('lets exactly one of several hosts commit an event on the same revision, round after round', async () => {
      // given three hosts sharing one case
      const { stores } = await hostsOn(3);
      let kase = await withCase(stores[0] as CaseStore);
      const winners: string[] = [];
      for (let round = 0; round < 10; round++) {
        // when each host commits an event computed on the same revision
        const commits = stores.map((_, host) => eventCommit(kase, { data: { reason: `host ${host}` } }, `E${round}.${host}`, T1));
        const results = await Promise.all(commits.map((commit, host) => (stores[host] as CaseStore).commit(commit)));
        // then exactly one wins, the others conflict
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'case.conflict' }, { ok: false, code: 'case.conflict' }]);
        const winner = commits[results.findIndex((r) => r.ok)]!;
        winners.push(winner.history.event.type);
        kase = winner.case;
        expect(await (stores[1] as CaseStore).getCase('default', 'c1')).toEqual({ ...kase, reference: 'COM-000001' });
      }
      // and the history holds the winners only, in order
      const history = await (stores[2] as CaseStore).history('default', 'c1', 50, null);
      expect(history.items.map((h) => h.event.type)).toEqual(['case.created', ...winners]);
      expect(history.items.map((h) => h.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    });

    it('creates a case once when two hosts create it at once', async () => {
      const { stores } = await hostsOn(2);
      await (stores[0] as CaseStore).publish('default', 'complaint', definition(), T0);
      const results = await Promise.all(stores.map((store) => store.commit(createCommit(makeCase('c1')))));
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: 'case.exists' });
    });

    it('keeps an idempotency key unique per tenant across hosts', async () => {
      // given two hosts
      const { stores } = await hostsOn(2);
      const [a, b] = stores as [CaseStore, CaseStore];
      const record = { tenant: 'default', key: 'k1', method: 'POST', path: '/api/cases', status: 201, body: { id: 'c1' }, createdAt: T0 };
      // when both save the same key at once
      const saved = await Promise.all([a.saveIdempotency(record), b.saveIdempotency({ ...record, body: { id: 'c2' } })]);
      // then one wins, and both hosts replay the winner's answer
      expect([...saved].sort()).toEqual([false, true]);
      const winner = saved[0] ? record : { ...record, body: { id: 'c2' } };
      expect([await a.getIdempotency('default', 'k1'), await b.getIdempotency('default', 'k1')]).toEqual([winner, winner]);
      expect(await b.saveIdempotency({ ...record, tenant: 'other' })).toBe(true);
      // when two hosts create different cases under one key at once: one commit is refused as a whole
      await a.publish('default', 'complaint', definition(), T0);
      const keyed = { ...record, key: 'k2' };
      const results = await Promise.all([
        a.commit({ ...createCommit(makeCase('x1')), idempotency: keyed }),
        b.commit({ ...createCommit(makeCase('x2')), idempotency: { ...keyed, body: { id: 'x2' } } }),
      ]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: 'idempotency.exists' });
      const loser = results[0]?.ok === true ? 'x2' : 'x1';
      expect(await a.getCase('default', loser)).toBeNull();
    });

    it('keeps JSON documents as written (key order, U+0000 in strings), and finds nothing by a U+0000 in a lookup', async () => {
      const { stores } = await hostsOn(1);
      const store = stores[0] as CaseStore;
      // given a definition whose keys are not in jsonb's order, and a case whose data holds U+0000
      const def = { title: 'Zebra first', key: 'complaint', data: { type: 'object' }, playbook: definition().playbook } as ReturnType<typeof definition>;
      const published = await store.publish('default', 'complaint', def, T0);
      const kase = makeCase('c1', { data: { reason: 'nul \u0000 inside', zulu: 1, alpha: 2 } });
      expect(await store.commit(createCommit(kase))).toEqual({ ok: true, reference: 'COM-000001' });
      // then they come back byte for byte (the reference, kept beside the body, last)
      expect(JSON.stringify((await store.getCaseType('default', 'complaint'))?.definition)).toBe(JSON.stringify(published.definition));
      expect(JSON.stringify(await store.getCase('default', 'c1'))).toBe(JSON.stringify({ ...kase, reference: 'COM-000001' }));
      // and a search finds the escape as JSON text holds it, as in SQLite
      expect((await store.listCases('default', { q: 'nul \\u0000' }, 10, null)).items.map((c) => c.id)).toEqual(['c1']);
      // a U+0000 in a lookup or a filter (PostgreSQL text cannot hold one) finds nothing instead of failing
      expect(await store.getCase('default', 'c1\u0000')).toBeNull();
      expect((await store.listCases('default', { q: 'nul \u0000' }, 10, null)).items).toEqual([]);
      expect((await store.listCases('default', { queue: '\u0000' }, 10, null)).items).toEqual([]);
      expect(await store.claimTask('default', 'x\u0000', 'alice', T1)).toEqual({ ok: false, code: 'task.not_found' });
    });

    it('rejects with StoreUnavailableError when the server cannot be reached', async () => {
      // port 1 on loopback: nothing listens there, the connection is refused
      const error = await createPostgresStore({ url: 'postgres://root@127.0.0.1:1/dossier', connectTimeoutMs: 2000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ reason: 'io' });
    });

    it('answers StoreUnavailableError while the server is gone, and serves again when it is back', async () => {
      const server = new URL(maintenanceUrl);
      if (server.hostname === '') return; // a socket URL: nothing to relay
      // given a store that reaches its database through a relay
      const database = await scratchDatabase();
      cleanups.push(() => database.drop());
      const link = await relay({ host: server.hostname, port: Number(server.port || 5432) });
      cleanups.push(() => link.down());
      const url = new URL(database.url);
      url.hostname = '127.0.0.1';
      url.port = String(link.port);
      const store = await createPostgresStore({ url: url.toString(), connectTimeoutMs: 2000 });
      cleanups.push(() => store.close());
      await store.publish('default', 'complaint', definition(), T0);
      // when the server goes away
      await link.down();
      // then each call rejects as unavailable, not with a driver error
      for (const call of [() => store.getCase('default', 'c1'), () => store.commit(createCommit(makeCase('c1')))]) {
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect((error as StoreUnavailableError).reason).toBe('io');
      }
      // when it comes back: the pool connects again, and nothing of the failed commit was kept
      await link.up();
      expect(await store.getCase('default', 'c1')).toBeNull();
      expect(await store.commit(createCommit(makeCase('c1')))).toMatchObject({ ok: true, reference: expect.stringMatching(/^COM-\d{6}$/) });
    });

    it('answers StoreUnavailableError for a commit whose connection ends in the middle, and keeps serving', async () => {
      // given a commit waiting for a row lock another session holds
      const { stores, url } = await hostsOn(1);
      const store = stores[0] as CaseStore;
      const kase = await withCase(store);
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      cleanups.push(() => holder.end());
      await holder.query('BEGIN');
      await holder.query("SELECT 1 FROM cases WHERE id = 'c1' FOR UPDATE");
      const event = eventCommit(kase, { priority: 'high' }, 'ESCALATE', T1);
      const waiting = store.commit(event).catch((e: unknown) => e);
      let waiter: number | undefined;
      for (let tries = 0; waiter === undefined && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const found = await holder.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        waiter = found.rows[0]?.pid;
      }
      // when the server ends that commit's connection (a restart, an administrator)
      await holder.query('SELECT pg_terminate_backend($1)', [waiter]);
      // then the commit rejects as unavailable, the process lives on, and the event commits once retried
      const error = await waiting;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ reason: 'io' });
      await holder.query('ROLLBACK');
      expect(await store.commit(event)).toEqual({ ok: true });
      expect((await store.getCase('default', 'c1'))?.revision).toBe(2);
    });

    it('answers StoreUnavailableError when a row stays locked past lock_timeout, or every connection stays busy', async () => {
      // given a case whose row another session holds locked
      const { stores, url } = await hostsOn(1, { poolSize: 1, connectTimeoutMs: 300, lockTimeoutMs: 1500 });
      const store = stores[0] as CaseStore;
      const kase = await withCase(store);
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      cleanups.push(() => holder.end());
      await holder.query('BEGIN');
      await holder.query("SELECT 1 FROM cases WHERE id = 'c1' FOR UPDATE");
      // when an event waits for the row on the pool's only connection, and another call wants one
      const event = eventCommit(kase, { priority: 'high' }, 'ESCALATE', T1);
      const waiting = store.commit(event).catch((e: unknown) => e);
      const busy = await store.getCase('default', 'c1').catch((e: unknown) => e);
      // then the other call is refused as the pool is exhausted, and the event once lock_timeout passes
      expect(busy).toBeInstanceOf(StoreUnavailableError);
      expect(busy).toMatchObject({ reason: 'locked' });
      const locked = await waiting;
      expect(locked).toBeInstanceOf(StoreUnavailableError);
      expect(locked).toMatchObject({ reason: 'locked' });
      // when the lock is released, the same event commits: nothing of the refused attempt was kept
      await holder.query('ROLLBACK');
      expect(await store.commit(event)).toEqual({ ok: true });
      expect((await store.history('default', 'c1', 10, null)).items.map((h) => h.event.type)).toEqual(['case.created', 'ESCALATE']);
    });

    it('hands each due timer to one host; a claim another host holds comes back when its lease runs out', async () => {
      // given 30 due timers on 30 cases, and three hosts
      const { stores } = await hostsOn(3);
      await (stores[0] as CaseStore).publish('default', 'complaint', definition(), T0);
      for (let i = 0; i < 30; i++) {
        const kase = makeCase(`c${String(i).padStart(2, '0')}`, { timers: [{ id: 'timer.x', event: 'timer.x', dueAt: T0 }] });
        expect(await (stores[i % 3] as CaseStore).commit(createCommit(kase))).toEqual({ ok: true, reference: `COM-${String(i + 1).padStart(6, '0')}` });
      }
      // when they claim at once, 15 each at most
      const claims = await Promise.all(stores.map((store) => store.claimDueTimers(T1, 15, 60_000)));
      const claimed = claims.flat().map((t) => t.caseId);
      // then no timer went to two hosts, and all of them went to some host
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `c${String(i).padStart(2, '0')}`));
      for (const claim of claims) expect(claim.map((t) => t.dueAt)).toEqual(claim.map(() => T0));
      // a claimed timer is due again for the others at the end of its lease, not before
      expect(await (stores[1] as CaseStore).claimDueTimers(T1, 50, 60_000)).toEqual([]);
      const leaseEnd = new Date(Date.parse(T1) + 60_000).toISOString();
      expect(await (stores[1] as CaseStore).nextTimerDue()).toBe(leaseEnd);
      expect(await (stores[1] as CaseStore).claimDueTimers(leaseEnd, 50, 60_000)).toHaveLength(30);
    });

    it('hands the outbox rows of a case to one host at a time, in order, and back after a failure', async () => {
      // given two cases with three webhook rows each
      const { stores } = await hostsOn(2);
      const [a, b] = stores as [CaseStore, CaseStore];
      await a.publish('default', 'complaint', definition(), T0);
      for (const id of ['c1', 'c2']) {
        const hooks = [1, 2, 3].map((n) => ({ type: 'webhook' as const, key: `${id}:webhook:${n}`, url: 'http://127.0.0.1:1/hook', method: 'POST' as const }));
        expect(await a.commit({ ...createCommit(makeCase(id), 'default', hooks), webhookBody: { id } })).toMatchObject({ ok: true });
      }
      // when both hosts claim at once
      const [first, second] = await Promise.all([a.claimDueOutbox(T0, 10, 7_200_000), b.claimDueOutbox(T0, 10, 7_200_000)]);
      // then each case's rows went to one host, in order, and none twice
      const byCase = (rows: { key: string }[]) => [...new Set(rows.map((r) => r.key.split(':')[0]))];
      expect(byCase(first).filter((c) => byCase(second).includes(c))).toEqual([]);
      const keys = [...first, ...second].map((r) => r.key);
      expect(keys.sort()).toEqual(['c1:webhook:1', 'c1:webhook:2', 'c1:webhook:3', 'c2:webhook:1', 'c2:webhook:2', 'c2:webhook:3']);
      for (const rows of [first, second]) for (const c of byCase(rows)) expect(rows.filter((r) => r.key.startsWith(`${c}:`)).map((r) => r.key)).toEqual([1, 2, 3].map((n) => `${c}:webhook:${n}`));
      // a failed row is due again at its retry time (T1, an hour on), for any host, without waiting for
      // the lease (two hours); c2's rows are still held
      const row = [...first, ...second].find((r) => r.key === 'c1:webhook:1')!;
      await a.markFailed(row.id, 'HTTP 503', T1);
      for (const r of [...first, ...second].filter((x) => x.key.startsWith('c1:') && x.id !== row.id)) await a.markDelivered(r.id, T0);
      expect((await b.claimDueOutbox(T1, 10, 60_000)).map((r) => r.key)).toEqual(['c1:webhook:1']);
    });

    it('tells every host of a timer or an outbox row that another host committed', async () => {
      const { stores } = await hostsOn(2);
      const [a, b] = stores as [CaseStore, CaseStore];
      const heard: unknown[] = [];
      const stop = await b.watchDue!((due) => heard.push(due));
      cleanups.push(stop);
      await a.publish('default', 'complaint', definition(), T0);
      const hook = { type: 'webhook' as const, key: 'c1:webhook:1', url: 'http://127.0.0.1:1/hook', method: 'POST' as const };
      await a.commit(createCommit(makeCase('c1', { timers: [{ id: 'timer.x', event: 'timer.x', dueAt: T1 }, { id: 'timer.y', event: 'timer.y', dueAt: T0 }] })));
      await a.commit(createCommit(makeCase('c2'), 'default', [hook]));
      await a.commit(createCommit(makeCase('c3')));
      for (let i = 0; i < 100 && heard.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toEqual([
        { timers: T0, outbox: false },
        { timers: null, outbox: true },
      ]);
    });
  });
});
