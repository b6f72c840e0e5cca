// Push routing (issue 21): which available agent is offered which open task. Pure: state in, offers out.
// The host reads the state from its store (open unassigned tasks without an open offer, the agents with
// their load, the open offers), calls `route`, and writes what it returns in one transaction
// (runtime/host/routing-service.ts). docs/routing.md explains the rules.
import type { Instant } from './types.ts';
import { formatInstant, instantMs } from './instant.ts';

export type RoutingStrategy = 'round-robin' | 'least-loaded' | 'most-skilled';
export type Availability = 'available' | 'away' | 'offline';

export const ROUTING_STRATEGIES: readonly RoutingStrategy[] = ['round-robin', 'least-loaded', 'most-skilled'];
export const AVAILABILITIES: readonly Availability[] = ['available', 'away', 'offline'];
/** An offer's time to answer when the queue names none (two minutes). */
export const DEFAULT_OFFER_TIMEOUT_MS = 120_000;

/** A skill a queue asks for, with the lowest level that will do (1 when the queue names the skill only). */
export interface SkillNeed {
  skill: string;
  level: number;
}

/** An agent's units of work: at most `total` tasks at once, and at most so many per queue and per channel. */
export interface Capacity {
  total: number;
  perQueue?: Record<string, number>;
  perChannel?: Record<string, number>;
}

/** What an agent holds now: tasks claimed and open, plus offers still open (an offer counts as load). */
export interface Load {
  total: number;
  byQueue: Record<string, number>;
  byChannel: Record<string, number>;
}

export interface RoutingAgent {
  name: string;
  skills: Record<string, number>;
  capacity: Capacity;
  availability: Availability;
  /** The queues they serve (by queue name). */
  queues: readonly string[];
  load: Load;
  /**
   * The order of their last offer (the store's offer number: higher is later); null: never offered.
   * Round robin takes the one offered longest ago.
   */
  lastOffer: number | null;
}

export interface RoutingTask {
  id: string;
  caseId: string;
  queue: string;
  /** The channel of its case (capacity per channel). */
  channel: string;
  openedAt: Instant;
  dueAt: Instant | null;
  /** What its queue needs and how it routes (read from the case type by the host). */
  skills: readonly SkillNeed[];
  strategy: RoutingStrategy;
  offerTimeoutMs: number;
  /** Agents whose offers of this task expired or were declined, oldest first (they come last, in that order). */
  tried: readonly string[];
}

/** An open offer as the store keeps it. */
export interface PendingOffer {
  id: number;
  taskId: string;
  agent: string;
  queue: string;
  channel: string;
  expiresAt: Instant;
}

export interface OfferReason {
  strategy: RoutingStrategy;
  /** The levels of the skills the queue needs, as the agent has them. */
  skills: Record<string, number>;
  /** The agent's load before this offer, and their total capacity. */
  load: number;
  capacity: number;
  /** How many agents could take it (skills, queue, capacity, availability). */
  candidates: number;
  /** Offered again to one who had it before, because every other candidate had been tried. */
  again: boolean;
}

export interface NewOffer {
  taskId: string;
  caseId: string;
  agent: string;
  queue: string;
  channel: string;
  offeredAt: Instant;
  expiresAt: Instant;
  reason: OfferReason;
  /** In words: "offered to ann: billing 3, load 2/5 (least-loaded, 4 candidates)". */
  explanation: string;
}

export interface RoutingInput {
  now: Instant;
  tasks: readonly RoutingTask[];
  agents: readonly RoutingAgent[];
  offers: readonly PendingOffer[];
}

export interface RoutingDecision {
  /** Open offers that timed out (their task goes to the next agent). */
  expired: PendingOffer[];
  /** Open offers to agents who are no longer available, or who no longer serve the queue. */
  withdrawn: PendingOffer[];
  offers: NewOffer[];
  /** Tasks considered (for the bench's decisions per second). */
  considered: number;
}

/** The skill needs of a queue's `skills` as the format writes them: a name, or `{ skill, level }`. */
export function skillNeeds(skills: readonly (string | { skill: string; level?: number })[] | undefined): SkillNeed[] {
  return (skills ?? []).map((s) => (typeof s === 'string' ? { skill: s, level: 1 } : { skill: s.skill, level: s.level ?? 1 }));
}

