// Webhook signatures (Standard Webhooks, docs/email.md): a real receiver on loopback checks every call with
// its own implementation of the check (HMAC-SHA256 of "id.timestamp.body" with the secret's bytes, in
// constant time, the timestamp within five minutes) and refuses a tampered body, id or timestamp.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { createHost } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { parseWebhookAllow } from '../../../runtime/scheduler/address-policy.ts';
import { newWebhookSecret, webhookSecretProblem } from '../../../runtime/scheduler/webhook-signature.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { startInProcess, type InProcess } from '../../reliability/in-process.ts';
import { createManualClock, T0, tempDb, ticketType } from './fixtures.ts';

/** The receiver's side, written from the Standard Webhooks specification, not from the sender's code. */
function verify(secret: string, headers: Record<string, string | undefined>, body: string, nowSeconds: number): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (id === undefined || timestamp === undefined || signatures === undefined) return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Call {
  headers: Record<string, string | undefined>;
  body: string;
  verified: boolean;
}

/** A receiver that answers 204 to a call it verified and 401 to any other; `secret` and `now` are read per call. */
async function receiver(state: { secret: string; nowSeconds: number }): Promise<{ url: string; calls: Call[]; server: Server }> {
  const calls: Call[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, req.headers[h] as string | undefined]));
      const verified = verify(state.secret, headers, body, state.nowSeconds);
      calls.push({ headers, body, verified });
      res.statusCode = verified ? 204 : 401;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls, server };
}

async function post(url: string, headers: Record<string, string | undefined>, body: string): Promise<number> {
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  return (await fetch(url, { method: 'POST', headers: { ...clean, 'content-type': 'application/json' }, body })).status;
}

const admin = { id: 'alice', roles: ['admin'] };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('webhook signatures', () => {
  it('signs each call with the configured secret; the receiver verifies it and refuses a tampered body, id or timestamp', async () => {
    const secret = newWebhookSecret();
    expect(webhookSecretProblem(secret)).toBeNull();
    const clock = createManualClock(T0);
    const state = { secret, nowSeconds: Date.parse(T0) / 1000 };
    const hook = await receiver(state);
    cleanups.push(() => new Promise<void>((done) => hook.server.close(() => done())));
    const db = tempDb();
    const store = createSqliteStore({ file: db.file });
    const host = createHost({ store, engine, clock, logger: silentLogger, webhookAllow: parseWebhookAllow('127.0.0.1'), webhookSecret: secret, outbox: { backoffMs: 1000 } });
    cleanups.push(async () => {
      await host.stop();
      await store.close();
      db.dispose();
    });
    await store.publish('default', 'ticket', ticketType(hook.url), T0);
    expect((await host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin)).ok).toBe(true);
    await host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);

    expect(await host.dispatcher.runDue()).toBe(1);
    const [call] = hook.calls;
    expect(call?.verified).toBe(true);
    expect(call?.headers['webhook-id']).toBe('k1:2:1');
    expect(call?.headers['webhook-timestamp']).toBe(String(Date.parse(T0) / 1000));
    expect(call?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect((JSON.parse(call!.body) as { id: string }).id).toBe('k1');

    // the same call again verifies; changed in any part, it does not
    expect(await post(hook.url, call!.headers, call!.body)).toBe(204);
    expect(await post(hook.url, call!.headers, call!.body.replace('"k1"', '"k2"'))).toBe(401);
    expect(await post(hook.url, { ...call!.headers, 'webhook-id': 'k1:2:2' }, call!.body)).toBe(401);
    expect(await post(hook.url, { ...call!.headers, 'webhook-timestamp': String(Number(call!.headers['webhook-timestamp']) + 1) }, call!.body)).toBe(401);
    expect(await post(hook.url, { ...call!.headers, 'webhook-signature': undefined }, call!.body)).toBe(401);
    // nor with another secret, nor long after its timestamp (a replay)
    state.secret = newWebhookSecret();
    expect(await post(hook.url, call!.headers, call!.body)).toBe(401);
    state.secret = secret;
    state.nowSeconds += 3600;
    expect(await post(hook.url, call!.headers, call!.body)).toBe(401);
  });

  it('keeps the webhook-id across retries and signs each attempt with its own timestamp', async () => {
    const secret = newWebhookSecret();
    const clock = createManualClock(T0);
    // the receiver's clock is an hour ahead: the first attempt is refused as too old
    const state = { secret, nowSeconds: Date.parse(T0) / 1000 + 3600 };
    const hook = await receiver(state);
    cleanups.push(() => new Promise<void>((done) => hook.server.close(() => done())));
    const db = tempDb();
    const store = createSqliteStore({ file: db.file });
    const host = createHost({ store, engine, clock, logger: silentLogger, webhookAllow: parseWebhookAllow('127.0.0.1'), webhookSecret: secret, outbox: { backoffMs: 1000 } });
    cleanups.push(async () => {
      await host.stop();
      await store.close();
      db.dispose();
    });
    await store.publish('default', 'ticket', ticketType(hook.url), T0);
    await host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin);
    await host.service.sendEvent('default', 'k1', { type: 'HOOK' }, admin);
    expect(await host.dispatcher.runDue()).toBe(0);
    clock.advance(3600_000);
    expect(await host.dispatcher.runDue()).toBe(1);
    expect(hook.calls.map((c) => [c.headers['webhook-id'], c.verified])).toEqual([['k1:2:1', false], ['k1:2:1', true]]);
    expect(hook.calls.map((c) => Number(c.headers['webhook-timestamp']) - Date.parse(T0) / 1000)).toEqual([0, 3600]);
  });

  describe("a tenant's own secret", () => {
    let p: InProcess | null = null;
    afterEach(async () => {
      await p?.close();
      p = null;
    });

    it('is made when first needed, shown to its admins, and signs its webhooks', async () => {
      const state = { secret: '', nowSeconds: 0 };
      const hook = await receiver(state);
      cleanups.push(() => new Promise<void>((done) => hook.server.close(() => done())));
      p = await startInProcess({ host: { webhookAllow: parseWebhookAllow('127.0.0.1') } });
      state.nowSeconds = Date.parse(p.clock.now()) / 1000;
      const shown = await p.call('GET', '/api/webhook-secret');
      expect(shown.status).toBe(200);
      expect(webhookSecretProblem(shown.body.secret as string)).toBeNull();
      expect((await p.call('GET', '/api/webhook-secret')).body.secret).toBe(shown.body.secret);
      state.secret = shown.body.secret as string;
      await p.publish(ticketType(hook.url) as unknown as { key: string });
      const id = (await p.call('POST', '/api/cases', { caseType: 'ticket', data: {} })).body.id as string;
      expect((await p.call('POST', `/api/cases/${id}/events`, { type: 'HOOK' })).status).toBe(200);
      expect(await p.host.dispatcher.runDue()).toBe(1);
      expect(hook.calls.map((c) => c.verified)).toEqual([true]);
    });

    it('is not shown where the host signs with its own (409 webhook.secret_from_host)', async () => {
      p = await startInProcess({ host: { webhookSecret: newWebhookSecret() } });
      const answer = await p.call('GET', '/api/webhook-secret');
      expect([answer.status, answer.body.code]).toEqual([409, 'webhook.secret_from_host']);
    });
  });
});
