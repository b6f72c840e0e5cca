// Push routing as the stores keep it (issue 21, docs/routing.md): agents, offers and the task-holder log.
import type { Availability, Capacity, Instant, PendingOffer, RoutingAgent, RoutingDecision } from '../engine/index.ts';

/** An agent: a token's (or signed-in person's) name in a tenant, with what routing needs to know. */
export interface AgentRecord {
  tenant: string;
  name: string;
  /** Skill name → level (1-10). */
  skills: Record<string, number>;
  capacity: Capacity;
  availability: Availability;
  /** The queues they serve, by name. */
  queues: string[];
  updatedAt: Instant;
  updatedBy: string;
}

export type OfferStatus = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

/** One offer of a task to an agent. At most one per task is `open` (a unique index says so). */
export interface OfferRecord {
  id: number;
  tenant: string;
  taskId: string;
  caseId: string;
  agent: string;
  queue: string;
  channel: string;
  status: OfferStatus;
  offeredAt: Instant;
  expiresAt: Instant;
  endedAt: Instant | null;
  /** Why it went to this agent, in words ("offered to Ann: billing 3, load 2/5 (least-loaded, 4 candidates)"). */
  explanation: string;
  /** The task's title and its case's reference, for the agent's list. */
  title: string;
  reference: string;
  caseType: string;
}

export type TaskLogKind = 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'claimed' | 'released' | 'reassigned';

/** Who held a task when: one line per change of hands (the task-holder log). */
export interface TaskLogEntry {
  id: number;
  tenant: string;
  taskId: string;
  caseId: string;
  at: Instant;
  kind: TaskLogKind;
  /** The agent it concerns: offered to, accepted by, claimed by, released by, reassigned to. */
  agent: string | null;
  /** Who did it: the agent, a supervisor, or `router` for offers and expiries. */
  by: string;
  /** The offer's explanation, or the earlier holder of a reassigned task. */
  detail: string | null;
}

/** An open, unclaimed task in a queue, as the router reads it. */
export interface OpenQueuedTask {
  id: string;
  caseId: string;
  caseType: string;
  queue: string;
  channel: string;
  openedAt: Instant;
  dueAt: Instant | null;
  /** Agents whose offers of it ended without acceptance, oldest first. */
  tried: string[];
}

/** What one routing pass reads, all in the transaction that writes its offers. */
export interface RoutingState {
  now: Instant;
  tasks: OpenQueuedTask[];
  agents: RoutingAgent[];
  offers: PendingOffer[];
}

export type OfferAnswerResult =
  | { ok: true; offer: OfferRecord }
  | { ok: false; code: 'offer.not_found' | 'task.closed' | 'task.claimed' };

/** The store's half of a routing pass: reads the state, lets `decide` choose, writes the choice. */
export type RoutingDecide = (state: RoutingState) => RoutingDecision;

/** The columns of the agents table as both stores keep them. */
export interface AgentRow {
  tenant: string;
  name: string;
  skills: string;
  capacity: string;
  availability: Availability;
  queues: string;
  updated_at: string;
  updated_by: string;
  last_offer: number | string | null;
}

export const toAgent = (r: AgentRow): AgentRecord => ({
  tenant: r.tenant,
  name: r.name,
  skills: JSON.parse(r.skills) as Record<string, number>,
  capacity: JSON.parse(r.capacity) as Capacity,
  availability: r.availability,
  queues: JSON.parse(r.queues) as string[],
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export interface OfferRow {
  id: number | string;
  tenant: string;
  task_id: string;
  case_id: string;
  agent: string;
  queue: string;
  channel: string;
  status: OfferStatus;
  offered_at: string;
  expires_at: string;
  ended_at: string | null;
  explanation: string;
  title?: string;
  reference?: string;
  case_type?: string;
}

export const toOffer = (r: OfferRow): OfferRecord => ({
  id: Number(r.id),
  tenant: r.tenant,
  taskId: r.task_id,
  caseId: r.case_id,
  agent: r.agent,
  queue: r.queue,
  channel: r.channel,
  status: r.status,
  offeredAt: r.offered_at,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
  explanation: r.explanation,
  title: r.title ?? '',
  reference: r.reference ?? '',
  caseType: r.case_type ?? '',
});

export interface TaskLogRow {
  id: number | string;
  tenant: string;
  task_id: string;
  case_id: string;
  at: string;
  kind: TaskLogKind;
  agent: string | null;
  by_name: string;
  detail: string | null;
}

export const toTaskLog = (r: TaskLogRow): TaskLogEntry => ({
  id: Number(r.id),
  tenant: r.tenant,
  taskId: r.task_id,
  caseId: r.case_id,
  at: r.at,
  kind: r.kind,
  agent: r.agent,
  by: r.by_name,
  detail: r.detail,
});

/** Adds one to a load count (loads are built from grouped rows). */
export function addToLoad(agent: RoutingAgent, queue: string, channel: string, count: number): void {
  agent.load.total += count;
  agent.load.byQueue[queue] = (agent.load.byQueue[queue] ?? 0) + count;
  agent.load.byChannel[channel] = (agent.load.byChannel[channel] ?? 0) + count;
}

/** The agents of a tenant as the router takes them (no load yet). */
export function routingAgent(row: AgentRow): RoutingAgent {
  const agent = toAgent(row);
  return {
    name: agent.name,
    skills: agent.skills,
    capacity: agent.capacity,
    availability: agent.availability,
    queues: agent.queues,
    load: { total: 0, byQueue: {}, byChannel: {} },
    lastOffer: row.last_offer === null ? null : Number(row.last_offer),
  };
}

/**
 * The most open tasks a routing pass reads of one routed queue of one case type (the oldest first): a pass
 * offers at most what the agents have room for, and the next pass reads on from there once those are offered.
 * Read per case type and queue, so that a queue whose work nobody available can take (a skill nobody has)
 * never hides another's, nor a pull-only case type's tasks in a queue of the same name a routed one's.
 */
export const ROUTING_READ_LIMIT = 2000;

/** A queue of a case type that pushes (its `routing`), as the routing pass reads its tasks. */
export interface RoutedQueue {
  caseType: string;
  queue: string;
}

/** The routed queues of `routed` that an available agent with room left serves (queuesWithRoom, by name). */
export function routedWithRoom(agents: readonly RoutingAgent[], routed: readonly RoutedQueue[], offers: readonly PendingOffer[], now: Instant): RoutedQueue[] {
  const withRoom = new Set(queuesWithRoom(agents, [...new Set(routed.map((r) => r.queue))], offers, now));
  return routed.filter((r) => withRoom.has(r.queue));
}

/**
 * The queue names of `queues` that an available agent with room left serves: only their tasks are read (a pass in
 * the steady state, when one agent has finished a task, reads the work of that agent's queues, not all).
 */
export function queuesWithRoom(agents: readonly RoutingAgent[], queues: readonly string[], offers: readonly PendingOffer[], now: Instant): string[] {
  const wanted = new Set(queues);
  const out = new Set<string>();
  // an agent whose offer expires now has room again (the router ends the offer in this pass)
  const freed = new Set(offers.filter((o) => o.expiresAt <= now).map((o) => o.agent));
  for (const agent of agents) {
    if (agent.availability !== 'available' || (agent.load.total >= agent.capacity.total && !freed.has(agent.name))) continue;
    for (const queue of agent.queues) if (wanted.has(queue)) out.add(queue);
  }
  return [...out];
}
