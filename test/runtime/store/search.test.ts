// Case search (docs/search.md) on both stores: found by a customer's e-mail, a word of the text, the
// reference; kept current by the commits; only in its tenant and a partner's queues; the typed text
// never read as query syntax; ranked; and the cases stored before the index found after the upgrade.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Case } from '../../../runtime/engine/index.ts';
import type { CaseStore, CaseCommit } from '../../../runtime/store/case-store.ts';
import { searchIndexVersion as sqliteSearchVersion, migrate as migrateSqlite } from '../../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { searchIndexVersion as postgresSearchVersion, migrate as migratePostgres } from '../../../runtime/store/postgres/migrations.ts';
import { createPostgresDb } from '../../../runtime/store/postgres/postgres-db.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { searchDocumentOf, searchWords } from '../../../runtime/store/search-text.ts';
import { stateIdsColumn } from '../../../runtime/store/state-ids.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createCommit, eventCommit, makeCase, T0 } from './fixtures.ts';

const T1 = '2026-01-05T10:00:00.000Z';

/** A complaint with a customer (keys e-mail and phone, a name), free text, an enum, a date and documents. */
function complaintType(): CaseType {
  return {
    key: 'complaint',
    title: 'Complaint',
    customer: { keys: ['/customer/email', '/customer/phone'], name: '/customer/name' },
    data: {
      type: 'object',
      properties: {
        customer: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } } },
        subject: { type: 'string' },
        description: { type: 'string' },
        notes: { type: 'array', items: { $ref: '#/$defs/note' } },
        reason: { type: 'string', enum: ['billing', 'delivery'] },
        receivedOn: { type: 'string', format: 'date' },
        proofs: { type: 'array', documents: true },
      },
      $defs: { note: { type: 'object', properties: { text: { type: 'string' }, kind: { type: 'string', const: 'note' } } } },
    },
    playbook: { initial: 'triage', states: { triage: { on: { CLOSE: 'closed' } }, closed: { type: 'final' } } },
  } as unknown as CaseType;
}

const words = (q: string) => ({ words: searchWords(q) });

interface Target {
  open(): Promise<CaseStore>;
  /** A store whose database held `cases` (with their references) before the search index existed. */
  older(cases: { kase: Case; reference: string }[]): Promise<CaseStore>;
  dispose(): Promise<void>;
}

