// routing on the stores (issue 21): a routing pass as `dossier serve` runs it (the store reads the state,
// the pure router decides, the store writes in one transaction) with 10,000 open tasks and 500 agents, on
// SQLite and on PostgreSQL: the first pass (every agent gets offers up to capacity), then the steady pass:
// an agent accepts an offer, finishing a task frees their slot, and the pass that makes the one new offer.
import { join } from 'node:path';
import * as engine from '../../runtime/engine/index.ts';
import { createHostServices, type HostServices } from '../../runtime/host/create-host.ts';
import { createManualClock } from '../../runtime/host/clock.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import type { CaseStore } from '../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { now } from '../lib/timing.ts';

const START = '2026-12-07T09:00:00.000Z';
const QUEUES = ['billing', 'payments', 'claims', 'moves'];
const SKILLS = ['billing', 'dutch', 'legal'];

function caseType() {
  const queues = Object.fromEntries(
    QUEUES.map((q, i) => [q, { title: q, skills: [{ skill: SKILLS[i % SKILLS.length] as string, level: 1 + (i % 2) }], routing: { strategy: (['round-robin', 'least-loaded', 'most-skilled'] as const)[i % 3], offerTimeout: 'PT1H' } }]),
  );
  const states = Object.fromEntries(QUEUES.map((q) => [q, { title: q, task: { title: `Work ${q}`, queue: q }, on: { DONE: { target: 'done' } } }]));
  return {
    key: 'work',
    title: 'Work',
    data: { type: 'object', properties: { queue: { enum: QUEUES } } },
    queues,
    events: { DONE: { title: 'Done' } },
    playbook: {
      initial: 'route',
      states: {
        route: { title: 'Route', always: [...QUEUES.map((q) => ({ target: q, guard: `is_${q}` })), { target: 'billing' }] },
        ...states,
        done: { title: 'Done', type: 'final' },
      },
    },
    rules: Object.fromEntries(QUEUES.map((q) => [`is_${q}`, { title: q, schema: { required: ['queue'], properties: { queue: { const: q } } } }])),
  };
}

export interface StorePassFigures {
  firstPassMs: number;
  firstOffers: number;
  steadyMs: number[];
}

export async function measure(store: CaseStore, tasks: number, agents: number, steadyPasses: number, log: (line: string) => void): Promise<StorePassFigures> {
  const clock = createManualClock(START);
  await store.ensureTenant('default', START);
  const services: HostServices = createHostServices({ store, engine, clock, logger: silentLogger });
  const published = await services.caseTypes.publish('default', caseType());
  if (!published.ok) throw new Error(`bench: routing case type refused: ${published.message}`);
  for (let i = 0; i < agents; i++) {
    const skills: Record<string, number> = {};
    SKILLS.forEach((s, k) => {
      if ((i + k) % 3 !== 0) skills[s] = 1 + ((i + k) % 5);
    });
    const saved = await services.routing.saveAgent('default', `agent-${i}`, { skills, capacity: { total: 5 }, availability: 'available', queues: QUEUES.filter((_, k) => (i + k) % 2 === 0) }, 'bench');
    if (!saved.ok) throw new Error(`bench: agent refused: ${saved.message}`);
  }
  const actor = { id: 'bench', roles: ['admin'] };
  for (let made = 0; made < tasks; ) {
    const batch = Math.min(200, tasks - made);
    const results = await Promise.all(
      Array.from({ length: batch }, (_, i) => services.cases.createCase('default', { caseType: 'work', data: { queue: QUEUES[(made + i) % QUEUES.length] as string } }, actor)),
    );
    if (results.some((r) => !r.ok)) throw new Error('bench: a case was refused');
    made += batch;
    clock.advance(1000);
  }
  log(`routing store: ${tasks} open tasks, ${agents} agents`);
  let t0 = now();
  const first = await services.routing.routeTenant('default');
  const firstPassMs = now() - t0;
  // a pass reads at most ROUTING_READ_LIMIT tasks: the next ones fill the agents up
  let offered = [...first.offers];
  for (;;) {
    const more = await services.routing.routeTenant('default');
    if (more.offers.length === 0) break;
    offered = [...offered, ...more.offers];
  }
  const steadyMs: number[] = [];
  for (let i = 0; i < steadyPasses; i++) {
    const offer = offered[i];
    if (offer === undefined) break;
    // the agent accepts, and the task is done: their slot is free again
    const accepted = await services.routing.answer('default', offer.taskId, offer.agent, 'accept');
    if (!accepted.ok) throw new Error(`bench: accept refused: ${accepted.message}`);
    const done = await services.cases.sendEvent('default', offer.caseId, { type: 'DONE' }, actor);
    if (!done.ok) throw new Error('bench: DONE refused');
    t0 = now();
    const pass = await services.routing.routeTenant('default');
    steadyMs.push(now() - t0);
    if (pass.offers.length !== 1) throw new Error(`bench: the steady pass made ${pass.offers.length} offers`);
  }
  return { firstPassMs, firstOffers: first.offers.length, steadyMs };
}

export async function sqliteStorePass(workDir: string, tasks: number, agents: number, steady: number, log: (line: string) => void): Promise<StorePassFigures> {
  const store = createSqliteStore({ file: join(workDir, `routing-${Date.now()}.db`) });
  try {
    return await measure(store, tasks, agents, steady, log);
  } finally {
    await store.close();
  }
}

/** null when no PostgreSQL server is there (the reason is logged). */
export async function postgresStorePass(tasks: number, agents: number, steady: number, log: (line: string) => void): Promise<StorePassFigures | null> {
  const unavailable = await postgresUnavailable();
  if (unavailable !== null) {
    log(`routing store: PostgreSQL not measured: ${unavailable}`);
    return null;
  }
  const database = await scratchDatabase();
  const store = await createPostgresStore({ url: database.url });
  try {
    return await measure(store, tasks, agents, steady, log);
  } finally {
    await store.close();
    await database.drop();
  }
}
