// Push routing in the host (issue 21, docs/routing.md): agents as records (checked against the published
// case types' queues and skills), a routing pass per tenant (the store reads and writes, the pure router
// in runtime/engine/routing.ts decides), offers answered by their agent, tasks reassigned by supervisors,
// and the task-holder log.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import {
  AVAILABILITIES,
  DEFAULT_OFFER_TIMEOUT_MS,
  durationToMs,
  parseDuration,
  route,
  skillNeeds,
  type Availability,
  type Capacity,
  type RoutingDecision,
  type RoutingStrategy,
  type RoutingTask,
  type SkillNeed,
} from '../engine/index.ts';
import type { CaseStore, TaskRecord } from '../store/case-store.ts';
import type { AgentRecord, OfferRecord, TaskLogEntry } from '../store/routing-records.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
const MAX_UNITS = 1000;
const MAX_LEVEL = 10;

/** A queue's routing settings, from the latest published version of a case type. */
export interface QueueRouting {
  caseType: string;
  queue: string;
  title: string;
  skills: SkillNeed[];
  /** null: the queue is pull-only (no `routing`). */
  strategy: RoutingStrategy | null;
  offerTimeoutMs: number;
}

/** What the tenant's published case types name: queues (with their routing) and skills. */
export interface RoutingCatalog {
  queues: QueueRouting[];
  /** Every skill a queue names. */
  skills: string[];
}

export interface AgentInput {
  skills?: unknown;
  capacity?: unknown;
  availability?: unknown;
  queues?: unknown;
}

export interface RoutingService {
  catalog(tenant: string): Promise<RoutingCatalog>;
  listAgents(tenant: string): Promise<AgentRecord[]>;
  getAgent(tenant: string, name: string): Promise<Result<AgentRecord>>;
  /** Creates or replaces an agent; refused (agent.invalid, with a pointer) for bad input. */
  saveAgent(tenant: string, name: string, input: AgentInput, by: string): Promise<Result<AgentRecord>>;
  deleteAgent(tenant: string, name: string): Promise<Result<{ deleted: true }>>;
  setAvailability(tenant: string, name: string, availability: unknown): Promise<Result<AgentRecord>>;
  offers(tenant: string, agent: string): Promise<OfferRecord[]>;
  answer(tenant: string, taskId: string, agent: string, answer: 'accept' | 'decline'): Promise<Result<OfferRecord>>;
  assign(tenant: string, taskId: string, assignee: unknown, by: string, queues?: readonly string[]): Promise<Result<TaskRecord>>;
  log(tenant: string, caseId: string): Promise<TaskLogEntry[]>;
  /** One routing pass of a tenant (the routing runner calls it; tests too). */
  routeTenant(tenant: string): Promise<RoutingDecision>;
  /** Calls `listener` when something routing depends on changed (an agent, an answer). */
  onChange(listener: () => void): void;
  /** Something routing depends on changed elsewhere (a task claimed or released by hand): route soon. */
  changed(): void;
}

const invalid = (message: string, pointer: string) =>
  fail('agent.invalid', message, { problems: [{ pointer, code: 'agent.invalid', message, severity: 'error' }] });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUnits = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_UNITS;

/** The queues and skills of a definition, with their routing settings. */
export function queueRoutings(caseType: string, definition: CaseType): QueueRouting[] {
  return Object.entries(definition.queues ?? {}).flatMap(([queue, q]) => {
    if (q === undefined) return [];
    const timeout = q.routing?.offerTimeout === undefined ? null : parseDuration(q.routing.offerTimeout);
    return [
      {
        caseType,
        queue,
        title: q.title ?? queue,
        skills: skillNeeds(q.skills),
        strategy: q.routing === undefined ? null : (q.routing.strategy ?? 'round-robin'),
        offerTimeoutMs: timeout === null ? DEFAULT_OFFER_TIMEOUT_MS : durationToMs(timeout),
      },
    ];
  });
}

