// notify effects: the default sender records the message on its case (GET /api/cases/:id `messages`),
// once per outbox key however often it is delivered; a plugged-in Notifier receives it instead.
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../runtime/scheduler/notifier.ts';
import { START, startInProcess, type InProcess } from '../../reliability/in-process.ts';

const notifying = {
  key: 'notifying',
  title: 'Notifying',
  data: { type: 'object', properties: { n: { type: 'integer' } } },
  events: { DONE: { title: 'Done' } },
  queues: { triage: { title: 'Triage' } },
  playbook: {
    initial: 'open',
    states: {
      open: { entry: [{ type: 'notify', to: 'customer', template: 'received' }], on: { DONE: 'done' } },
      done: { type: 'final', entry: [{ type: 'notify', to: 'queue:triage', template: 'closed' }] },
    },
  },
};

let p: InProcess | null = null;
afterEach(async () => {
  await p?.close();
  p = null;
});

describe('notify delivery', () => {
  it('records each message on its case by default, oldest first, once per key', async () => {
    p = await startInProcess();
    await p.publish(notifying);
    const id = (await p.call('POST', '/api/cases', { caseType: 'notifying', data: {} })).body.id as string;
    await p.host.dispatcher.runDue();
    p.clock.advance(60_000);
    await p.call('POST', `/api/cases/${id}/events`, { type: 'DONE' });
    await p.host.dispatcher.runDue();
    const rows = (await p.call('GET', `/api/outbox?caseId=${id}`)).body.items as { key: string; status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
    // a redelivery of the first message (at least once) records nothing new
    await p.store.recordMessage({ tenant: 'default', caseId: id, key: rows[0]?.key as string, to: 'customer', template: 'received', sentAt: p.clock.now() });
    const view = await p.call('GET', `/api/cases/${id}`);
    const recorded = { status: 'recorded', address: null, subject: null, messageId: null, language: null, attempts: 1, lastError: null };
    expect(view.body.messages).toEqual([
      { key: rows[0]?.key, to: 'customer', template: 'received', sentAt: START, ...recorded },
      { key: rows[1]?.key, to: 'queue:triage', template: 'closed', sentAt: '2026-01-05T09:01:00.000Z', ...recorded },
    ]);
  });

  it('hands the message to a plugged-in Notifier instead, which then owns the record', async () => {
    const sent: Notification[] = [];
    p = await startInProcess({ host: { notifier: { send: async (n) => void sent.push(n) } } });
    await p.publish(notifying);
    const id = (await p.call('POST', '/api/cases', { caseType: 'notifying', data: {} })).body.id as string;
    await p.host.dispatcher.runDue();
    expect(sent.map(({ tenant, caseId, to, template }) => ({ tenant, caseId, to, template }))).toEqual([{ tenant: 'default', caseId: id, to: 'customer', template: 'received' }]);
    expect((await p.call('GET', `/api/cases/${id}`)).body.messages).toEqual([]);
  });
});