/** True when `agent` has every skill of `needs` at its level or above. */
export function hasSkills(skills: Record<string, number>, needs: readonly SkillNeed[]): boolean {
  for (const need of needs) {
    const level = skills[need.skill];
    if (level === undefined || level < need.level) return false;
  }
  return true;
}

/** Room left for one more task of `queue` by `channel` (false when any of the three limits is reached). */
export function hasRoom(agent: { capacity: Capacity; load: Load }, queue: string, channel: string): boolean {
  return roomIn(agent.capacity, agent.load, queue, channel);
}

function roomIn(capacity: Capacity, load: Load, queue: string, channel: string): boolean {
  if (load.total >= capacity.total) return false;
  const q = capacity.perQueue?.[queue];
  if (q !== undefined && (load.byQueue[queue] ?? 0) >= q) return false;
  const ch = capacity.perChannel?.[channel];
  if (ch !== undefined && (load.byChannel[channel] ?? 0) >= ch) return false;
  return true;
}

function addLoad(load: Load, queue: string, channel: string, by: number): void {
  load.total += by;
  load.byQueue[queue] = (load.byQueue[queue] ?? 0) + by;
  load.byChannel[channel] = (load.byChannel[channel] ?? 0) + by;
}

interface Working {
  agent: RoutingAgent;
  load: Load;
  /** Round robin's order: the sequence of their last offer (lower: longer ago; -1 for never). */
  turn: number;
}

function skillScore(skills: Record<string, number>, needs: readonly SkillNeed[]): number {
  let score = 0;
  for (const need of needs) score += skills[need.skill] ?? 0;
  return score;
}

/** Whether `a` comes before `b` for a task under `strategy` (both can take it). */
function better(a: Working, b: Working, task: RoutingTask): boolean {
  if (task.strategy === 'least-loaded') {
    // the lowest share of capacity in use, then the fewest tasks
    const ra = a.load.total * b.agent.capacity.total;
    const rb = b.load.total * a.agent.capacity.total;
    if (ra !== rb) return ra < rb;
    if (a.load.total !== b.load.total) return a.load.total < b.load.total;
  } else if (task.strategy === 'most-skilled') {
    const sa = skillScore(a.agent.skills, task.skills);
    const sb = skillScore(b.agent.skills, task.skills);
    if (sa !== sb) return sa > sb;
    if (a.load.total !== b.load.total) return a.load.total < b.load.total;
  }
  if (a.turn !== b.turn) return a.turn < b.turn;
  return a.agent.name < b.agent.name;
}

