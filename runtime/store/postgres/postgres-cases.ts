// Cases, their history and everything one event writes (the commit), on PostgreSQL. A commit is one
// transaction; the case row's revision is compared and set in it (`UPDATE … WHERE revision = expected`),
// so of several hosts committing on the same revision exactly one succeeds: the others wait for its row
// lock, find the revision changed, and roll back everything they wrote.
import type { Case, CaseTask, HistoryEntry } from '../../engine/types.ts';
import type { CaseCommit, CaseFilter, CommitFailure, CommitResult, Page } from '../case-store.ts';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import { normalizeIdentifier } from '../customer-keys.ts';
import { stateIdsColumn } from '../state-ids.ts';
import { createLanes } from './case-lanes.ts';
import { idempotencySql, idempotencyValues } from './postgres-admin.ts';
import { writeCustomerKeys } from './postgres-customer-keys.ts';
import { hasNul, statement, type PostgresDb, type Queryable } from './postgres-db.ts';
import { createWhere, type Where } from './where.ts';

/** Thrown inside a commit's transaction to roll it back; turned into a `CommitResult` value. */
class CommitFailed extends Error {
  constructor(readonly code: CommitFailure) {
    super(code);
  }
}

/** The channel on which commits announce new timers and outbox rows to every host. */
export const DUE_CHANNEL = 'dossier_due';

const outboxTypes = new Set(['notify', 'webhook', 'createCase', 'childClosed']);

/** The columns of the tasks table that come from the case (the claim columns are the tasks table's own). */
function sameTask(a: CaseTask, b: CaseTask): boolean {
  return (
    a.state === b.state &&
    a.title === b.title &&
    a.queue === b.queue &&
    a.role === b.role &&
    a.form === b.form &&
    a.openedAt === b.openedAt &&
    a.dueAt === b.dueAt &&
    a.assignee === b.assignee
  );
}

/** A case row with the assignees of its open tasks (a claim lives in the tasks table, not in the body). */
interface CaseRow {
  id: string;
  tenant: string;
  body: Case;
  assignees: Record<string, string | null> | null;
}

const caseColumns = `c.id, c.tenant, c.body,
  (SELECT json_object_agg(t.id, t.assignee) FROM tasks t WHERE t.case_id = c.id AND t.status = 'open') AS assignees`;

const s = {
  insertCase: statement(
    'cases.insert',
    `INSERT INTO cases (id, tenant, case_type, version, state, state_ids, data, priority, queue, assignee, channel,
    parent_id, created_at, updated_at, closed_at, revision, body)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO NOTHING`,
  ),
  updateCase: statement(
    'cases.update',
    `UPDATE cases SET state = $3, state_ids = $4, data = $5, priority = $6, queue = $7, assignee = $8, channel = $9,
    updated_at = $10, closed_at = $11, revision = $12, body = $13 WHERE id = $1 AND tenant = $2 AND revision = $14`,
  ),
  insertHistory: statement(
    'history.insert',
    'INSERT INTO history (case_id, seq, tenant, at, actor, event_type, entry) VALUES ($1, $2, $3, $4, $5, $6, $7)',
  ),
  fireTimer: statement('timers.fire', 'UPDATE timers SET fired_at = $1 WHERE case_id = $2 AND timer_id = $3 AND fired_at IS NULL'),
  clearTimers: statement('timers.clear', 'DELETE FROM timers WHERE case_id = $1 AND fired_at IS NULL'),
  deleteTimer: statement('timers.delete', 'DELETE FROM timers WHERE case_id = $1 AND timer_id = $2 AND fired_at IS NULL'),
  insertTimer: statement('timers.insert', 'INSERT INTO timers (tenant, case_id, timer_id, event, due_at) VALUES ($1, $2, $3, $4, $5)'),
  openTaskIds: statement('tasks.openIds', "SELECT id FROM tasks WHERE case_id = $1 AND status = 'open'"),
  closeTask: statement('tasks.close', "UPDATE tasks SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'"),
  upsertTask: statement(
    'tasks.upsert',
    `INSERT INTO tasks (id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, status)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open')
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, queue = excluded.queue, role = excluded.role,
    form = excluded.form, due_at = excluded.due_at, assignee = COALESCE(excluded.assignee, tasks.assignee),
    status = 'open', closed_at = NULL`,
  ),
  upsertSla: statement(
    'slas.upsert',
    `INSERT INTO slas (case_id, sla_id, tenant, case_type, name, status, started_at, closed_at, urgency)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id, sla_id) DO UPDATE SET status = excluded.status,
    closed_at = excluded.closed_at, urgency = excluded.urgency`,
  ),
  notifyDue: statement('due.notify', `SELECT pg_notify('${DUE_CHANNEL}', $1)`),
  insertOutbox: statement(
    'outbox.insert',
    `INSERT INTO outbox (tenant, case_id, key, type, effect, payload, status, attempts, next_attempt_at, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $8) ON CONFLICT (key) DO NOTHING`,
  ),
  getCase: statement('cases.get', `SELECT ${caseColumns} FROM cases c WHERE c.id = $1 AND c.tenant = $2`),
  locateCase: statement('cases.locate', `SELECT ${caseColumns} FROM cases c WHERE c.id = $1`),
  history: statement(
    'history.page',
    'SELECT seq, entry FROM history WHERE case_id = $1 AND tenant = $2 AND seq > $3 ORDER BY seq LIMIT $4',
  ),
};

