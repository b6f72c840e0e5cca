// search (issue 21, item 4; docs/search.md): case search at 100,000 cases on SQLite and on PostgreSQL.
// The cases (a generated corpus of complaints: Dutch and English customers, e-mail addresses, a subject
// and a description of 12 to 60 words from a 2,000-word vocabulary with a skewed frequency) are written
// at the schema before the search index, as rows, and the store's migration builds the index when the
// store opens (timed: the upgrade's backfill). Then, per round:
//   - search latency, p50 and p99 over a mix of what agents type (a customer's e-mail whole, an e-mail
//     fragment (prefix), a customer's name, one or two words of a description, a reference), and the
//     p99 of a word that occurs in about a third of the cases (the costliest: every match is ranked);
//   - the added cost per event of keeping the index: sequential commits of events that change the
//     description with the index kept, against the same events without it (median per event), and the
//     host CPU of computing the search documents of an event (the case service does it for every one).
// Target: p99 < 100 ms at 100,000 cases on both stores.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { Case, JsonValue } from '../../runtime/engine/index.ts';
import type { CaseCommit, CaseStore } from '../../runtime/store/case-store.ts';
import { searchIndexVersion as sqliteSearchVersion, migrate as migrateSqlite } from '../../runtime/store/sqlite/migrations.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { searchIndexVersion as postgresSearchVersion, migrate as migratePostgres } from '../../runtime/store/postgres/migrations.ts';
import { createPostgresDb } from '../../runtime/store/postgres/postgres-db.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { sameSearchDocument, searchDocumentOf, searchWords } from '../../runtime/store/search-text.ts';
import { stateIdsColumn } from '../../runtime/store/state-ids.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { percentile } from '../lib/stats.ts';
import type { BenchOptions, Figure, RoundResult, Suite } from '../lib/types.ts';
import { seededRandom } from '../lib/complaint-history.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const TEMPLATE = join(import.meta.dirname, '../../templates/complaint.case.json');


const FIRST = ['Ann', 'Bram', 'Carla', 'Daan', 'Emma', 'Finn', 'Grace', 'Hugo', 'Iris', 'Jan', 'Kees', 'Lotte', 'Milan', 'Noor', 'Olivia', 'Pieter', 'Quinn', 'Roos', 'Sem', 'Tess', 'Umar', 'Vera', 'Wim', 'Xander', 'Yara', 'Zoë'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smith', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker'];
const SEED_WORDS = ('parcel pakket delivery bezorging refund terugbetaling invoice factuur broken kapot late laat courier koerier order bestelling ' +
  'kettle waterkoker toaster broodrooster washing wasmachine warranty garantie charged afgeschreven twice dubbel account rekening password wachtwoord ' +
  'subscription abonnement cancel opzeggen address adres damaged beschadigd missing ontbreekt store winkel staff medewerker rude onbeleefd').split(' ');

