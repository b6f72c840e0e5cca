// The worker console shows a case's messages (docs/email.md) in plain words, in Chromium against
// `dossier serve --smtp-url` and a real SMTP server on loopback: a mail sent (when, to which address, with
// which subject) and one that could not be sent (why), by the message's title and its recipient in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailingType } from '../runtime/mail/mail-case-type.ts';
import { startSmtpListener, type SmtpListener } from '../runtime/mail/smtp-listener.ts';
import { api, openBrowser, screenshot, startServer, tr, type BrowserSession, type Server } from './harness.ts';

let smtp: SmtpListener;
let server: Server;
let session: BrowserSession;

beforeAll(async () => {
  smtp = await startSmtpListener();
  server = await startServer({ args: ['--smtp-url', smtp.url, '--mail-from', 'Complaints <complaints@service.example>'] });
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
  await server?.stop();
  await smtp?.close();
});

async function createCase(data: unknown): Promise<{ id: string; reference: string }> {
  const created = await api(server, 'POST', '/api/cases', { caseType: 'mailing', data });
  expect(created.status).toBe(201);
  return created.body as { id: string; reference: string };
}

describe('messages in the case view', () => {
  it('says which messages went out, to whom, and which could not be sent, and why', async () => {
    expect((await api(server, 'PUT', '/api/case-types/mailing/draft', mailingType)).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/mailing/publish')).status).toBe(201);
    const sent = await createCase({ customer: { name: 'Anna', email: 'anna@customer.example' }, product: 'the kettle' });
    const unsent = await createCase({ customer: { name: 'Bob' }, product: 'the lamp' });
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);

    const { page } = session;
    await page.goto(`${server.url}/work/cases/${sent.id}?token=${server.token}`);
    const messages = page.getByRole('region', { name: tr('Messages') }).getByRole('list', { name: tr('Messages of this case') });
    const item = messages.getByRole('listitem');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('sent');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Complaint received');
    expect(text).toContain(tr('to the customer'));
    expect(text).toContain('anna@customer.example');
    expect(text).toContain(`[${sent.reference}] We received your complaint about the kettle`);
    expect(text).not.toMatch(/\/customer|customer:|queue:|role:/);
    await screenshot(page, 'case-messages-sent');

    await page.goto(`${server.url}/work/cases/${unsent.id}?token=${server.token}`);
    const failed = page.getByRole('region', { name: tr('Messages') }).getByRole('listitem');
    await expect.poll(() => failed.getAttribute('data-status'), { timeout: 10_000 }).toBe('dead');
    expect(await failed.textContent()).toContain('the case has no customer e-mail address');
    await screenshot(page, 'case-messages-dead');
  });
});
