// Cases, their history and everything one event writes (the commit), on PostgreSQL. A commit is one
// statement (commit-statement.ts), atomic in autocommit; the case row's revision is compared and set in
// it (`UPDATE … WHERE revision = expected`), so of several hosts committing on the same revision exactly
// one succeeds: the others wait for its row lock, find the revision changed, and write nothing.
import type { HistoryEntry } from '../../engine/index.ts';
import type { CaseCommit, CaseFilter, CaseHistory, CommitResult, HistoryWindow, Page, SearchHit, SearchQuery, StoredCase } from '../case-store.ts';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import { normalizeIdentifier } from '../customer-keys.ts';
import { createLanes } from './case-lanes.ts';
import { commitQuery, type CommitRow } from './commit-statement.ts';
import { hasNul, statement, type PostgresDb } from './postgres-db.ts';
import { createWhere, type Where } from './where.ts';
import { searchSql } from './postgres-search.ts';
import { RANK_WINDOW } from '../search-text.ts';

export { DUE_CHANNEL } from './commit-statement.ts';

/** The unique violation (SQLSTATE 23505) of `constraint`: a commit refused as a whole. */
function violates(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return typeof e === 'object' && e !== null && e.code === '23505' && e.constraint === constraint;
}

/** Runs the commit's statement and maps its answer, or its unique violation, to a result. */
async function commitOnce(db: PostgresDb, commit: CaseCommit): Promise<CommitResult> {
  if (commit.expectedRevision === null && commit.firedTimerId !== undefined) {
    // a new case has no timer to fire (timers reference their case): refused, as it always was
    const exists = await db.changes(s.caseExists, [commit.case.id]);
    return { ok: false, code: exists === 1 ? 'case.exists' : 'timer.already_fired' };
  }
  const { kind, statement: query, values } = commitQuery(commit);
  let row: CommitRow | undefined;
  try {
    [row] = await db.rows<CommitRow>(query, values);
  } catch (error) {
    if (kind === 'create' && violates(error, 'cases_pkey')) return { ok: false, code: 'case.exists' };
    if (violates(error, 'idempotency_pkey')) return { ok: false, code: 'idempotency.exists' };
    throw error;
  }
  if (row?.written === 1) return row.reference === null ? { ok: true } : { ok: true, reference: row.reference };
  return { ok: false, code: kind === 'fire' && row?.locked === 1 ? 'timer.already_fired' : 'case.conflict' };
}

/** A case row with the assignees of its open tasks (a claim lives in the tasks table, not in the body). */
interface CaseRow {
  id: string;
  tenant: string;
  body: StoredCase;
  reference: string;
  assignees: Record<string, string | null> | null;
}

const caseColumns = `c.id, c.tenant, c.body, c.reference,
  (SELECT json_object_agg(t.id, t.assignee) FROM tasks t WHERE t.case_id = c.id AND t.status = 'open') AS assignees`;

const s = {
  caseExists: statement('cases.exists', 'SELECT 1 FROM cases WHERE id = $1'),
  getCase: statement('cases.get', `SELECT ${caseColumns} FROM cases c WHERE c.id = $1 AND c.tenant = $2`),
  locateCase: statement('cases.locate', `SELECT ${caseColumns} FROM cases c WHERE c.id = $1`),
  caseByReference: statement('cases.by_reference', `SELECT ${caseColumns} FROM cases c WHERE c.tenant = $1 AND c.reference = $2`),
  history: statement(
    'history.page',
    'SELECT seq, entry FROM history WHERE case_id = $1 AND tenant = $2 AND seq > $3 ORDER BY seq LIMIT $4',
  ),
};

function parse(row: CaseRow): StoredCase {
  const kase = row.body;
  kase.reference = row.reference;
  if (kase.tasks.length === 0) return kase;
  const claimed = row.assignees ?? {};
  return { ...kase, tasks: kase.tasks.map((t) => ({ ...t, assignee: claimed[t.id] ?? t.assignee })) };
}

