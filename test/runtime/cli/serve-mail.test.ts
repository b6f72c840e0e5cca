// `dossier serve --smtp-url … --mail-from …` (docs/email.md): the options and their one-line refusals, and a
// server started with them that e-mails a case's customer through a real SMTP server on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs, startServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { newWebhookSecret } from '../../../runtime/scheduler/webhook-signature.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { feedbackType } from '../../feedback-case-type.ts';
import { mailingType } from '../mail/mail-case-type.ts';
import { startSmtpListener } from '../mail/smtp-listener.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('dossier serve e-mail options', () => {
  it('reads the mail server, the sender and the language from options or the environment', () => {
    const parsed = parseServeArgs(['--smtp-url', 'smtp://u:p@mail.example:587', '--mail-from', 'Service <service@example.com>', '--mail-language', 'nl'], '/srv');
    expect(parsed.ok && parsed.options.mail).toEqual({ smtpUrl: 'smtp://u:p@mail.example:587', from: 'Service <service@example.com>', language: 'nl' });
    const fromEnv = parseServeArgs([], '/srv', { DOSSIER_SMTP_URL: 'smtps://mail.example', DOSSIER_MAIL_FROM: 'service@example.com' });
    expect(fromEnv.ok && fromEnv.options.mail).toEqual({ smtpUrl: 'smtps://mail.example', from: 'service@example.com' });
    expect(parseServeArgs([], '/srv')).toEqual({ ok: true, options: { db: '/srv/dossier.db', port: 3000, host: '127.0.0.1' } });
  });

  it('refuses what cannot work, in one sentence that says what to write', () => {
    expect(parseServeArgs(['--mail-from', 'a@example.com'], '/srv')).toEqual({ ok: false, message: '--mail-from needs --smtp-url (the mail server) as well.' });
    expect(parseServeArgs(['--smtp-url', 'smtp://mail.example'], '/srv')).toEqual({
      ok: false,
      message: '--smtp-url needs --mail-from, the sender, such as --mail-from "Service <service@example.com>".',
    });
    expect(parseServeArgs(['--smtp-url', 'http://u:secret@mail.example', '--mail-from', 'a@example.com'], '/srv')).toEqual({
      ok: false,
      message: "--smtp-url must be smtp://user:password@host:587 or smtps://user:password@host:465; got 'http://u:***@mail.example/'.",
    });
    expect(parseServeArgs(['--smtp-url', 'smtp://mail.example', '--mail-from', 'Service'], '/srv')).toEqual({
      ok: false,
      message: "--mail-from must be an address, such as \"Service <service@example.com>\"; got 'Service'.",
    });
    expect(parseServeArgs(['--smtp-url', 'smtp://mail.example', '--mail-from', 'a@example.com', '--mail-language', 'Dutch'], '/srv')).toEqual({
      ok: false,
      message: "--mail-language must be a language tag such as nl or en-GB; got 'Dutch'.",
    });
    expect(parseServeArgs(['--smtp-url'], '/srv')).toEqual({ ok: false, message: '--smtp-url needs a value (dossier serve --help says which).' });
    const secret = newWebhookSecret();
    const withSecret = parseServeArgs([], '/srv', { DOSSIER_WEBHOOK_SECRET: secret });
    expect(withSecret.ok && withSecret.options.webhookSecret).toBe(secret);
    expect(parseServeArgs([], '/srv', { DOSSIER_WEBHOOK_SECRET: 'hunter2' })).toEqual({
      ok: false,
      message: 'DOSSIER_WEBHOOK_SECRET: a webhook secret is whsec_ followed by at least 24 bytes in base64 (leave it out to have one generated per tenant).',
    });
  });

  it('takes --public-url without --oidc-issuer (where customers reach Dossier), and gives it to sign-in as well', () => {
    const alone = parseServeArgs(['--public-url', 'https://dossier.example.com/', '--smtp-url', 'smtp://mail.example', '--mail-from', 'a@example.com'], '/srv');
    expect(alone.ok && [alone.options.publicUrl, alone.options.oidc]).toEqual(['https://dossier.example.com', undefined]);
    const withSso = parseServeArgs(['--public-url', 'https://dossier.example.com', '--oidc-issuer', 'https://login.example.com', '--oidc-client-id', 'd', '--oidc-role', 'admin=a'], '/srv');
    expect(withSso.ok && withSso.options.oidc?.publicUrl).toBe('https://dossier.example.com');
    expect(parseServeArgs(['--public-url', 'https://x.example.com/dossier'], '/srv')).toEqual({
      ok: false,
      message: "--public-url must be the address people open, such as https://dossier.example.com (no path); got 'https://x.example.com/dossier'.",
    });
    expect(parseServeArgs(['--public-url'], '/srv').ok).toBe(false);
  });

  it('says at start that survey links would point at its own address when mail is on without --public-url', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-serve-survey-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'd.db');
    const store = createSqliteStore({ file });
    await store.publish('default', feedbackType.key, feedbackType as unknown as CaseType, '2026-01-05T09:00:00.000Z');
    await store.close();
    const start = async (extra: string[]) => {
      const parsed = parseServeArgs(['--db', file, '--port', '0', '--smtp-url', 'smtp://127.0.0.1:1', '--mail-from', 'a@example.com', ...extra], dir);
      if (!parsed.ok) throw new Error(parsed.message);
      const server = await startServer({ ...parsed.options, templatesDir: join(dir, 'none'), logger: silentLogger, designerDir: dir });
      await server.close();
      return server.surveysWithoutPublicUrl;
    };
    expect(await start([])).toEqual([`default/${feedbackType.key}`]);
    expect(await start(['--public-url', 'https://dossier.example.com'])).toEqual([]);
  });

  it('e-mails the customer from a server started with --smtp-url', async () => {
    const smtp = await startSmtpListener({ user: 'dossier', pass: 'pw' });
    cleanups.push(() => smtp.close());
    const dir = mkdtempSync(join(tmpdir(), 'dossier-serve-mail-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const parsed = parseServeArgs(['--db', join(dir, 'd.db'), '--port', '0', '--smtp-url', smtp.url, '--mail-from', 'Service <service@example.com>'], dir);
    if (!parsed.ok) throw new Error(parsed.message);
    const server = await startServer({ ...parsed.options, templatesDir: join(dir, 'none'), adminToken: 'mail-admin-secret', logger: silentLogger, designerDir: dir });
    cleanups.push(() => server.close());
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: 'Bearer mail-admin-secret', 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as { id?: string; reference?: string; messages?: { status: string; messageId: string }[] } };
    };
    expect((await call('PUT', '/api/case-types/mailing/draft', mailingType)).status).toBe(200);
    expect((await call('POST', '/api/case-types/mailing/publish')).status).toBe(201);
    const created = await call('POST', '/api/cases', { caseType: 'mailing', data: { customer: { name: 'Dirk', email: 'dirk@customer.example' }, product: 'a lamp' } });
    // the server's own dispatcher delivers it: wait for the listener (bounded)
    for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(smtp.received.map((r) => [r.envelopeTo, r.mail.subject, r.mail.text])).toEqual([
      [['dirk@customer.example'], `[${created.body.reference}] We received your complaint about a lamp`, `Dear Dirk,\n\nYour complaint ${created.body.reference} is now Being triaged.\n`],
    ]);
    let messages: { status: string; messageId: string }[] = [];
    for (let i = 0; i < 100 && messages[0]?.status !== 'sent'; i++) {
      messages = (await call('GET', `/api/cases/${created.body.id}`)).body.messages ?? [];
      if (messages[0]?.status !== 'sent') await new Promise((r) => setTimeout(r, 50));
    }
    expect(messages.map((m) => [m.status, m.messageId])).toEqual([['sent', smtp.received[0]?.mail.messageId]]);
  });
});
