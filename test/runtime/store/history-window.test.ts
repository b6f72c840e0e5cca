// CaseStore.historyInWindow on both stores: the database picks the history entries with
// from <= at < to and the cases that have one, oldest case first, a page at a time. PostgreSQL is
// skipped, saying why, without a server (DOSSIER_TEST_POSTGRES_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHistory, CaseStore, HistoryWindow } from '../../../runtime/store/case-store.ts';
import { CursorError } from '../../../runtime/store/cursor.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, definition, eventCommit, makeCase, T0 } from './fixtures.ts';

const at = (time: string): string => `2026-01-05T${time}:00.000Z`;

/**
 * The history the tests read: in `default`, d (created 08:00; an event at 13:00), a (09:00; events at
 * 10:00 and 12:00), b (10:30), c (an inquiry, 11:00); in `other`, e (10:00).
 */
async function fill(store: CaseStore): Promise<void> {
  await store.ensureTenant('default', T0);
  await store.ensureTenant('other', T0);
  await store.publish('default', 'complaint', definition(), T0);
  await store.publish('default', 'inquiry', definition('inquiry', 'Inquiry'), T0);
  await store.publish('other', 'complaint', definition(), T0);
  const create = async (id: string, createdAt: string, tenant = 'default', caseType = 'complaint') => {
    const kase = makeCase(id, { createdAt, updatedAt: createdAt, caseType });
    expect(await store.commit(createCommit(kase, tenant))).toMatchObject({ ok: true, reference: expect.stringMatching(/^(COM|INQ)-\d{6}$/) });
    return kase;
  };
  const d = await create('d', at('08:00'));
  const a = await create('a', at('09:00'));
  const noted = eventCommit(a, {}, 'NOTE', at('10:00'));
  expect(await store.commit(noted)).toEqual({ ok: true });
  await create('b', at('10:30'));
  await create('c', at('11:00'), 'default', 'inquiry');
  expect(await store.commit(eventCommit(noted.case, { state: 'closed', closedAt: at('12:00') }, 'CLOSE', at('12:00')))).toEqual({ ok: true });
  expect(await store.commit(eventCommit(d, {}, 'NOTE', at('13:00')))).toEqual({ ok: true });
  await create('e', at('10:00'), 'other');
}

/** Every page, `limit` cases at a time, as `id: seq@hh:mm, …`. */
async function read(store: CaseStore, tenant: string, window: HistoryWindow, limit = 100): Promise<string[]> {
  const out: CaseHistory[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await store.historyInWindow(tenant, window, limit, cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor !== null);
  return out.map(({ case: kase, history }) => `${kase.id}: ${history.map((h) => `${h.seq}@${h.at.slice(11, 16)}`).join(', ')}`);
}

function windowSuite(name: string, open: () => Promise<{ store: CaseStore; indexes(): Promise<string[]> }>, skip: string | null): void {
  describe.skipIf(skip !== null)(skip === null ? `historyInWindow: ${name}` : `historyInWindow: ${name} (skipped: ${skip})`, () => {
    let store: CaseStore;
    let indexes: () => Promise<string[]>;

    beforeAll(async () => {
      ({ store, indexes } = await open());
      await fill(store);
    }, 60_000);

    afterAll(async () => {
      await store?.close();
    });

    it('without a window: every case of the tenant, oldest first, with its whole history', async () => {
      expect(await read(store, 'default', {})).toEqual(['d: 1@08:00, 2@13:00', 'a: 1@09:00, 2@10:00, 3@12:00', 'b: 1@10:30', 'c: 1@11:00']);
      expect(await read(store, 'other', {})).toEqual(['e: 1@10:00']);
    });

    it('with from and to: only the entries with from <= at < to, and only the cases that have one', async () => {
      // 10:00 is in (from is inclusive); c's creation at 11:00 is not (to is exclusive)
      expect(await read(store, 'default', { from: at('10:00'), to: at('11:00') })).toEqual(['a: 2@10:00', 'b: 1@10:30']);
      // a case created before the window is in it by its later entries, and keeps only those
      expect(await read(store, 'default', { from: at('11:00') })).toEqual(['d: 2@13:00', 'a: 3@12:00', 'c: 1@11:00']);
      expect(await read(store, 'default', { to: '2026-01-05T09:00:00.001Z' })).toEqual(['d: 1@08:00', 'a: 1@09:00']);
      expect(await read(store, 'default', { from: at('10:00'), to: at('10:00') })).toEqual([]);
      expect(await read(store, 'default', { from: at('14:00') })).toEqual([]);
    });

    it('combines the window with the case type and the tenant', async () => {
      expect(await read(store, 'default', { caseType: 'inquiry', from: at('10:00'), to: at('12:00') })).toEqual(['c: 1@11:00']);
      expect(await read(store, 'default', { caseType: 'complaint', from: at('10:00'), to: at('12:00') })).toEqual(['a: 2@10:00', 'b: 1@10:30']);
      expect(await read(store, 'other', { from: at('10:00'), to: at('11:00') })).toEqual(['e: 1@10:00']);
      expect(await read(store, 'nobody', {})).toEqual([]);
    });

    it('pages by case: one case a page gives the same log, and a foreign cursor is refused', async () => {
      const window = { from: at('09:00') };
      expect(await read(store, 'default', window, 1)).toEqual(await read(store, 'default', window, 100));
      expect(await read(store, 'default', {}, 3)).toEqual(await read(store, 'default', {}, 100));
      const first = await store.historyInWindow('default', window, 2, null);
      expect(first.items.map((i) => i.case.id)).toEqual(['d', 'a']);
      expect(first.nextCursor).not.toBeNull();
      await expect(store.historyInWindow('default', window, 2, 'not-a-cursor')).rejects.toBeInstanceOf(CursorError);
    });

    it('has the index the window is read by', async () => {
      expect(await indexes()).toContain('history_by_case_at');
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-history-window-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

windowSuite(
  'SQLite',
  async () => {
    const file = join(dir, 'window.db');
    return {
      store: createSqliteStore({ file }),
      async indexes() {
        const db = new Database(file, { readonly: true });
        try {
          // the window's EXISTS and the read of the entries seek the index, not the table
          const plan = db
            .prepare("EXPLAIN QUERY PLAN SELECT 1 FROM history h WHERE h.case_id = 'a' AND h.at >= '2026-01-05T10:00:00.000Z' AND h.at < '2026-01-05T11:00:00.000Z'")
            .all() as { detail: string }[];
          expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX history_by_case_at \(case_id=\? AND at>\? AND at<\?\)/);
          return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history'").all() as { name: string }[]).map((r) => r.name);
        } finally {
          db.close();
        }
      },
    };
  },
  null,
);

windowSuite(
  'PostgreSQL',
  async () => {
    const database = await scratchDatabase();
    const store = await createPostgresStore({ url: database.url });
    return {
      store: {
        ...store,
        async close() {
          await store.close();
          await database.drop();
        },
      },
      async indexes() {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'history'")).rows.map((r) => r.indexname);
        } finally {
          await client.end();
        }
      },
    };
  },
  unavailable === null ? null : skipNote,
);
