// Browser-facing security: CORS closed by default (no Access-Control-Allow-Origin, preflight
// refused) with an opt-in list of origins; security headers (CSP with frame-ancestors, nosniff,
// Referrer-Policy, X-Frame-Options) on every answer, the root/designer page included; and no case
// data in the log at the default level, through a whole flow with errors, timers and the outbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../runtime/cli/serve.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import * as engine from '../../runtime/engine/index.ts';
import { createManualClock } from '../../runtime/host/clock.ts';
import { createApp } from '../../runtime/http/create-app.ts';
import { parseWebhookAllow } from '../../runtime/scheduler/address-policy.ts';
import { createHarness, TEMPLATES, type Harness } from '../runtime/http/harness.ts';
import { startInProcess, type InProcess } from './in-process.ts';

let h: Harness | null = null;
let p: InProcess | null = null;
afterEach(async () => {
  await h?.close();
  await p?.close();
  h = null;
  p = null;
});

const csp =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

describe('CORS', () => {
  it('is closed by default: no Access-Control-Allow-Origin, and a preflight is refused', async () => {
    h = await createHarness();
    const get = await h.app.request('/api/cases', { headers: { origin: 'https://evil.example', authorization: `Bearer ${h.tokens.agent}` } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await h.app.request('/api/cases', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(401);
    expect([preflight.headers.get('access-control-allow-origin'), preflight.headers.get('access-control-allow-methods')]).toEqual([null, null]);
  });

  it('opens to the configured origins only (DOSSIER_CORS_ORIGINS)', async () => {
    h = await createHarness();
    const app = createApp({ store: h.store, clock: createManualClock('2026-01-05T09:00:00.000Z'), engine, corsOrigins: ['https://ops.example.com'] });
    const preflight = await app.request('/api/cases', {
      method: 'OPTIONS',
      headers: { origin: 'https://ops.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,If-Match,Idempotency-Key');
    const get = await app.request('/api/cases', { headers: { origin: 'https://ops.example.com', authorization: `Bearer ${h.tokens.agent}` } });
    expect([get.status, get.headers.get('access-control-allow-origin')]).toEqual([200, 'https://ops.example.com']);
    const evil = await app.request('/api/cases', { headers: { origin: 'https://evil.example', authorization: `Bearer ${h.tokens.agent}` } });
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('CORS through dossier serve', () => {
  it('passes the configured origins from startServer to the API (DOSSIER_CORS_ORIGINS)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-cors-'));
    const server = await startServer({ db: join(dir, 'd.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: 'cors-admin-secret', logger: silentLogger, corsOrigins: ['https://ops.example.com'] });
    try {
      const preflight = await fetch(`${server.url}/api/cases`, {
        method: 'OPTIONS',
        headers: { origin: 'https://ops.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, 'https://ops.example.com']);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security headers', () => {
  it.each([
    ['/', null, 200],
    ['/api/health', null, 200],
    ['/api/openapi.json', null, 200],
    ['/api/cases', null, 401],
    ['/api/no-such-route', 'admin', 404],
  ] as const)('are on %s', async (path, who, status) => {
    h = await createHarness();
    const res = await h.app.request(path, who === null ? {} : { headers: { authorization: `Bearer ${h.tokens[who]}` } });
    expect(res.status).toBe(status);
    expect({
      csp: res.headers.get('content-security-policy'),
      nosniff: res.headers.get('x-content-type-options'),
      referrer: res.headers.get('referrer-policy'),
      frame: res.headers.get('x-frame-options'),
    }).toEqual({ csp, nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY' });
  });
});

describe('the log at the default level', () => {
  it('holds no case data: not the values of a create, an event, a rejected event, a timer or the outbox', async () => {
    // loopback allowed, so the webhook is attempted and fails (connection refused) rather than being refused
    p = await startInProcess({ logLevel: 'info', host: { webhookAllow: parseWebhookAllow('127.0.0.1') } });
    const secret = { name: 'Zebulon Quartermaine', email: 'zebulon@private.example', note: 'IBAN NL91ABNA0417164300' };
    await p.publish({
      key: 'private',
      title: 'Private',
      data: {
        type: 'object',
        properties: { name: { type: 'string' }, email: { type: 'string' }, note: { type: 'string' }, age: { type: 'integer' } },
      },
      events: { NOTE: { title: 'Note', data: { type: 'object', properties: { note: { type: 'string' }, age: { type: 'integer' } } } } },
      playbook: {
        initial: 'open',
        states: {
          open: {
            entry: [
              { type: 'notify', to: 'customer', template: 'received' },
              { type: 'webhook', url: 'http://127.0.0.1:9/unreachable' },
            ],
            on: { NOTE: {} },
            after: [{ id: 'later', delay: 'PT1M', target: 'later' }],
          },
          later: { on: { NOTE: {} } },
        },
      },
    });
    const created = await p.call('POST', '/api/cases', { caseType: 'private', data: secret });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await p.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: `${secret.note} again` } })).status).toBe(200);
    const rejected = await p.call('POST', `/api/cases/${id}/events`, { type: 'NOTE', data: { note: 'Quartermaine private', age: 'Quartermaine' } });
    expect(rejected.status).toBe(422);
    expect((await p.call('POST', '/api/cases', { caseType: 'nope', data: secret })).status).toBe(422);
    expect((await p.call('POST', '/api/cases', `{"caseType":"private","data":{"name":"${secret.name}"`)).status).toBe(400);
    p.clock.advance(61_000);
    expect(await p.host.scheduler.runDue()).toBe(1);
    await p.host.dispatcher.runDue();

    // the log did record the work (the failed webhook), but none of the data
    expect(p.log.some((line) => line.includes('outbox delivery failed; will retry'))).toBe(true);
    const all = p.log.join('\n');
    for (const value of [secret.name, 'Quartermaine', secret.email, secret.note, 'NL91ABNA']) expect(all.includes(value)).toBe(false);
  });
});
