// The shared CaseStore suite on a real SQLite file, plus SQLite-specific checks (pragmas, group commit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import type { Durability } from '../../../runtime/store/sqlite/wal-sync.ts';
import { caseReferencesVersion, channelVersion, latestSchemaVersion, migrate } from '../../../runtime/store/sqlite/migrations.ts';
import { stateIdsColumn } from '../../../runtime/store/state-ids.ts';
import type { Case, HistoryEntry } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { stageReport } from '../../../runtime/host/reports.ts';
import { caseStoreSuite } from './case-store.suite.ts';
import { createCommit, definition, entry, eventCommit, makeCase, T0 } from './fixtures.ts';
import { historyRows, referenceStageReport, sampleHistories } from './report-reference.ts';

/** Schema version 2: the last one without the customer index. */
const BEFORE_CUSTOMER_INDEX = 2;
/** Schema version 4: the last one with the history keyed by (case_id, seq) without a rowid. */
const BEFORE_HISTORY_LOG = 4;
/** Schema version 5: the last one without the stage tables. */
const BEFORE_STAGES = 5;

/**
 * A database at an older schema `version`, as the store of that version left it: the default tenant,
 * `types` published as version 1, and cases inserted as that schema stored them.
 */
function olderDatabase(file: string, version: number, types: CaseType[]): { db: Database.Database; insertCase: (kase: Case) => void } {
  const db = new Database(file);
  migrate(db, version);
  db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?)').run('default', T0);
  for (const def of types) {
    db.prepare('INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES (?, ?, 1, ?, ?, ?)')
      .run('default', def.key, def.title, JSON.stringify({ ...def, version: 1 }), T0);
  }
  const insert = db.prepare(`INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, created_at, updated_at, revision, body)
    VALUES (?, 'default', ?, 1, ?, ?, ?, 'normal', ?, ?, 1, ?)`);
  const insertCase = (kase: Case) => {
    insert.run(kase.id, kase.caseType, JSON.stringify(kase.state), stateIdsColumn(kase.state), JSON.stringify(kase.data), kase.createdAt, kase.updatedAt, JSON.stringify(kase));
  };
  return { db, insertCase };
}

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
  return { dir, file: join(dir, 'test.db') };
}

