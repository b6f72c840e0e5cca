// The webhook client: only http(s), every resolved address checked before connecting, and the socket
// opened to the address that was checked (the host is resolved once; the system DNS is never asked again).
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { noWebhookAllow, parseWebhookAllow } from '../../../runtime/scheduler/address-policy.ts';
import { createWebhookClient, type ResolveHost, type WebhookRequest } from '../../../runtime/scheduler/webhook-client.ts';

const post = (url: string): WebhookRequest => ({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"k1"}' });

/** A resolver that answers from a table and counts how often it was asked. */
function fakeDns(table: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string): Promise<LookupAddress[]> => {
    asked.push(host);
    return (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

describe('webhook client', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((done) => (server === null ? done() : server.close(() => done())));
    server = null;
  });

  async function receiver(): Promise<{ port: number; seen: { host: string | undefined; body: string }[] }> {
    const seen: { host: string | undefined; body: string }[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ host: req.headers.host, body });
        res.writeHead(202).end('accepted');
      });
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    return { port: (server.address() as AddressInfo).port, seen };
  }

  it.each([
    ['http://127.0.0.1:9/hook', 'webhook to 127.0.0.1 refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', 'webhook to 169.254.169.254 refused: link-local address; allow it with DOSSIER_WEBHOOK_ALLOW=169.254.169.254'],
    ['http://[::1]:9/', 'webhook to ::1 refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=::1'],
    ['http://[::ffff:10.0.0.5]/', 'webhook to ::ffff:a00:5 refused: private address; allow it with DOSSIER_WEBHOOK_ALLOW=::ffff:a00:5'],
    ['http://0.0.0.0:9/', 'webhook to 0.0.0.0 refused: unspecified address; allow it with DOSSIER_WEBHOOK_ALLOW=0.0.0.0'],
    ['http://2130706433:9/', 'webhook to 127.0.0.1 refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=127.0.0.1'],
  ])('refuses %s without connecting', async (url, refused) => {
    const send = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 5000 });
    expect(await send(post(url))).toEqual({ refused });
  });

  it.each(['ftp://example.com/x', 'file:///etc/passwd', 'gopher://127.0.0.1:70/', 'not a url'])('refuses %s: not http or https', async (url) => {
    const dns = fakeDns({});
    const send = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 5000, resolveHost: dns });
    expect(await send(post(url))).toEqual({ refused: `webhook to ${url} refused: only http: and https: URLs are delivered` });
    expect(dns.asked).toEqual([]);
  });

  it('refuses a host name when any address it resolves to is not public', async () => {
    const dns = fakeDns({ 'rebind.example': ['93.184.216.34', '10.0.0.5'] });
    const send = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 5000, resolveHost: dns });
    expect(await send(post('https://rebind.example/hook'))).toEqual({
      refused: 'webhook to rebind.example (10.0.0.5) refused: private address; allow it with DOSSIER_WEBHOOK_ALLOW=rebind.example',
    });
  });

  it('connects to the address it checked: a host only the test resolver knows, resolved once', async () => {
    // given a receiver on loopback and a name that only the injected resolver maps to it
    const hook = await receiver();
    const dns = fakeDns({ 'hooks.test': ['127.0.0.1'] });
    const send = createWebhookClient({ allow: parseWebhookAllow('hooks.test'), timeoutMs: 5000, resolveHost: dns });
    // when the webhook is sent twice
    expect(await send(post(`http://hooks.test:${hook.port}/hook`))).toEqual({ status: 202 });
    expect(await send(post(`http://hooks.test:${hook.port}/hook`))).toEqual({ status: 202 });
    // then it arrived with its own Host header, and each call asked the resolver exactly once
    expect(hook.seen).toEqual([
      { host: `hooks.test:${hook.port}`, body: '{"id":"k1"}' },
      { host: `hooks.test:${hook.port}`, body: '{"id":"k1"}' },
    ]);
    expect(dns.asked).toEqual(['hooks.test', 'hooks.test']);
  });

  it('fails (to be retried) when the host resolves to nothing or the resolver outlives the timeout', async () => {
    const none = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 5000, resolveHost: fakeDns({}) });
    await expect(none(post('http://nowhere.example/'))).rejects.toThrow('nowhere.example resolved to no address');
    const hanging = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 10, resolveHost: () => new Promise(() => {}) });
    await expect(hanging(post('http://slow.example/'))).rejects.toThrow(/timeout/);
  });

  it('ends a call by the time the request gives (the rest of a claim\'s lease) when that is shorter than its own timeout', async () => {
    const hanging = createWebhookClient({ allow: noWebhookAllow, timeoutMs: 60_000, resolveHost: () => new Promise(() => {}) });
    // without the request's own time it would wait the client's minute, past the test's timeout
    await expect(hanging({ ...post('http://slow.example/'), timeoutMs: 20 })).rejects.toThrow(/timeout/);
  });
});
