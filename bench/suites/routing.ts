// routing (issue 21): the pure router (runtime/engine/routing.ts) with 10,000 open tasks and 500 agents.
// - a full pass: every agent has room (5 each, 2,500 offers), 10,000 tasks considered: routing decisions
//   (tasks considered) per second and the time per offer made;
// - a steady pass: the same 10,000 tasks with 2,500 open offers, agents full but one, a slot freed: the
//   time of the pass that makes that one offer (what an agent waits for work after finishing a task).
import { route, type PendingOffer, type RoutingAgent, type RoutingStrategy, type RoutingTask } from '../../runtime/engine/index.ts';
import { now } from '../lib/timing.ts';
import type { BenchOptions, Figure, RoundResult, Suite } from '../lib/types.ts';
import { postgresStorePass, sqliteStorePass } from './routing-store.ts';

const NOW = '2026-12-07T10:00:00.000Z';
const QUEUES = ['billing', 'payments', 'claims', 'moves', 'complaints', 'legal', 'fraud', 'general'];
const SKILLS = ['billing', 'dutch', 'english', 'legal', 'fraud', 'claims'];
const CHANNELS = ['email', 'phone', 'web', 'letter'];

/** A generator of numbers in [0, 1) from a seed: the same state in every round. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function routingState(tasks: number, agents: number, strategy: RoutingStrategy): { tasks: RoutingTask[]; agents: RoutingAgent[] } {
  const rnd = seeded(21);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const agentList: RoutingAgent[] = Array.from({ length: agents }, (_, i) => {
    const skills: Record<string, number> = {};
    for (const skill of SKILLS) if (rnd() < 0.6) skills[skill] = 1 + Math.floor(rnd() * 5);
    const queues = QUEUES.filter(() => rnd() < 0.5);
    return {
      name: `agent-${String(i).padStart(4, '0')}`,
      skills,
      capacity: { total: 5, perChannel: { phone: 1 } },
      availability: 'available',
      queues: queues.length === 0 ? [pick(QUEUES)] : queues,
      load: { total: 0, byQueue: {}, byChannel: {} },
      lastOffer: rnd() < 0.5 ? null : Math.floor(rnd() * 100_000),
    };
  });
  const taskList: RoutingTask[] = Array.from({ length: tasks }, (_, i) => ({
    id: `case-${i}:work:1`,
    caseId: `case-${i}`,
    queue: pick(QUEUES),
    channel: pick(CHANNELS),
    openedAt: new Date(Date.parse(NOW) - (tasks - i) * 1000).toISOString(),
    dueAt: null,
    skills: rnd() < 0.7 ? [{ skill: pick(SKILLS), level: 1 + Math.floor(rnd() * 3) }] : [],
    strategy,
    offerTimeoutMs: 120_000,
    tried: [],
  }));
  return { tasks: taskList, agents: agentList };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const routingSuite: Suite = {
  name: 'routing',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const TASKS = 10_000;
    const AGENTS = 500;
    const strategies: RoutingStrategy[] = ['round-robin', 'least-loaded', 'most-skilled'];
    const states = strategies.map((s) => routingState(TASKS, AGENTS, s));
    // the steady state: the offers of a full pass stay open; one agent finishes a task
    const steady = states.map((state) => {
      const first = route({ now: NOW, tasks: state.tasks, agents: state.agents, offers: [] });
      const offers: PendingOffer[] = first.offers.map((o, id) => ({ id, taskId: o.taskId, agent: o.agent, queue: o.queue, channel: o.channel, expiresAt: o.expiresAt }));
      const freed = first.offers[0]?.agent;
      const agents = state.agents.map((a) => {
        const mine = first.offers.filter((o) => o.agent === a.name);
        const byQueue: Record<string, number> = {};
        const byChannel: Record<string, number> = {};
        for (const o of mine) {
          byQueue[o.queue] = (byQueue[o.queue] ?? 0) + 1;
          byChannel[o.channel] = (byChannel[o.channel] ?? 0) + 1;
        }
        return { ...a, load: { total: mine.length, byQueue, byChannel } };
      });
      // the freed agent's first offer is gone (its task accepted and done)
      const done = first.offers[0]?.taskId;
      return {
        tasks: state.tasks.filter((t) => t.id !== done),
        agents: agents.map((a) => (a.name === freed ? { ...a, load: { ...a.load, total: a.load.total - 1 } } : a)),
        offers: offers.filter((o) => o.taskId !== done),
      };
    });
    const passes = options.quick ? 3 : 9;
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const full: number[] = [];
      const perOffer: number[] = [];
      const decisions: number[] = [];
      const steadyMs: number[] = [];
      for (let i = 0; i < passes; i++) {
        for (const [k, state] of states.entries()) {
          const t0 = now();
          const decision = route({ now: NOW, tasks: state.tasks, agents: state.agents, offers: [] });
          const ms = now() - t0;
          full.push(ms);
          perOffer.push(ms / Math.max(1, decision.offers.length));
          decisions.push((decision.considered / ms) * 1000);
          const s = steady[k]!;
          const t1 = now();
          const one = route({ now: NOW, tasks: s.tasks, agents: s.agents, offers: s.offers });
          steadyMs.push(now() - t1);
          if (one.offers.length > 1) throw new Error(`bench: the steady pass made ${one.offers.length} offers`);
        }
      }
      const figures = {
        routing_decisions_per_s: { value: median(decisions), unit: `tasks considered/s (${TASKS} tasks, ${AGENTS} agents)` },
        routing_full_pass_ms: { value: median(full), unit: `ms (${TASKS} tasks, ${AGENTS} agents, 2,500 offers)` },
        routing_ms_per_offer: { value: median(perOffer), unit: 'ms per offer in a full pass' },
        routing_steady_offer_ms: { value: median(steadyMs), unit: `ms for the pass that makes one offer (${TASKS} open tasks, 2,500 open offers)` },
      };
      options.log(
        `routing round ${round + 1}: ${figures.routing_decisions_per_s.value.toFixed(0)} decisions/s, full pass ${figures.routing_full_pass_ms.value.toFixed(1)} ms, ` +
          `${figures.routing_ms_per_offer.value.toFixed(3)} ms/offer, steady offer ${figures.routing_steady_offer_ms.value.toFixed(2)} ms`,
      );
      rounds.push({ figures, ratios: {} });
    }
    // the stores: set up once (10,000 cases), the steady passes spread over the rounds
    // quick: fewer tasks, and fewer agents, so that their capacity (5 each) stays below the tasks and a
    // freed slot has a task left to offer (the steady pass)
    const storeTasks = options.quick ? 2000 : TASKS;
    const storeAgents = options.quick ? 100 : AGENTS;
    const steadyPasses = options.rounds * 5;
    const sqlite = await sqliteStorePass(options.workDir, storeTasks, storeAgents, steadyPasses, options.log);
    const postgres = await postgresStorePass(storeTasks, storeAgents, steadyPasses, options.log);
    for (const [round, result] of rounds.entries()) {
      const slice = (ms: number[]) => ms.slice(round * 5, round * 5 + 5);
      const add: Record<string, Figure> = {};
      const unit = `ms (${storeTasks} open tasks, ${storeAgents} agents)`;
      add.routing_sqlite_first_pass_ms = { value: sqlite.firstPassMs, unit: `${unit}, ${sqlite.firstOffers} offers written` };
      add.routing_sqlite_steady_offer_ms = { value: median(slice(sqlite.steadyMs)), unit: `${unit}: the pass that makes one offer` };
      if (postgres !== null) {
        add.routing_postgres_first_pass_ms = { value: postgres.firstPassMs, unit: `${unit}, ${postgres.firstOffers} offers written` };
        add.routing_postgres_steady_offer_ms = { value: median(slice(postgres.steadyMs)), unit: `${unit}: the pass that makes one offer` };
      }
      options.log(`routing store round ${round + 1}: ${Object.entries(add).map(([k, f]) => `${k} ${f.value.toFixed(1)}`).join(', ')}`);
      Object.assign(result.figures, add);
    }
    return rounds;
  },
};