function parse(row: CaseRow): Case {
  const kase = row.body;
  if (kase.tasks.length === 0) return kase;
  const claimed = row.assignees ?? {};
  return { ...kase, tasks: kase.tasks.map((t) => ({ ...t, assignee: claimed[t.id] ?? t.assignee })) };
}

// The side tables (timers, tasks, SLAs) mirror lists in the case body. With the previous snapshot at
// hand only the rows that changed are written; without it they are all rewritten.

async function writeTimers(tx: Queryable, commit: CaseCommit): Promise<void> {
  const { case: kase, previous } = commit;
  if (previous === undefined) {
    await tx.changes(s.clearTimers, [kase.id]);
    for (const t of kase.timers) await tx.changes(s.insertTimer, [commit.tenant, kase.id, t.id, t.event, t.dueAt]);
    return;
  }
  // The fired timer's row was just marked fired: it no longer stands for a pending one.
  const before = new Map(previous.timers.filter((t) => t.id !== commit.firedTimerId).map((t) => [t.id, t]));
  const after = new Map(kase.timers.map((t) => [t.id, t]));
  for (const [id, t] of before) {
    const next = after.get(id);
    if (next === undefined || next.event !== t.event || next.dueAt !== t.dueAt) await tx.changes(s.deleteTimer, [kase.id, id]);
  }
  for (const [id, t] of after) {
    const prior = before.get(id);
    if (prior === undefined || prior.event !== t.event || prior.dueAt !== t.dueAt) {
      await tx.changes(s.insertTimer, [commit.tenant, kase.id, id, t.event, t.dueAt]);
    }
  }
}

async function writeTasks(tx: Queryable, commit: CaseCommit): Promise<void> {
  const { case: kase, previous } = commit;
  const open = new Set(kase.tasks.map((t) => t.id));
  const closedIds =
    previous === undefined ? (await tx.rows<{ id: string }>(s.openTaskIds, [kase.id])).map((r) => r.id) : previous.tasks.map((t) => t.id);
  for (const id of closedIds) if (!open.has(id)) await tx.changes(s.closeTask, [commit.at, id]);
  const before = new Map((previous?.tasks ?? []).map((t) => [t.id, t]));
  for (const t of kase.tasks) {
    const prior = before.get(t.id);
    if (prior !== undefined && sameTask(prior, t)) continue;
    await tx.changes(s.upsertTask, [t.id, commit.tenant, kase.id, kase.caseType, t.state, t.title, t.queue, t.role, t.form, t.openedAt, t.dueAt, t.assignee]);
  }
}

async function writeSlas(tx: Queryable, commit: CaseCommit): Promise<void> {
  const { case: kase, previous } = commit;
  const before = new Map((previous?.slas ?? []).map((sla) => [sla.id, sla]));
  for (const sla of kase.slas) {
    const prior = before.get(sla.id);
    if (prior !== undefined && prior.status === sla.status && prior.closedAt === sla.closedAt && prior.urgency === sla.urgency) continue;
    await tx.changes(s.upsertSla, [kase.id, sla.id, commit.tenant, kase.caseType, sla.name, sla.status, sla.startedAt, sla.closedAt, sla.urgency]);
  }
}

