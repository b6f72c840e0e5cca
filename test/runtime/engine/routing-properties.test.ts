// Property tests of the pure router (issue 21): never over capacity, never to an agent without the
// skills, never one task offered to two agents, round robin fair within one over a long run, and an
// expired offer moving on to someone who has not had the task.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasSkills, route, type PendingOffer, type RoutingAgent, type RoutingStrategy, type RoutingTask } from '../../../runtime/engine/index.ts';

const RUNS = { numRuns: 150 };
const SKILLS = ['billing', 'dutch', 'legal'];
const QUEUES = ['front', 'back'];
const CHANNELS = ['email', 'phone'];
const NOW = '2026-12-07T10:00:00.000Z';

const agentArb = (name: string): fc.Arbitrary<RoutingAgent> =>
  fc.record({
    skills: fc.dictionary(fc.constantFrom(...SKILLS), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 }),
    total: fc.integer({ min: 0, max: 4 }),
    perQueue: fc.option(fc.dictionary(fc.constantFrom(...QUEUES), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }), { nil: undefined }),
    perChannel: fc.option(fc.dictionary(fc.constantFrom(...CHANNELS), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }), { nil: undefined }),
    availability: fc.constantFrom('available', 'available', 'away', 'offline') as fc.Arbitrary<RoutingAgent['availability']>,
    queues: fc.subarray(QUEUES, { minLength: 1 }),
    held: fc.integer({ min: 0, max: 3 }),
    last: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  }).map((a) => ({
    name,
    skills: a.skills,
    capacity: { total: a.total, ...(a.perQueue === undefined ? {} : { perQueue: a.perQueue }), ...(a.perChannel === undefined ? {} : { perChannel: a.perChannel }) },
    availability: a.availability,
    queues: a.queues,
    load: { total: a.held, byQueue: { [a.queues[0] as string]: a.held }, byChannel: { email: a.held } },
    lastOffer: a.last,
  }));

const taskArb = (id: number): fc.Arbitrary<RoutingTask> =>
  fc.record({
    queue: fc.constantFrom(...QUEUES),
    channel: fc.constantFrom(...CHANNELS),
    skills: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }), { selector: (s) => s.skill, maxLength: 2 }),
    strategy: fc.constantFrom<RoutingStrategy>('round-robin', 'least-loaded', 'most-skilled'),
    age: fc.integer({ min: 0, max: 1000 }),
  }).map((t) => ({
    id: `c${id}:s:1`,
    caseId: `c${id}`,
    queue: t.queue,
    channel: t.channel,
    openedAt: new Date(Date.parse(NOW) - t.age * 1000).toISOString(),
    dueAt: null,
    skills: t.skills,
    strategy: t.strategy,
    offerTimeoutMs: 60_000,
    tried: [],
  }));

const stateArb = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }))
  .chain(([agents, tasks]) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: agents }, (_, i) => agentArb(`agent${i}`))),
      fc.tuple(...Array.from({ length: tasks }, (_, i) => taskArb(i))),
    ),
  );

