// Push routing on both stores (issue 21, docs/routing.md): agents as records, routing passes that offer
// open tasks by skills and capacity, one open offer per task, expiry to the next agent, answers, a
// supervisor's reassignment and the task-holder log; on PostgreSQL also two hosts routing one database
// at once, neither offering a task the other offered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { createHostServices, type HostServices } from '../../../runtime/host/create-host.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { routingCaseType } from '../../routing-case-type.ts';

const START = '2026-12-07T09:00:00.000Z';
const admin = { id: 'boss', roles: ['admin'] };

interface World {
  store: CaseStore;
  services: HostServices;
  clock: ManualClock;
  close(): Promise<void>;
}

async function world(store: CaseStore, close: () => Promise<void>): Promise<World> {
  const clock = createManualClock(START);
  await store.ensureTenant('default', START);
  const services = createHostServices({ store, engine, clock, logger: silentLogger });
  const published = await services.caseTypes.publish('default', routingCaseType({ offerTimeout: 'PT1M' }));
  expect(published.ok).toBe(true);
  return { store, services, clock, close };
}

async function openCase(w: { services: HostServices; clock: ManualClock }, subject: string): Promise<{ caseId: string; taskId: string }> {
  // one second apart: the router takes the oldest first
  w.clock.advance(1000);
  const made = await w.services.cases.createCase('default', { caseType: 'request', data: { subject } }, admin);
  if (!made.ok || !('case' in made)) throw new Error(JSON.stringify(made));
  const kase = made.case as { id: string; tasks: { id: string }[] };
  return { caseId: kase.id, taskId: kase.tasks[0]!.id };
}