export function createPostgresCases(db: PostgresDb) {
  const lanes = createLanes();

  /** One page of the cases matching `where`, newest first, after `cursor`. */
  async function pageOfCases(where: Where, limit: number, cursor: string | null): Promise<Page<StoredCase>> {
    if (cursor !== null) {
      const [createdAt, id] = decodeCursor(cursor, 2).map(String) as [string, string];
      if (hasNul(createdAt, id)) throw new CursorError();
      where.add(`(c.created_at, c.id) < (${where.param(createdAt)}, ${where.param(id)})`);
    }
    const rows = await db.rows<CaseRow>(
      `SELECT ${caseColumns} FROM cases c WHERE ${where.sql()} ORDER BY c.created_at DESC, c.id DESC LIMIT ${where.param(limit + 1)}`,
      where.values,
    );
    const items = rows.slice(0, limit).map(parse);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.createdAt, last.id]) : null };
  }

  return {
    commit(commit: CaseCommit): Promise<CommitResult> {
      return lanes.run(commit.case.id, () => commitOnce(db, commit));
    },

    async getCase(tenant: string, id: string): Promise<StoredCase | null> {
      if (hasNul(tenant, id)) return null;
      const [row] = await db.rows<CaseRow>(s.getCase, [id, tenant]);
      return row === undefined ? null : parse(row);
    },

    async caseByReference(tenant: string, reference: string): Promise<StoredCase | null> {
      if (hasNul(tenant, reference)) return null;
      const [row] = await db.rows<CaseRow>(s.caseByReference, [tenant, reference]);
      return row === undefined ? null : parse(row);
    },

    async locateCase(id: string): Promise<{ tenant: string; case: StoredCase } | null> {
      if (hasNul(id)) return null;
      const [row] = await db.rows<CaseRow>(s.locateCase, [id]);
      return row === undefined ? null : { tenant: row.tenant, case: parse(row) };
    },

    async listCases(tenant: string, filter: CaseFilter, limit: number, cursor: string | null): Promise<Page<StoredCase>> {
      const where = createWhere();
      // ILIKE under the "C" collation folds ASCII letters only: SQLite's LIKE, which the SQLite store uses.
      where
        .add(`c.tenant = ${where.param(tenant)}`)
        .when(filter.caseType, (p) => `c.case_type = ${p}`)
        .when(filter.version, (p) => `c.version = ${p}`)
        .when(filter.state === undefined ? undefined : `% ${filter.state} %`, (p) => `c.state_ids ILIKE ${p} ESCAPE ''`)
        .when(filter.queue, (p) => `c.queue = ${p}`)
        .when(filter.assignee, (p) => `c.assignee = ${p}`)
        .when(filter.priority, (p) => `c.priority = ${p}`)
        .when(filter.channel, (p) => `c.channel = ${p}`)
        .when(filter.parentId, (p) => `c.parent_id = ${p}`)
        .when(
          filter.q === undefined ? undefined : `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
          (p) => `(c.id ILIKE ${p} ESCAPE '\\' OR c.reference ILIKE ${p} ESCAPE '\\' OR (c.data::text COLLATE "C") ILIKE ${p} ESCAPE '\\')`,
        );
      if (filter.status !== undefined) where.add(filter.status === 'open' ? 'c.closed_at IS NULL' : 'c.closed_at IS NOT NULL');
      // a partner's delegated queues, as a JSON array (none: no case)
      if (filter.queues !== undefined) where.add(`c.queue IN (SELECT json_array_elements_text(${where.param(JSON.stringify(filter.queues))}::json))`);
      return pageOfCases(where, limit, cursor);
    },

    async casesByCustomerKeys(tenant: string, values: string[], limit: number, cursor: string | null): Promise<Page<StoredCase>> {
      const wanted = [...new Set(values.map(normalizeIdentifier))].filter((v) => v !== '' && !hasNul(v));
      if (wanted.length === 0) return { items: [], nextCursor: null };
      const where = createWhere();
      const t = where.param(tenant);
      where.add(`c.id IN (SELECT case_id FROM case_customer_keys WHERE tenant = ${t} AND value_norm = ANY(${where.param(wanted)}::text[]))`);
      where.add(`c.tenant = ${t}`);
      return pageOfCases(where, limit, cursor);
    },

    async searchCases(tenant: string, query: SearchQuery, limit: number, cursor: string | null): Promise<Page<SearchHit>> {
      const found = hasNul(tenant) ? null : searchSql(tenant, query, limit, cursor);
      if (found === null) return { items: [], nextCursor: null };
      const hits = await db.rows<{ id: string; snippet: string | null }>(found.sql, found.values);
      const ids = hits.slice(0, limit).map((h) => h.id);
      const rows = ids.length === 0 ? [] : await db.rows<CaseRow>(`SELECT ${caseColumns} FROM cases c WHERE c.id = ANY($1::text[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, parse(r)]));
      const items = hits.slice(0, limit).flatMap((h) => {
        const kase = byId.get(h.id);
        return kase === undefined ? [] : [{ case: kase, snippet: h.snippet === null ? null : h.snippet.replace(/\s+/g, ' ').trim() }];
      });
      const offset = cursor === null ? 0 : Number(decodeCursor(cursor, 1)[0]);
      const next = offset + limit;
      return { items, nextCursor: hits.length > limit && next < RANK_WINDOW ? encodeCursor([next]) : null };
    },

    async historyInWindow(tenant: string, window: HistoryWindow, limit: number, cursor: string | null): Promise<Page<CaseHistory>> {
      // `at` in the window, as a condition on history rows (`h`): the EXISTS that picks the cases and
      // the read of their entries both use history_by_case_at (case_id, at).
      const inWindow = (where: Where): string => {
        const parts: string[] = [];
        if (window.from !== undefined) parts.push(`h.at >= ${where.param(window.from)}`);
        if (window.to !== undefined) parts.push(`h.at < ${where.param(window.to)}`);
        return parts.join(' AND ');
      };
      const where = createWhere();
      where.add(`c.tenant = ${where.param(tenant)}`).when(window.caseType, (p) => `c.case_type = ${p}`);
      const at = inWindow(where);
      if (at !== '') where.add(`EXISTS (SELECT 1 FROM history h WHERE h.case_id = c.id AND ${at})`);
      // no case created at or after `to` has an entry before it (its first entry is its creation):
      // the walk over the cases in creation order stops there instead of at the tenant's last case
      if (window.to !== undefined) where.add(`c.created_at < ${where.param(window.to)}`);
      if (cursor !== null) {
        const [createdAt, id] = decodeCursor(cursor, 2).map(String) as [string, string];
        if (hasNul(createdAt, id)) throw new CursorError();
        where.add(`(c.created_at, c.id) > (${where.param(createdAt)}, ${where.param(id)})`);
      }
      if (hasNul(tenant)) return { items: [], nextCursor: null };
      const rows = await db.rows<CaseRow>(
        `SELECT ${caseColumns} FROM cases c WHERE ${where.sql()} ORDER BY c.created_at, c.id LIMIT ${where.param(limit + 1)}`,
        where.values,
      );
      const cases = rows.slice(0, limit).map(parse);
      const entries = new Map<string, HistoryEntry[]>(cases.map((c) => [c.id, []]));
      if (cases.length > 0) {
        const read = createWhere();
        read.add(`h.case_id = ANY(${read.param(cases.map((c) => c.id))}::text[])`);
        const readAt = inWindow(read);
        if (readAt !== '') read.add(readAt);
        const historyRows = await db.rows<{ case_id: string; entry: HistoryEntry }>(
          `SELECT h.case_id, h.entry FROM history h WHERE ${read.sql()} ORDER BY h.case_id, h.seq`,
          read.values,
        );
        for (const row of historyRows) entries.get(row.case_id)?.push(row.entry);
      }
      const last = cases[cases.length - 1];
      return {
        items: cases.map((c) => ({ case: c, history: entries.get(c.id) ?? [] })),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.createdAt, last.id]) : null,
      };
    },

    async history(tenant: string, caseId: string, limit: number, cursor: string | null): Promise<Page<HistoryEntry>> {
      const after = cursor === null ? 0 : Number(decodeCursor(cursor, 1)[0]);
      if (!Number.isSafeInteger(after)) throw new CursorError();
      if (hasNul(tenant, caseId)) return { items: [], nextCursor: null };
      // history rows carry their case's tenant: another tenant's case has no entries here
      const rows = await db.rows<{ seq: number; entry: HistoryEntry }>(s.history, [caseId, tenant, after, limit + 1]);
      const items = rows.slice(0, limit).map((r) => r.entry);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.seq]) : null };
    },
  };
}
