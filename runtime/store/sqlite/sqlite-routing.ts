// Push routing on SQLite (issue 21, docs/routing.md): agents, offers (one open per task, a unique
// partial index) and the task-holder log. A routing pass reads and writes in one write of the queue:
// one host owns the file, so nothing runs beside it.
import type Database from 'better-sqlite3';
import type { Availability, Instant, PendingOffer, RoutingDecision } from '../../engine/index.ts';
import type { TaskClaimResult } from '../case-store.ts';
import {
  addToLoad,
  routedWithRoom,
  type RoutedQueue,
  ROUTING_READ_LIMIT,
  routingAgent,
  toAgent,
  toOffer,
  toTaskLog,
  type AgentRecord,
  type AgentRow,
  type OfferAnswerResult,
  type OfferRecord,
  type OfferRow,
  type OpenQueuedTask,
  type RoutingDecide,
  type TaskLogEntry,
  type TaskLogKind,
  type TaskLogRow,
} from '../routing-records.ts';
import { inQueues, toTask, type TaskRow } from '../task-row.ts';
import type { WriteQueue } from './write-queue.ts';

export const routingTables = `
  CREATE TABLE agents (
    tenant TEXT NOT NULL, name TEXT NOT NULL, skills TEXT NOT NULL, capacity TEXT NOT NULL,
    availability TEXT NOT NULL, queues TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
    last_offer INTEGER, PRIMARY KEY (tenant, name));
  CREATE TABLE task_offers (
    id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, task_id TEXT NOT NULL, case_id TEXT NOT NULL, agent TEXT NOT NULL,
    queue TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL, offered_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    ended_at TEXT, explanation TEXT NOT NULL);
  CREATE UNIQUE INDEX task_offers_one_open ON task_offers(task_id) WHERE status = 'open';
  CREATE INDEX task_offers_open_by_agent ON task_offers(tenant, agent) WHERE status = 'open';
  CREATE INDEX task_offers_open_expiry ON task_offers(expires_at) WHERE status = 'open';
  CREATE INDEX task_offers_by_task ON task_offers(task_id, id);
  CREATE TABLE task_log (
    id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, task_id TEXT NOT NULL, case_id TEXT NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL, agent TEXT, by_name TEXT NOT NULL, detail TEXT);
  CREATE INDEX task_log_by_case ON task_log(tenant, case_id, id);
  `;

