// Push routing on PostgreSQL (issue 21, docs/routing.md): the same tables as SQLite's (sqlite-routing.ts).
// Several hosts share the database: a routing pass of a tenant holds a transaction-level advisory lock
// of that tenant from its first read to its commit, so two hosts never decide on the same state, and the
// unique partial index on the open offer of a task refuses a second open offer whatever happens.
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
import { hasNul, statement, type PostgresDb, type Queryable } from './postgres-db.ts';

const C = 'text COLLATE "C"';

export const routingTables = `
  CREATE TABLE agents (
    tenant ${C} NOT NULL, name ${C} NOT NULL, skills text NOT NULL, capacity text NOT NULL,
    availability ${C} NOT NULL, queues text NOT NULL, updated_at ${C} NOT NULL, updated_by text NOT NULL,
    last_offer bigint, PRIMARY KEY (tenant, name));
  CREATE TABLE task_offers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant ${C} NOT NULL, task_id ${C} NOT NULL, case_id ${C} NOT NULL,
    agent ${C} NOT NULL, queue ${C} NOT NULL, channel ${C} NOT NULL, status ${C} NOT NULL, offered_at ${C} NOT NULL,
    expires_at ${C} NOT NULL, ended_at ${C}, explanation text NOT NULL);
  CREATE UNIQUE INDEX task_offers_one_open ON task_offers(task_id) WHERE status = 'open';
  CREATE INDEX task_offers_open_by_agent ON task_offers(tenant, agent) WHERE status = 'open';
  CREATE INDEX task_offers_open_expiry ON task_offers(expires_at) WHERE status = 'open';
  CREATE INDEX task_offers_by_task ON task_offers(task_id, id);
  CREATE TABLE task_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant ${C} NOT NULL, task_id ${C} NOT NULL, case_id ${C} NOT NULL,
    at ${C} NOT NULL, kind ${C} NOT NULL, agent ${C}, by_name text NOT NULL, detail text);
  CREATE INDEX task_log_by_case ON task_log(tenant, case_id, id);
  `;

const taskColumns = 'id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, claimed_at, status, closed_at';