describe('the router', () => {
  it('never goes over an agent\'s capacity (total, per queue, per channel)', () => {
    fc.assert(
      fc.property(stateArb, ([agents, tasks]) => {
        const decision = route({ now: NOW, agents, tasks, offers: [] });
        for (const agent of agents) {
          const mine = decision.offers.filter((o) => o.agent === agent.name);
          if (mine.length === 0) continue;
          expect(agent.load.total + mine.length).toBeLessThanOrEqual(agent.capacity.total);
          for (const [queue, limit] of Object.entries(agent.capacity.perQueue ?? {})) {
            const added = mine.filter((o) => o.queue === queue).length;
            if (added > 0) expect((agent.load.byQueue[queue] ?? 0) + added).toBeLessThanOrEqual(limit);
          }
          for (const [channel, limit] of Object.entries(agent.capacity.perChannel ?? {})) {
            const added = mine.filter((o) => o.channel === channel).length;
            if (added > 0) expect((agent.load.byChannel[channel] ?? 0) + added).toBeLessThanOrEqual(limit);
          }
        }
      }),
      RUNS,
    );
  });

  it('offers a task only to an available agent who serves its queue and has its skills at their levels', () => {
    fc.assert(
      fc.property(stateArb, ([agents, tasks]) => {
        const decision = route({ now: NOW, agents, tasks, offers: [] });
        for (const offer of decision.offers) {
          const agent = agents.find((a) => a.name === offer.agent);
          const task = tasks.find((t) => t.id === offer.taskId);
          expect(agent?.availability).toBe('available');
          expect(agent?.queues).toContain(task?.queue);
          expect(hasSkills(agent?.skills ?? {}, task?.skills ?? [])).toBe(true);
          expect(offer.explanation).toContain(`offered to ${offer.agent}`);
        }
      }),
      RUNS,
    );
  });

  it('never offers one task to two agents at once, also while an earlier offer is open', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 1, max: 4 }), ([agents, tasks], passes) => {
        // several passes, each given the offers of the ones before as open offers
        let open: PendingOffer[] = [];
        let id = 0;
        for (let pass = 0; pass < passes; pass++) {
          const loaded = agents.map((a) => {
            const mine = open.filter((o) => o.agent === a.name);
            return { ...a, load: { ...a.load, total: a.load.total + mine.length } };
          });
          const decision = route({ now: NOW, agents: loaded, tasks, offers: open });
          const ids = decision.offers.map((o) => o.taskId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const taskId of ids) expect(open.some((o) => o.taskId === taskId)).toBe(false);
          open = [...open, ...decision.offers.map((o) => ({ id: id++, taskId: o.taskId, agent: o.agent, queue: o.queue, channel: o.channel, expiresAt: o.expiresAt }))];
        }
      }),
      RUNS,
    );
  });

  it('round robin is fair within one over a long run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 50, max: 400 }), fc.integer({ min: 1, max: 7 }), (count, total, perPass) => {
        const counts = new Map<string, number>();
        const last = new Map<string, number | null>();
        let seq = 0;
        for (let i = 0; i < count; i++) last.set(`a${i}`, null);
        let t = Date.parse(NOW);
        let made = 0;
        // tasks arrive a few at a time; every offer is accepted and finished before the next pass
        while (made < total) {
          const batch = Math.min(perPass, total - made);
          const now = new Date((t += 1000)).toISOString();
          const agents: RoutingAgent[] = [...last].map(([name, lastOffer]) => ({
            name,
            skills: { billing: 2 },
            capacity: { total: 10 },
            availability: 'available',
            queues: ['front'],
            load: { total: 0, byQueue: {}, byChannel: {} },
            lastOffer,
          }));
          const tasks: RoutingTask[] = Array.from({ length: batch }, (_, i) => ({
            id: `t${made + i}`,
            caseId: `c${made + i}`,
            queue: 'front',
            channel: 'email',
            openedAt: now,
            dueAt: null,
            skills: [{ skill: 'billing', level: 1 }],
            strategy: 'round-robin',
            offerTimeoutMs: 60_000,
            tried: [],
          }));
          const decision = route({ now, agents, tasks, offers: [] });
          expect(decision.offers).toHaveLength(batch);
          decision.offers.forEach((o, i) => {
            counts.set(o.agent, (counts.get(o.agent) ?? 0) + 1);
            // the store numbers each offer in the order they are written
            last.set(o.agent, seq + i);
          });
          seq += batch;
          made += batch;
        }
        const values = [...last.keys()].map((name) => counts.get(name) ?? 0);
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('moves an expired offer on to an agent who has not had the task, the same one only when all had it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom<RoutingStrategy>('round-robin', 'least-loaded', 'most-skilled'), (count, strategy) => {
        const names = Array.from({ length: count }, (_, i) => `a${i}`);
        const agents: RoutingAgent[] = names.map((name, i) => ({
          name,
          skills: { billing: 1 + (i % 3) },
          capacity: { total: 3 },
          availability: 'available',
          queues: ['front'],
          load: { total: 0, byQueue: {}, byChannel: {} },
          lastOffer: null,
        }));
        const task: RoutingTask = {
          id: 't1', caseId: 'c1', queue: 'front', channel: 'email', openedAt: NOW, dueAt: null,
          skills: [{ skill: 'billing', level: 1 }], strategy, offerTimeoutMs: 1000, tried: [],
        };
        let now = Date.parse(NOW);
        let tried: string[] = [];
        let open: PendingOffer[] = [];
        const order: string[] = [];
        for (let round = 0; round < count * 2; round++) {
          const decision = route({
            now: new Date(now).toISOString(),
            agents: agents.map((a) => ({ ...a, load: { total: open.filter((o) => o.agent === a.name).length, byQueue: {}, byChannel: {} } })),
            tasks: [{ ...task, tried }],
            offers: open,
          });
          expect(decision.expired.map((o) => o.agent)).toEqual(open.map((o) => o.agent));
          expect(decision.offers).toHaveLength(1);
          const offer = decision.offers[0]!;
          order.push(offer.agent);
          tried = [...tried.filter((n) => n !== offer.agent), offer.agent];
          open = [{ id: round, taskId: 't1', agent: offer.agent, queue: 'front', channel: 'email', expiresAt: offer.expiresAt }];
          now += 1000;
        }
        // each agent once before anyone again, and the second round in the order of the first
        expect(new Set(order.slice(0, count)).size).toBe(count);
        expect(order.slice(count)).toEqual(order.slice(0, count));
      }),
      RUNS,
    );
  });

  it('explains an offer in words', () => {
    const decision = route({
      now: NOW,
      agents: [{ name: 'Ann', skills: { billing: 3 }, capacity: { total: 5 }, availability: 'available', queues: ['front'], load: { total: 2, byQueue: {}, byChannel: {} }, lastOffer: null }],
      tasks: [{ id: 't', caseId: 'c', queue: 'front', channel: 'email', openedAt: NOW, dueAt: null, skills: [{ skill: 'billing', level: 2 }], strategy: 'least-loaded', offerTimeoutMs: 120_000, tried: [] }],
      offers: [],
    });
    expect(decision.offers[0]?.explanation).toBe('offered to Ann: billing 3, load 2/5 (least-loaded, 1 candidate)');
    expect(decision.offers[0]?.expiresAt).toBe('2026-12-07T10:02:00.000Z');
  });
});