async function write(tx: Queryable, commit: CaseCommit): Promise<void> {
  const kase = commit.case;
  const state = JSON.stringify(kase.state);
  const data = JSON.stringify(kase.data);
  const body = JSON.stringify(kase);
  if (commit.expectedRevision === null) {
    const inserted = await tx.changes(s.insertCase, [
      kase.id, commit.tenant, kase.caseType, kase.version, state, stateIdsColumn(kase.state), data, kase.priority, kase.queue,
      kase.assignee, kase.channel, kase.parentId, kase.createdAt, kase.updatedAt, kase.closedAt, kase.revision, body,
    ]);
    if (inserted !== 1) throw new CommitFailed('case.exists');
  } else {
    const updated = await tx.changes(s.updateCase, [
      kase.id, commit.tenant, state, stateIdsColumn(kase.state), data, kase.priority, kase.queue, kase.assignee, kase.channel,
      kase.updatedAt, kase.closedAt, kase.revision, body, commit.expectedRevision,
    ]);
    if (updated !== 1) throw new CommitFailed('case.conflict');
  }
  const h: HistoryEntry = commit.history;
  await tx.changes(s.insertHistory, [kase.id, h.seq, commit.tenant, h.at, h.actor, h.event.type, JSON.stringify(h)]);
  if (commit.firedTimerId !== undefined && (await tx.changes(s.fireTimer, [commit.at, kase.id, commit.firedTimerId])) !== 1) {
    throw new CommitFailed('timer.already_fired');
  }
  await writeTimers(tx, commit);
  await writeTasks(tx, commit);
  await writeSlas(tx, commit);
  await writeCustomerKeys(tx, commit);
  for (const effect of commit.effects) {
    if (!outboxTypes.has(effect.type) || !('key' in effect)) continue;
    const payload = effect.type === 'webhook' ? (commit.webhookBody ?? kase) : null;
    await tx.changes(s.insertOutbox, [commit.tenant, kase.id, effect.key, effect.type, JSON.stringify(effect), JSON.stringify(payload), commit.at, commit.at]);
  }
  if (commit.idempotency !== undefined && (await tx.changes(idempotencySql.insert, idempotencyValues(commit.idempotency))) !== 1) {
    throw new CommitFailed('idempotency.exists');
  }
  // wake every host's scheduler or dispatcher (LISTEN dossier_due): sent only if the transaction commits
  const timers = kase.timers.map((t) => t.dueAt).sort()[0] ?? null;
  const outbox = commit.effects.some((effect) => outboxTypes.has(effect.type));
  if (timers !== null || outbox) await tx.rows(s.notifyDue, [JSON.stringify({ timers, outbox })]);
}

export function createPostgresCases(db: PostgresDb) {
  const lanes = createLanes();

  /** One page of the cases matching `where`, newest first, after `cursor`. */
  async function pageOfCases(where: Where, limit: number, cursor: string | null): Promise<Page<Case>> {
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
      return lanes.run(commit.case.id, async (): Promise<CommitResult> => {
        try {
          await db.transaction((tx) => write(tx, commit));
          return { ok: true };
        } catch (error) {
          if (error instanceof CommitFailed) return { ok: false, code: error.code };
          throw error;
        }
      });
    },

    async getCase(tenant: string, id: string): Promise<Case | null> {
      if (hasNul(tenant, id)) return null;
      const [row] = await db.rows<CaseRow>(s.getCase, [id, tenant]);
      return row === undefined ? null : parse(row);
    },

    async locateCase(id: string): Promise<{ tenant: string; case: Case } | null> {
      if (hasNul(id)) return null;
      const [row] = await db.rows<CaseRow>(s.locateCase, [id]);
      return row === undefined ? null : { tenant: row.tenant, case: parse(row) };
    },

    async listCases(tenant: string, filter: CaseFilter, limit: number, cursor: string | null): Promise<Page<Case>> {
      const where = createWhere();
      // ILIKE under the "C" collation folds ASCII letters only: SQLite's LIKE, which the SQLite store uses.
      where
        .add(`c.tenant = ${where.param(tenant)}`)
        .when(filter.caseType, (p) => `c.case_type = ${p}`)
        .when(filter.state === undefined ? undefined : `% ${filter.state} %`, (p) => `c.state_ids ILIKE ${p} ESCAPE ''`)
        .when(filter.queue, (p) => `c.queue = ${p}`)
        .when(filter.assignee, (p) => `c.assignee = ${p}`)
        .when(filter.priority, (p) => `c.priority = ${p}`)
        .when(filter.parentId, (p) => `c.parent_id = ${p}`)
        .when(
          filter.q === undefined ? undefined : `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
          (p) => `(c.id ILIKE ${p} ESCAPE '\\' OR (c.data::text COLLATE "C") ILIKE ${p} ESCAPE '\\')`,
        );
      if (filter.status !== undefined) where.add(filter.status === 'open' ? 'c.closed_at IS NULL' : 'c.closed_at IS NOT NULL');
      return pageOfCases(where, limit, cursor);
    },

    async casesByCustomerKeys(tenant: string, values: string[], limit: number, cursor: string | null): Promise<Page<Case>> {
      const wanted = [...new Set(values.map(normalizeIdentifier))].filter((v) => v !== '' && !hasNul(v));
      if (wanted.length === 0) return { items: [], nextCursor: null };
      const where = createWhere();
      const t = where.param(tenant);
      where.add(`c.id IN (SELECT case_id FROM case_customer_keys WHERE tenant = ${t} AND value_norm = ANY(${where.param(wanted)}::text[]))`);
      where.add(`c.tenant = ${t}`);
      return pageOfCases(where, limit, cursor);
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
