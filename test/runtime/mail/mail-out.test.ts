// E-mail out (docs/email.md): a case whose playbook notifies the customer sends the case type's message
// through a real SMTP server on loopback, in the customer's language with its placeholders filled, the
// case reference in the subject and in the Message-ID; the case's message row says sent. A mail server
// that refuses the recipient: failed, tried again, then dead, each recorded. On SQLite and PostgreSQL.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { createRuntime, type Runtime } from '../../../runtime/compose/create-runtime.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import type { HostOptions } from '../../../runtime/host/create-host.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { tempDb } from '../scheduler/fixtures.ts';
import { mailingType } from './mail-case-type.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

const START = '2026-01-05T09:00:00.000Z';
const FROM = 'Complaints <complaints@service.example>';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads JSON bodies field by field
type Json = any;

interface Harness {
  runtime: Runtime;
  clock: ManualClock;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

const escalating = {
  key: 'escalating',
  title: 'Escalation',
  data: { type: 'object', properties: { note: { type: 'string' } } },
  messages: { escalated: { subject: { nl: 'Geëscaleerd: {{reference}}', en: 'Escalated: {{reference}}' }, body: { en: 'Please look at {{reference}}.' } } },
  playbook: {
    initial: 'open',
    states: { open: { entry: [{ type: 'notify', to: 'user:Ann de Vries', template: 'escalated' }, { type: 'notify', to: 'user:Bob', template: 'escalated' }] } },
  },
};

const peopleStores = new WeakMap<Harness, CaseStore>();
const peopleStore = (h: Harness): CaseStore => peopleStores.get(h) as CaseStore;

async function harness(store: CaseStore, host: Partial<HostOptions>, dispose: () => Promise<void>): Promise<Harness> {
  const clock = createManualClock(START);
  const runtime = createRuntime({ store, engine, clock, logger: silentLogger, ...host });
  const admin = (await issueToken(store, { tenant: 'default', name: 'admin', roles: ['admin'] }, START)).secret;
  const call: Harness['call'] = async (method, path, body) => {
    const res = await runtime.app.request(path, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };
  const made: Harness = {
    runtime,
    clock,
    call,
    async close() {
      await runtime.stop();
      await store.close();
      await dispose();
    },
  };
  peopleStores.set(made, store);
  return made;
}

async function publish(h: Harness, definition: { key: string }): Promise<void> {
  const put = await h.call('PUT', `/api/case-types/${definition.key}/draft`, definition);
  expect(put.body.problems?.filter((p: Json) => p.severity === 'error') ?? []).toEqual([]);
  expect((await h.call('POST', `/api/case-types/${definition.key}/publish`)).status).toBe(201);
}

const stores: { name: string; skip: string | null; open(host: Partial<HostOptions>): Promise<Harness> }[] = [
  {
    name: 'SQLite',
    skip: null,
    async open(host) {
      const db = tempDb();
      return harness(createSqliteStore({ file: db.file }), host, async () => db.dispose());
    },
  },
  {
    name: 'PostgreSQL',
    skip: unavailable === null ? null : skipNote,
    async open(host) {
      const db = await scratchDatabase();
      return harness(await createPostgresStore({ url: db.url }), host, () => db.drop());
    },
  },
];

let smtp: SmtpListener | null = null;
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
  await smtp?.close();
  smtp = null;
});

