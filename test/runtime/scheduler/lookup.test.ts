// CRM look-ups end to end: a playbook runs a `lookup` on entering a state, the outbox dispatcher calls a
// real CRM stub on loopback (node:http), and the answer comes back as `lookup.crm.done` (the fields
// filled) or `lookup.crm.failed` (with the reason), which the playbook branches on. On SQLite, and on
// PostgreSQL where a server is available.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseType, LookupAction } from '../../../schemas/generated/case-type.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createHost, type Host } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { parseWebhookAllow } from '../../../runtime/scheduler/address-policy.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const agent = { id: 'anna', roles: ['agent'] };

function claimType(crmUrl: string, lookup: Partial<LookupAction> = {}): CaseType {
  return {
    key: 'claim',
    title: 'Claim',
    data: {
      type: 'object',
      properties: {
        customerNumber: { type: 'string', title: 'Customer number' },
        customer: {
          type: 'object',
          title: 'Customer',
          properties: { name: { type: 'string', title: 'Name' }, segment: { type: 'string', title: 'Segment', enum: ['gold', 'silver'] } },
        },
      },
    },
    events: {},
    playbook: {
      initial: 'fetching',
      states: {
        fetching: {
          entry: [
            {
              type: 'lookup',
              name: 'crm',
              url: crmUrl,
              query: { number: '/customerNumber' },
              map: { '/customer/name': '/person/fullName', '/customer/segment': '/segment' },
              ...lookup,
            } as LookupAction,
          ],
          on: { 'lookup.crm.done': 'review', 'lookup.crm.failed': 'manual' },
        },
        review: {},
        manual: {},
      },
    },
  } as CaseType;
}

interface Call {
  method: string;
  url: string;
  body: string;
  contentType: string | undefined;
}

