// Timers, tasks, the outbox and sent messages on PostgreSQL: the queues the scheduler, the dispatcher
// and workers read. A claim or a release reads the task row FOR UPDATE in its own transaction, so two
// hosts claiming the same task at once get one claim and one `task.claimed`.
import { messageParams, toMessage, type MessageRow } from '../message-row.ts';
import type { Effect, Instant, JsonValue } from '../../engine/index.ts';
import type { MessageRecord, OutboxRecord, OutboxStatus, Page, TaskClaimResult, TaskFilter, TaskRecord, TimerRecord } from '../case-store.ts';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import { hasNul, statement, type PostgresDb } from './postgres-db.ts';
import { createWhere } from './where.ts';
import { logClaimPg } from './postgres-routing.ts';
import { inQueues, toTask, type TaskRow } from '../task-row.ts';
import { listTasksByDue } from './postgres-task-due.ts';

interface OutboxRow {
  /** bigint: node-postgres hands it over as text. */
  id: string;
  tenant: string;
  case_id: string;
  key: string;
  effect: Effect;
  payload: JsonValue;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  delivered_at: string | null;
  last_error: string | null;
  created_at: string;
}

const taskColumns = 'id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, claimed_at, status, closed_at, escalated_at';
const outboxColumns = 'id, tenant, case_id, key, effect, payload, status, attempts, next_attempt_at, delivered_at, last_error, created_at';