/** A vocabulary of 2,000 words: the seed words and made-up Dutch- and English-looking ones. */
function vocabulary(next: () => number): string[] {
  const syllables = ['ka', 'lo', 'ver', 'zon', 'del', 'mi', 'tra', 'pe', 'gen', 'bur', 'ste', 'ion', 'ness', 'ing', 'heid', 'lijk', 'en', 'st', 'ro', 'ma'];
  const words = new Set(SEED_WORDS);
  while (words.size < 2000) {
    const n = 2 + Math.floor(next() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(next() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

interface Corpus {
  cases: { kase: Case; reference: string }[];
  emails: string[];
  names: string[];
  /** Words of a description, rare enough to pick a handful of cases. */
  rareWords: string[];
  /** A word in about a third of the descriptions. */
  commonWord: string;
  vocab: string[];
}

function corpus(count: number): Corpus {
  const next = seededRandom(21);
  const vocab = vocabulary(next);
  // a skewed frequency: word i is drawn with a weight of 1 / (i + 1)^0.9 (Zipf-like)
  const weights = vocab.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  const word = () => {
    const r = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] as string;
  };
  const cases: Corpus['cases'] = [];
  const emails: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[Math.floor(next() * FIRST.length)] as string;
    const last = LAST[Math.floor(next() * LAST.length)] as string;
    const name = `${first} ${last}`;
    const email = `${first}.${last.replace(/ /g, '')}.${String(i)}@example.${i % 2 === 0 ? 'nl' : 'com'}`.toLowerCase();
    const length = 12 + Math.floor(next() * 49);
    const description = Array.from({ length }, word).join(' ');
    const subject = Array.from({ length: 4 }, word).join(' ');
    const createdAt = new Date(Date.parse(T0) + i * 1000).toISOString();
    const data = { customer: { name, email, phone: `+31 6 ${String(10000000 + i)}` }, channel: 'email', subject, description };
    const kase: Case = {
      id: `case-${String(i).padStart(7, '0')}`, caseType: 'complaint', version: 1, state: 'triage', data, priority: 'normal', queue: 'triage',
      assignee: null, channel: 'email', parentId: null, createdAt, updatedAt: createdAt, closedAt: null, revision: 1,
      tasks: [], slas: [], timers: [], children: [], seq: 1,
    };
    cases.push({ kase, reference: `COM-${String(i + 1).padStart(6, '0')}` });
    emails.push(email);
    names.push(name);
  }
  return { cases, emails, names, rareWords: vocab.slice(1200, 1400), commonWord: vocab[2] as string, vocab };
}

/** The search mix: what agents type, drawn evenly. */
function queries(c: Corpus, count: number): string[] {
  const next = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(next() * c.cases.length);
    switch (i % 6) {
      case 0: out.push(c.emails[n] as string); break;
      case 1: out.push((c.emails[n] as string).slice(0, (c.emails[n] as string).indexOf('@') + 4)); break;
      case 2: out.push(c.names[n] as string); break;
      case 3: out.push(pick(c.rareWords)); break;
      case 4: out.push(`${pick(c.rareWords)} ${pick(c.vocab.slice(0, 50))}`); break;
      default: out.push(c.cases[n]?.reference as string);
    }
  }
  return out;
}

async function timeSearches(store: CaseStore, list: string[]): Promise<number[]> {
  const ms: number[] = [];
  for (const q of list) {
    const t0 = performance.now();
    await store.searchCases('default', { words: searchWords(q) }, 20, null);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const median = (values: number[]) => percentile(values, 50);

/**
 * The added cost per event write: `events` sequential events on cases of the corpus that change the
 * description, committed with the search document (index written) and without it (index untouched),
 * alternating in blocks; the median per event of each, in µs.
 */
async function eventCost(store: CaseStore, def: CaseType, c: Corpus, events: number, start: number): Promise<{ withIndex: number; without: number }> {
  const withIndex: number[] = [];
  const without: number[] = [];
  const live = new Map<string, Case>();
  for (let i = 0; i < events; i++) {
    const entry = c.cases[(start + i * 37) % c.cases.length] as { kase: Case };
    const before = live.get(entry.kase.id) ?? ((await store.getCase('default', entry.kase.id)) as Case);
    const data = { ...(before.data as Record<string, unknown>), description: `${String((before.data as { description: string }).description)} ${c.vocab[i % c.vocab.length] as string}` };
    const next: Case = { ...before, data, revision: before.revision + 1, updatedAt: T0, seq: before.seq + 1 };
    const indexed = Math.floor(i / 10) % 2 === 0;
    const commit: CaseCommit = {
      tenant: 'default', case: next, expectedRevision: before.revision, previous: before,
      history: { seq: next.seq, at: T0, actor: 'bench', event: { type: 'EDIT' }, from: 'triage', to: 'triage', patch: [{ op: 'replace', path: '/description', value: data.description }], notes: [] },
      effects: [], at: T0,
      ...(indexed ? { search: searchDocumentOf(def, data as JsonValue), previousSearch: searchDocumentOf(def, before.data as JsonValue) } : {}),
    };
    const t0 = performance.now();
    const r = await store.commit(commit);
    const us = (performance.now() - t0) * 1000;
    if (!r.ok) throw new Error(`bench search: an event commit failed (${r.code})`);
    (indexed ? withIndex : without).push(us);
    live.set(next.id, next);
  }
  return { withIndex: median(withIndex), without: median(without) };
}

/** µs of CPU to compute the search documents of one event (both snapshots) and compare them. */
function documentCostUs(def: CaseType, c: Corpus): number {
  const n = 20_000;
  const t0 = process.cpuUsage();
  let same = 0;
  for (let i = 0; i < n; i++) {
    const data = c.cases[i % c.cases.length]?.kase.data as JsonValue;
    if (sameSearchDocument(searchDocumentOf(def, data), searchDocumentOf(def, data))) same++;
  }
  const used = process.cpuUsage(t0);
  if (same !== n) throw new Error('bench search: documents differ');
  return (used.user + used.system) / n;
}

/** A SQLite file at the schema before the index, holding the corpus. */
function sqliteBefore(file: string, def: CaseType, c: Corpus): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrateSqlite(db, sqliteSearchVersion - 1); // the schema before the search index: its upgrade fills it
  db.transaction(() => {
    db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?)').run('default', T0);
    db.prepare("INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ('default', 'complaint', 1, ?, ?, ?)").run(def.title, JSON.stringify({ ...def, version: 1 }), T0);
    const insert = db.prepare(`INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue, created_at, updated_at, revision, body, reference, channel)
      VALUES (?, 'default', 'complaint', 1, ?, ?, ?, 'normal', 'triage', ?, ?, 1, ?, ?, 'email')`);
    for (const { kase, reference } of c.cases) insert.run(kase.id, JSON.stringify(kase.state), stateIdsColumn(kase.state), JSON.stringify(kase.data), kase.createdAt, kase.updatedAt, JSON.stringify(kase), reference);
    db.prepare("INSERT INTO case_reference_counters (tenant, prefix, last) VALUES ('default', 'COM', ?)").run(c.cases.length);
  })();
  db.close();
}

async function postgresBefore(url: string, def: CaseType, c: Corpus): Promise<void> {
  const db = createPostgresDb({ url, poolSize: 1, connectTimeoutMs: 5000, lockTimeoutMs: 5000 });
  try {
    await migratePostgres(db, postgresSearchVersion - 1);
    await db.rows('INSERT INTO tenants (id, created_at) VALUES ($1, $2)', ['default', T0]);
    await db.rows("INSERT INTO case_types (tenant, key, version, title, definition, published_at) VALUES ('default', 'complaint', 1, $1, $2, $3)", [def.title, JSON.stringify({ ...def, version: 1 }), T0]);
    for (let i = 0; i < c.cases.length; i += 2000) {
      const batch = c.cases.slice(i, i + 2000);
      await db.rows(
        `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue, created_at, updated_at, revision, body, reference, channel)
         SELECT id, 'default', 'complaint', 1, state::json, state_ids, data::json, 'normal', 'triage', at, at, 1, body::json, reference, 'email'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r(id, state, state_ids, data, at, body, reference)`,
        [
          batch.map((b) => b.kase.id), batch.map((b) => JSON.stringify(b.kase.state)), batch.map((b) => stateIdsColumn(b.kase.state)),
          batch.map((b) => JSON.stringify(b.kase.data)), batch.map((b) => b.kase.createdAt), batch.map((b) => JSON.stringify(b.kase)), batch.map((b) => b.reference),
        ],
      );
    }
    await db.rows("INSERT INTO case_reference_counters (tenant, prefix, last) VALUES ('default', 'COM', $1)", [c.cases.length]);
    await db.rows('ANALYZE');
  } finally {
    await db.end();
  }
}

async function measure(name: 'sqlite' | 'postgres', store: CaseStore, def: CaseType, c: Corpus, options: BenchOptions, round: number): Promise<Record<string, Figure>> {
  const mix = queries(c, options.quick ? 120 : 600);
  await timeSearches(store, mix.slice(0, 30)); // warm the caches
  const ms = await timeSearches(store, mix);
  const common = await timeSearches(store, Array.from({ length: options.quick ? 10 : 40 }, () => c.commonWord));
  const hits = (await store.searchCases('default', { words: [c.commonWord] }, 1, null)).items.length;
  if (hits === 0) throw new Error(`bench search: the common word finds nothing on ${name}`);
  const cost = await eventCost(store, def, c, options.quick ? 200 : 1000, round * 7919);
  const unit = `ms, ${c.cases.length} cases`;
  options.log(
    `search ${name} round ${round + 1}: p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms over ${ms.length} searches; ` +
      `a word in a third of the cases p99 ${percentile(common, 99).toFixed(1)} ms; an event ${cost.withIndex.toFixed(0)} µs with the index, ${cost.without.toFixed(0)} µs without`,
  );
  return {
    [`search_${name}_p50_ms`]: { value: percentile(ms, 50), unit },
    [`search_${name}_p99_ms`]: { value: percentile(ms, 99), unit },
    [`search_${name}_common_word_p99_ms`]: { value: percentile(common, 99), unit: `${unit}, a word in about a third of them` },
    [`search_${name}_event_with_index_us`]: { value: cost.withIndex, unit: 'µs per event that changes the text, sequential, index written' },
    [`search_${name}_event_without_index_us`]: { value: cost.without, unit: 'µs per event that changes the text, sequential, index not written' },
    [`search_${name}_event_added_us`]: { value: cost.withIndex - cost.without, unit: 'µs added per event that changes the text' },
  };
}

export const searchSuite: Suite = {
  name: 'search',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const count = options.quick ? 20_000 : 100_000;
    const def = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as CaseType;
    const c = corpus(count);
    const documentUs = documentCostUs(def, c);
    options.log(`search: ${count} cases generated; the search documents of an event cost ${documentUs.toFixed(1)} µs of CPU`);

    // SQLite: the file before the index, then the store's migration builds it
    const file = freshDbFile(options.workDir, 'search.db');
    sqliteBefore(file, def, c);
    let t0 = performance.now();
    const sqlite = createSqliteStore({ file });
    const sqliteBackfillS = (performance.now() - t0) / 1000;
    options.log(`search: SQLite backfill of ${count} cases ${sqliteBackfillS.toFixed(1)} s`);

    let postgres: { store: CaseStore; drop: () => Promise<void>; backfillS: number } | null = null;
    const unavailable = await postgresUnavailable();
    if (unavailable === null) {
      const database = await scratchDatabase();
      await postgresBefore(database.url, def, c);
      t0 = performance.now();
      const store = await createPostgresStore({ url: database.url });
      const backfillS = (performance.now() - t0) / 1000;
      options.log(`search: PostgreSQL backfill of ${count} cases ${backfillS.toFixed(1)} s`);
      postgres = { store, drop: () => database.drop(), backfillS };
    } else options.log(`search: PostgreSQL not measured: ${unavailable}`);

    try {
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const figures: Record<string, Figure> = {
          search_document_cpu_us: { value: documentUs, unit: 'µs of CPU per event: both search documents computed and compared' },
          search_sqlite_backfill_s: { value: sqliteBackfillS, unit: `s, ${count} cases, at the upgrade` },
          ...(await measure('sqlite', sqlite, def, c, options, round)),
        };
        if (postgres !== null) {
          Object.assign(figures, { search_postgres_backfill_s: { value: postgres.backfillS, unit: `s, ${count} cases, at the upgrade` } }, await measure('postgres', postgres.store, def, c, options, round));
        }
        rounds.push({ figures, ratios: {} });
      }
      return rounds;
    } finally {
      await sqlite.close();
      if (postgres !== null) {
        await postgres.store.close();
        await postgres.drop();
      }
    }
  },
};