for (const kind of stores) {
  describe.skipIf(kind.skip !== null)(`e-mail out on ${kind.name}`, () => {
    beforeAll(() => {
      if (kind.skip !== null) console.warn(kind.skip);
    });

    it('sends the customer the message in their language, placeholders filled, and records it as sent', async () => {
      smtp = await startSmtpListener({ user: 'dossier', pass: 's3cret:/@' });
      h = await kind.open({ mail: { smtpUrl: smtp.url, from: FROM, language: 'en' } });
      await publish(h, mailingType);
      const created = await h.call('POST', '/api/cases', {
        caseType: 'mailing',
        data: { customer: { name: 'Anna de Vries', email: 'anna@customer.example', language: 'nl' }, product: 'de waterkoker' },
      });
      expect(created.status).toBe(201);
      const { id, reference } = created.body as { id: string; reference: string };
      expect(reference).toMatch(/^COM-\d+$/);
      // before delivery the message waits in the outbox
      expect((await h.call('GET', `/api/cases/${id}`)).body.messages.map((m: Json) => m.status)).toEqual(['queued']);

      expect(await h.runtime.dispatcher.runDue()).toBe(1);

      expect(smtp.received).toHaveLength(1);
      const { envelopeTo, mail } = smtp.received[0]!;
      expect(envelopeTo).toEqual(['anna@customer.example']);
      expect(mail.subject).toBe(`[${reference}] We hebben uw klacht over de waterkoker ontvangen`);
      expect(mail.text).toBe(`Beste Anna de Vries,\n\nUw klacht ${reference} is nu Being triaged.\n`);
      expect(mail.from?.text).toBe('"Complaints" <complaints@service.example>');
      expect(mail.messageId).toMatch(new RegExp(`^<${reference}\\.${id.replace(/[^A-Za-z0-9_-]/g, '_')}\\.[A-Za-z0-9_-]+@service\\.example>$`));
      expect(mail.headers.get('x-dossier-case')).toBe(reference);

      const messages = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect(messages).toEqual([
        {
          key: expect.any(String), to: 'customer', template: 'received', status: 'sent', sentAt: START, address: 'anna@customer.example',
          subject: mail.subject, messageId: mail.messageId, language: 'nl', attempts: 1, lastError: null,
        },
      ]);

      // a notice to a queue is recorded on the case, not mailed
      h.clock.advance(60_000);
      expect((await h.call('POST', `/api/cases/${id}/events`, { type: 'CLOSE' })).status).toBe(200);
      expect(await h.runtime.dispatcher.runDue()).toBe(1);
      expect(smtp.received).toHaveLength(1);
      const after = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect(after.map((m: Json) => [m.to, m.status, m.address])).toEqual([['customer', 'sent', 'anna@customer.example'], ['queue:triage', 'recorded', null]]);
    });

    it('retries a message the mail server refuses, then gives it up as dead, recording each outcome', async () => {
      smtp = await startSmtpListener();
      smtp.refuse = { code: 550, text: 'Mailbox unavailable' };
      h = await kind.open({ mail: { smtpUrl: smtp.url, from: FROM }, outbox: { maxAttempts: 2, backoffMs: 1000 } });
      await publish(h, mailingType);
      const { id } = (await h.call('POST', '/api/cases', {
        caseType: 'mailing',
        data: { customer: { name: 'Bob', email: 'bob@customer.example' }, product: 'the kettle' },
      })).body as { id: string };

      expect(await h.runtime.dispatcher.runDue()).toBe(0);
      let [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect([message.status, message.attempts, message.address, message.language]).toEqual(['failed', 1, 'bob@customer.example', 'en']);
      expect(message.lastError).toMatch(/550.*Mailbox unavailable/);
      expect(message.subject).toMatch(/^\[COM-\d+\] We received your complaint about the kettle$/);

      h.clock.advance(1000);
      expect(await h.runtime.dispatcher.runDue()).toBe(0);
      [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect([message.status, message.attempts]).toEqual(['dead', 2]);
      expect(message.lastError).toMatch(/550/);
      const dead = (await h.call('GET', `/api/outbox?status=dead&caseId=${id}`)).body.items;
      expect(dead).toHaveLength(1);
      expect(smtp.received).toEqual([]);
    });

    it('mails a person named in user: at the address their identity provider gave when they signed in, in the host language', async () => {
      smtp = await startSmtpListener();
      h = await kind.open({ mail: { smtpUrl: smtp.url, from: FROM, language: 'nl' } });
      await publish(h, escalating);
      expect(await peopleStore(h).claimPersonName('default', 'https://login.example#ann', 'Ann de Vries', START, 'ann@staff.example')).toBe(true);
      expect(await peopleStore(h).personEmail('default', 'Ann de Vries')).toBe('ann@staff.example');
      const { id, reference } = (await h.call('POST', '/api/cases', { caseType: 'escalating', data: {} })).body as { id: string; reference: string };
      expect(await h.runtime.dispatcher.runDue()).toBe(1);
      expect(smtp.received.map((r) => [r.envelopeTo, r.mail.subject])).toEqual([[["ann@staff.example"], `[${reference}] Geëscaleerd: ${reference}`]]);
      const messages = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect(messages.map((m: Json) => [m.to, m.status, m.address, m.lastError])).toEqual([
        ['user:Ann de Vries', 'sent', 'ann@staff.example', null],
        ['user:Bob', 'dead', null, 'no e-mail address is known for Bob'],
      ]);
    });

    it('gives up at once, saying why, when the case has no customer e-mail address', async () => {
      smtp = await startSmtpListener();
      h = await kind.open({ mail: { smtpUrl: smtp.url, from: FROM } });
      await publish(h, mailingType);
      const { id } = (await h.call('POST', '/api/cases', { caseType: 'mailing', data: { customer: { name: 'Carla' }, product: 'x' } })).body as { id: string };
      expect(await h.runtime.dispatcher.runDue()).toBe(0);
      const [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
      expect([message.status, message.attempts, message.lastError]).toEqual(['dead', 1, 'the case has no customer e-mail address']);
      expect(smtp.received).toEqual([]);
    });
  });
}

describe('without a mail server', () => {
  it('records the message on the case only, as before', async () => {
    h = await stores[0]!.open({});
    await publish(h, mailingType);
    const { id } = (await h.call('POST', '/api/cases', { caseType: 'mailing', data: { customer: { email: 'd@customer.example' } } })).body as { id: string };
    expect(await h.runtime.dispatcher.runDue()).toBe(1);
    const [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
    expect([message.status, message.address, message.sentAt]).toEqual(['recorded', null, START]);
  });
});

describe('a mail server that is down', () => {
  it('keeps the message failed and tries again until it answers, then sends it once', async () => {
    smtp = await startSmtpListener();
    const port = smtp.port;
    await smtp.close();
    h = await stores[0]!.open({ mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }, outbox: { backoffMs: 1000 } });
    await publish(h, mailingType);
    const { id } = (await h.call('POST', '/api/cases', { caseType: 'mailing', data: { customer: { email: 'eve@customer.example' }, product: 'x' } })).body as { id: string };
    expect(await h.runtime.dispatcher.runDue()).toBe(0);
    let [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
    expect([message.status, message.attempts]).toEqual(['failed', 1]);
    expect(message.lastError).toMatch(/ECONNREFUSED/);
    // the server comes back on the same port
    smtp = await startSmtpListener(undefined, port);
    h.clock.advance(1000);
    expect(await h.runtime.dispatcher.runDue()).toBe(1);
    [message] = (await h.call('GET', `/api/cases/${id}`)).body.messages;
    expect([message.status, message.attempts, message.lastError]).toEqual(['sent', 2, null]);
    expect(smtp.received.map((r) => r.envelopeTo)).toEqual([['eve@customer.example']]);
  });
});