function behaves(name: string, open: () => Promise<World>) {
  describe(`push routing on ${name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await open();
    });
    afterAll(async () => {
      await w.close();
    });

    it('keeps agents, refusing unknown skills and queues and negative capacity', async () => {
      const r = w.services.routing;
      const ann = await r.saveAgent('default', 'ann', { skills: { billing: 3 }, capacity: { total: 1 }, availability: 'available', queues: ['billing'] }, 'boss');
      expect(ann.ok).toBe(true);
      expect((await r.saveAgent('default', 'bob', { skills: { billing: 2, legal: 1 }, capacity: { total: 2, perQueue: { legal: 1 } }, availability: 'available', queues: ['billing', 'legal'] }, 'boss')).ok).toBe(true);
      expect((await r.saveAgent('default', 'cat', { skills: { billing: 1 }, capacity: { total: 5 }, availability: 'available', queues: ['billing'] }, 'boss')).ok).toBe(true);
      const bad = async (input: Record<string, unknown>) => {
        const result = await r.saveAgent('default', 'zed', input, 'boss');
        return result.ok ? null : [result.code, result.problems?.[0] && 'pointer' in result.problems[0] ? result.problems[0].pointer : null];
      };
      expect(await bad({ capacity: { total: -1 } })).toEqual(['agent.invalid', '/capacity/total']);
      expect(await bad({ capacity: { total: 2, perChannel: { email: -3 } } })).toEqual(['agent.invalid', '/capacity/perChannel/email']);
      expect(await bad({ skills: { cooking: 2 }, capacity: { total: 2 } })).toEqual(['agent.invalid', '/skills/cooking']);
      expect(await bad({ skills: { billing: 0 }, capacity: { total: 2 } })).toEqual(['agent.invalid', '/skills/billing']);
      expect(await bad({ capacity: { total: 2 }, queues: ['nowhere'] })).toEqual(['agent.invalid', '/queues/0']);
      expect(await bad({ capacity: { total: 2 }, availability: 'asleep' })).toEqual(['agent.invalid', '/availability']);
      expect((await r.listAgents('default')).map((a) => [a.name, a.skills, a.capacity.total, a.availability, a.queues])).toEqual([
        ['ann', { billing: 3 }, 1, 'available', ['billing']],
        ['bob', { billing: 2, legal: 1 }, 2, 'available', ['billing', 'legal']],
        ['cat', { billing: 1 }, 5, 'available', ['billing']],
      ]);
      expect(await r.listAgents('other')).toEqual([]);
    });

    it('offers tasks to agents with the skill at its level, within capacity, each task once', async () => {
      const r = w.services.routing;
      const tasks = [await openCase(w, 'one'), await openCase(w, 'two'), await openCase(w, 'three')];
      const first = await r.routeTenant('default');
      // cat has billing 1, the queue asks for 2; ann takes one, bob two
      expect(first.offers.map((o) => [o.taskId, o.agent])).toEqual([
        [tasks[0]!.taskId, 'ann'],
        [tasks[1]!.taskId, 'bob'],
        [tasks[2]!.taskId, 'bob'],
      ]);
      expect(first.offers[0]!.explanation).toBe('offered to ann: billing 3, load 0/1 (round-robin, 2 candidates)');
      expect((await r.routeTenant('default')).offers).toEqual([]);
      const fourth = await openCase(w, 'four');
      expect((await r.routeTenant('default')).offers).toEqual([]);
      expect((await r.offers('default', 'bob')).map((o) => [o.taskId, o.title, o.reference.startsWith('REQ-')])).toEqual([
        [tasks[1]!.taskId, 'Handle the bill', true],
        [tasks[2]!.taskId, 'Handle the bill', true],
      ]);
      // bob declines one: it goes to nobody else with room (ann is full) but back to bob as the only one left
      const declined = await r.answer('default', tasks[1]!.taskId, 'bob', 'decline');
      expect(declined.ok).toBe(true);
      const again = await r.routeTenant('default');
      expect(again.offers.map((o) => [o.taskId, o.agent])).toEqual([[tasks[1]!.taskId, 'bob']]);
      expect(again.offers[0]!.explanation).toContain('again');
      // ann accepts: the task is hers
      const accepted = await r.answer('default', tasks[0]!.taskId, 'ann', 'accept');
      expect(accepted.ok).toBe(true);
      expect((await w.store.listTasks('default', { assignee: 'ann' }, 10, null)).items.map((t) => t.id)).toEqual([tasks[0]!.taskId]);
      expect((await r.answer('default', tasks[0]!.taskId, 'ann', 'accept')).ok).toBe(false);
      expect((await r.answer('default', tasks[2]!.taskId, 'ann', 'accept')).ok).toBe(false);
      // ann is full with the task she holds: the fourth still waits
      expect((await r.routeTenant('default')).offers).toEqual([]);
      void fourth;
    });

    it('moves an expired offer on to another agent, and withdraws the offers of an agent who goes away', async () => {
      const r = w.services.routing;
      await r.saveAgent('default', 'dan', { skills: { billing: 4 }, capacity: { total: 3 }, availability: 'available', queues: ['billing'] }, 'boss');
      const next = await r.routeTenant('default');
      // dan takes the fourth task (the only one without an offer)
      expect(next.offers.map((o) => o.agent)).toEqual(['dan']);
      const danTask = next.offers[0]!.taskId;
      w.clock.advance(61_000);
      const moved = await r.routeTenant('default');
      expect(moved.expired.map((o) => o.agent).sort()).toEqual(['bob', 'bob', 'dan']);
      // every expired task goes to someone who did not have it
      for (const offer of moved.offers) {
        const before = next.offers.find((o) => o.taskId === offer.taskId)?.agent;
        if (before !== undefined) expect(offer.agent).not.toBe(before);
      }
      expect(moved.offers.find((o) => o.taskId === danTask)?.agent).toBe('bob');
      expect((await r.setAvailability('default', 'bob', 'away')).ok).toBe(true);
      const away = await r.routeTenant('default');
      expect(away.withdrawn.every((o) => o.agent === 'bob')).toBe(true);
      expect(away.withdrawn.length).toBeGreaterThan(0);
      expect(away.offers.every((o) => o.agent !== 'bob')).toBe(true);
      expect((await r.setAvailability('default', 'nobody', 'away')).ok).toBe(false);
      // a tenant with open offers is routed even when nobody is available (their offers are withdrawn)
      expect(await w.store.routingTenants()).toEqual(['default']);
    });

    it('a supervisor reassigns, and the log says who held the task when', async () => {
      const r = w.services.routing;
      await r.saveAgent('default', 'eve', { skills: { billing: 5 }, capacity: { total: 1 }, availability: 'available', queues: ['billing'] }, 'boss');
      const t = await openCase(w, 'five');
      const offered = (await r.routeTenant('default')).offers.find((o) => o.taskId === t.taskId)?.agent;
      expect(offered).toBeDefined();
      const assigned = await r.assign('default', t.taskId, 'cat', 'sue');
      expect(assigned.ok && assigned.value.assignee).toBe('cat');
      expect((await w.services.tasks.release('default', t.taskId, { name: 'cat', roles: ['agent'] })).ok).toBe(true);
      expect((await w.services.tasks.claim('default', t.taskId, 'ann')).ok).toBe(true);
      const log = await r.log('default', t.caseId);
      expect(log.map((e) => [e.kind, e.agent, e.by])).toEqual([
        ['offered', offered, 'router'],
        ['withdrawn', offered, 'sue'],
        ['reassigned', 'cat', 'sue'],
        ['released', 'cat', 'cat'],
        ['claimed', 'ann', 'ann'],
      ]);
      expect(log[0]!.detail).toMatch(new RegExp(`^offered to ${String(offered)}: billing \\d, load \\d/\\d`));
      expect((await r.assign('default', 'no-such-task', 'cat', 'sue')).ok).toBe(false);
      expect((await r.assign('default', t.taskId, '  ', 'sue')).ok).toBe(false);
      expect(await r.log('other', t.caseId)).toEqual([]);
    });

    it('never keeps two open offers of one task, whatever the router returns', async () => {
      const t = await openCase(w, 'six');
      const offer = (agent: string) => ({
        taskId: t.taskId, caseId: t.caseId, agent, queue: 'billing', channel: 'api', offeredAt: w.clock.now(), expiresAt: w.clock.now(),
        reason: { strategy: 'round-robin' as const, skills: {}, load: 0, capacity: 1, candidates: 2, again: false }, explanation: `offered to ${agent}`,
      });
      const written = await w.store.routeTenant('default', [{ caseType: 'request', queue: 'billing' }], w.clock.now(), () => ({ expired: [], withdrawn: [], offers: [offer('ann'), offer('cat')], considered: 1 }));
      expect(written.offers.map((o) => o.agent)).toEqual(['ann']);
    });

    it('never offers a task someone claimed after the pass read it', async () => {
      const t = await openCase(w, 'seven');
      // the router decided on what it read; the task was claimed before the offer was written
      expect((await w.store.claimTask('default', t.taskId, 'cat', w.clock.now())).ok).toBe(true);
      const offer = {
        taskId: t.taskId, caseId: t.caseId, agent: 'ann', queue: 'billing', channel: 'api', offeredAt: w.clock.now(), expiresAt: w.clock.now(),
        reason: { strategy: 'round-robin' as const, skills: {}, load: 0, capacity: 1, candidates: 2, again: false }, explanation: 'offered to ann',
      };
      const written = await w.store.routeTenant('default', [{ caseType: 'request', queue: 'billing' }], w.clock.now(), () => ({ expired: [], withdrawn: [], offers: [offer], considered: 1 }));
      expect(written.offers).toEqual([]);
      expect((await w.store.taskLog('default', t.caseId)).map((e) => e.kind)).toEqual(['claimed']);
    });

    it("reads a routed queue's tasks by case type: a pull-only type's queue of the same name is neither read nor offered", async () => {
      // a pull-only case type whose queue is also called billing, with the oldest open task of that name
      const pull = routingCaseType();
      const pullOnly = { ...pull, key: 'memo', title: 'Memo', queues: { billing: { title: 'Billing' }, legal: { title: 'Legal' } } };
      expect((await w.services.caseTypes.publish('default', pullOnly)).ok).toBe(true);
      w.clock.advance(1000);
      const memo = await w.services.cases.createCase('default', { caseType: 'memo', data: { subject: 'memo' } }, admin);
      expect(memo.ok).toBe(true);
      await openCase(w, 'eight');
      let read: string[] = [];
      await w.store.routeTenant('default', [{ caseType: 'request', queue: 'billing' }], w.clock.now(), (state) => {
        read = state.tasks.map((task) => task.caseType);
        return { expired: [], withdrawn: [], offers: [], considered: state.tasks.length };
      });
      expect(read.length).toBeGreaterThan(0);
      expect(new Set(read)).toEqual(new Set(['request']));
      const pass = await w.services.routing.routeTenant('default');
      expect(pass.offers.every((o) => o.caseId !== (memo.ok && 'case' in memo ? (memo.case as { id: string }).id : ''))).toBe(true);
    });

    it('withdraws the open offers when every agent went away, then leaves the tenant alone', async () => {
      const r = w.services.routing;
      for (const agent of await r.listAgents('default')) await r.setAvailability('default', agent.name, 'away');
      expect(await w.store.routingTenants()).toEqual(['default']);
      const pass = await r.routeTenant('default');
      expect(pass.offers).toEqual([]);
      expect(pass.withdrawn.length + pass.expired.length).toBeGreaterThan(0);
      expect(await w.store.routingTenants()).toEqual([]);
    });
  });
}

behaves('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-routing-'));
  const store = createSqliteStore({ file: join(dir, 'dossier.db') });
  return world(store, async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`, () => {
  behaves('PostgreSQL', async () => {
    const db = await scratchDatabase();
    const store = await createPostgresStore({ url: db.url });
    return world(store, async () => {
      await store.close();
      await db.drop();
    });
  });

  describe('two hosts routing one PostgreSQL database', () => {
    it('never offer one task twice, nor an agent past capacity', async () => {
      const db = await scratchDatabase();
      const a = await world(await createPostgresStore({ url: db.url }), async () => {});
      const bStore = await createPostgresStore({ url: db.url });
      const b = { store: bStore, services: createHostServices({ store: bStore, engine, clock: a.clock, logger: silentLogger }) };
      try {
        for (let i = 0; i < 20; i++) {
          await a.services.routing.saveAgent('default', `agent${i}`, { skills: { billing: 2 + (i % 3) }, capacity: { total: 3 }, availability: 'available', queues: ['billing'] }, 'boss');
        }
        const opened = [];
        for (let i = 0; i < 100; i++) opened.push(await openCase(a, `case ${i}`));
        // both hosts route at once, several times over
        const passes = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).services.routing.routeTenant('default')));
        const offers = passes.flatMap((p) => p.offers);
        expect(offers).toHaveLength(60);
        expect(new Set(offers.map((o) => o.taskId)).size).toBe(60);
        const perAgent = new Map<string, number>();
        for (const o of offers) perAgent.set(o.agent, (perAgent.get(o.agent) ?? 0) + 1);
        expect([...perAgent.values()].every((n) => n === 3)).toBe(true);
        // and the log holds one offer per task
        let logged = 0;
        for (const t of opened) logged += (await a.services.routing.log('default', t.caseId)).filter((e) => e.kind === 'offered').length;
        expect(logged).toBe(60);
      } finally {
        await bStore.close();
        await a.store.close();
        await db.drop();
      }
    });
  });
});