const s = {
  saveAgent: statement(
    'agents.save',
    `INSERT INTO agents (tenant, name, skills, capacity, availability, queues, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant, name) DO UPDATE SET skills = excluded.skills, capacity = excluded.capacity,
     availability = excluded.availability, queues = excluded.queues, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ),
  getAgent: statement('agents.get', 'SELECT * FROM agents WHERE tenant = $1 AND name = $2'),
  listAgents: statement('agents.list', 'SELECT * FROM agents WHERE tenant = $1 ORDER BY name'),
  deleteAgent: statement('agents.delete', 'DELETE FROM agents WHERE tenant = $1 AND name = $2'),
  setAvailability: statement('agents.availability', 'UPDATE agents SET availability = $1, updated_at = $2 WHERE tenant = $3 AND name = $4 RETURNING *'),
  routingTenants: statement(
    'agents.tenants',
    "SELECT tenant FROM agents WHERE availability = 'available' UNION SELECT tenant FROM task_offers WHERE status = 'open' ORDER BY tenant",
  ),
  lockTenant: statement('routing.lock', "SELECT pg_advisory_xact_lock(hashtext('dossier.routing:' || $1))"),
  openOffersOf: statement('offers.of_agent', "SELECT * FROM task_offers WHERE tenant = $1 AND agent = $2 AND status = 'open'"),
  stale: statement(
    'offers.stale',
    `SELECT o.* FROM task_offers o JOIN tasks t ON t.id = o.task_id
     WHERE o.tenant = $1 AND o.status = 'open' AND (t.status <> 'open' OR t.assignee IS NOT NULL)`,
  ),
  // the live offers once (a hashed subplan), not probed per task; planned with its values each time
  openTasks: `SELECT t.id, t.case_id, t.case_type, t.queue, c.channel, t.opened_at, t.due_at
     FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.tenant = $1 AND t.status = 'open' AND t.assignee IS NULL AND t.case_type = $2 AND t.queue = $5
       AND t.id NOT IN (SELECT o.task_id FROM task_offers o WHERE o.tenant = $1 AND o.status = 'open' AND o.expires_at > $3)
     ORDER BY t.opened_at, t.id LIMIT $4`,
  tried: statement(
    'routing.tried',
    `SELECT o.task_id, o.agent FROM task_offers o JOIN tasks t ON t.id = o.task_id
     WHERE o.tenant = $1 AND o.status IN ('declined', 'expired', 'withdrawn') AND t.status = 'open' AND t.assignee IS NULL
     ORDER BY o.id`,
  ),
  heldLoad: statement(
    'routing.load',
    `SELECT t.assignee AS agent, COALESCE(t.queue, '') AS queue, COALESCE(c.channel, 'api') AS channel, COUNT(*)::integer AS n
     FROM tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.tenant = $1 AND t.status = 'open' AND t.assignee IS NOT NULL GROUP BY 1, 2, 3`,
  ),
  openOffers: statement('offers.open', "SELECT * FROM task_offers WHERE tenant = $1 AND status = 'open'"),
  endOffer: statement('offers.end', "UPDATE task_offers SET status = $1, ended_at = $2 WHERE id = $3 AND status = 'open'"),
  // a pass's writes in a few statements whatever the number of offers (it holds the tenant's lock meanwhile)
  endOffers: statement(
    'offers.end_many',
    `WITH ended AS (
       UPDATE task_offers SET status = $2, ended_at = $3 WHERE tenant = $1 AND id = ANY($4::bigint[]) AND status = 'open'
       RETURNING id, task_id, case_id, agent)
     INSERT INTO task_log (tenant, task_id, case_id, at, kind, agent, by_name, detail)
     SELECT $1, task_id, case_id, $3, $2, agent, 'router', NULL FROM ended ORDER BY id
     RETURNING task_id`,
  ),
  insertOffers: statement(
    'offers.insert_many',
    `WITH made AS (
       INSERT INTO task_offers (tenant, task_id, case_id, agent, queue, channel, status, offered_at, expires_at, explanation)
       SELECT $1, o.task_id, o.case_id, o.agent, o.queue, o.channel, 'open', $2, o.expires_at, o.explanation
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
         AS o(task_id, case_id, agent, queue, channel, expires_at, explanation, n)
       -- only a task still open and unclaimed: an agent who claimed or accepted it since the pass read it
       -- (their commit waited for this lock, or this one for theirs) keeps it, and nobody is offered it
       JOIN tasks t ON t.id = o.task_id AND t.status = 'open' AND t.assignee IS NULL
       ORDER BY o.n
       FOR UPDATE OF t
       ON CONFLICT DO NOTHING
       RETURNING id, task_id, case_id, agent, explanation),
     logged AS (
       INSERT INTO task_log (tenant, task_id, case_id, at, kind, agent, by_name, detail)
       SELECT $1, task_id, case_id, $2, 'offered', agent, 'router', explanation FROM made ORDER BY id),
     last AS (
       UPDATE agents a SET last_offer = m.id FROM (SELECT agent, MAX(id) AS id FROM made GROUP BY agent) m
       WHERE a.tenant = $1 AND a.name = m.agent)
     SELECT task_id, agent FROM made`,
  ),
  log: statement('task_log.insert', 'INSERT INTO task_log (tenant, task_id, case_id, at, kind, agent, by_name, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)'),
  offersFor: statement(
    'offers.for',
    `SELECT o.*, t.title, t.case_type, COALESCE(c.reference, '') AS reference
     FROM task_offers o JOIN tasks t ON t.id = o.task_id JOIN cases c ON c.id = o.case_id
     WHERE o.tenant = $1 AND o.agent = $2 AND o.status = 'open' AND t.status = 'open' AND t.assignee IS NULL ORDER BY o.id`,
  ),
  nextExpiry: statement('offers.next_expiry', "SELECT MIN(expires_at) AS due FROM task_offers WHERE status = 'open'"),
  openOfferOfTask: statement('offers.of_task', "SELECT * FROM task_offers WHERE task_id = $1 AND tenant = $2 AND status = 'open' FOR UPDATE"),
  lockTask: statement('routing.lock_task', `SELECT ${taskColumns} FROM tasks WHERE id = $1 AND tenant = $2 FOR UPDATE`),
  claim: statement('routing.claim', `UPDATE tasks SET assignee = $1, claimed_at = $2 WHERE id = $3 RETURNING ${taskColumns}`),
  taskLog: statement('task_log.of_case', 'SELECT * FROM task_log WHERE tenant = $1 AND case_id = $2 ORDER BY id'),
};

async function log(tx: Queryable, tenant: string, taskId: string, caseId: string, at: Instant, kind: TaskLogKind, agent: string | null, by: string, detail: string | null): Promise<void> {
  await tx.changes(s.log, [tenant, taskId, caseId, at, kind, agent, by, detail]);
}

async function endOffer(
  tx: Queryable,
  offer: { id: number; tenant: string; taskId: string; caseId: string; agent: string },
  status: 'expired' | 'withdrawn' | 'declined' | 'accepted',
  at: Instant,
  by: string,
): Promise<boolean> {
  if ((await tx.changes(s.endOffer, [status, at, offer.id])) === 0) return false;
  await log(tx, offer.tenant, offer.taskId, offer.caseId, at, status, offer.agent, by, null);
  return true;
}

/** A claim or release as the task-holder log records it (inside the claim's transaction). */
export async function logClaimPg(tx: Queryable, row: TaskRow, kind: 'claimed' | 'released', agent: string | null, by: string, at: Instant): Promise<void> {
  await log(tx, row.tenant, row.id, row.case_id, at, kind, agent, by, null);
}

export function createPostgresRouting(db: PostgresDb) {
  return {
    async saveAgent(agent: AgentRecord): Promise<void> {
      await db.changes(s.saveAgent, [
        agent.tenant,
        agent.name,
        JSON.stringify(agent.skills),
        JSON.stringify(agent.capacity),
        agent.availability,
        JSON.stringify(agent.queues),
        agent.updatedAt,
        agent.updatedBy,
      ]);
    },

    async getAgent(tenant: string, name: string): Promise<AgentRecord | null> {
      if (hasNul(tenant, name)) return null;
      const [row] = await db.rows<AgentRow>(s.getAgent, [tenant, name]);
      return row === undefined ? null : toAgent(row);
    },

    async listAgents(tenant: string): Promise<AgentRecord[]> {
      return (await db.rows<AgentRow>(s.listAgents, [tenant])).map(toAgent);
    },

    async deleteAgent(tenant: string, name: string, at: Instant): Promise<boolean> {
      if (hasNul(tenant, name)) return false;
      return db.transaction(async (tx) => {
        for (const row of await tx.rows<OfferRow>(s.openOffersOf, [tenant, name])) await endOffer(tx, toOffer(row), 'withdrawn', at, 'router');
        return (await tx.changes(s.deleteAgent, [tenant, name])) > 0;
      });
    },

    async setAvailability(tenant: string, name: string, availability: Availability, at: Instant): Promise<AgentRecord | null> {
      if (hasNul(tenant, name)) return null;
      const [row] = await db.rows<AgentRow>(s.setAvailability, [availability, at, tenant, name]);
      return row === undefined ? null : toAgent(row);
    },

    async routingTenants(): Promise<string[]> {
      return (await db.rows<{ tenant: string }>(s.routingTenants)).map((r) => r.tenant);
    },

    async routeTenant(tenant: string, queues: readonly RoutedQueue[], at: Instant, decide: RoutingDecide): Promise<RoutingDecision> {
      return db.transaction(async (tx): Promise<RoutingDecision> => {
        await tx.rows(s.lockTenant, [tenant]);
        for (const row of await tx.rows<OfferRow>(s.stale, [tenant])) await endOffer(tx, toOffer(row), 'withdrawn', at, 'router');
        const agents = (await tx.rows<AgentRow>(s.listAgents, [tenant])).map(routingAgent);
        const byName = new Map(agents.map((a) => [a.name, a]));
        for (const r of await tx.rows<{ agent: string; queue: string; channel: string; n: number }>(s.heldLoad, [tenant])) {
          const agent = byName.get(r.agent);
          if (agent !== undefined) addToLoad(agent, r.queue, r.channel, Number(r.n));
        }
        const openRows = await tx.rows<OfferRow>(s.openOffers, [tenant]);
        const offers: PendingOffer[] = openRows.map((r) => ({ id: Number(r.id), taskId: r.task_id, agent: r.agent, queue: r.queue, channel: r.channel, expiresAt: r.expires_at }));
        for (const o of offers) {
          const agent = byName.get(o.agent);
          if (agent !== undefined) addToLoad(agent, o.queue, o.channel, 1);
        }
        const tried = new Map<string, string[]>();
        for (const r of await tx.rows<{ task_id: string; agent: string }>(s.tried, [tenant])) {
          const list = tried.get(r.task_id) ?? [];
          tried.set(r.task_id, [...list.filter((a) => a !== r.agent), r.agent]);
        }
        const rows: { id: string; case_id: string; case_type: string; queue: string; channel: string | null; opened_at: string; due_at: string | null }[] = [];
        for (const q of routedWithRoom(agents, queues, offers, at)) {
          rows.push(...(await tx.rows<(typeof rows)[number]>(s.openTasks, [tenant, q.caseType, at, ROUTING_READ_LIMIT, q.queue])));
        }
        const tasks: OpenQueuedTask[] = rows.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          caseType: r.case_type,
          queue: r.queue,
          channel: r.channel ?? 'api',
          openedAt: r.opened_at,
          dueAt: r.due_at,
          tried: tried.get(r.id) ?? [],
        }));
        const decision = decide({ now: at, tasks, agents, offers });
        const end = async (offers: PendingOffer[], status: 'expired' | 'withdrawn'): Promise<PendingOffer[]> => {
          if (offers.length === 0) return [];
          const ended = new Set((await tx.rows<{ task_id: string }>(s.endOffers, [tenant, status, at, offers.map((o) => String(o.id))])).map((r) => r.task_id));
          return offers.filter((o) => ended.has(o.taskId));
        };
        const expired = await end(decision.expired, 'expired');
        const withdrawn = await end(decision.withdrawn, 'withdrawn');
        if (decision.offers.length === 0) return { ...decision, expired, withdrawn };
        const o = decision.offers;
        const made = await tx.rows<{ task_id: string; agent: string }>(s.insertOffers, [
          tenant,
          at,
          o.map((x) => x.taskId),
          o.map((x) => x.caseId),
          o.map((x) => x.agent),
          o.map((x) => x.queue),
          o.map((x) => x.channel),
          o.map((x) => x.expiresAt),
          o.map((x) => x.explanation),
        ]);
        const written = new Set(made.map((r) => `${r.task_id}\u0000${r.agent}`));
        return { ...decision, expired, withdrawn, offers: o.filter((x) => written.delete(`${x.taskId}\u0000${x.agent}`)) };
      });
    },

    async offersFor(tenant: string, agent: string): Promise<OfferRecord[]> {
      if (hasNul(tenant, agent)) return [];
      return (await db.rows<OfferRow>(s.offersFor, [tenant, agent])).map(toOffer);
    },

    async nextOfferExpiry(): Promise<Instant | null> {
      const [row] = await db.rows<{ due: string | null }>(s.nextExpiry);
      return row?.due ?? null;
    },

    async answerOffer(tenant: string, taskId: string, agent: string, answer: 'accept' | 'decline', at: Instant): Promise<OfferAnswerResult> {
      if (hasNul(tenant, taskId, agent)) return { ok: false, code: 'offer.not_found' };
      return db.transaction(async (tx): Promise<OfferAnswerResult> => {
        // the task first, then its offer: the order every writer of both takes
        const [task] = await tx.rows<TaskRow>(s.lockTask, [taskId, tenant]);
        const [row] = await tx.rows<OfferRow>(s.openOfferOfTask, [taskId, tenant]);
        if (row === undefined || row.agent !== agent) return { ok: false, code: 'offer.not_found' };
        const offer = toOffer(row);
        if (task === undefined || task.status !== 'open') {
          await endOffer(tx, offer, 'withdrawn', at, 'router');
          return { ok: false, code: 'task.closed' };
        }
        if (task.assignee !== null && task.assignee !== agent) {
          await endOffer(tx, offer, 'withdrawn', at, 'router');
          return { ok: false, code: 'task.claimed' };
        }
        if (answer === 'decline') {
          await endOffer(tx, offer, 'declined', at, agent);
          return { ok: true, offer: { ...offer, status: 'declined', endedAt: at } };
        }
        await endOffer(tx, offer, 'accepted', at, agent);
        await tx.rows(s.claim, [agent, at, taskId]);
        return { ok: true, offer: { ...offer, status: 'accepted', endedAt: at } };
      });
    },

    async assignTask(tenant: string, taskId: string, assignee: string, by: string, at: Instant, queues?: readonly string[]): Promise<TaskClaimResult> {
      if (hasNul(tenant, taskId, assignee)) return { ok: false, code: 'task.not_found' };
      return db.transaction(async (tx): Promise<TaskClaimResult> => {
        const [task] = await tx.rows<TaskRow>(s.lockTask, [taskId, tenant]);
        if (task === undefined || !inQueues(task.queue, queues)) return { ok: false, code: 'task.not_found' };
        if (task.status !== 'open') return { ok: false, code: 'task.closed' };
        const [open] = await tx.rows<OfferRow>(s.openOfferOfTask, [taskId, tenant]);
        if (open !== undefined) await endOffer(tx, toOffer(open), 'withdrawn', at, by);
        const [updated] = await tx.rows<TaskRow>(s.claim, [assignee, at, taskId]);
        await log(tx, tenant, taskId, task.case_id, at, 'reassigned', assignee, by, task.assignee);
        return { ok: true, task: toTask(updated ?? task) };
      });
    },

    async taskLog(tenant: string, caseId: string): Promise<TaskLogEntry[]> {
      if (hasNul(tenant, caseId)) return [];
      return (await db.rows<TaskLogRow>(s.taskLog, [tenant, caseId])).map(toTaskLog);
    },
  };
}
