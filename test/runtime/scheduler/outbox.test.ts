// The outbox: webhooks retried with backoff against a real loopback receiver, dead letters, the
// address guard (loopback refused unless allowed), notify through the Notifier, child cases and child.closed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxDispatcher } from '../../../runtime/scheduler/outbox-dispatcher.ts';
import { createManualClock, openHost, publishFixtures, T0, tempDb, type OpenHostOptions, type TestHost } from './fixtures.ts';

const admin = { id: 'alice', roles: ['admin'] };

interface Received {
  method: string;
  idempotencyKey: string | undefined;
  body: { id?: string; state?: unknown };
}

async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) as Received['body'] });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] as number;
      res.end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('outbox dispatcher', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  // The receiver is on loopback, which a webhook may reach only when allowed: allowed unless a test says otherwise.
  async function setup(statuses: number[], options: OpenHostOptions = {}): Promise<TestHost & { hook: Awaited<ReturnType<typeof receiver>> }> {
    const hook = await receiver(statuses);
    const db = tempDb();
    const t = openHost(db.file, createManualClock(T0), { webhookAllow: '127.0.0.1', ...options });
    cleanups.push(db.dispose, () => new Promise<void>((done) => hook.server.close(() => done())), () => t.store.close());
    await publishFixtures(t.store, hook.url);
    await t.host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin);
    return { ...t, hook };
  }

  it('retries a failed webhook after the backoff with the same Idempotency-Key, then marks it delivered', async () => {
    // given a receiver that fails the first call
    const t = await setup([500, 200]);
    await t.host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);
    // when the dispatcher runs, runs again before the backoff, and after it
    expect(await t.host.dispatcher.runDue()).toBe(0);
    const pending = await t.store.listOutbox('default', {}, 10, null);
    expect(pending.items.map((o) => [o.status, o.attempts, o.nextAttemptAt, o.lastError])).toEqual([
      ['pending', 1, '2026-01-05T09:00:01.000Z', `HTTP 500 from ${t.hook.url}`],
    ]);
    expect(await t.host.dispatcher.runDue()).toBe(0);
    t.clock.advance(1000);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    // then the receiver got the case twice with one key
    expect(t.hook.received.map((r) => [r.method, r.idempotencyKey, r.body.id, r.body.state])).toEqual([
      ['POST', 'k1:2:1', 'k1', 'open'],
      ['POST', 'k1:2:1', 'k1', 'open'],
    ]);
    const done = await t.store.listOutbox('default', {}, 10, null);
    expect(done.items.map((o) => [o.status, o.attempts, o.deliveredAt])).toEqual([['delivered', 2, '2026-01-05T09:00:01.000Z']]);
  });

  it('gives up after maxAttempts: the row is a dead letter', async () => {
    const t = await setup([503], { outbox: { maxAttempts: 2, backoffMs: 10 } });
    await t.host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);
    await t.host.dispatcher.runDue();
    t.clock.advance(10);
    await t.host.dispatcher.runDue();
    t.clock.advance(60_000);
    await t.host.dispatcher.runDue();
    const dead = await t.store.listOutbox('default', { status: 'dead' }, 10, null);
    expect(dead.items.map((o) => [o.key, o.attempts, o.nextAttemptAt, o.lastError])).toEqual([['k1:2:1', 2, null, `HTTP 503 from ${t.hook.url}`]]);
    expect(t.hook.received.length).toBe(2);
  });

  it('dead-letters a webhook to loopback at once when DOSSIER_WEBHOOK_ALLOW does not allow it, without calling it', async () => {
    // given a host with no allow-list
    const t = await setup([200], { webhookAllow: '' });
    await t.host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);
    // when the dispatcher runs
    expect(await t.host.dispatcher.runDue()).toBe(0);
    // then the row is dead after one attempt, saying why and how to allow it, and the receiver got nothing
    const dead = await t.store.listOutbox('default', { status: 'dead' }, 10, null);
    expect(dead.items.map((o) => [o.key, o.attempts, o.nextAttemptAt, o.lastError])).toEqual([
      ['k1:2:1', 1, null, 'webhook to 127.0.0.1 refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=127.0.0.1'],
    ]);
    expect(t.hook.received).toEqual([]);
  });

  it('delivers a webhook to loopback when a CIDR range in DOSSIER_WEBHOOK_ALLOW covers it', async () => {
    const t = await setup([200], { webhookAllow: '10.0.0.0/8, 127.0.0.0/8' });
    await t.host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.hook.received.map((r) => r.idempotencyKey)).toEqual(['k1:2:1']);
  });

  it('sends notify effects to the Notifier', async () => {
    const t = await setup([200]);
    await t.host.service.sendEvent('default', 'k1', { type: 'PING' }, admin);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.sent).toEqual([{ tenant: 'default', caseId: 'k1', key: 'k1:2:1', to: 'customer', template: 'ping', attempt: 1 }]);
  });

  it('opens the child case once, and the parent receives child.closed when the child ends', async () => {
    // given a parent that spawned a subtask
    const t = await setup([200]);
    await t.host.service.sendEvent('default', 'k1', { type: 'SPAWN' }, admin);
    // when the outbox is delivered (twice: at least once must not mean twice)
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(await t.host.dispatcher.runDue()).toBe(0);
    // then one child exists, linked to the parent
    const children = await t.store.listCases('default', { parentId: 'k1' }, 10, null);
    expect(children.items.map((c) => [c.caseType, c.state, c.data, c.parentId])).toEqual([['subtask', 'todo', { note: 'from parent' }, 'k1']]);
    const childId = children.items[0]!.id;
    expect((await t.store.getCase('default', 'k1'))?.children).toEqual([childId]);
    const again = await t.host.service.createCase('default', { caseType: 'subtask', id: childId, parentId: 'k1' }, undefined);
    expect(again.ok ? 'created' : again.code).toBe('case.exists');
    // when the child ends
    await t.host.service.sendEvent('default', childId, { type: 'DONE' }, admin);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    // then the parent moved on through child.closed
    const parent = await t.store.getCase('default', 'k1');
    expect(parent?.state).toBe('done');
    const history = await t.store.history('default', 'k1', 10, null);
    expect(history.items.map((e) => [e.event.type, e.actor, e.to])).toEqual([
      ['case.created', 'alice', 'open'],
      ['SPAWN', 'alice', 'waiting'],
      ['child.closed', 'system', 'done'],
    ]);
  });

  it('delivers the rows of different cases at the same time, and those of one case in order', async () => {
    // given two notifications on k1 and one on k2, and a notifier that holds k1's first one
    const t = await setup([200]);
    await t.host.service.createCase('default', { caseType: 'ticket', id: 'k2' }, admin);
    for (const id of ['k1', 'k1', 'k2']) await t.host.service.sendEvent('default', id, { type: 'PING' }, admin);
    const started: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const dispatcher = createOutboxDispatcher({
      store: t.store,
      service: t.host.service,
      clock: t.clock,
      notifier: {
        async send(n) {
          started.push(`${n.caseId}:${n.key}`);
          if (started.length === 1) await held;
        },
      },
    });
    // when the dispatcher runs while k1's first notification is held
    const run = dispatcher.runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // then k2's is delivered meanwhile, and k1's second waits for its first
    expect(started.map((s) => s.split(':')[0])).toEqual(['k1', 'k2']);
    release();
    expect(await run).toBe(3);
    const k1 = started.filter((s) => s.startsWith('k1:'));
    expect(k1).toHaveLength(2);
    const rows = (await t.store.listOutbox('default', { caseId: 'k1' }, 10, null)).items;
    expect(k1).toEqual([...rows].sort((a, b) => a.id - b.id).map((r) => `k1:${r.key}`));
  });

  it('starts no delivery once half of the lease has passed: the rest wait for the next claim, so two hosts never send one row both', async () => {
    // given two notifications on k1 and a notifier that takes 20 s of the 30 s lease on the first
    const t = await setup([200]);
    for (let i = 0; i < 2; i++) await t.host.service.sendEvent('default', 'k1', { type: 'PING' }, admin);
    const started: string[] = [];
    const dispatcher = createOutboxDispatcher({
      store: t.store,
      service: t.host.service,
      clock: t.clock,
      leaseMs: 30_000,
      notifier: {
        async send(n) {
          started.push(n.key);
          t.clock.advance(20_000);
        },
      },
    });
    // when it runs: the first row is delivered, the second is not begun past half of the lease
    expect(await dispatcher.runDue()).toBe(1);
    expect(started).toHaveLength(1);
    const rows = (await t.store.listOutbox('default', { caseId: 'k1' }, 10, null)).items;
    expect(rows.map((r) => r.status).sort()).toEqual(['delivered', 'pending']);
    // then the next run delivers it, once
    expect(await dispatcher.runDue()).toBe(1);
    expect(started).toHaveLength(2);
    expect(new Set(started).size).toBe(2);
  });
});