export function createSqliteRouting(db: Database.Database, queue: WriteQueue) {
  const s = {
    saveAgent: db.prepare(`INSERT INTO agents (tenant, name, skills, capacity, availability, queues, updated_at, updated_by)
      VALUES (@tenant, @name, @skills, @capacity, @availability, @queues, @updatedAt, @updatedBy)
      ON CONFLICT (tenant, name) DO UPDATE SET skills = excluded.skills, capacity = excluded.capacity,
      availability = excluded.availability, queues = excluded.queues, updated_at = excluded.updated_at, updated_by = excluded.updated_by`),
    getAgent: db.prepare('SELECT * FROM agents WHERE tenant = ? AND name = ?'),
    listAgents: db.prepare('SELECT * FROM agents WHERE tenant = ? ORDER BY name'),
    deleteAgent: db.prepare('DELETE FROM agents WHERE tenant = ? AND name = ?'),
    setAvailability: db.prepare('UPDATE agents SET availability = ?, updated_at = ? WHERE tenant = ? AND name = ?'),
    routingTenants: db.prepare(`SELECT tenant FROM agents WHERE availability = 'available'
      UNION SELECT tenant FROM task_offers WHERE status = 'open' ORDER BY tenant`),
    openOffersOf: db.prepare("SELECT * FROM task_offers WHERE tenant = ? AND agent = ? AND status = 'open'"),
    stale: db.prepare(`SELECT o.* FROM task_offers o JOIN tasks t ON t.id = o.task_id
      WHERE o.tenant = ? AND o.status = 'open' AND (t.status <> 'open' OR t.assignee IS NOT NULL)`),
    // the oldest ones without a live offer, of the queues where someone has room (ROUTING_READ_LIMIT at most)
    openTasks: db.prepare(`SELECT t.id, t.case_id, t.case_type, t.queue, c.channel, t.opened_at, t.due_at
      FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.tenant = ? AND t.status = 'open' AND t.assignee IS NULL AND t.case_type = ? AND t.queue = ?
        AND t.id NOT IN (SELECT o.task_id FROM task_offers o WHERE o.tenant = ? AND o.status = 'open' AND o.expires_at > ?)
      ORDER BY t.opened_at, t.id LIMIT ?`),
    tried: db.prepare(`SELECT o.task_id, o.agent FROM task_offers o JOIN tasks t ON t.id = o.task_id
      WHERE o.tenant = ? AND o.status IN ('declined', 'expired', 'withdrawn') AND t.status = 'open' AND t.assignee IS NULL
      ORDER BY o.id`),
    heldLoad: db.prepare(`SELECT t.assignee AS agent, COALESCE(t.queue, '') AS queue, COALESCE(c.channel, 'api') AS channel, COUNT(*) AS n
      FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.tenant = ? AND t.status = 'open' AND t.assignee IS NOT NULL GROUP BY 1, 2, 3`),
    openOffers: db.prepare("SELECT * FROM task_offers WHERE tenant = ? AND status = 'open'"),
    endOffer: db.prepare("UPDATE task_offers SET status = ?, ended_at = ? WHERE id = ? AND status = 'open'"),
    // only a task still open and unclaimed (as PostgreSQL's insert, whatever the router was given)
    insertOffer: db.prepare(`INSERT OR IGNORE INTO task_offers (tenant, task_id, case_id, agent, queue, channel, status, offered_at, expires_at, explanation)
      SELECT ?, ?, ?, ?, ?, ?, 'open', ?, ?, ? WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ? AND status = 'open' AND assignee IS NULL)`),
    lastOffer: db.prepare('UPDATE agents SET last_offer = ? WHERE tenant = ? AND name = ?'),
    log: db.prepare('INSERT INTO task_log (tenant, task_id, case_id, at, kind, agent, by_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    offersFor: db.prepare(`SELECT o.*, t.title, t.case_type, COALESCE(c.reference, '') AS reference
      FROM task_offers o JOIN tasks t ON t.id = o.task_id JOIN cases c ON c.id = o.case_id
      WHERE o.tenant = ? AND o.agent = ? AND o.status = 'open' AND t.status = 'open' AND t.assignee IS NULL ORDER BY o.id`),
    nextExpiry: db.prepare("SELECT MIN(expires_at) AS due FROM task_offers WHERE status = 'open'"),
    openOfferOfTask: db.prepare("SELECT * FROM task_offers WHERE task_id = ? AND tenant = ? AND status = 'open'"),
    getTask: db.prepare('SELECT * FROM tasks WHERE id = ? AND tenant = ?'),
    claim: db.prepare('UPDATE tasks SET assignee = ?, claimed_at = ? WHERE id = ?'),
    taskLog: db.prepare('SELECT * FROM task_log WHERE tenant = ? AND case_id = ? ORDER BY id'),
  };

  const log = (tenant: string, taskId: string, caseId: string, at: Instant, kind: TaskLogKind, agent: string | null, by: string, detail: string | null) =>
    s.log.run(tenant, taskId, caseId, at, kind, agent, by, detail);

  function endOffer(offer: { id: number; tenant: string; taskId: string; caseId: string; agent: string }, status: 'expired' | 'withdrawn' | 'declined' | 'accepted', at: Instant, by: string): boolean {
    if (s.endOffer.run(status, at, offer.id).changes === 0) return false;
    log(offer.tenant, offer.taskId, offer.caseId, at, status, offer.agent, by, null);
    return true;
  }

  return {
    async saveAgent(agent: AgentRecord): Promise<void> {
      await queue.submit(() =>
        s.saveAgent.run({
          tenant: agent.tenant,
          name: agent.name,
          skills: JSON.stringify(agent.skills),
          capacity: JSON.stringify(agent.capacity),
          availability: agent.availability,
          queues: JSON.stringify(agent.queues),
          updatedAt: agent.updatedAt,
          updatedBy: agent.updatedBy,
        }),
      );
    },

    async getAgent(tenant: string, name: string): Promise<AgentRecord | null> {
      const row = s.getAgent.get(tenant, name) as AgentRow | undefined;
      return row === undefined ? null : toAgent(row);
    },

    async listAgents(tenant: string): Promise<AgentRecord[]> {
      return (s.listAgents.all(tenant) as AgentRow[]).map(toAgent);
    },

    async deleteAgent(tenant: string, name: string, at: Instant): Promise<boolean> {
      return queue.submit(() => {
        for (const row of s.openOffersOf.all(tenant, name) as OfferRow[]) endOffer(toOffer(row), 'withdrawn', at, 'router');
        return s.deleteAgent.run(tenant, name).changes > 0;
      });
    },

    async setAvailability(tenant: string, name: string, availability: Availability, at: Instant): Promise<AgentRecord | null> {
      return queue.submit(() => {
        if (s.setAvailability.run(availability, at, tenant, name).changes === 0) return null;
        return toAgent(s.getAgent.get(tenant, name) as AgentRow);
      });
    },

    async routingTenants(): Promise<string[]> {
      return (s.routingTenants.all() as { tenant: string }[]).map((r) => r.tenant);
    },

    async routeTenant(tenant: string, queues: readonly RoutedQueue[], at: Instant, decide: RoutingDecide): Promise<RoutingDecision> {
      return queue.submit((): RoutingDecision => {
        for (const row of s.stale.all(tenant) as OfferRow[]) endOffer(toOffer(row), 'withdrawn', at, 'router');
        const agents = (s.listAgents.all(tenant) as AgentRow[]).map(routingAgent);
        const byName = new Map(agents.map((a) => [a.name, a]));
        for (const r of s.heldLoad.all(tenant) as { agent: string; queue: string; channel: string; n: number }[]) {
          const agent = byName.get(r.agent);
          if (agent !== undefined) addToLoad(agent, r.queue, r.channel, r.n);
        }
        const openRows = s.openOffers.all(tenant) as OfferRow[];
        const offers: PendingOffer[] = openRows.map((r) => ({ id: Number(r.id), taskId: r.task_id, agent: r.agent, queue: r.queue, channel: r.channel, expiresAt: r.expires_at }));
        for (const o of offers) {
          const agent = byName.get(o.agent);
          if (agent !== undefined) addToLoad(agent, o.queue, o.channel, 1);
        }
        const tried = new Map<string, string[]>();
        for (const r of s.tried.all(tenant) as { task_id: string; agent: string }[]) {
          const list = tried.get(r.task_id) ?? [];
          tried.set(r.task_id, [...list.filter((a) => a !== r.agent), r.agent]);
        }
        const tasks: OpenQueuedTask[] = (
          routedWithRoom(agents, queues, offers, at).flatMap(
            (q) =>
              s.openTasks.all(tenant, q.caseType, q.queue, tenant, at, ROUTING_READ_LIMIT) as { id: string; case_id: string; case_type: string; queue: string; channel: string | null; opened_at: string; due_at: string | null }[],
          )
        ).map((r) => ({ id: r.id, caseId: r.case_id, caseType: r.case_type, queue: r.queue, channel: r.channel ?? 'api', openedAt: r.opened_at, dueAt: r.due_at, tried: tried.get(r.id) ?? [] }));
        const decision = decide({ now: at, tasks, agents, offers });
        const caseOf = new Map(openRows.map((r) => [Number(r.id), r.case_id]));
        const ended = (o: PendingOffer, status: 'expired' | 'withdrawn') =>
          endOffer({ id: o.id, tenant, taskId: o.taskId, caseId: caseOf.get(o.id) ?? '', agent: o.agent }, status, at, 'router');
        const expired = decision.expired.filter((o) => ended(o, 'expired'));
        const withdrawn = decision.withdrawn.filter((o) => ended(o, 'withdrawn'));
        const written = decision.offers.filter((o) => {
          const result = s.insertOffer.run(tenant, o.taskId, o.caseId, o.agent, o.queue, o.channel, o.offeredAt, o.expiresAt, o.explanation, o.taskId);
          if (result.changes === 0) return false;
          s.lastOffer.run(Number(result.lastInsertRowid), tenant, o.agent);
          log(tenant, o.taskId, o.caseId, at, 'offered', o.agent, 'router', o.explanation);
          return true;
        });
        return { ...decision, expired, withdrawn, offers: written };
      });
    },

    async offersFor(tenant: string, agent: string): Promise<OfferRecord[]> {
      return (s.offersFor.all(tenant, agent) as OfferRow[]).map(toOffer);
    },

    async nextOfferExpiry(): Promise<Instant | null> {
      return (s.nextExpiry.get() as { due: string | null }).due;
    },

    async answerOffer(tenant: string, taskId: string, agent: string, answer: 'accept' | 'decline', at: Instant): Promise<OfferAnswerResult> {
      return queue.submit((): OfferAnswerResult => {
        const row = s.openOfferOfTask.get(taskId, tenant) as OfferRow | undefined;
        if (row === undefined || row.agent !== agent) return { ok: false, code: 'offer.not_found' };
        const offer = toOffer(row);
        const task = s.getTask.get(taskId, tenant) as TaskRow | undefined;
        if (task === undefined || task.status !== 'open') {
          endOffer(offer, 'withdrawn', at, 'router');
          return { ok: false, code: 'task.closed' };
        }
        if (task.assignee !== null && task.assignee !== agent) {
          endOffer(offer, 'withdrawn', at, 'router');
          return { ok: false, code: 'task.claimed' };
        }
        if (answer === 'decline') {
          endOffer(offer, 'declined', at, agent);
          return { ok: true, offer: { ...offer, status: 'declined', endedAt: at } };
        }
        endOffer(offer, 'accepted', at, agent);
        s.claim.run(agent, at, taskId);
        return { ok: true, offer: { ...offer, status: 'accepted', endedAt: at } };
      });
    },

    async assignTask(tenant: string, taskId: string, assignee: string, by: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult> {
      return queue.submit((): TaskClaimResult => {
        const task = s.getTask.get(taskId, tenant) as TaskRow | undefined;
        if (task === undefined || !inQueues(task.queue, queues)) return { ok: false, code: 'task.not_found' };
        if (task.status !== 'open') return { ok: false, code: 'task.closed' };
        const open = s.openOfferOfTask.get(taskId, tenant) as OfferRow | undefined;
        if (open !== undefined) endOffer(toOffer(open), 'withdrawn', at, by);
        s.claim.run(assignee, at, taskId);
        log(tenant, taskId, task.case_id, at, 'reassigned', assignee, by, task.assignee);
        return { ok: true, task: toTask(s.getTask.get(taskId, tenant) as TaskRow) };
      });
    },

    async taskLog(tenant: string, caseId: string): Promise<TaskLogEntry[]> {
      return (s.taskLog.all(tenant, caseId) as TaskLogRow[]).map(toTaskLog);
    },
  };
}

/** A claim or release as the task-holder log records it (called inside the claim's write). */
export function logClaim(db: Database.Database, row: TaskRow, kind: 'claimed' | 'released', agent: string | null, by: string, at: Instant): void {
  db.prepare('INSERT INTO task_log (tenant, task_id, case_id, at, kind, agent, by_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)').run(
    row.tenant,
    row.id,
    row.case_id,
    at,
    kind,
    agent,
    by,
  );
}