function taskOrder(a: RoutingTask, b: RoutingTask): number {
  // the earliest due first (a task without a due date after those with one), then the oldest, then by id
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function explainOffer(agent: string, reason: OfferReason): string {
  const skills = Object.entries(reason.skills).map(([skill, level]) => `${skill} ${level}`);
  const parts = [...skills, `load ${reason.load}/${reason.capacity}`];
  const again = reason.again ? ', again: every candidate was tried' : '';
  return `offered to ${agent}: ${parts.join(', ')} (${reason.strategy}, ${reason.candidates} candidate${reason.candidates === 1 ? '' : 's'}${again})`;
}

/**
 * Decides the offers of one routing pass. Rules: a task goes only to an available agent who serves its
 * queue and has its skills at their levels; an agent's capacity (total, per queue, per channel) is never
 * exceeded, open offers counting as load; a task with an open offer gets no other; an offer past its
 * `expiresAt` expires and its task goes to an agent who has not had it yet (one who had it only when every
 * candidate had); the strategy of the task's queue picks among the candidates (round robin: the one
 * offered longest ago; least loaded: the lowest share of capacity in use; most skilled: the highest sum of
 * the needed skills' levels).
 */
export function route(input: RoutingInput): RoutingDecision {
  const nowMs = instantMs(input.now);
  const agents = new Map<string, Working>();
  // round robin order: the agents by their last offer, oldest (and never) first
  const byLast = [...input.agents].sort((a, b) => {
    if (a.lastOffer !== b.lastOffer) {
      if (a.lastOffer === null) return -1;
      if (b.lastOffer === null) return 1;
      return a.lastOffer - b.lastOffer;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  byLast.forEach((agent, index) => {
    const load: Load = { total: agent.load.total, byQueue: { ...agent.load.byQueue }, byChannel: { ...agent.load.byChannel } };
    agents.set(agent.name, { agent, load, turn: agent.lastOffer === null ? -1 : index });
  });

  const expired: PendingOffer[] = [];
  const withdrawn: PendingOffer[] = [];
  const offered = new Set<string>();
  for (const offer of input.offers) {
    const holder = agents.get(offer.agent);
    const gone = holder === undefined || holder.agent.availability !== 'available' || !holder.agent.queues.includes(offer.queue);
    const late = instantMs(offer.expiresAt) <= nowMs;
    if (!gone && !late) {
      offered.add(offer.taskId);
      continue;
    }
    if (late) expired.push(offer);
    else withdrawn.push(offer);
    // the offer counted in their load; it no longer does
    if (holder !== undefined) addLoad(holder.load, offer.queue, offer.channel, -1);
  }
  // a task whose offer ended now: the agent is tried
  const justTried = new Map<string, string>();
  for (const offer of [...expired, ...withdrawn]) justTried.set(offer.taskId, offer.agent);

  // the candidates per queue: available agents serving it (the skills are checked per task)
  const byQueue = new Map<string, Working[]>();
  for (const w of agents.values()) {
    if (w.agent.availability !== 'available') continue;
    for (const queue of w.agent.queues) {
      let list = byQueue.get(queue);
      if (list === undefined) byQueue.set(queue, (list = []));
      list.push(w);
    }
  }
  // queues where nobody has room any more are skipped without looking at their agents
  const full = new Set<string>();
  let nextTurn = agents.size;
  const offers: NewOffer[] = [];
  let considered = 0;
  // a queue none of whose agents has room left takes no task this pass: its tasks are not even sorted
  for (const [queue, list] of byQueue) {
    if (list.every((w) => w.load.total >= w.agent.capacity.total)) full.add(queue);
  }
  const tasks = input.tasks.filter((t) => !offered.has(t.id) && byQueue.has(t.queue) && !full.has(t.queue)).sort(taskOrder);
  for (const task of tasks) {
    const list = byQueue.get(task.queue);
    if (list === undefined || full.has(task.queue)) continue;
    considered++;
    const lastTried = justTried.get(task.id);
    const tried = lastTried === undefined || task.tried.includes(lastTried) ? task.tried : [...task.tried, lastTried];
    let best: Working | undefined;
    let bestTried: Working | undefined;
    let bestTriedRank = Infinity;
    let candidates = 0;
    let room = false;
    for (const w of list) {
      if (!roomIn(w.agent.capacity, w.load, task.queue, task.channel)) continue;
      room = true;
      if (!hasSkills(w.agent.skills, task.skills)) continue;
      candidates++;
      const rank = tried.length === 0 ? -1 : tried.indexOf(w.agent.name);
      if (rank < 0) {
        if (best === undefined || better(w, best, task)) best = w;
      } else if (rank < bestTriedRank) {
        // among those who had it, the one who had it longest ago, but never the one whose offer just ended
        // while someone else could take it
        bestTried = w;
        bestTriedRank = rank;
      }
    }
    if (!room && list.every((w) => w.load.total >= w.agent.capacity.total)) full.add(task.queue);
    let chosen = best;
    let again = false;
    if (chosen === undefined && bestTried !== undefined) {
      chosen = bestTried;
      again = true;
    }
    if (chosen === undefined) continue;
    const skills: Record<string, number> = {};
    for (const need of task.skills) skills[need.skill] = chosen.agent.skills[need.skill] ?? 0;
    const reason: OfferReason = {
      strategy: task.strategy,
      skills,
      load: chosen.load.total,
      capacity: chosen.agent.capacity.total,
      candidates,
      again,
    };
    offers.push({
      taskId: task.id,
      caseId: task.caseId,
      agent: chosen.agent.name,
      queue: task.queue,
      channel: task.channel,
      offeredAt: input.now,
      expiresAt: formatInstant(nowMs + task.offerTimeoutMs),
      reason,
      explanation: explainOffer(chosen.agent.name, reason),
    });
    offered.add(task.id);
    addLoad(chosen.load, task.queue, task.channel, 1);
    chosen.turn = nextTurn++;
  }
  return { expired, withdrawn, offers, considered };
}
