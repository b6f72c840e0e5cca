// Linked work end to end on a real store (docs/linked-work.md): linking an existing case as a child over
// HTTP (the rules and their 409/422s, both histories), and the outbox delivering sendToChildren /
// sendToParent through the case service: to every open child once (also when the delivery runs again, and
// with two hosts on PostgreSQL), a child that cannot take the event recorded on the parent in words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { CaseData } from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { createHost, type Host } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import { createLinkedDelivery } from '../../../runtime/scheduler/linked-delivery.ts';
import type { CaseStore, StoredCase } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');
const admin = { id: 'admin', roles: ['admin'] };
const MAJOR: CaseData = { incidentRef: 'INC-20417', title: 'Fibre outage', service: 'internet', severity: 'sev3', impactDescription: 'No internet.' };
const impactData = (name: string): CaseData => ({ incidentRef: 'INC-20417', service: 'internet', customer: { name, email: `${name.toLowerCase()}@example.com` } });

/** The published case type without its webhook actions (the status page is not reachable from a test). */
function withoutWebhooks(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'webhook')).map(withoutWebhooks);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutWebhooks(v)]));
  return value;
}

interface Opened {
  stores: CaseStore[];
  dispose(): Promise<void>;
}

const backends: [string, (hosts: number) => Promise<Opened>, boolean][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-linked-'));
      const store = createSqliteStore({ file: join(dir, 'dossier.db') });
      return { stores: [store], dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
    false,
  ],
  [
    unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`,
    async (hosts) => {
      const db = await scratchDatabase();
      const stores: CaseStore[] = [];
      for (let i = 0; i < hosts; i++) stores.push(await createPostgresStore({ url: db.url }));
      return {
        stores,
        dispose: async () => {
          for (const store of stores) await store.close();
          await db.drop();
        },
      };
    },
    unavailable !== null,
  ],
];

describe.each(backends)('linked work on %s', (backend, open, skip) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(hostCount = 1) {
    const opened = await open(hostCount);
    cleanups.push(opened.dispose);
    const store = opened.stores[0] as CaseStore;
    const clock: ManualClock = createManualClock(T0);
    await seedTemplates(store, TEMPLATES, T0, silentLogger);
    const major = (await store.getCaseType('default', 'major-incident'))?.definition as CaseType;
    await store.publish('default', 'major-incident', withoutWebhooks(major) as CaseType, T0);
    const hosts: Host[] = opened.stores.map((s) => createHost({ store: s, engine, clock, logger: silentLogger, notifier: { send: async () => undefined } }));
    const host = hosts[0] as Host;
    const app = createApp({ store, clock, services: host.services });
    const agent = (await issueToken(store, { tenant: 'default', name: 'anna', roles: ['agent', 'contact-agent'] }, T0)).secret;
    const analyst = (await issueToken(store, { tenant: 'default', name: 'ben', roles: ['analyst'] }, T0)).secret;
    await store.ensureTenant('acme', T0);
    await store.publish('acme', 'incident-impact', (await store.getCaseType('default', 'incident-impact'))?.definition as CaseType, T0);
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> & { code?: string; detail?: string } };
    };
    const create = async (caseType: string, data: CaseData, tenant = 'default'): Promise<StoredCase> => {
      const made = await host.service.createCase(tenant, { caseType, data }, admin);
      if (!made.ok || made.replay === true) throw new Error(JSON.stringify(made));
      return (await store.getCase(tenant, made.case.id)) as StoredCase;
    };
    const send = async (id: string, type: string, data?: CaseData) => {
      const sent = await host.service.sendEvent('default', id, { type, ...(data === undefined ? {} : { data }) }, admin);
      if (!sent.ok) throw new Error(JSON.stringify(sent));
    };
    const kase = async (id: string) => (await store.getCase('default', id)) as StoredCase;
    const events = async (id: string) => (await store.history('default', id, 200, null)).items.map((h) => [h.event.type, h.actor]);
    return { store, clock, hosts, host, call, create, send, kase, events, agent, analyst };
  }

  it.skipIf(skip)('links an existing open case as a child, recorded on both, and refuses what may not be linked', async () => {
    const t = await setup();
    const m = await t.create('major-incident', MAJOR);
    const i1 = await t.create('incident-impact', impactData('Lotte'));
    const i2 = await t.create('incident-impact', impactData('Bram'));

    const linked = await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: i1.reference.toLowerCase() });
    expect([linked.status, (linked.body.child as { parentId: string }).parentId, (linked.body.parent as { id: string }).id]).toEqual([201, m.id, m.id]);
    expect((await t.kase(i1.id)).parentId).toBe(m.id);
    expect((await t.kase(m.id)).children).toEqual([i1.id]);
    expect((await t.events(i1.id)).at(-1)).toEqual(['parent.linked', 'anna']);
    expect((await t.events(m.id)).at(-1)).toEqual(['child.linked', 'anna']);
    const listed = await t.call('GET', `/api/cases?parentId=${m.id}`, t.agent);
    expect((listed.body.items as { id: string }[]).map((c) => c.id)).toEqual([i1.id]);

    const refusals = [
      await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: i1.reference }),
      await t.call('POST', `/api/cases/${i1.id}/children`, t.agent, { childId: m.id }),
      await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: m.reference }),
      await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: 'INC-999999' }),
      await t.call('POST', `/api/cases/${m.id}/children`, t.agent, {}),
      await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: i2.reference, childId: i2.id }),
      await t.call('POST', `/api/cases/${m.id}/children`, t.analyst, { reference: i2.reference }),
      await t.call('POST', '/api/cases/nope/children', t.agent, { reference: i2.reference }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [409, 'link.has_parent'],
      [409, 'link.cycle'],
      [422, 'link.self'],
      [422, 'link.not_found'],
      [400, 'request.invalid'],
      [400, 'request.invalid'],
      [403, 'auth.forbidden'],
      [404, 'case.not_found'],
    ]);
    expect(refusals[0]?.body.detail).toBe(`${i1.reference} is already a child of this case; a case has one parent (unlink it there first).`);
    expect(refusals[1]?.body.detail).toBe(`${m.reference} is above ${i1.reference} in its chain of parent cases: linking it as a child would make a loop.`);

    // another tenant's case is not found by its reference; a closed case is not linked
    const other = await t.create('incident-impact', impactData('Acme'), 'acme');
    const elsewhere = await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { childId: other.id });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'link.not_found']);
    await t.send(i2.id, 'SERVICE_RESTORED');
    await t.send(i2.id, 'RESTORE_CONFIRMED');
    const closed = await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: i2.reference });
    expect([closed.status, closed.body.code, closed.body.detail]).toEqual([409, 'link.closed', `${i2.reference} is closed: only open cases can be linked.`]);
    // nothing was written by the refusals
    expect((await t.events(m.id)).map(([e]) => e)).toEqual(['case.created', 'child.linked']);

    const unlinked = await t.call('DELETE', `/api/cases/${m.id}/children/${i1.id}`, t.agent);
    expect([unlinked.status, (await t.kase(i1.id)).parentId, (await t.kase(m.id)).children]).toEqual([200, null, []]);
    expect((await t.events(i1.id)).at(-1)).toEqual(['parent.unlinked', 'anna']);
    expect((await t.events(m.id)).at(-1)).toEqual(['child.unlinked', 'anna']);
    const again = await t.call('DELETE', `/api/cases/${m.id}/children/${i1.id}`, t.agent);
    expect([again.status, again.body.code]).toEqual([404, 'link.not_linked']);
  });

  it.skipIf(skip)('delivers SERVICE_RESTORED once to every open child; a child that cannot take it is recorded on the parent', async () => {
    const t = await setup(backend === 'SQLite' ? 1 : 2);
    const m = await t.create('major-incident', MAJOR);
    // a child opened by the playbook (createCase through the outbox) ...
    await t.send(m.id, 'AFFECTED_CUSTOMER_REPORTED', { reportedCustomer: { name: 'Lotte', email: 'lotte@example.com' } });
    await t.host.dispatcher.runDue();
    const made = (await t.kase(m.id)).children[0] as string;
    expect((await t.kase(made)).state).toBe('informing');
    // ... and three linked from the console: one waiting for the fix, one already confirming (it has no
    // transition for SERVICE_RESTORED there), one closed
    const waiting = await t.create('incident-impact', impactData('Bram'));
    const confirming = await t.create('incident-impact', impactData('Sara'));
    const done = await t.create('incident-impact', impactData('Joost'));
    for (const child of [waiting, confirming, done]) expect((await t.call('POST', `/api/cases/${m.id}/children`, t.agent, { reference: child.reference })).status).toBe(201);
    await t.send(waiting.id, 'CUSTOMER_INFORMED', { informedVia: 'email' });
    await t.send(confirming.id, 'SERVICE_RESTORED');
    await t.send(done.id, 'SERVICE_RESTORED');
    await t.send(done.id, 'RESTORE_CONFIRMED');
    await Promise.all(t.hosts.map((h) => h.dispatcher.runDue()));
    const revisions = async () => Promise.all([made, waiting.id, confirming.id, done.id].map(async (id) => (await t.kase(id)).revision));
    const before = await revisions();

    await t.send(m.id, 'CAUSE_IDENTIFIED', { diagnosis: { rootCause: 'A cut fibre.' } });
    await t.send(m.id, 'SERVICE_RESTORED', { mitigation: { fix: 'Spliced.', restoredAt: T0 } });
    // every host's dispatcher at once: the row is claimed by one of them
    await Promise.all(t.hosts.map((h) => h.dispatcher.runDue()));

    expect((await t.kase(made)).state).toBe('confirmingRestore');
    expect((await t.kase(waiting.id)).state).toBe('confirmingRestore');
    expect((await t.kase(confirming.id)).state).toBe('confirmingRestore');
    expect((await t.kase(done.id)).state).toBe('closed');
    expect(await revisions()).toEqual([before[0]! + 1, before[1]! + 1, before[2], before[3]]);
    const restoredEntry = (await t.store.history('default', waiting.id, 50, null)).items.at(-1);
    expect([restoredEntry?.event.type, restoredEntry?.actor]).toEqual(['SERVICE_RESTORED', m.reference]);
    const undelivered = (await t.store.history('default', m.id, 50, null)).items.filter((h) => h.event.type === 'linked.undelivered');
    expect(undelivered.map((h) => h.event.data)).toEqual([
      {
        event: 'SERVICE_RESTORED',
        caseId: confirming.id,
        reference: confirming.reference,
        to: 'child',
        code: 'event.not_accepted',
        reason: '"SERVICE_RESTORED" cannot be sent while the case is in confirmingRestore.',
      },
    ]);
    const rows = (await t.store.listOutbox('default', { caseId: m.id }, 50, null)).items.filter((r) => r.effect.type === 'sendToChildren');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['delivered', 1]]);

    // the same row delivered again (a host that died before marking it, a second host): nothing changes
    const deliver = createLinkedDelivery({ store: t.store, service: t.host.service, logger: silentLogger, recordUndelivered: t.host.services.links.recordUndelivered });
    const row = rows[0]!;
    expect(await deliver(row, row.effect as engine.SendToChildrenEffect)).toEqual({ ok: true });
    expect(await Promise.all(t.hosts.map(() => deliver(row, row.effect as engine.SendToChildrenEffect)))).toEqual(t.hosts.map(() => ({ ok: true })));
    expect(await revisions()).toEqual([before[0]! + 1, before[1]! + 1, before[2], before[3]]);
    expect((await t.store.history('default', m.id, 50, null)).items.filter((h) => h.event.type === 'linked.undelivered').length).toBe(1);

    // an impact case tells its parent that the customer is still affected (sendToParent)
    await t.send(waiting.id, 'STILL_AFFECTED', { agentNote: 'No signal.' });
    await Promise.all(t.hosts.map((h) => h.dispatcher.runDue()));
    const last = (await t.store.history('default', m.id, 50, null)).items.at(-1);
    expect([last?.event.type, last?.actor, last?.notes]).toEqual(['CUSTOMER_STILL_AFFECTED', waiting.reference, ['An affected customer still has the problem after the restore.']]);

    // once the incident is closed it takes no more: recorded on the child that sent it
    await t.send(m.id, 'REVIEW_COMPLETED', { review: { summary: 'Cut fibre.', followUps: ['Map the ring'] } });
    await t.send(made, 'STILL_AFFECTED', { agentNote: 'Still down.' });
    await Promise.all(t.hosts.map((h) => h.dispatcher.runDue()));
    expect((await t.kase(m.id)).state).toBe('closed');
    const onChild = (await t.store.history('default', made, 50, null)).items.filter((h) => h.event.type === 'linked.undelivered');
    expect(onChild.map((h) => h.event.data)).toEqual([
      { event: 'CUSTOMER_STILL_AFFECTED', caseId: m.id, reference: m.reference, to: 'parent', code: 'event.not_accepted', reason: 'The case is closed: "CUSTOMER_STILL_AFFECTED" cannot be sent any more.' },
    ]);
  });
});
