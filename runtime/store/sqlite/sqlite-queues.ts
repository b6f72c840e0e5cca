// Timers, tasks and the outbox on SQLite: the queues the scheduler, the dispatcher and workers read.
import type Database from 'better-sqlite3';
import { messageParams, toMessage, type MessageRow } from '../message-row.ts';
import type { Effect, Instant, JsonValue } from '../../engine/index.ts';
import type { MessageRecord, OutboxRecord, OutboxStatus, Page, TaskClaimResult, TaskFilter, TaskRecord, TimerRecord } from '../case-store.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { createWhere } from './where.ts';
import type { WriteQueue } from './write-queue.ts';
import { inQueues, toTask, type TaskRow } from '../task-row.ts';
import { listTasksByDue } from './sqlite-task-due.ts';
import { logClaim } from './sqlite-routing.ts';

interface OutboxRow {
  id: number;
  tenant: string;
  case_id: string;
  key: string;
  effect: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  delivered_at: string | null;
  last_error: string | null;
  created_at: string;
}

const toOutbox = (r: OutboxRow): OutboxRecord => ({
  id: r.id,
  tenant: r.tenant,
  caseId: r.case_id,
  key: r.key,
  effect: JSON.parse(r.effect) as Effect,
  payload: JSON.parse(r.payload) as JsonValue,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  deliveredAt: r.delivered_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

export function createSqliteQueues(db: Database.Database, queue: WriteQueue) {
  const s = {
    dueTimers: db.prepare(`SELECT tenant, case_id, timer_id, event, due_at FROM timers
      WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, case_id, timer_id LIMIT ?`),
    discardTimer: db.prepare('UPDATE timers SET fired_at = ? WHERE case_id = ? AND timer_id = ? AND fired_at IS NULL'),
    nextTimer: db.prepare('SELECT MIN(due_at) AS due FROM timers WHERE fired_at IS NULL'),
    getTask: db.prepare('SELECT * FROM tasks WHERE id = ? AND tenant = ?'),
    claim: db.prepare('UPDATE tasks SET assignee = ?, claimed_at = ? WHERE id = ?'),
    dueOutbox: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
      ORDER BY next_attempt_at, id LIMIT ?`),
    nextOutbox: db.prepare("SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'pending'"),
    delivered: db.prepare(`UPDATE outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1,
      next_attempt_at = NULL, last_error = NULL WHERE id = ?`),
    failed: db.prepare(`UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?
      WHERE id = ?`),
    recordMessage: db.prepare(`INSERT INTO messages (key, tenant, case_id, recipient, template, sent_at, status, address, subject,
      message_id, language, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET sent_at = excluded.sent_at, status = excluded.status, address = excluded.address,
      subject = excluded.subject, message_id = excluded.message_id, language = excluded.language,
      attempts = excluded.attempts, last_error = excluded.last_error
      WHERE messages.status NOT IN ('sent', 'recorded')`),
    webhookSecret: db.prepare(`INSERT INTO tenants (id, created_at, webhook_secret) VALUES (?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET webhook_secret = COALESCE(tenants.webhook_secret, excluded.webhook_secret)
      RETURNING webhook_secret`),
    messages: db.prepare('SELECT * FROM messages WHERE tenant = ? AND case_id = ? ORDER BY sent_at, key'),
  };

  const work = {
    async recordMessage(m: MessageRecord): Promise<void> {
      await queue.submit(() => s.recordMessage.run(...messageParams(m)));
    },

    async messages(tenant: string, caseId: string): Promise<MessageRecord[]> {
      return (s.messages.all(tenant, caseId) as MessageRow[]).map(toMessage);
    },

    async webhookSecret(tenant: string, candidate: string, at: Instant): Promise<string> {
      return queue.submit(() => (s.webhookSecret.get(tenant, at, candidate) as { webhook_secret: string }).webhook_secret);
    },

    async dueTimers(until: Instant, limit: number): Promise<TimerRecord[]> {
      const rows = s.dueTimers.all(until, limit) as { tenant: string; case_id: string; timer_id: string; event: string; due_at: string }[];
      return rows.map((r) => ({ tenant: r.tenant, caseId: r.case_id, timerId: r.timer_id, event: r.event, dueAt: r.due_at }));
    },

    // one host owns an SQLite file: what is due is this host's, no lease needed
    claimDueTimers(until: Instant, limit: number): Promise<TimerRecord[]> {
      return work.dueTimers(until, limit);
    },

    async nextTimerDue(): Promise<Instant | null> {
      return (s.nextTimer.get() as { due: string | null }).due;
    },

    async discardTimer(caseId: string, timerId: string, at: Instant): Promise<void> {
      await queue.submit(() => s.discardTimer.run(at, caseId, timerId));
    },

    async listTasks(tenant: string, filter: TaskFilter, limit: number, cursor: string | null): Promise<Page<TaskRecord>> {
      const where = createWhere('tenant = @tenant', { tenant, status: filter.status ?? 'open', limit: limit + 1 })
        .add('status = @status')
        .when(filter.queue, 'queue', 'queue = @queue')
        .when(filter.role, 'role', 'role = @role')
        .when(filter.assignee, 'assignee', 'assignee = @assignee')
        .when(filter.caseId, 'caseId', 'case_id = @caseId');
      if (filter.unassigned === true) where.add('assignee IS NULL');
      if (filter.queues !== undefined) where.add('queue IN (SELECT value FROM json_each(@queues))', { queues: JSON.stringify(filter.queues) });
      if (filter.sort === 'due') return listTasksByDue(db, where, limit, cursor);
      if (cursor !== null) {
        const [openedAt, id] = decodeCursor(cursor, 2);
        where.add('(opened_at > @cAt OR (opened_at = @cAt AND id > @cId))', { cAt: String(openedAt), cId: String(id) });
      }
      const rows = db.prepare(`SELECT * FROM tasks WHERE ${where.sql()} ORDER BY opened_at, id LIMIT @limit`).all(where.params) as TaskRow[];
      const items = rows.slice(0, limit).map(toTask);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.openedAt, last.id]) : null };
    },

    async claimTask(tenant: string, taskId: string, assignee: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult> {
      return queue.submit((): TaskClaimResult => {
        const row = s.getTask.get(taskId, tenant) as TaskRow | undefined;
        if (row === undefined || !inQueues(row.queue, queues)) return { ok: false, code: 'task.not_found' };
        if (row.status === 'closed') return { ok: false, code: 'task.closed' };
        if (row.assignee !== null && row.assignee !== assignee) return { ok: false, code: 'task.claimed' };
        s.claim.run(assignee, at, taskId);
        if (row.assignee === null) logClaim(db, row, 'claimed', assignee, assignee, at);
        return { ok: true, task: toTask(s.getTask.get(taskId, tenant) as TaskRow) };
      });
    },

    async releaseTask(tenant: string, taskId: string, at: Instant, onlyBy?: string, queues?: readonly string[]): Promise<TaskClaimResult> {
      return queue.submit((): TaskClaimResult => {
        const row = s.getTask.get(taskId, tenant) as TaskRow | undefined;
        if (row === undefined || !inQueues(row.queue, queues)) return { ok: false, code: 'task.not_found' };
        if (row.status === 'closed') return { ok: false, code: 'task.closed' };
        if (onlyBy !== undefined && row.assignee !== null && row.assignee !== onlyBy) return { ok: false, code: 'task.claimed' };
        s.claim.run(null, null, taskId);
        if (row.assignee !== null) logClaim(db, row, 'released', row.assignee, onlyBy ?? 'admin', at);
        return { ok: true, task: toTask(s.getTask.get(taskId, tenant) as TaskRow) };
      });
    },

    async dueOutbox(until: Instant, limit: number): Promise<OutboxRecord[]> {
      return (s.dueOutbox.all(until, limit) as OutboxRow[]).map(toOutbox);
    },

    claimDueOutbox(until: Instant, limit: number): Promise<OutboxRecord[]> {
      return work.dueOutbox(until, limit);
    },

    async nextOutboxDue(): Promise<Instant | null> {
      return (s.nextOutbox.get() as { due: string | null }).due;
    },

    async markDelivered(id: number, at: Instant): Promise<void> {
      await queue.submit(() => s.delivered.run(at, id));
    },

    async markFailed(id: number, error: string, nextAttemptAt: Instant | null): Promise<void> {
      await queue.submit(() => s.failed.run(nextAttemptAt === null ? 'dead' : 'pending', nextAttemptAt, error.slice(0, 2000), id));
    },

    async listOutbox(
      tenant: string,
      filter: { status?: OutboxStatus; caseId?: string },
      limit: number,
      cursor: string | null,
    ): Promise<Page<OutboxRecord>> {
      const where = createWhere('tenant = @tenant', { tenant, limit: limit + 1 })
        .when(filter.status, 'status', 'status = @status')
        .when(filter.caseId, 'caseId', 'case_id = @caseId')
        .when(cursor === null ? undefined : Number(decodeCursor(cursor, 1)[0]), 'cId', 'id > @cId');
      const rows = db.prepare(`SELECT * FROM outbox WHERE ${where.sql()} ORDER BY id LIMIT @limit`).all(where.params) as OutboxRow[];
      const items = rows.slice(0, limit).map(toOutbox);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.id]) : null };
    },
  };
  return work;
}
