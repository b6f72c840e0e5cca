// Chat on a case (issue 20, item 6): the customer on the status page and an agent in the console exchange
// messages, each in the case's history; a customer's message answers a question as a reply does (the
// complaint's paused resolution clock runs again); the conversation streams as server-sent events, from
// one host to another on a shared PostgreSQL database too.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createHostServices } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { issueToken } from '../../../runtime/host/tokens.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import { createPostgresStore } from '../../../runtime/store/postgres/postgres-store.ts';
import type { CaseStore } from '../../../runtime/store/case-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../../postgres-scratch.ts';
import { createHarness, START, TEMPLATES, type Harness } from './harness.ts';

const complaint = { customer: { name: 'Sam Jansen', email: 'sam@example.org' }, description: 'The blender broke on day two.' };

/** Reads server-sent events from a streaming response until `count` messages came, or `ms` passed. */
async function readEvents(res: Response, count: number, ms = 10_000): Promise<{ id: string; data: Record<string, unknown> }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { id: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (events.length < count && Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (next === null || next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id !== undefined && data !== undefined) events.push({ id, data: JSON.parse(data) as Record<string, unknown> });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

describe('chat on a case', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps the conversation in the history; a customer\'s message answers a question and resumes the paused clock', async () => {
    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    const { reference, secret } = sent.body as { reference: string; secret: string };
    const code = { 'x-case-code': secret };
    const id = (await h.call('GET', `/api/cases?q=${reference}`, h.tokens.admin)).body.items[0].id as string;

    const first = await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: '  Is anyone there?  ' }, code);
    expect(first).toMatchObject({ status: 201, body: { from: 'customer', text: 'Is anyone there?' } });
    expect(first.body.by).toBeUndefined();
    // the playbook has nothing for a message in triage: the state stays
    expect((await h.call('GET', `/api/cases/${id}`, h.tokens.agent)).body.state).toBe('triage');
    const answer = await h.call('POST', `/api/cases/${id}/chat`, h.tokens.intake, { text: 'Yes, we are looking into it.' });
    expect(answer).toMatchObject({ status: 201, body: { from: 'agent', by: 'intake', text: 'Yes, we are looking into it.' } });

    // both sides read the same conversation; the customer without the agent's name
    const agentSide = await h.call('GET', `/api/cases/${id}/chat`, h.tokens.agent);
    expect(agentSide.body.items.map((m: { from: string; by: string | null; text: string }) => [m.from, m.by, m.text])).toEqual([
      ['customer', null, 'Is anyone there?'],
      ['agent', 'intake', 'Yes, we are looking into it.'],
    ]);
    const customerSide = await h.call('GET', `/api/public/default/cases/${reference}/chat`, null, undefined, code);
    expect(customerSide.body.items.map((m: Record<string, unknown>) => [m.from, m.text, 'by' in m])).toEqual([
      ['customer', 'Is anyone there?', false],
      ['agent', 'Yes, we are looking into it.', false],
    ]);
    const history = await h.call('GET', `/api/cases/${id}/history`, h.tokens.admin);
    expect(history.body.items.filter((e: { event: { type: string } }) => e.event.type.startsWith('chat.')).map((e: { event: { type: string }; actor: string }) => [e.event.type, e.actor])).toEqual([
      ['chat.customer', 'customer'],
      ['chat.agent', 'intake'],
    ]);

    // waiting for the customer: their chat message answers, as a reply by mail does
    await h.service.sendEvent('default', id, { type: 'SUBMIT_TRIAGE', data: { reason: 'product-quality', severity: 'low' } }, undefined);
    await h.service.sendEvent('default', id, { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'When did you buy it?' } }, undefined);
    expect((await h.call('GET', `/api/cases/${id}`, h.tokens.agent)).body.slas.find((s: { name: string }) => s.name === 'resolution').status).toBe('paused');
    await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: 'Last Monday.' }, code);
    const after = (await h.call('GET', `/api/cases/${id}`, h.tokens.agent)).body;
    expect(after.state).toEqual({ investigating: 'collect' });
    expect(after.slas.find((s: { name: string }) => s.name === 'resolution').status).toBe('running');
  });

  it('refuses empty, long, malformed and misaddressed messages in words, storing nothing', async () => {
    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    const { reference, secret } = sent.body as { reference: string; secret: string };
    const code = { 'x-case-code': secret };
    expect((await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: '   ' }, code)).body).toMatchObject({ code: 'data.invalid', problems: [{ pointer: '/text' }] });
    expect((await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: 'x'.repeat(4001) }, code)).body.code).toBe('data.invalid');
    expect((await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: 'hi', from: 'agent' }, code)).status).toBe(400);
    expect((await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: 'hi' }, { 'x-case-code': 'nope' })).status).toBe(404);
    const id = (await h.call('GET', `/api/cases?q=${reference}`, h.tokens.admin)).body.items[0].id as string;
    expect((await h.call('POST', `/api/cases/${id}/chat`, null, { text: 'hi' })).status).toBe(401);
    expect((await h.call('POST', `/api/cases/${id}/chat`, h.tokens.acmeAgent, { text: 'hi' })).status).toBe(404);
    expect((await h.call('GET', `/api/cases/${id}/chat`, h.tokens.agent)).body.items).toEqual([]);
  });

  it('streams the conversation as server-sent events: what was said before, then each new message once', async () => {
    const sent = await h.call('POST', '/api/public/default/forms/complaint', null, complaint);
    const { reference, secret } = sent.body as { reference: string; secret: string };
    const id = (await h.call('GET', `/api/cases?q=${reference}`, h.tokens.admin)).body.items[0].id as string;
    await h.call('POST', `/api/public/default/cases/${reference}/chat`, null, { text: 'Hello?' }, { 'x-case-code': secret });
    const stream = await h.app.request(`/api/public/default/cases/${reference}/chat/stream`, { headers: { 'x-case-code': secret } });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    setTimeout(() => void h.call('POST', `/api/cases/${id}/chat`, h.tokens.agent, { text: 'Hello, Sam.' }), 300);
    const events = await readEvents(stream, 2);
    expect(events.map((e) => [e.data.from, e.data.text, 'by' in e.data])).toEqual([
      ['customer', 'Hello?', false],
      ['agent', 'Hello, Sam.', false],
    ]);
    // a reconnecting reader picks up after the last entry it saw
    const again = await h.app.request(`/api/cases/${id}/chat/stream`, { headers: { authorization: `Bearer ${h.tokens.agent}`, 'last-event-id': events[0]!.id } });
    expect((await readEvents(again, 1)).map((e) => [e.data.text, e.data.by])).toEqual([['Hello, Sam.', 'agent']]);
  });
});

