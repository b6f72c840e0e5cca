// The process map's store queries (docs/reports.md, Process map) on a small history computed by hand:
// three cases of one type with a loop back (waiting → triage), a self-edge and a second loop, one case of
// another tenant; counts, distinct cases, revisits, nearest-rank medians and p90s, nodes, ends, the
// filters, and one edge's cases paged newest first. The backfill (the migration's) equals the trigger's
// rows. On SQLite, and on PostgreSQL where a server is available.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../runtime/engine/index.ts';
import type { CaseStore, ProcessMapEdgeRow } from '../../../runtime/store/case-store.ts';
import { CursorError } from '../../../runtime/store/cursor.ts';
import { createPostgresDb } from '../../../runtime/store/postgres/postgres-db.ts';
import { backfillTransitions as backfillPostgres } from '../../../runtime/store/postgres/postgres-process-map.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { backfillTransitions as backfillSqlite } from '../../../runtime/store/sqlite/sqlite-process-map.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, definition, eventCommit, makeCase } from './fixtures.ts';

const T = Date.parse('2026-03-02T08:00:00.000Z');
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Writes a case: created at `start` (hours after T), then each step `[hours after the previous, event, state]`. */
async function write(store: CaseStore, tenant: string, id: string, start: number, steps: [number, string, string][], extra: Partial<Case> = {}): Promise<void> {
  let kase = makeCase(id, { createdAt: iso(T + start * H), updatedAt: iso(T + start * H), ...extra });
  expect(await store.commit(createCommit(kase, tenant))).toMatchObject({ ok: true });
  let at = T + start * H;
  for (const [hours, event, state] of steps) {
    at += hours * H;
    const commit = eventCommit(kase, { state, ...(state === 'closed' && kase.state !== 'closed' ? { closedAt: iso(at) } : {}) }, event, iso(at), { tenant });
    expect(await store.commit(commit)).toEqual({ ok: true });
    kase = commit.case;
  }
}

/** A case of version 1 that asks, moves to version 2 (a case.migrated entry) and closes: its rows' versions 1, 1, 2, 2. */
async function migrated(store: CaseStore, tenant: string, id: string): Promise<void> {
  await store.publish(tenant, 'complaint', definition(), iso(T));
  const kase = makeCase(id, { createdAt: iso(T), updatedAt: iso(T) });
  expect(await store.commit(createCommit(kase, tenant))).toMatchObject({ ok: true });
  const ask = eventCommit(kase, { state: 'waiting' }, 'ASK', iso(T + H), { tenant });
  expect(await store.commit(ask)).toEqual({ ok: true });
  const move = eventCommit(ask.case, { version: 2 }, 'case.migrated', iso(T + 2 * H), { tenant });
  move.history = { ...move.history, event: { type: 'case.migrated', data: { plan: 'p', fromVersion: 1, toVersion: 2 } } };
  expect(await store.commit(move)).toEqual({ ok: true });
  const close = eventCommit(move.case, { state: 'closed', closedAt: iso(T + 3 * H) }, 'CLOSE', iso(T + 3 * H), { tenant });
  expect(await store.commit(close)).toEqual({ ok: true });
}

const edge = (source: string, event: string, target: string, count: number, cases: number, revisits: number, medianH: number | null, p90H: number | null): ProcessMapEdgeRow => ({
  source, event, target, count, cases, revisits, medianMs: medianH === null ? null : medianH * H, p90Ms: p90H === null ? null : p90H * H,
});