caseStoreSuite('SQLite', async () => {
  const { dir, file } = tempFile();
  return {
    open: async () => createSqliteStore({ file }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

/** A durability whose fsyncs complete only when the test says so (committed, not yet on disk). */
function heldDurability(): Durability & { complete(): void } {
  let held: ((error: Error | null) => void)[] = [];
  return {
    afterCommit: (_items, done) => void held.push(done),
    barrier: () => (held.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => held.push(() => resolve()))),
    idle: () => Promise.resolve(),
    close: () => Promise.resolve(),
    complete() {
      const waiting = held;
      held = [];
      for (const done of waiting) done(null);
    },
  };
}

describe('SQLite store specifics', () => {
  it('replays a stored answer only once the write that stored it is on disk', async () => {
    // given an idempotency record committed but whose fsync has not completed
    const { dir, file } = tempFile();
    const durability = heldDurability();
    const store = createSqliteStore({ file, durability: () => durability });
    const record = { tenant: 'default', key: 'k-1', method: 'POST', path: '/api/cases', status: 201, body: { id: 'c1' }, createdAt: T0 };
    const saved = store.saveIdempotency(record);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // when a retry looks it up
    let replayed = false;
    const lookup = store.getIdempotency('default', 'k-1').then((r) => ((replayed = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // then it waits for the disk, and gets the answer once the fsync completes
    expect(replayed).toBe(false);
    durability.complete();
    expect(await saved).toBe(true);
    expect(await lookup).toEqual(record);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file in WAL mode with the schema at the latest version', async () => {
    // given a fresh store
    const { dir, file } = tempFile();
    let connection: { tempStore: unknown; cacheKiB: unknown } | null = null;
    const store = createSqliteStore({
      file,
      onOpen: (db) => (connection = { tempStore: db.pragma('temp_store', { simple: true }), cacheKiB: db.pragma('cache_size', { simple: true }) }),
    });
    await store.close();
    // savepoint sub-journals stay in memory (2 = MEMORY) and a group commit's pages fit the cache
    expect(connection).toEqual({ tempStore: 2, cacheKiB: -16384 });
    // when the file is inspected
    const db = new Database(file);
    // then
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: latestSchemaVersion });
    db.close();
    const again = createSqliteStore({ file });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('group-commits writes that arrive together into one transaction', async () => {
    // given a store with a case type
    const { dir, file } = tempFile();
    const store = createSqliteStore({ file });
    await store.publish('default', 'complaint', definition(), T0);
    const before = store.writeStats();
    // when 50 creations are submitted at once
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.commit(createCommit(makeCase(`c${i}`)))));
    // then they were committed in one transaction
    const after = store.writeStats();
    expect(after.items - before.items).toBe(50);
    expect(after.commits - before.commits).toBe(1);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backfills the customer index from the cases stored before it, with the identifiers commits compute', async () => {
    // given a database at the schema before the index, holding cases of a type with customer keys and one without
    const { dir, file } = tempFile();
    const types: CaseType[] = [{ ...definition(), customer: { keys: ['/customer/email', '/customer/number'] } }, definition('note', 'Note')];
    const { db, insertCase: insert } = olderDatabase(file, BEFORE_CUSTOMER_INDEX, types);
    // a thousand cases first, so that Ünal's are read on the backfill's second page
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert(makeCase(`filler-${i}`, { data: { customer: { email: `customer${i}@example.com` } } }));
    })();
    insert(makeCase('a', { data: { customer: { email: ' Ünal@Example.com', number: 1001 } } }));
    insert(makeCase('b', { data: { customer: { email: '   ' } } }));
    insert(makeCase('n', { caseType: 'note', data: { customer: { email: 'ünal@example.com' } } }));
    db.close();
    // when the store opens it
    const store = createSqliteStore({ file });
    // then the case of the keyed type is found by each identifier, normalised as commits normalise them
    const ids = async (value: string) => (await store.casesByCustomerKeys('default', [value], 10, null)).items.map((c) => c.id);
    expect([await ids('ünal@example.com'), await ids('1001'), await ids('customer999@example.com'), await ids('')]).toEqual([['a'], ['a'], ['filler-999'], []]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the cases stored without a channel the channel api, in the column and the case, and keeps the others', async () => {
    // given a database at the schema before every case had a channel, one case without one (U+0000 in its data)
    const { dir, file } = tempFile();
    const { db, insertCase: insert } = olderDatabase(file, channelVersion - 1, [definition()]);
    insert(makeCase('old', { channel: null, data: { note: 'a\u0000b' } }));
    insert(makeCase('mail', { channel: 'email' }));
    db.prepare("UPDATE cases SET channel = 'email' WHERE id = 'mail'").run();
    db.close();
    // when the store opens it
    const store = createSqliteStore({ file });
    // then
    expect([(await store.getCase('default', 'old'))?.channel, (await store.getCase('default', 'old'))?.data, (await store.getCase('default', 'mail'))?.channel]).toEqual(['api', { note: 'a\u0000b' }, 'email']);
    expect((await store.listCases('default', { channel: 'api' }, 10, null)).items.map((c) => c.id)).toEqual(['old']);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbers the cases stored before the references in creation order, per prefix, and counts on from there', async () => {
    // given a database at the schema before the references, its cases inserted out of creation order
    const { dir, file } = tempFile();
    const { db, insertCase: insert } = olderDatabase(file, caseReferencesVersion - 1, [definition(), definition('purchase-approval', 'Purchase approval')]);
    const at = (hour: number) => `2026-01-05T${String(hour).padStart(2, '0')}:00:00.000Z`;
    insert(makeCase('late', { createdAt: at(12) }));
    insert(makeCase('early', { createdAt: at(9) }));
    insert(makeCase('p-b', { caseType: 'purchase-approval', createdAt: at(10) }));
    insert(makeCase('p-a', { caseType: 'purchase-approval', createdAt: at(10) }));
    insert(makeCase('middle', { createdAt: at(11) }));
    db.close();
    // when the store opens it
    const store = createSqliteStore({ file });
    // then each got the next number of its prefix in creation order (then id), and new cases count on
    const refs = async () => Object.fromEntries((await store.listCases('default', {}, 50, null)).items.map((c) => [c.id, c.reference]));
    expect(await store.commit(createCommit(makeCase('new', { createdAt: at(13) })))).toEqual({ ok: true, reference: 'COM-000004' });
    expect(await refs()).toEqual({ early: 'COM-000001', middle: 'COM-000002', late: 'COM-000003', new: 'COM-000004', 'p-a': 'PA-000001', 'p-b': 'PA-000002' });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the stage tables from the history written before them, and the trigger carries on from there', async () => {
    // given a database at schema 5 holding 40 cases' histories (parallel states, re-entries, repeated instants)
    const { dir, file } = tempFile();
    const { db, insertCase } = olderDatabase(file, BEFORE_STAGES, [definition(), definition('note', 'Note')]);
    const histories = sampleHistories(40);
    const insert = db.prepare('INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const h of histories) {
      const last = h.entries[h.entries.length - 1] as HistoryEntry;
      insertCase(makeCase(h.id, { caseType: h.caseType, state: last.to, revision: last.seq }));
      db.prepare('UPDATE cases SET revision = ? WHERE id = ?').run(last.seq, h.id);
      for (const e of h.entries) insert.run(h.id, e.seq, 'default', e.at, e.actor, e.event.type, JSON.stringify(e));
    }
    db.close();
    // when the store opens it
    const store = createSqliteStore({ file });
    // then time per stage is what the history says, in any window
    const rows = historyRows(histories);
    const windows = [{}, { caseType: 'note' }, { from: '2026-01-06T00:00:00.000Z' }, { from: '2026-01-05T12:00:00.000Z', to: '2026-01-06T12:00:00.000Z' }];
    for (const window of windows) expect(stageReport(await store.stageSummary('default', window))).toEqual(referenceStageReport(rows, window));
    // and events committed afterwards end the visits the backfill left open
    const first = histories.find((h) => h.entries.length > 1 && h.entries[h.entries.length - 1]?.to !== 'closed') as (typeof histories)[number];
    const last = first.entries[first.entries.length - 1] as HistoryEntry;
    const kase = (await store.getCase('default', first.id)) as Case;
    const at = new Date(Date.parse(last.at) + 60_000).toISOString();
    expect(await store.commit(eventCommit(kase, { state: 'closed' }, 'CLOSE', at))).toEqual({ ok: true });
    const after = historyRows(histories);
    after.splice(after.findIndex((r) => r.caseId === first.id) + first.entries.length, 0, { caseId: first.id, caseType: first.caseType, seq: last.seq + 1, at, to: 'closed' });
    for (const window of windows) expect(stageReport(await store.stageSummary('default', window))).toEqual(referenceStageReport(after, window));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the history written before the append-ordered log into it, every entry intact and in order', async () => {
    // given a database at schema 4 holding two cases with interleaved history entries
    const { dir, file } = tempFile();
    const { db, insertCase } = olderDatabase(file, BEFORE_HISTORY_LOG, [definition()]);
    const written: Record<string, HistoryEntry[]> = { a: [], b: [] };
    for (const id of ['a', 'b']) insertCase(makeCase(id));
    for (let seq = 1; seq <= 3; seq++) {
      for (const id of ['b', 'a']) {
        const h = entry(seq, `E${seq}`, `2026-01-0${seq + 1}T09:00:00.000Z`, { triage: 'collect' }, { triage: 'collect' });
        written[id]?.push(h);
        db.prepare('INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, seq, 'default', h.at, h.actor, h.event.type, JSON.stringify(h));
      }
    }
    db.close();
    // when the store opens it
    const store = createSqliteStore({ file });
    // then each case's history reads back as written, in order, and paging still works
    expect((await store.history('default', 'a', 10, null)).items).toEqual(written.a);
    const page = await store.history('default', 'b', 2, null);
    expect([page.items.map((h) => h.seq), (await store.history('default', 'b', 2, page.nextCursor)).items.map((h) => h.seq)]).toEqual([[1, 2], [3]]);
    await store.close();
    // and the table is the append-ordered log, with (case_id, seq) still unique
    const check = new Database(file);
    expect(check.prepare('SELECT COUNT(*) AS n FROM history').get()).toEqual({ n: 6 });
    expect(check.prepare("SELECT sql FROM sqlite_schema WHERE name = 'history'").pluck().get()).toMatch(/id INTEGER PRIMARY KEY/);
    expect(() => check.prepare("INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry) VALUES ('a', 3, 'default', ?, 'x', 'E', '{}')").run(T0)).toThrow(/UNIQUE/);
    check.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