describe('dossier serve with a chat stream open', () => {
  it('still stops: the stream ends and the server closes', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startServer } = await import('../../../runtime/cli/serve.ts');
    const dir = mkdtempSync(join(tmpdir(), 'dossier-chat-serve-'));
    const server = await startServer({ db: join(dir, 'dossier.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, logger: silentLogger });
    try {
      const form = await fetch(`${server.url}/api/public/default/forms/complaint`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaint) });
      const { reference, secret } = (await form.json()) as { reference: string; secret: string };
      const stream = await fetch(`${server.url}/api/public/default/cases/${reference}/chat/stream`, { headers: { 'x-case-code': secret } });
      expect(stream.status).toBe(200);
      const ended = stream.text();
      await server.close();
      expect(await ended).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe.skipIf(unavailable !== null)(unavailable === null ? 'chat across hosts on PostgreSQL' : `chat across hosts on PostgreSQL (skipped: ${skipNote})`, () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('brings a message posted on one host to a customer following the conversation on another', async () => {
    const db = await scratchDatabase();
    closers.push(() => db.drop());
    const hosts = [];
    for (let i = 0; i < 2; i++) {
      const store: CaseStore = await createPostgresStore({ url: db.url });
      closers.push(() => store.close());
      const clock = createManualClock(START);
      if (i === 0) await seedTemplates(store, TEMPLATES, START, silentLogger);
      const services = createHostServices({ store, engine, clock, logger: silentLogger });
      hosts.push({ store, app: createApp({ store, clock, services }) });
    }
    const [a, b] = hosts as [(typeof hosts)[0], (typeof hosts)[0]];
    const agent = (await issueToken(a.store, { tenant: 'default', name: 'desk', roles: ['agent'] }, START)).secret;
    const form = await a.app.request('/api/public/default/forms/complaint', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaint) });
    const { reference, secret } = (await form.json()) as { reference: string; secret: string };
    const listed = (await (await a.app.request(`/api/cases?q=${reference}`, { headers: { authorization: `Bearer ${agent}` } })).json()) as { items: { id: string }[] };
    const id = listed.items[0]!.id;
    // the customer follows on host B; the agent answers on host A
    const stream = await b.app.request(`/api/public/default/cases/${reference}/chat/stream`, { headers: { 'x-case-code': secret } });
    setTimeout(() => {
      void a.app.request(`/api/cases/${id}/chat`, { method: 'POST', headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Answered from host A.' }) });
    }, 300);
    expect((await readEvents(stream, 1)).map((e) => [e.data.from, e.data.text])).toEqual([['agent', 'Answered from host A.']]);
  });
});