function suite(name: string, open: () => Promise<{ store: CaseStore; backfillEqualsTrigger(): Promise<[unknown[], unknown[]]>; dispose(): Promise<void> }>) {
  describe(`process map on ${name}`, () => {
    let fixture: Awaited<ReturnType<typeof open>>;
    let store: CaseStore;
    beforeAll(async () => {
      fixture = await open();
      store = fixture.store;
      for (const tenant of ['t1', 't2']) {
        await store.ensureTenant(tenant, iso(T));
        await store.publish(tenant, 'complaint', definition(), iso(T));
      }
      // an undelivered linked event two days after closing and an agent's note are no steps of the process (no rows)
      await write(store, 't1', 'a', 0, [[1, 'ASK', 'waiting'], [2, 'ANSWER', 'triage'], [1, 'NOTE', 'triage'], [3, 'CLOSE', 'closed'], [48, 'linked.undelivered', 'closed']]);
      await write(store, 't1', 'b', 0.5, [[2, 'ASK', 'waiting'], [4, 'ANSWER', 'triage'], [1, 'ASK', 'waiting']]);
      // c's CLOSE comes 5 h after its creation: the note between is not its previous entry
      await write(store, 't1', 'c', 1, [[2, 'note.added', 'triage'], [3, 'CLOSE', 'closed']], { channel: 'phone', queue: 'second' });
      await write(store, 't2', 'z', 0, [[1, 'ASK', 'waiting'], [1, 'CLOSE', 'closed']]);
      await migrated(store, 't2', 'm');
    });
    afterAll(async () => fixture.dispose());

    it('counts each edge, its cases, its revisits and the median and p90 of the time before it; the nodes and the ends', async () => {
      expect(await store.processMap('t1', { caseType: 'complaint' })).toEqual({
        edges: [
          edge('', 'case.created', 'triage', 3, 3, 0, null, null),
          edge('triage', 'ASK', 'waiting', 3, 2, 1, 1, 2),
          edge('triage', 'CLOSE', 'closed', 2, 2, 0, 3, 5),
          edge('triage', 'NOTE', 'triage', 1, 1, 0, 1, 1),
          edge('waiting', 'ANSWER', 'triage', 2, 2, 2, 2, 4),
        ],
        nodes: [
          { state: 'closed', visits: 2, cases: 2 },
          { state: 'triage', visits: 5, cases: 3 },
          { state: 'waiting', visits: 3, cases: 2 },
        ],
        ends: [{ state: 'closed', cases: 2 }],
      });
    });

    it('reads only the window, the channel, the queue and the version asked for', async () => {
      // from 4 h: a's ANSWER (at 3 h) is out, b's ANSWER (6.5 h) and ASK (7.5 h), a's NOTE (4 h), CLOSEs (7 h, 6 h) in
      const windowed = await store.processMap('t1', { caseType: 'complaint', from: iso(T + 4 * H), to: iso(T + 8 * H) });
      expect(windowed.edges).toEqual([
        edge('triage', 'ASK', 'waiting', 1, 1, 1, 1, 1),
        edge('triage', 'CLOSE', 'closed', 2, 2, 0, 3, 5),
        edge('triage', 'NOTE', 'triage', 1, 1, 0, 1, 1),
        edge('waiting', 'ANSWER', 'triage', 1, 1, 1, 4, 4),
      ]);
      expect(windowed.ends).toEqual([{ state: 'closed', cases: 2 }]);
      const phone = await store.processMap('t1', { caseType: 'complaint', channel: 'phone' });
      expect(phone.edges.map((e) => [e.event, e.count])).toEqual([['case.created', 1], ['CLOSE', 1]]);
      const queue = await store.processMap('t1', { caseType: 'complaint', queue: 'second' });
      expect(queue.edges.map((e) => [e.event, e.count])).toEqual([['case.created', 1], ['CLOSE', 1]]);
      expect(await store.processMap('t1', { caseType: 'complaint', version: 2 })).toEqual({ edges: [], nodes: [], ends: [] });
      expect((await store.processMap('t1', { caseType: 'other' })).edges).toEqual([]);
    });

    it("lists one edge's cases newest first, paged", async () => {
      const ask = { source: 'triage', event: 'ASK', target: 'waiting' };
      const first = await store.processMapCases('t1', { caseType: 'complaint' }, ask, 2, null);
      expect(first.items).toEqual([
        { caseId: 'b', reference: expect.any(String), seq: 4, at: iso(T + 7.5 * H), ms: H },
        { caseId: 'b', reference: expect.any(String), seq: 2, at: iso(T + 2.5 * H), ms: 2 * H },
      ]);
      expect(first.nextCursor).not.toBeNull();
      const second = await store.processMapCases('t1', { caseType: 'complaint' }, ask, 2, first.nextCursor);
      expect(second).toEqual({ items: [{ caseId: 'a', reference: expect.any(String), seq: 2, at: iso(T + H), ms: H }], nextCursor: null });
      const other = await store.processMapCases('t2', { caseType: 'complaint' }, ask, 10, null);
      expect(other.items.map((i) => i.caseId)).toEqual(['z', 'm']);
    });

    it('refuses a forged cursor (a seq not a safe integer, a NUL in at or the case id) with CursorError', async () => {
      const ask = { source: 'triage', event: 'ASK', target: 'waiting' };
      const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
      for (const key of [['2026-03-02T08:00:00.000Z', 'b', 'x'], ['2026-03-02T08:00:00.000Z', 'b', 1.5], ['2026-03-02T08:00:00.000Z', 'b', 2 ** 60], ['2026\u0000', 'b', 1], ['2026-03-02T08:00:00.000Z', 'b\u0000', 1], [1, 'b', 1]]) {
        await expect(store.processMapCases('t1', { caseType: 'complaint' }, ask, 2, forged(key))).rejects.toBeInstanceOf(CursorError);
      }
    });

    it("keeps the version of the case when the entry was written, across a migration", async () => {
      const map = await store.processMap('t2', { caseType: 'complaint', version: 1 });
      expect(map.edges.filter((e) => e.event === 'ASK').map((e) => e.count)).toEqual([2]);
      expect((await store.processMap('t2', { caseType: 'complaint', version: 2 })).edges.map((e) => e.event)).toEqual(['CLOSE', 'case.migrated']);
    });

    it("fills the table from the history written before as the trigger keeps it", async () => {
      const [backfilled, kept] = await fixture.backfillEqualsTrigger();
      expect(backfilled.length).toBe(18);
      expect(backfilled).toEqual(kept);
    });
  });
}

const ROWS = 'SELECT tenant, case_type, source, event, target, ms, at, case_id, seq, version, edge_prev_at, visit_prev_at FROM transitions ORDER BY case_id, seq';

suite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-map-'));
  const file = join(dir, 'map.db');
  const store = createSqliteStore({ file });
  return {
    store,
    async backfillEqualsTrigger() {
      const db = new Database(file);
      try {
        const kept = db.prepare(ROWS).all();
        db.exec('DELETE FROM transitions');
        backfillSqlite(db);
        return [db.prepare(ROWS).all(), kept];
      } finally {
        db.close();
      }
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  suite('PostgreSQL', async () => {
    const database = await scratchDatabase();
    const store = await createPostgresStore({ url: database.url });
    return {
      store,
      async backfillEqualsTrigger() {
        const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
        try {
          const kept = await db.rows(ROWS);
          await db.rows('DELETE FROM transitions');
          await backfillPostgres(db);
          return [await db.rows(ROWS), kept];
        } finally {
          await db.end();
        }
      },
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
});
