// Case search on SQLite (docs/search.md): an FTS5 table `case_search` keyed by the case row's rowid
// with three columns (reference, customer, text), tokenised by unicode61 with diacritics removed (café
// is found by cafe, in Dutch and English alike). It keeps its own copy of the text (not contentless):
// snippet() needs it, and a row is replaced by rowid without knowing what it held. Written in the
// commit's transaction, only when the case's search document changed.
import type Database from 'better-sqlite3';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { JsonValue } from '../../engine/index.ts';
import type { CaseCommit, Page, SearchHit, SearchQuery, StoredCase } from '../case-store.ts';
import { decodeCursor, encodeCursor, CursorError } from '../cursor.ts';
import { fts5Query, RANK_WINDOW, sameSearchDocument, searchDocumentOf } from '../search-text.ts';

/** The FTS5 table (its shadow tables case_search_data, _idx, _content, _docsize, _config come with it). */
export const searchTableSql = `CREATE VIRTUAL TABLE case_search USING fts5(reference, customer, text,
  tokenize = 'unicode61 remove_diacritics 2')`;

/** The tables FTS5 makes for case_search: derived from the cases, not copied by `dossier store copy`. */
export const searchTables = ['case_search', 'case_search_data', 'case_search_idx', 'case_search_content', 'case_search_docsize', 'case_search_config'];

/** bm25 weights of the columns: a hit in the reference counts most, then the customer, then the text. */
const RANK = 'bm25(case_search, 10.0, 4.0, 1.0)';



export function createSqliteSearch(db: Database.Database, parse: (row: { id: string; tenant: string; body: string; reference: string }) => StoredCase) {
  const s = {
    remove: db.prepare('DELETE FROM case_search WHERE rowid = ?'),
    insert: db.prepare('INSERT INTO case_search (rowid, reference, customer, text) VALUES (?, ?, ?, ?)'),
    rowOf: db.prepare('SELECT rowid AS rowid, reference FROM cases WHERE id = ?'),
    caseAt: db.prepare('SELECT id, tenant, body, reference FROM cases WHERE rowid = ?'),
    snippets: db.prepare(`SELECT rowid AS rid, snippet(case_search, 2, '', '', '…', 16) AS snippet, text <> '' AS hasText
      FROM case_search WHERE case_search MATCH @match AND rowid >= @lo AND rowid <= @hi AND rowid IN (SELECT value FROM json_each(@ids))`),
  };

  /**
   * Writes the case's row in the commit's transaction. `created`: the new case's rowid and reference.
   * An event whose document equals the previous one writes nothing.
   */
  function writeSearch(commit: CaseCommit, created: { rowid: number | bigint; reference: string } | null): void {
    const doc = commit.search;
    if (doc === undefined) return;
    if (created !== null) {
      s.insert.run(created.rowid, created.reference, doc.customer, doc.text);
      return;
    }
    if (commit.previousSearch !== undefined && sameSearchDocument(commit.previousSearch, doc)) return;
    const row = s.rowOf.get(commit.case.id) as { rowid: number; reference: string } | undefined;
    if (row === undefined) return;
    s.remove.run(row.rowid);
    s.insert.run(row.rowid, row.reference, doc.customer, doc.text);
  }

  function searchCases(tenant: string, query: SearchQuery, limit: number, cursor: string | null): Page<SearchHit> {
    const offset = cursor === null ? 0 : Number(decodeCursor(cursor, 1)[0]);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= RANK_WINDOW) throw new CursorError();
    if (query.words.length === 0 || (query.queues !== undefined && query.queues.length === 0)) return { items: [], nextCursor: null };
    const params: Record<string, unknown> = { match: fts5Query(query.words, query.referenceOnly === true), tenant, window: RANK_WINDOW };
    let scope = '';
    if (query.queues !== undefined) {
      scope = 'AND c.queue IN (SELECT value FROM json_each(@queues))';
      params.queues = JSON.stringify(query.queues);
    }
    // 1. The newest RANK_WINDOW matches of the tenant (FTS5 walks its doclists backwards by rowid, the
    //    cases' insertion order): the oldest rowid among them bounds the ranking below.
    const floor = db
      .prepare(`SELECT min(rid) AS floor FROM (SELECT case_search.rowid AS rid FROM case_search JOIN cases c ON c.rowid = case_search.rowid
        WHERE case_search MATCH @match AND c.tenant = @tenant ${scope} ORDER BY case_search.rowid DESC LIMIT @window)`)
      .get(params) as { floor: number | null };
    if (floor.floor === null) return { items: [], nextCursor: null };
    // 2. Those ranked by bm25, one page: ids only (the snippets and bodies of the page's cases after)
    const ranked = db
      .prepare(`SELECT case_search.rowid AS rid FROM case_search JOIN cases c ON c.rowid = case_search.rowid
        WHERE case_search MATCH @match AND case_search.rowid >= @floor AND c.tenant = @tenant ${scope}
        ORDER BY ${RANK}, c.id LIMIT @limit OFFSET @offset`)
      .all({ ...params, floor: floor.floor, limit: limit + 1, offset }) as { rid: number }[];
    const page = ranked.slice(0, limit).map((r) => r.rid);
    // 3. The page's snippets in one query (the match's terms found once), then its cases
    const snippets = new Map<number, string>();
    if (query.referenceOnly !== true && page.length > 0) {
      const rows = s.snippets.all({ match: params.match, lo: Math.min(...page), hi: Math.max(...page), ids: JSON.stringify(page) }) as { rid: number; snippet: string | null; hasText: number }[];
      for (const r of rows) if (r.hasText === 1 && r.snippet !== null) snippets.set(r.rid, r.snippet.replace(/\s+/g, ' ').trim());
    }
    const items = page.map((rid) => ({ case: parse(s.caseAt.get(rid) as { id: string; tenant: string; body: string; reference: string }), snippet: snippets.get(rid) ?? null }));
    const next = offset + limit;
    return { items, nextCursor: ranked.length > limit && next < RANK_WINDOW ? encodeCursor([next]) : null };
  }

  return { writeSearch, searchCases };
}