export function createRoutingService(store: CaseStore, clock: Clock): RoutingService {
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  // published versions never change: their routings are kept by tenant, key and version
  const byVersion = new Map<string, QueueRouting[]>();

  async function catalog(tenant: string): Promise<RoutingCatalog> {
    const queues: QueueRouting[] = [];
    for (const summary of await store.listCaseTypes(tenant)) {
      if (summary.latestVersion === null) continue;
      const key = `${tenant}\u0000${summary.key}@${summary.latestVersion}`;
      let routings = byVersion.get(key);
      if (routings === undefined) {
        const published = await store.getCaseType(tenant, summary.key, summary.latestVersion);
        if (published === null) continue;
        routings = queueRoutings(summary.key, published.definition);
        byVersion.set(key, routings);
      }
      queues.push(...routings);
    }
    const skills = [...new Set(queues.flatMap((q) => q.skills.map((s) => s.skill)))].sort();
    return { queues, skills };
  }

  async function check(tenant: string, input: AgentInput): Promise<Result<Omit<AgentRecord, 'tenant' | 'name' | 'updatedAt' | 'updatedBy'>>> {
    if (!isRecord(input)) return invalid('An agent is an object with skills, capacity, availability and queues.', '');
    const known = await catalog(tenant);
    const skillSet = new Set(known.skills);
    const queueSet = new Set(known.queues.map((q) => q.queue));
    const skills: Record<string, number> = {};
    if (input.skills !== undefined) {
      if (!isRecord(input.skills)) return invalid('skills is an object of skill names and levels, e.g. {"billing": 3}.', '/skills');
      for (const [skill, level] of Object.entries(input.skills)) {
        if (!skillSet.has(skill)) {
          const names = known.skills.length === 0 ? 'no queue names a skill yet' : `the queues name ${known.skills.join(', ')}`;
          return invalid(`The skill '${skill}' is not one a queue of a published case type asks for (${names}).`, `/skills/${skill}`);
        }
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > MAX_LEVEL) {
          return invalid(`The level of '${skill}' must be a whole number from 1 to ${MAX_LEVEL}.`, `/skills/${skill}`);
        }
        skills[skill] = level;
      }
    }
    if (!isRecord(input.capacity)) return invalid('capacity is required: {"total": 5}, optionally with perQueue and perChannel.', '/capacity');
    const { total, perQueue, perChannel } = input.capacity;
    const extra = Object.keys(input.capacity).find((k) => k !== 'total' && k !== 'perQueue' && k !== 'perChannel');
    if (extra !== undefined) return invalid(`capacity has total, perQueue and perChannel, not '${extra}'.`, `/capacity/${extra}`);
    if (!isUnits(total)) return invalid(`The total capacity must be a whole number from 0 to ${MAX_UNITS} (tasks at once); it cannot be negative.`, '/capacity/total');
    const capacity: Capacity = { total };
    for (const [part, value] of [['perQueue', perQueue], ['perChannel', perChannel]] as const) {
      if (value === undefined) continue;
      if (!isRecord(value)) return invalid(`capacity.${part} is an object of names and units, e.g. {"payments": 2}.`, `/capacity/${part}`);
      const units: Record<string, number> = {};
      for (const [name, n] of Object.entries(value)) {
        if (part === 'perQueue' && !queueSet.has(name)) return invalid(`capacity.perQueue names '${name}', which is no queue of a published case type.`, `/capacity/perQueue/${name}`);
        if (part === 'perChannel' && !NAME.test(name)) return invalid(`capacity.perChannel names '${name}', which is no channel name.`, `/capacity/perChannel/${name}`);
        if (!isUnits(n)) return invalid(`The capacity for '${name}' must be a whole number from 0 to ${MAX_UNITS}; it cannot be negative.`, `/capacity/${part}/${name}`);
        units[name] = n;
      }
      capacity[part] = units;
    }
    const availability = input.availability ?? 'offline';
    if (typeof availability !== 'string' || !(AVAILABILITIES as readonly string[]).includes(availability)) {
      return invalid(`availability is one of ${AVAILABILITIES.join(', ')}.`, '/availability');
    }
    const queues: string[] = [];
    if (input.queues !== undefined) {
      if (!Array.isArray(input.queues)) return invalid('queues is a list of queue names.', '/queues');
      for (const [i, queue] of input.queues.entries()) {
        if (typeof queue !== 'string' || !queueSet.has(queue)) {
          return invalid(`The queue '${String(queue)}' is no queue of a published case type.`, `/queues/${i}`);
        }
        if (!queues.includes(queue)) queues.push(queue);
      }
    }
    return { ok: true, value: { skills, capacity, availability: availability as Availability, queues } };
  }

  return {
    catalog,
    listAgents: (tenant) => store.listAgents(tenant),

    async getAgent(tenant, name) {
      const agent = await store.getAgent(tenant, name);
      return agent === null ? fail('agent.not_found', `There is no agent '${name}'.`) : { ok: true, value: agent };
    },

    async saveAgent(tenant, name, input, by) {
      if (name.length === 0 || name.length > 200 || name.includes('\u0000')) return invalid('An agent\'s name is their token\'s or sign-in name (1 to 200 characters).', '/name');
      const checked = await check(tenant, input);
      if (!checked.ok) return checked;
      const agent: AgentRecord = { tenant, name, ...checked.value, updatedAt: clock.now(), updatedBy: by };
      await store.saveAgent(agent);
      changed();
      return { ok: true, value: agent };
    },

    async deleteAgent(tenant, name) {
      if (!(await store.deleteAgent(tenant, name, clock.now()))) return fail('agent.not_found', `There is no agent '${name}'.`);
      changed();
      return { ok: true, value: { deleted: true } };
    },

    async setAvailability(tenant, name, availability) {
      if (typeof availability !== 'string' || !(AVAILABILITIES as readonly string[]).includes(availability)) {
        return invalid(`availability is one of ${AVAILABILITIES.join(', ')}.`, '/availability');
      }
      const agent = await store.setAvailability(tenant, name, availability as Availability, clock.now());
      if (agent === null) return fail('agent.not_found', `'${name}' is not an agent yet; an admin adds them on the Agents page.`);
      changed();
      return { ok: true, value: agent };
    },

    offers: (tenant, agent) => store.offersFor(tenant, agent),

    async answer(tenant, taskId, agent, answer) {
      const result = await store.answerOffer(tenant, taskId, agent, answer, clock.now());
      changed();
      if (result.ok) return { ok: true, value: result.offer };
      const messages = {
        'offer.not_found': `Task '${taskId}' is not offered to you (the offer may have expired and moved on).`,
        'task.closed': `Task '${taskId}' is closed: its case has moved on.`,
        'task.claimed': `Task '${taskId}' was taken by someone else.`,
      } as const;
      return fail(result.code, messages[result.code]);
    },

    async assign(tenant, taskId, assignee, by, queues) {
      if (typeof assignee !== 'string' || assignee.trim().length === 0 || assignee.length > 200) {
        return fail('request.invalid', 'assignee is the name of the person to give the task to (1 to 200 characters).');
      }
      const result = await store.assignTask(tenant, taskId, assignee.trim(), by, clock.now(), queues);
      changed();
      if (result.ok) return { ok: true, value: result.task };
      const messages = {
        'task.not_found': `There is no task '${taskId}'.`,
        'task.claimed': `Task '${taskId}' is claimed by someone else.`,
        'task.closed': `Task '${taskId}' is closed: its case has moved on.`,
      } as const;
      return fail(result.code, messages[result.code]);
    },

    log: (tenant, caseId) => store.taskLog(tenant, caseId),

    async routeTenant(tenant) {
      const known = await catalog(tenant);
      const routed = new Map<string, QueueRouting>();
      for (const q of known.queues) if (q.strategy !== null) routed.set(`${q.caseType}\u0000${q.queue}`, q);
      const queues = [...routed.values()].map((q) => ({ caseType: q.caseType, queue: q.queue }));
      const now = clock.now();
      if (queues.length === 0) return { expired: [], withdrawn: [], offers: [], considered: 0 };
      return store.routeTenant(tenant, queues, now, (state) => {
        const tasks: RoutingTask[] = [];
        for (const t of state.tasks) {
          const q = routed.get(`${t.caseType}\u0000${t.queue}`);
          if (q === undefined || q.strategy === null) continue;
          tasks.push({ ...t, skills: q.skills, strategy: q.strategy, offerTimeoutMs: q.offerTimeoutMs });
        }
        return route({ now: state.now, tasks, agents: state.agents, offers: state.offers });
      });
    },

    changed,
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