function searchSuite(name: string, makeTarget: () => Promise<Target>): void {
  describe(`case search: ${name}`, () => {
    let target: Target;
    let store: CaseStore;
    const def = complaintType();

    /** Commits the creation of a case with `data`, as the case service does (its search document). */
    async function create(id: string, data: Case['data'], extra: Partial<Case> = {}, tenant = 'default'): Promise<Case> {
      const kase = makeCase(id, { data, ...extra });
      const result = await store.commit({ ...createCommit(kase, tenant), search: searchDocumentOf(def, data as never) });
      expect(result.ok).toBe(true);
      return kase;
    }
    async function change(before: Case, data: Case['data']): Promise<Case> {
      const commit: CaseCommit = eventCommit(before, { data }, 'EDIT', T1, {
        previous: before,
        search: searchDocumentOf(def, data as never),
        previousSearch: searchDocumentOf(def, before.data as never),
      });
      expect((await store.commit(commit)).ok).toBe(true);
      return commit.case;
    }
    const ids = async (q: string, tenant = 'default') => (await store.searchCases(tenant, words(q), 20, null)).items.map((h) => h.case.id);

    beforeEach(async () => {
      target = await makeTarget();
      store = await target.open();
      for (const tenant of ['default', 'other']) {
        await store.ensureTenant(tenant, T0);
        await store.publish(tenant, 'complaint', def, T0);
      }
    });
    afterEach(async () => {
      await store.close();
      await target.dispose();
    });

    it('finds a case by its customer e-mail whole and as a fragment, its name, a word of its text, its reference, in its tenant only', async () => {
      // given Ann's case about a broken kettle, Bob's about a late parcel, and Ann's address in another tenant
      await create('ann', {
        customer: { name: 'Ann de Vries', email: 'ann@example.com', phone: '+31 20 555 0101' },
        subject: 'Waterkoker kapot',
        description: 'The kettle broke after two days; de klant wil haar geld terug.',
        reason: 'billing',
        receivedOn: '2026-01-02',
      });
      await create('bob', { customer: { name: 'Bob Jansen', email: 'bob@example.org' }, description: 'The parcel arrived late.', notes: [{ text: 'called the courier', kind: 'note' }] });
      await create('x', { customer: { name: 'Ann de Vries', email: 'ann@example.com' }, description: 'kettle' }, {}, 'other');
      // then each way of searching finds the right case, only in its tenant
      expect(await ids('ann@example.com')).toEqual(['ann']);
      expect(await ids('ANN@Example.COM')).toEqual(['ann']);
      expect(await ids('ann@exam')).toEqual(['ann']);
      expect(await ids('kettle')).toEqual(['ann']);
      expect(await ids('geld terug')).toEqual(['ann']);
      expect(await ids('Jansen')).toEqual(['bob']);
      expect(await ids('courier')).toEqual(['bob']);
      expect(await ids('+31 20 555 0101')).toEqual(['ann']);
      expect(await ids('COM-000002')).toEqual(['bob']);
      expect(await ids('kettle', 'other')).toEqual(['x']);
      // an enum value, a date and a word nobody wrote are not in the index
      expect(await ids('billing')).toEqual([]);
      expect(await ids('2026-01-02')).toEqual([]);
      expect(await ids('toaster')).toEqual([]);
      // and a hit says where it matched in words
      const [hit] = (await store.searchCases('default', words('courier'), 20, null)).items;
      expect(hit?.snippet).toContain('called the courier');
      expect(hit?.case.reference).toBe('COM-000002');
    });

    it('follows the case data as events change it, with the commit', async () => {
      // given a case about a kettle
      const before = await create('c1', { customer: { email: 'old@example.com' }, description: 'kettle' });
      // when an event changes its text and its customer
      const after = await change(before, { customer: { email: 'new@example.com' }, description: 'toaster' });
      // then the new words find it and the old ones no longer do
      expect([await ids('toaster'), await ids('new@example.com'), await ids('kettle'), await ids('old@example.com')]).toEqual([['c1'], ['c1'], [], []]);
      // and an event that changes no text leaves it findable (the index not touched)
      const untouched = eventCommit(after, {}, 'TOUCH', T1, { previous: after, search: searchDocumentOf(def, after.data as never), previousSearch: searchDocumentOf(def, after.data as never) });
      expect((await store.commit(untouched)).ok).toBe(true);
      expect(await ids('toaster')).toEqual(['c1']);
      // and a commit that fails (a stale revision) changes nothing
      const stale = eventCommit(before, { data: { description: 'blender' } }, 'EDIT', T1, { search: searchDocumentOf(def, { description: 'blender' }) });
      expect(await store.commit(stale)).toEqual({ ok: false, code: 'case.conflict' });
      expect(await ids('blender')).toEqual([]);
    });

    it('reads operators and quotes as plain words: a safe answer, never a syntax error', async () => {
      await create('q1', { description: 'He said "NEAR the gate" AND left: the (red) car ^ col:umn -minus *star' });
      const nasty = ['"', '""', '"NEAR', 'NEAR(gate left)', 'AND', 'OR NOT', '-minus', 'col:umn', '^', '(red)', '*star', 'gate*', "a & b | !c <-> d:*", "it's", '\\', "'':*", 'reference : x', '{description}: gate', '\u0000gate', 'x'.repeat(200)];
      for (const q of nasty) {
        const page = await store.searchCases('default', words(q), 20, null);
        expect(Array.isArray(page.items)).toBe(true);
      }
      // the words are matched as text
      expect(await ids('"NEAR the gate"')).toEqual(['q1']);
      expect(await ids('(red) AND -minus')).toEqual(['q1']);
      expect(await ids('NOT')).toEqual([]);
      expect(await ids('&|!')).toEqual([]);
    });

    it('ranks the reference above the customer above a mention in the text, and pages the ranking', async () => {
      // given a case whose reference is COM-000003, one whose text names it, one whose customer is Smith and one whose text names Smith
      await create('mention', { description: 'see COM-000003 for the earlier complaint, Smith said' });
      await create('customer', { customer: { name: 'Jo Smith', email: 'jo@smith.example' }, description: 'a complaint' });
      await create('ref', { description: 'the earlier complaint' });
      expect(await ids('COM-000003')).toEqual(['ref', 'mention']);
      expect(await ids('smith')).toEqual(['customer', 'mention']);
      // paged: one at a time, the same order, then no cursor
      const p1 = await store.searchCases('default', words('complaint'), 2, null);
      const p2 = await store.searchCases('default', words('complaint'), 2, p1.nextCursor);
      expect(p1.items.length).toBe(2);
      expect(p2.items.length).toBe(1);
      expect(p2.nextCursor).toBeNull();
      expect(new Set([...p1.items, ...p2.items].map((h) => h.case.id))).toEqual(new Set(['mention', 'customer', 'ref']));
    });

    it("keeps a partner's search in the partner's queues and to references", async () => {
      await create('mine', { description: 'kettle' }, { queue: 'outsourced' });
      await create('notmine', { description: 'kettle' }, { queue: 'triage' });
      expect((await store.searchCases('default', { ...words('kettle'), queues: ['outsourced'] }, 20, null)).items.map((h) => h.case.id)).toEqual(['mine']);
      expect((await store.searchCases('default', { ...words('kettle'), queues: [] }, 20, null)).items).toEqual([]);
      // reference only: the text (fields a partner may not see) does not match, the reference does, without a snippet
      expect((await store.searchCases('default', { ...words('kettle'), queues: ['outsourced'], referenceOnly: true }, 20, null)).items).toEqual([]);
      const byRef = await store.searchCases('default', { ...words('COM-000001'), queues: ['outsourced'], referenceOnly: true }, 20, null);
      expect(byRef.items.map((h) => [h.case.id, h.snippet])).toEqual([['mine', null]]);
    });

    it('finds the cases stored before the index after the upgrade', async () => {
      // given a database at the schema before the search index, holding 1,050 cases (two backfill pages)
      const cases = Array.from({ length: 1050 }, (_, i) => ({
        kase: makeCase(`old-${i}`, { createdAt: new Date(Date.parse(T0) + i * 1000).toISOString(), data: { customer: { email: `c${i}@example.com` }, description: i === 1049 ? 'het laatste pakket' : `case ${i}` } }),
        reference: `COM-${String(i + 1).padStart(6, '0')}`,
      }));
      await store.close();
      store = await target.older(cases);
      // then after the migration each is found by its customer, its text and its reference
      expect(await ids('c1049@example.com')).toEqual(['old-1049']);
      expect(await ids('pakket')).toEqual(['old-1049']);
      expect(await ids('COM-000001')).toEqual(['old-0']);
      // a word of 1,049 of them: the newest 1,000 are ranked and paged, the 49 oldest are past the window
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<CaseStore['searchCases']>> = await store.searchCases('default', words('case'), 200, cursor);
        found.push(...page.items.map((h) => h.case.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect([found.length, new Set(found).size, found.includes('old-1048'), found.includes('old-49'), found.includes('old-48')]).toEqual([1000, 1000, true, true, false]);
      // and the next case gets its index row by its commit
      await create('new', { description: 'pakket' });
      expect((await ids('pakket')).sort()).toEqual(['new', 'old-1049']);
    });
  });
}

function olderSqliteDb(file: string, cases: { kase: Case; reference: string }[]): void {
  const db = new Database(file);
  db.transaction(() => {
    db.prepare("INSERT INTO case_reference_counters (tenant, prefix, last) VALUES ('default', 'COM', ?)").run(cases.length);
    const insert = db.prepare(`INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, created_at, updated_at, revision, body, reference, channel)
      VALUES (?, 'default', 'complaint', 1, ?, ?, ?, 'normal', ?, ?, 1, ?, ?, 'api')`);
    for (const { kase, reference } of cases) {
      insert.run(kase.id, JSON.stringify(kase.state), stateIdsColumn(kase.state), JSON.stringify(kase.data), kase.createdAt, kase.updatedAt, JSON.stringify(kase), reference);
    }
  })();
  db.close();
}

searchSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-search-'));
  let n = 0;
  let file = join(dir, `db${n}.sqlite`);
  return {
    open: async () => createSqliteStore({ file }),
    async older(cases) {
      // a fresh file at the schema before the index, with the tenants and type of the first
      const source = new Database(file, { readonly: true });
      const tenants = source.prepare('SELECT * FROM tenants').all() as { id: string; created_at: string }[];
      const types = source.prepare('SELECT tenant, key, version, title, definition, published_at FROM case_types').all() as Record<string, unknown>[];
      source.close();
      file = join(dir, `db${++n}.sqlite`);
      const db = new Database(file);
      migrateSqlite(db, sqliteSearchVersion - 1);
      for (const t of tenants) db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?)').run(t.id, t.created_at);
      for (const t of types) db.prepare('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES (@tenant, @key, @version, @title, @definition, @published_at)').run(t);
      db.close();
      olderSqliteDb(file, cases);
      return createSqliteStore({ file });
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  searchSuite('PostgreSQL', async () => {
    let database = await scratchDatabase();
    const drops = [database];
    return {
      open: () => createPostgresStore({ url: database.url }),
      async older(cases) {
        const def = JSON.stringify({ ...complaintType(), version: 1 });
        database = await scratchDatabase();
        drops.push(database);
        const db = createPostgresDb({ url: database.url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
        await migratePostgres(db, postgresSearchVersion - 1);
        for (const tenant of ['default', 'other']) {
          await db.rows('INSERT INTO tenants (id, created_at) VALUES ($1, $2)', [tenant, T0]);
          await db.rows("INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ($1, 'complaint', 1, 'Complaint', $2, $3)", [tenant, def, T0]);
        }
        for (const { kase, reference } of cases) {
          await db.rows(
            `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, created_at, updated_at, revision, body, reference, channel)
            VALUES ($1, 'default', 'complaint', 1, $2, $3, $4, 'normal', $5, $5, 1, $6, $7, 'api')`,
            [kase.id, JSON.stringify(kase.state), stateIdsColumn(kase.state), JSON.stringify(kase.data), kase.createdAt, JSON.stringify(kase), reference],
          );
        }
        await db.rows(`INSERT INTO case_reference_counters (tenant, prefix, last) VALUES ('default', 'COM', ${cases.length})`);
        await db.end();
        return createPostgresStore({ url: database.url });
      },
      dispose: async () => {
        for (const d of drops) await d.drop();
      },
    };
  });
});