const toOutbox = (r: OutboxRow): OutboxRecord => ({
  id: Number(r.id),
  tenant: r.tenant,
  caseId: r.case_id,
  key: r.key,
  effect: r.effect,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  deliveredAt: r.delivered_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

const s = {
  dueTimers: statement(
    'timers.due',
    `SELECT tenant, case_id, timer_id, event, due_at FROM timers WHERE fired_at IS NULL AND due_at <= $1
    ORDER BY due_at, case_id, timer_id LIMIT $2`,
  ),
  discardTimer: statement('timers.discard', 'UPDATE timers SET fired_at = $1 WHERE case_id = $2 AND timer_id = $3 AND fired_at IS NULL'),
  // a timer or row claimed by a host falls due again for the others when its lease runs out
  nextTimer: statement('timers.next', 'SELECT MIN(GREATEST(due_at, COALESCE(claimed_until, due_at))) AS due FROM timers WHERE fired_at IS NULL'),
  claimTimers: statement(
    'timers.claim',
    `WITH due AS (
      SELECT id FROM timers WHERE fired_at IS NULL AND due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
      ORDER BY due_at, case_id, timer_id LIMIT $2 FOR UPDATE SKIP LOCKED)
    UPDATE timers SET claimed_until = $3 FROM due WHERE timers.id = due.id
    RETURNING timers.tenant, timers.case_id, timers.timer_id, timers.event, timers.due_at`,
  ),
  lockTask: statement('tasks.lock', `SELECT ${taskColumns} FROM tasks WHERE id = $1 AND tenant = $2 FOR UPDATE`),
  claim: statement('tasks.claim', `UPDATE tasks SET assignee = $1, claimed_at = $2 WHERE id = $3 RETURNING ${taskColumns}`),
  dueOutbox: statement(
    'outbox.due',
    `SELECT ${outboxColumns} FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
  ),
  nextOutbox: statement(
    'outbox.next',
    "SELECT MIN(GREATEST(next_attempt_at, COALESCE(claimed_until, next_attempt_at))) AS due FROM outbox WHERE status = 'pending'",
  ),
  // A case's rows go to one host at a time, so they are delivered in order: a row is claimed only when
  // no row of its case is claimed by a live lease, and the case's advisory lock (held to the end of
  // this statement's transaction) keeps two hosts claiming at once from splitting a case.
  claimOutbox: statement(
    'outbox.claim',
    `WITH due AS (
      SELECT id FROM outbox o WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
        AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.case_id = o.case_id AND b.status = 'pending' AND b.claimed_until > $1)
        AND pg_try_advisory_xact_lock(hashtext('dossier.outbox:' || o.case_id))
      ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
    UPDATE outbox SET claimed_until = $3 FROM due WHERE outbox.id = due.id
    RETURNING ${outboxColumns.split(', ').map((c) => `outbox.${c}`).join(', ')}`,
  ),
  delivered: statement(
    'outbox.delivered',
    `UPDATE outbox SET status = 'delivered', delivered_at = $1, attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL,
    claimed_until = NULL WHERE id = $2`,
  ),
  failed: statement(
    'outbox.failed',
    'UPDATE outbox SET status = $1, attempts = attempts + 1, next_attempt_at = $2, last_error = $3, claimed_until = NULL WHERE id = $4',
  ),
  recordMessage: statement(
    'messages.record',
    `INSERT INTO messages (key, tenant, case_id, recipient, template, sent_at, status, address, subject, message_id, language, attempts,
    last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    ON CONFLICT (key) DO UPDATE SET sent_at = excluded.sent_at, status = excluded.status, address = excluded.address,
    subject = excluded.subject, message_id = excluded.message_id, language = excluded.language, attempts = excluded.attempts,
    last_error = excluded.last_error WHERE messages.status NOT IN ('sent', 'recorded')`,
  ),
  messages: statement(
    'messages.ofCase',
    `SELECT key, tenant, case_id, recipient, template, sent_at, status, address, subject, message_id, language, attempts, last_error
    FROM messages WHERE tenant = $1 AND case_id = $2 ORDER BY sent_at, key`,
  ),
  webhookSecret: statement(
    'tenants.webhookSecret',
    `INSERT INTO tenants (id, created_at, webhook_secret) VALUES ($1, $2, $3)
    ON CONFLICT (id) DO UPDATE SET webhook_secret = COALESCE(tenants.webhook_secret, excluded.webhook_secret) RETURNING webhook_secret`,
  ),
};

const leaseEnd = (from: Instant, ms: number): Instant => new Date(Date.parse(from) + ms).toISOString();
/** Code-point order, as the columns' "C" collation sorts. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function createPostgresQueues(db: PostgresDb) {
  /** Claims (`assignee`) or releases (null) a task, after the checks `refuse` makes on its locked row. */
  function setClaim(
    tenant: string,
    taskId: string,
    assignee: string | null,
    at: Instant | null,
    refuse: (row: TaskRow) => TaskClaimResult | null,
    queues: readonly string[] | undefined,
    releasedBy?: string,
    releasedAt?: Instant,
  ): Promise<TaskClaimResult> {
    if (hasNul(tenant, taskId)) return Promise.resolve({ ok: false, code: 'task.not_found' });
    return db.transaction(async (tx): Promise<TaskClaimResult> => {
      const [row] = await tx.rows<TaskRow>(s.lockTask, [taskId, tenant]);
      if (row === undefined || !inQueues(row.queue, queues)) return { ok: false, code: 'task.not_found' };
      if (row.status === 'closed') return { ok: false, code: 'task.closed' };
      const refused = refuse(row);
      if (refused !== null) return refused;
      const [updated] = await tx.rows<TaskRow>(s.claim, [assignee, at, taskId]);
      if (assignee !== null && row.assignee === null) await logClaimPg(tx, row, 'claimed', assignee, assignee, at ?? row.opened_at);
      if (assignee === null && row.assignee !== null) await logClaimPg(tx, row, 'released', row.assignee, releasedBy ?? 'admin', releasedAt ?? row.opened_at);
      return { ok: true, task: toTask(updated ?? row) };
    });
  }

  return {
    async recordMessage(m: MessageRecord): Promise<void> {
      await db.changes(s.recordMessage, messageParams(m));
    },

    async messages(tenant: string, caseId: string): Promise<MessageRecord[]> {
      if (hasNul(tenant, caseId)) return [];
      return (await db.rows<MessageRow>(s.messages, [tenant, caseId])).map(toMessage);
    },

    async webhookSecret(tenant: string, candidate: string, at: Instant): Promise<string> {
      const [row] = await db.rows<{ webhook_secret: string }>(s.webhookSecret, [tenant, at, candidate]);
      return (row as { webhook_secret: string }).webhook_secret;
    },

    async dueTimers(until: Instant, limit: number): Promise<TimerRecord[]> {
      const rows = await db.rows<{ tenant: string; case_id: string; timer_id: string; event: string; due_at: string }>(s.dueTimers, [until, limit]);
      return rows.map((r) => ({ tenant: r.tenant, caseId: r.case_id, timerId: r.timer_id, event: r.event, dueAt: r.due_at }));
    },

    async claimDueTimers(until: Instant, limit: number, leaseMs: number): Promise<TimerRecord[]> {
      const rows = await db.rows<{ tenant: string; case_id: string; timer_id: string; event: string; due_at: string }>(s.claimTimers, [until, limit, leaseEnd(until, leaseMs)]);
      const timers = rows.map((r) => ({ tenant: r.tenant, caseId: r.case_id, timerId: r.timer_id, event: r.event, dueAt: r.due_at }));
      // RETURNING keeps no order: due order, as dueTimers
      return timers.sort((a, b) => byText(a.dueAt, b.dueAt) || byText(a.caseId, b.caseId) || byText(a.timerId, b.timerId));
    },

    async nextTimerDue(): Promise<Instant | null> {
      const [row] = await db.rows<{ due: string | null }>(s.nextTimer);
      return row?.due ?? null;
    },

    async discardTimer(caseId: string, timerId: string, at: Instant): Promise<void> {
      await db.changes(s.discardTimer, [at, caseId, timerId]);
    },

    async listTasks(tenant: string, filter: TaskFilter, limit: number, cursor: string | null): Promise<Page<TaskRecord>> {
      const where = createWhere();
      where
        .add(`tenant = ${where.param(tenant)}`)
        .add(`status = ${where.param(filter.status ?? 'open')}`)
        .when(filter.queue, (p) => `queue = ${p}`)
        .when(filter.role, (p) => `role = ${p}`)
        .when(filter.assignee, (p) => `assignee = ${p}`)
        .when(filter.caseId, (p) => `case_id = ${p}`);
      if (filter.unassigned === true) where.add('assignee IS NULL');
      if (filter.queues !== undefined) where.add(`queue IN (SELECT json_array_elements_text(${where.param(JSON.stringify(filter.queues))}::json))`);
      if (filter.sort === 'due') return listTasksByDue(db, where, limit, cursor);
      if (cursor !== null) {
        const [openedAt, id] = decodeCursor(cursor, 2).map(String) as [string, string];
        if (hasNul(openedAt, id)) throw new CursorError();
        where.add(`(opened_at, id) > (${where.param(openedAt)}, ${where.param(id)})`);
      }
      const rows = await db.rows<TaskRow>(
        `SELECT ${taskColumns} FROM tasks WHERE ${where.sql()} ORDER BY opened_at, id LIMIT ${where.param(limit + 1)}`,
        where.values,
      );
      const items = rows.slice(0, limit).map(toTask);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.openedAt, last.id]) : null };
    },

    async claimTask(tenant: string, taskId: string, assignee: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult> {
      return setClaim(tenant, taskId, assignee, at, (row) => (row.assignee !== null && row.assignee !== assignee ? { ok: false, code: 'task.claimed' } : null), queues);
    },

    async releaseTask(tenant: string, taskId: string, at: Instant, onlyBy?: string, queues?: readonly string[]): Promise<TaskClaimResult> {
      return setClaim(
        tenant,
        taskId,
        null,
        null,
        (row) => (onlyBy !== undefined && row.assignee !== null && row.assignee !== onlyBy ? { ok: false, code: 'task.claimed' } : null),
        queues,
        onlyBy,
        at,
      );
    },

    async dueOutbox(until: Instant, limit: number): Promise<OutboxRecord[]> {
      return (await db.rows<OutboxRow>(s.dueOutbox, [until, limit])).map(toOutbox);
    },

    async claimDueOutbox(until: Instant, limit: number, leaseMs: number): Promise<OutboxRecord[]> {
      const rows = (await db.transaction((tx) => tx.rows<OutboxRow>(s.claimOutbox, [until, limit, leaseEnd(until, leaseMs)]))).map(toOutbox);
      return rows.sort((a, b) => byText(a.nextAttemptAt ?? '', b.nextAttemptAt ?? '') || a.id - b.id);
    },

    async nextOutboxDue(): Promise<Instant | null> {
      const [row] = await db.rows<{ due: string | null }>(s.nextOutbox);
      return row?.due ?? null;
    },

    async markDelivered(id: number, at: Instant): Promise<void> {
      await db.changes(s.delivered, [at, id]);
    },

    async markFailed(id: number, error: string, nextAttemptAt: Instant | null): Promise<void> {
      // PostgreSQL text cannot hold U+0000; an error message quoting a binary answer may contain it
      const lastError = error.slice(0, 2000).replaceAll('\u0000', '\uFFFD');
      await db.changes(s.failed, [nextAttemptAt === null ? 'dead' : 'pending', nextAttemptAt, lastError, id]);
    },

    async listOutbox(
      tenant: string,
      filter: { status?: OutboxStatus; caseId?: string },
      limit: number,
      cursor: string | null,
    ): Promise<Page<OutboxRecord>> {
      const after = cursor === null ? undefined : Number(decodeCursor(cursor, 1)[0]);
      if (after !== undefined && !Number.isSafeInteger(after)) throw new CursorError();
      const where = createWhere();
      where
        .add(`tenant = ${where.param(tenant)}`)
        .when(filter.status, (p) => `status = ${p}`)
        .when(filter.caseId, (p) => `case_id = ${p}`)
        .when(after, (p) => `id > ${p}`);
      const rows = await db.rows<OutboxRow>(`SELECT ${outboxColumns} FROM outbox WHERE ${where.sql()} ORDER BY id LIMIT ${where.param(limit + 1)}`, where.values);
      const items = rows.slice(0, limit).map(toOutbox);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.id]) : null };
    },
  };
}
