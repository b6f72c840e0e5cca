// Case search on PostgreSQL (docs/search.md): a table `case_search` beside `cases`, one row per case with
// its reference, customer and text, and a stored generated `doc` tsvector (the `simple` configuration:
// no stemming and no stop words, so Dutch and English words are found as typed; the reference weighted
// A, the customer B, the text D) under a GIN index. A table of its own, not a column of `cases`: an event
// that changes no text (most) leaves it alone, where a column would put a new entry in the GIN index at
// every update of the case row. Written by the commit's statement (commit-statement.ts), in it. The
// parser reads `<word>` as an HTML tag and drops it: the angle brackets are read as spaces, as FTS5 does.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { JsonValue } from '../../engine/index.ts';
import type { CaseCommit, SearchQuery } from '../case-store.ts';
import { CursorError, decodeCursor } from '../cursor.ts';
import { prefixWord, RANK_WINDOW, sameSearchDocument, searchDocumentOf, tsqueryPrefix } from '../search-text.ts';
import type { Queryable, SqlValue } from './postgres-db.ts';

export const searchTableSql = `
  CREATE TABLE case_search (
    case_id text COLLATE "C" PRIMARY KEY REFERENCES cases(id), tenant text COLLATE "C" NOT NULL, created_at text COLLATE "C" NOT NULL,
    reference text NOT NULL, customer text NOT NULL, body text NOT NULL,
    doc tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple'::regconfig, reference), 'A') || setweight(to_tsvector('simple'::regconfig, translate(customer, '<>', '  ')), 'B')
      || setweight(to_tsvector('simple'::regconfig, translate(body, '<>', '  ')), 'D')) STORED);
  CREATE INDEX case_search_doc ON case_search USING gin (doc);
  `;


/** The search parameters of a commit: whether to write the case's row, and its customer and text. */
export function searchValues(commit: CaseCommit): { set: boolean; customer: string | null; text: string | null } {
  const doc = commit.search;
  if (doc === undefined) return { set: false, customer: null, text: null };
  if (commit.expectedRevision !== null && commit.previousSearch !== undefined && sameSearchDocument(commit.previousSearch, doc)) {
    return { set: false, customer: null, text: null };
  }
  return { set: true, customer: doc.customer, text: doc.text };
}

/** The query of a search: its SQL (cases `c` joined) and parameters, `$1`… numbered. */
export function searchSql(tenant: string, query: SearchQuery, limit: number, cursor: string | null): { sql: string; values: SqlValue[] } | null {
  const offset = cursor === null ? 0 : Number(decodeCursor(cursor, 1)[0]);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= RANK_WINDOW) throw new CursorError();
  if (query.words.length === 0 || (query.queues !== undefined && query.queues.length === 0)) return null;
  const values: SqlValue[] = [];
  const param = (v: SqlValue) => {
    values.push(v);
    return `$${values.length}`;
  };
  // each word through phraseto_tsquery, which reads no operator; the last also as a literal prefix
  const parts = query.words.map((w, i) => {
    const phrase = `phraseto_tsquery('simple', ${param(w.replace(/[<>]/g, ' '))})`;
    const prefix = i === query.words.length - 1 && prefixWord(w) ? tsqueryPrefix(query.words) : null;
    return prefix === null ? phrase : `(${phrase} || ${param(prefix)}::tsquery)`;
  });
  const where = [`s.doc @@ q.query`, `s.tenant = ${param(tenant)}`];
  if (query.referenceOnly === true) where.push(`to_tsvector('simple', s.reference) @@ q.query`);
  if (query.queues !== undefined) where.push(`EXISTS (SELECT 1 FROM cases c WHERE c.id = s.case_id AND c.queue = ANY(${param([...query.queues])}::text[]))`);
  const headline = query.referenceOnly === true
    ? 'NULL::text'
    : `CASE WHEN found.body = '' THEN NULL ELSE ts_headline('simple', translate(found.body, '<>', '  '), q.query,
        'StartSel="",StopSel="",MaxWords=18,MinWords=6,MaxFragments=1,FragmentDelimiter=" … "') END`;
  // the newest RANK_WINDOW matches (a top-N sort of the GIN index's matches, no tsvector read), then
  // those ranked: a word in a third of the cases is not scored a third of the cases over
  const sql = `WITH q AS (SELECT ${parts.join(' && ')} AS query),
    newest AS (
      SELECT s.case_id FROM case_search s, q WHERE ${where.join(' AND ')}
      ORDER BY s.created_at DESC LIMIT ${param(RANK_WINDOW)}),
    found AS (
      SELECT s.case_id AS id, s.body, ts_rank('{0.1, 0.2, 0.4, 1.0}', s.doc, q.query) AS rank
      FROM newest JOIN case_search s ON s.case_id = newest.case_id, q
      ORDER BY rank DESC, s.case_id LIMIT ${param(limit + 1)} OFFSET ${param(offset)})
    SELECT found.id, ${headline} AS snippet FROM found, q ORDER BY found.rank DESC, found.id`;
  return { sql, values };
}

/** Cases read per step of the backfill. */
const BACKFILL_PAGE = 1000;

/**
 * Fills the index from the cases already stored (the migration runs this once, in its transaction;
 * `dossier store copy` after its rows), through `searchDocumentOf`, the function the commits use.
 */
export async function backfillSearch(tx: Queryable): Promise<void> {
  const definitions = new Map<string, CaseType>();
  for (const row of await tx.rows<{ tenant: string; key: string; version: number; definition: string }>('SELECT tenant, key, version, definition::text AS definition FROM case_types')) {
    definitions.set(`${row.tenant}\u0000${row.key}@${row.version}`, JSON.parse(row.definition) as CaseType);
  }
  let after = '';
  for (;;) {
    const rows = await tx.rows<{ id: string; tenant: string; case_type: string; version: number; data: string; reference: string; created_at: string }>(
      `SELECT id, tenant, case_type, version, data::text AS data, reference, created_at FROM cases
       WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, BACKFILL_PAGE],
    );
    if (rows.length === 0) return;
    const ids: string[] = [];
    const tenants: string[] = [];
    const references: string[] = [];
    const customers: string[] = [];
    const texts: string[] = [];
    const created: string[] = [];
    for (const row of rows) {
      const def = definitions.get(`${row.tenant}\u0000${row.case_type}@${row.version}`);
      const doc = def === undefined ? { customer: '', text: '' } : searchDocumentOf(def, JSON.parse(row.data) as JsonValue);
      ids.push(row.id);
      tenants.push(row.tenant);
      references.push(row.reference);
      customers.push(doc.customer);
      texts.push(doc.text);
      created.push(row.created_at);
    }
    await tx.rows(
      `INSERT INTO case_search (case_id, tenant, reference, customer, body, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT (case_id) DO NOTHING`,
      [ids, tenants, references, customers, texts, created],
    );
    if (rows.length < BACKFILL_PAGE) return;
    after = (rows[rows.length - 1] as { id: string }).id;
  }
}

/** The migration: the table, filled from the cases stored before it. */
export async function searchIndexMigration(tx: Queryable): Promise<void> {
  await tx.rows(searchTableSql);
  await backfillSearch(tx);
}