/** A CRM on loopback answering each call with the next of `answers` (the last one repeated). */
async function crmStub(answers: ((res: ServerResponse) => void)[]) {
  const calls: Call[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', body, contentType: req.headers['content-type'] });
      (answers[Math.min(calls.length - 1, answers.length - 1)] as (res: ServerResponse) => void)(res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/customers`;
  return { url, calls, close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }), };
}

const json = (status: number, value: unknown) => (res: ServerResponse) => {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
};

const stores: [string, () => Promise<{ store: CaseStore; dispose(): Promise<void> }>, boolean][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-lookup-'));
      const store = createSqliteStore({ file: join(dir, 'dossier.db') });
      return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
    false,
  ],
  [
    unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`,
    async () => {
      const db = await scratchDatabase();
      const store = await createPostgresStore({ url: db.url });
      return { store, dispose: async () => (await store.close(), await db.drop()) };
    },
    unavailable !== null,
  ],
];

describe.each(stores)('lookups on %s', (_name, open, skip) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(answers: ((res: ServerResponse) => void)[], options: { allow?: string; lookup?: Partial<LookupAction>; lookupAnswerLimit?: number } = {}) {
    const crm = await crmStub(answers);
    cleanups.push(crm.close);
    const { store, dispose } = await open();
    cleanups.push(dispose);
    const clock = createManualClock(T0);
    const host: Host = createHost({
      store,
      engine,
      clock,
      logger: silentLogger,
      notifier: { send: async () => undefined },
      outbox: { backoffMs: 1000, lookupAttempts: 3, ...(options.lookupAnswerLimit === undefined ? {} : { lookupAnswerLimit: options.lookupAnswerLimit }) },
      webhookAllow: parseWebhookAllow(options.allow ?? '127.0.0.1'),
    });
    await store.publish('default', 'claim', claimType(crm.url, options.lookup), T0);
    const created = await host.service.createCase('default', { caseType: 'claim', id: 'c1', data: { customerNumber: 'C-17' } }, agent);
    expect(created.ok).toBe(true);
    const kase = async () => {
      const stored = await store.getCase('default', 'c1');
      if (stored === null) throw new Error('case c1 is gone');
      return stored;
    };
    const lookupEntries = async () =>
      (await store.history('default', 'c1', 50, null)).items.filter((h) => h.event.type.startsWith('lookup.')).map((h) => [h.event.type, h.actor, h.event.data ?? null, h.to]);
    return { crm, store, clock, host, kase, lookupEntries };
  }

  it.skipIf(skip)('fills the case fields from the answer and takes the done branch', async () => {
    const t = await setup([json(200, { person: { fullName: 'Anna de Vries' }, segment: 'gold', balance: 12 })]);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.crm.calls.map((c) => [c.method, c.url, c.body])).toEqual([['GET', '/customers?number=C-17', '']]);
    const kase = await t.kase();
    expect([kase.state, kase.data]).toEqual(['review', { customerNumber: 'C-17', customer: { name: 'Anna de Vries', segment: 'gold' } }]);
    expect(await t.lookupEntries()).toEqual([['lookup.crm.done', 'system', { customer: { name: 'Anna de Vries', segment: 'gold' } }, 'review']]);
  });

  it.skipIf(skip)('POSTs the body values as JSON', async () => {
    const t = await setup([json(201, { segment: 'silver' })], { lookup: { method: 'POST', query: {}, body: { customer: '/customerNumber' } } });
    await t.host.dispatcher.runDue();
    expect(t.crm.calls.map((c) => [c.method, c.url, c.contentType, JSON.parse(c.body)])).toEqual([['POST', '/customers', 'application/json', { customer: 'C-17' }]]);
    expect((await t.kase()).data).toEqual({ customerNumber: 'C-17', customer: { segment: 'silver' } });
  });

  it.skipIf(skip)('retries a failing CRM, then takes the failure branch with the reason', async () => {
    const t = await setup([json(500, { error: 'down' })]);
    expect(await t.host.dispatcher.runDue()).toBe(0);
    expect((await t.kase()).state).toBe('fetching');
    t.clock.advance(1000);
    expect(await t.host.dispatcher.runDue()).toBe(0);
    t.clock.advance(2000);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.crm.calls).toHaveLength(3);
    const kase = await t.kase();
    expect([kase.state, kase.data]).toEqual(['manual', { customerNumber: 'C-17' }]);
    expect(await t.lookupEntries()).toEqual([['lookup.crm.failed', 'system', { reason: `${t.crm.url} answered HTTP 500` }, 'manual']]);
  });

  it.skipIf(skip)('fails at once on an answer another try cannot cure (404)', async () => {
    const t = await setup([json(404, { error: 'no such customer' })]);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.crm.calls).toHaveLength(1);
    expect(await t.lookupEntries()).toEqual([['lookup.crm.failed', 'system', { reason: `${t.crm.url} answered HTTP 404` }, 'manual']]);
  });

  it.skipIf(skip)('fails with the fields\' problems when the answer does not fit the data schema', async () => {
    const t = await setup([json(200, { person: { fullName: 'Bram' }, segment: 'platinum' })]);
    await t.host.dispatcher.runDue();
    const kase = await t.kase();
    expect([kase.state, kase.data]).toEqual(['manual', { customerNumber: 'C-17' }]);
    const [entry] = await t.lookupEntries();
    expect(entry?.[0]).toBe('lookup.crm.failed');
    expect(entry?.[2]).toEqual({ reason: 'the answer does not fit the case: Segment must be one of "gold", "silver"' });
  });

  it.skipIf(skip)('fails when the answer is not JSON', async () => {
    const t = await setup([(res) => res.end('<html>hello</html>')]);
    await t.host.dispatcher.runDue();
    expect(await t.lookupEntries()).toEqual([['lookup.crm.failed', 'system', { reason: `${t.crm.url} answered with something other than JSON` }, 'manual']]);
  });

  it.skipIf(skip)('fails when the answer is larger than the limit', async () => {
    const t = await setup([json(200, { person: { fullName: 'x'.repeat(5000) } })], { lookupAnswerLimit: 1000 });
    await t.host.dispatcher.runDue();
    expect(await t.lookupEntries()).toEqual([['lookup.crm.failed', 'system', { reason: `${t.crm.url} answered with more than 1000 bytes` }, 'manual']]);
  });

  it.skipIf(skip)('refuses a loopback CRM the operator has not allowed, without calling it', async () => {
    const t = await setup([json(200, { segment: 'gold' })], { allow: '' });
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.crm.calls).toHaveLength(0);
    const [entry] = await t.lookupEntries();
    expect([entry?.[0], (entry?.[2] as { reason: string }).reason, entry?.[3]]).toEqual([
      'lookup.crm.failed',
      'lookup to 127.0.0.1 refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=127.0.0.1',
      'manual',
    ]);
  });

  it.skipIf(skip)('fails a CRM that does not answer in time once the tries are used up', async () => {
    const t = await setup([() => undefined], { lookup: { timeoutSeconds: 1 } });
    await t.host.dispatcher.runDue();
    t.clock.advance(1000);
    await t.host.dispatcher.runDue();
    t.clock.advance(2000);
    expect(await t.host.dispatcher.runDue()).toBe(1);
    expect(t.crm.calls).toHaveLength(3);
    expect(await t.lookupEntries()).toEqual([['lookup.crm.failed', 'system', { reason: `${t.crm.url} could not be reached: no answer within 1 second` }, 'manual']]);
  });
});
