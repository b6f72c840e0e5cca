// Push routing across two real `dossier serve` processes over one PostgreSQL database (docs/routing.md):
// both hosts run their routing loops on the same tenant while cases are created on either. Then, and after
// agents accept offers on the other host and a case closes: no task has two open offers, every task was
// offered once (no offer expires in this test), no agent holds more than their capacity, and only agents
// with the queue's skill at its level got offers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, skipNote, unavailable } from '../postgres-scratch.ts';
import { routingCaseType } from '../routing-case-type.ts';
import { startChild, type ChildServer } from './child-server.ts';

const CASES = 24;
// ann and bob have billing at level 2 or more; cat only at level 1 (the queue needs 2): never offered
const AGENTS = [
  { name: 'ann', skills: { billing: 3 }, capacity: { total: 3 } },
  { name: 'bob', skills: { billing: 2 }, capacity: { total: 2 } },
  { name: 'cat', skills: { billing: 1 }, capacity: { total: 4 } },
];
const ROOM = 5;

describe.skipIf(unavailable !== null)(unavailable === null ? 'push routing on two hosts over one PostgreSQL database' : `push routing on two hosts (skipped: ${skipNote})`, () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: pg.Client;
  const hosts: ChildServer[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await scratchDatabase();
    // the routing loops poll every 2 s on a shared store; the test waits for what they do
    for (let i = 0; i < 2; i++) hosts.push(await startChild(database.url, { DOSSIER_LOG_LEVEL: 'error' }));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    for (const host of hosts) await host.kill('SIGTERM');
    await database?.drop();
  });

  /** The invariants, read from the database both hosts write. */
  async function check(): Promise<{ open: number; offered: Map<string, number> }> {
    const doubles = await db.query("SELECT task_id FROM task_offers WHERE status = 'open' GROUP BY task_id HAVING COUNT(*) > 1");
    expect(doubles.rows).toEqual([]);
    const offered = new Map<string, number>();
    for (const r of (await db.query<{ task_id: string; n: string }>("SELECT task_id, COUNT(*) AS n FROM task_log WHERE kind = 'offered' GROUP BY task_id")).rows) offered.set(r.task_id, Number(r.n));
    expect([...offered.values()].every((n) => n === 1)).toBe(true);
    // load = open offers + open tasks held, per agent, never past capacity
    const load = await db.query<{ agent: string; n: string }>(`SELECT agent, SUM(n) AS n FROM (
        SELECT agent, COUNT(*) AS n FROM task_offers WHERE status = 'open' GROUP BY agent
        UNION ALL SELECT assignee AS agent, COUNT(*) AS n FROM tasks WHERE status = 'open' AND assignee IS NOT NULL GROUP BY assignee) x GROUP BY agent`);
    for (const r of load.rows) {
      const agent = AGENTS.find((a) => a.name === r.agent);
      expect(agent, r.agent).toBeDefined();
      expect(Number(r.n), r.agent).toBeLessThanOrEqual(agent?.capacity.total ?? 0);
    }
    const toCat = await db.query("SELECT 1 FROM task_offers WHERE agent = 'cat'");
    expect(toCat.rows).toEqual([]);
    const open = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM task_offers WHERE status = 'open'");
    return { open: Number(open.rows[0]?.n ?? 0), offered };
  }

  async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
    const end = Date.now() + 30_000;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`not within 30 s: ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('offers each task once, within capacity and skills, whichever host routes it', async () => {
    const [a, b] = hosts as [ChildServer, ChildServer];
    expect((await a.call('PUT', '/api/case-types/request/draft', routingCaseType({ offerTimeout: 'PT10M' }))).body.valid).toBe(true);
    expect((await a.call('POST', '/api/case-types/request/publish')).status).toBe(201);
    for (const agent of AGENTS) {
      expect((await b.call('PUT', `/api/agents/${agent.name}`, { ...agent, availability: 'available', queues: ['billing'] })).status).toBe(200);
      const issued = await a.call('POST', '/api/tokens', { name: agent.name, roles: ['agent'] });
      tokens.set(agent.name, issued.body.token as string);
    }
    const created = await Promise.all(
      Array.from({ length: CASES }, (_, i) => (i % 2 === 0 ? a : b).call('POST', '/api/cases', { caseType: 'request', data: { subject: `request ${String(i)}` } })),
    );
    expect(created.map((r) => r.status)).toEqual(Array.from({ length: CASES }, () => 201));
    // both loops route: the room of ann and bob fills up, with one offer per task
    await until('the agents with the skill are offered their capacity', async () => (await check()).open === ROOM);

    // ann accepts one of her three offers on the other host: still her load, no new offer for her
    const annOffers = (await (await fetch(`${b.url}/api/offers`, { headers: { authorization: `Bearer ${tokens.get('ann') ?? ''}` } })).json()) as { items: { taskId: string; caseId: string }[] };
    expect(annOffers.items.length).toBe(3);
    const first = annOffers.items[0] as { taskId: string; caseId: string };
    const accepted = await fetch(`${b.url}/api/tasks/${encodeURIComponent(first.taskId)}/accept`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get('ann') ?? ''}` } });
    expect(accepted.status).toBe(200);
    // her case closes on the first host: she has room again, and gets exactly one new offer
    expect((await a.call('POST', `/api/cases/${first.caseId}/events`, { type: 'CLOSE' })).status).toBe(200);
    const before = (await check()).offered.size;
    await until('ann is offered the next task once she has room', async () => (await check()).offered.size === before + 1);
    const { open } = await check();
    expect(open).toBe(ROOM);
  }, 90_000);
});

