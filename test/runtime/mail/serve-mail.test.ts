// `dossier serve --mail-in-port`: the host takes mail beside HTTP. An admin gives the complaint a mailbox
// over the API; a real SMTP client logs in with it and opens a case that the API then lists; the options
// are checked with a sentence that says what to write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs, startServer, type RunningServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { TEMPLATES } from '../http/harness.ts';

const ADMIN = 'dsr_mail-admin-secret-for-tests-0123456789';

describe('dossier serve --mail-in-port', () => {
  let dir: string;
  let server: RunningServer;
  const api = async (method: string, path: string, body?: unknown, token = ADMIN): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-serve-mail-'));
    server = await startServer({ db: join(dir, 'dossier.db'), port: 0, host: '127.0.0.1', templatesDir: TEMPLATES, adminToken: ADMIN, logger: silentLogger, mailIn: { port: 0, perMinute: 100 } });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes mail for a mailbox an admin made over the API and opens a case the API lists', async () => {
    expect(server.mailInPort).toBeGreaterThan(0);
    const made = await api('PUT', '/api/mailboxes/complaint', { address: 'complaints@shop.example' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ address: 'complaints@shop.example', caseType: 'complaint', createdBy: 'admin' });
    const password = made.body.password as string;
    expect(await api('GET', '/api/mailboxes')).toEqual({ status: 200, body: { items: [{ address: 'complaints@shop.example', caseType: 'complaint', createdAt: made.body.createdAt, createdBy: 'admin' }] } });

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.mailInPort!, secure: false, ignoreTLS: true, auth: { user: 'complaints@shop.example', pass: password } });
    const sent = (await transport.sendMail({ from: 'Piet de Vries <piet@example.org>', to: 'complaints@shop.example', subject: 'Invoice twice', text: 'I was charged twice for order ORD-000123.' })) as { response: string };
    const reference = /^250 Opened case (COM-\d{6})$/.exec(sent.response)?.[1];
    expect(reference).toBeDefined();
    const listed = await api('GET', `/api/cases?caseType=complaint&q=${reference!}`);
    const items = listed.body.items as { reference: string; channel: string; data: Record<string, unknown> }[];
    expect(items.map((c) => [c.reference, c.channel, c.data.subject])).toEqual([[reference, 'email', 'Invoice twice']]);

    // removed: the same login is refused from then on
    expect((await api('DELETE', '/api/mailboxes/complaint')).status).toBe(200);
    await expect(transport.sendMail({ from: 'piet@example.org', to: 'complaints@shop.example', subject: 'again', text: 'again' })).rejects.toMatchObject({ responseCode: 535 });
  });

  it('takes a mail bomb of 1,000 messages without falling over: a mailbox\'s share, the rest told to try later, the API answering throughout', async () => {
    const made = await api('PUT', '/api/mailboxes/complaint', { address: 'bomb@shop.example' });
    const transport = nodemailer.createTransport({
      host: '127.0.0.1', port: server.mailInPort!, secure: false, ignoreTLS: true, pool: true, maxConnections: 5, maxMessages: Infinity,
      auth: { user: 'bomb@shop.example', pass: made.body.password as string },
    });
    const before = ((await api('GET', '/api/cases?caseType=complaint&limit=200')).body.items as unknown[]).length;
    let sending = true;
    const health: number[] = [];
    const poll = (async () => {
      while (sending) {
        health.push((await fetch(`${server.url}/api/health`)).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) => transport.sendMail({ from: `bomb${String(i)}@example.org`, to: 'bomb@shop.example', subject: `Complaint ${String(i)}`, text: 'It broke.' })),
    );
    const elapsed = Date.now() - started;
    sending = false;
    await poll;
    transport.close();
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // the bucket holds 100 and refills one every 0.6 s: that many pass, every other one is a 451 to try later
    expect(accepted).toBeGreaterThanOrEqual(100);
    expect(accepted).toBeLessThanOrEqual(100 + Math.ceil(elapsed / 600));
    expect(new Set(refused.map((r) => (r.reason as { responseCode: number }).responseCode))).toEqual(new Set([451]));
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);
    // every message answered 250 is a case, none of the others left anything
    const after = await api('GET', '/api/cases?caseType=complaint&limit=200');
    expect((after.body.items as unknown[]).length - before).toBe(accepted);
  });

  it('refuses bad mailbox requests with a problem that names the field, and anyone but an admin', async () => {
    const agent = await api('POST', '/api/tokens', { name: 'desk', roles: ['agent'] });
    expect((await api('GET', '/api/mailboxes', undefined, agent.body.token as string)).status).toBe(403);
    const bad = await api('PUT', '/api/mailboxes/complaint', { address: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'request.invalid', problems: [{ pointer: '/address' }] });
    expect((await api('PUT', '/api/mailboxes/no-such-type', { address: 'x@shop.example' })).body).toMatchObject({ code: 'case_type.not_found' });
    await api('PUT', '/api/mailboxes/complaint', { address: 'shared@shop.example' });
    const taken = await api('PUT', '/api/mailboxes/order-inquiry', { address: 'Shared@Shop.example' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'mailbox.address_taken' } });
    expect((await api('DELETE', '/api/mailboxes/order-inquiry')).status).toBe(404);
  });

  it('reads the --mail-in-* options, and says what is wrong with them', () => {
    const base = { db: '/srv/dossier.db', port: 3000, host: '127.0.0.1' };
    expect(parseServeArgs(['--mail-in-port', '2525', '--mail-in-max-size', '10', '--mail-in-rate', '600', '--mail-in-host', '0.0.0.0'], '/srv')).toEqual({
      ok: true,
      options: { ...base, mailIn: { port: 2525, host: '0.0.0.0', maxMessageBytes: 10 * 1024 * 1024, perMinute: 600 } },
    });
    expect(parseServeArgs(['--mail-in-port', '25', '--mail-in-tls-key', 'k.pem', '--mail-in-tls-cert', 'c.pem'], '/srv')).toEqual({ ok: true, options: { ...base, mailIn: { port: 25, tls: { keyFile: '/srv/k.pem', certFile: '/srv/c.pem' } } } });
    expect(parseServeArgs(['--mail-in-rate', '10'], '/srv')).toEqual({ ok: false, message: '--mail-in-rate needs --mail-in-port N as well (the port mail is taken on).' });
    expect(parseServeArgs(['--mail-in-port', 'x'], '/srv')).toEqual({ ok: false, message: "--mail-in-port must be a number from 0 to 65535; got 'x'." });
    expect(parseServeArgs(['--mail-in-port', '25', '--mail-in-tls-key', 'k.pem'], '/srv')).toEqual({ ok: false, message: '--mail-in-tls-key and --mail-in-tls-cert go together: give both PEM files.' });
    expect(parseServeArgs(['--mail-in-port', '25', '--mail-in-max-size', '0'], '/srv')).toEqual({ ok: false, message: "--mail-in-max-size must be megabytes from 0 to 1024, such as 25; got '0'." });
  });
});