/** Cases read per step of the backfill: bounded memory on a large database. */
const BACKFILL_PAGE = 1000;

/**
 * Fills the index from the cases already stored (the migration that creates it runs this once, in its
 * transaction), from each case's published definition through `searchDocumentOf`, the function the
 * commits use: nothing is unfound after an upgrade.
 */
export function backfillSearch(db: Database.Database): void {
  const definitions = new Map<string, CaseType>();
  for (const row of db.prepare('SELECT tenant, key, version, definition FROM case_types').all() as { tenant: string; key: string; version: number; definition: string }[]) {
    definitions.set(`${row.tenant}\u0000${row.key}@${row.version}`, JSON.parse(row.definition) as CaseType);
  }
  const page = db.prepare('SELECT rowid AS rowid, tenant, case_type, version, data, reference FROM cases WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const insert = db.prepare('INSERT INTO case_search (rowid, reference, customer, text) VALUES (?, ?, ?, ?)');
  let after = 0;
  for (;;) {
    const rows = page.all(after, BACKFILL_PAGE) as { rowid: number; tenant: string; case_type: string; version: number; data: string; reference: string }[];
    for (const row of rows) {
      const def = definitions.get(`${row.tenant}\u0000${row.case_type}@${row.version}`);
      const doc = def === undefined ? { customer: '', text: '' } : searchDocumentOf(def, JSON.parse(row.data) as JsonValue);
      insert.run(row.rowid, row.reference, doc.customer, doc.text);
    }
    if (rows.length < BACKFILL_PAGE) return;
    after = (rows[rows.length - 1] as { rowid: number }).rowid;
  }
}

/** The migration: the table, filled from the cases stored before it. */
export function searchIndexMigration(db: Database.Database): void {
  db.exec(searchTableSql);
  backfillSearch(db);
}