// One host on SQLite does not poll: it routes on its own changes. A case that closes frees its agent's
// slot, and that commit alone must bring the next offer (it leaves the case with no task).
describe('push routing on one host over SQLite', () => {
  let dir: string;
  let host: ChildServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-routing-'));
    host = await startChild(join(dir, 'dossier.db'), { DOSSIER_LOG_LEVEL: 'error' });
  }, 60_000);
  afterAll(async () => {
    await host?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers the next task when a case closes and its agent has room again', async () => {
    expect((await host.call('PUT', '/api/case-types/request/draft', routingCaseType({ offerTimeout: 'PT10M' }))).body.valid).toBe(true);
    expect((await host.call('POST', '/api/case-types/request/publish')).status).toBe(201);
    expect((await host.call('PUT', '/api/agents/ann', { skills: { billing: 2 }, capacity: { total: 1 }, availability: 'available', queues: ['billing'] })).status).toBe(200);
    const ann = (await host.call('POST', '/api/tokens', { name: 'ann', roles: ['agent'] })).body.token as string;
    const offers = async () => ((await (await fetch(`${host.url}/api/offers`, { headers: { authorization: `Bearer ${ann}` } })).json()) as { items: { taskId: string; caseId: string }[] }).items;
    const waitFor = async (what: string, ok: (items: { taskId: string; caseId: string }[]) => boolean) => {
      const end = Date.now() + 15_000;
      for (;;) {
        const items = await offers();
        if (ok(items)) return items;
        if (Date.now() > end) throw new Error(`not within 15 s: ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    for (const subject of ['first', 'second']) expect((await host.call('POST', '/api/cases', { caseType: 'request', data: { subject } })).status).toBe(201);
    const [first] = await waitFor('the first offer', (items) => items.length === 1);
    if (first === undefined) throw new Error('no offer');
    const accepted = await fetch(`${host.url}/api/tasks/${encodeURIComponent(first.taskId)}/accept`, { method: 'POST', headers: { authorization: `Bearer ${ann}` } });
    expect(accepted.status).toBe(200);
    // ann is full: no second offer while she holds the first task (after the pass her accept asked for, 100 ms on)
    await new Promise((r) => setTimeout(r, 600));
    expect(await offers()).toEqual([]);
    expect((await host.call('POST', `/api/cases/${first.caseId}/events`, { type: 'CLOSE' })).status).toBe(200);
    const [next] = await waitFor('the second offer after the close', (items) => items.length === 1);
    expect(next?.caseId).not.toBe(first.caseId);
  }, 60_000);
});
