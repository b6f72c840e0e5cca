// The customer's side of a complaint (issue 20): a customer fills the public form without signing in, with
// a receipt attached, and gets a reference and a code; an agent sees the case with the document in the
// worker console and asks a question, which reaches the customer by e-mail (dossier serve --smtp-url, a
// mail server on loopback); the customer answers that mail over SMTP (the host's own listener), and the
// status page shows the answer in the case's history with the paused resolution clock running again.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpListener, type SmtpListener } from '../runtime/mail/smtp-listener.ts';
import { api, asWritten, freePort, openBrowser, screenshot, startServer, tr, type BrowserSession, type Server } from './harness.ts';

const RECEIPT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the customer: public form, status page, a reply by e-mail', () => {
  let server: Server;
  let session: BrowserSession;
  let mailInPort: number;
  let outbox: SmtpListener;
  beforeAll(async () => {
    mailInPort = await freePort();
    outbox = await startSmtpListener();
    server = await startServer({ args: ['--mail-in-port', String(mailInPort), '--smtp-url', outbox.url, '--mail-from', 'Customer service <service@shop.example>'] });
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
    await outbox?.close();
  });

  it('files a complaint on the form, follows it on the status page and answers the question by mail', async () => {
    const { page, errors } = session;
    await page.goto(`${server.url}/forms/default/complaint`);
    // the case type's own words: as written, in either language
    await asWritten(() => page.getByRole('heading', { name: 'Tell us what went wrong', level: 1 })).waitFor();
    await asWritten(() => page.getByLabel('Name')).fill('Eva Visser');
    await asWritten(() => page.getByLabel('E-mail')).fill('eva.visser');
    await asWritten(() => page.getByLabel('Subject')).fill('Kettle leaks');
    await page.getByRole('button', { name: 'Send' }).click();
    // live checks in business words: the e-mail that is not one, what happened that is missing
    // beside each field what is wrong, and under the form how many (it comes last)
    await page.getByRole('alert').last().waitFor();
    expect(await page.getByRole('alert').last().textContent()).toMatch(/^2 /);
    await asWritten(() => page.getByLabel('E-mail')).fill('eva.visser@example.org');
    await asWritten(() => page.getByLabel('What happened')).fill('The new kettle leaks from the bottom.');
    await page.getByLabel('Documents (optional)').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: RECEIPT });
    await screenshot(page, 'public-form-filled');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you, we received your request', level: 1 }).waitFor();
    await page.getByText('1 document was added to your request.').waitFor();
    const reference = (await page.getByRole('status').textContent())?.match(/[A-Z]+-\d{6}/)?.[0] ?? '';
    expect(reference).toMatch(/^COM-\d{6}$/);
    await screenshot(page, 'public-form-sent');

    // the status page, from the link with the code
    await page.getByRole('link', { name: 'Follow your request' }).click();
    await page.getByRole('term').filter({ hasText: 'Where it stands' }).waitFor();
    const statusUrl = page.url();
    expect(await page.getByRole('definition').nth(1).textContent()).toBe('Triage');
    expect(await page.getByRole('list', { name: 'Progress so far' }).getByRole('listitem').count()).toBe(1);
    // no reply is expected yet: no reply box
    expect(await page.getByLabel('Your reply').count()).toBe(0);

    // an agent triages and asks the customer a question
    const found = (await api(server, 'GET', `/api/cases?q=${reference}`)).body as { items: { id: string; channel: string }[] };
    const kase = found.items[0] as { id: string; channel: string };
    expect(kase.channel).toBe('web');
    // the agent sees the case with the customer's document in the worker console
    await page.goto(`${server.url}/work/cases/${kase.id}?token=${encodeURIComponent(server.token)}`);
    const documents = page.getByRole('list', { name: 'Documents in the case file' });
    await documents.waitFor();
    expect(await documents.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('receipt.pdf')]);
    const history = await page.getByRole('list', { name: 'History' }).getByRole('listitem').allTextContents();
    expect(history.some((entry) => entry.includes(tr('Document added')) && entry.includes('receipt.pdf'))).toBe(true);
    await screenshot(page, 'public-form-document-in-console');
    expect((await api(server, 'POST', `/api/cases/${kase.id}/events`, { type: 'SUBMIT_TRIAGE', data: { reason: 'product-quality', severity: 'medium' } })).status).toBe(200);
    // the agent asks the customer a question in the worker console: it goes out by e-mail
    await page.reload();
    await page.getByRole('button', { name: 'Ask the customer for information' }).click();
    const ask = page.getByRole('form', { name: 'Ask the customer for information: what to send' });
    await asWritten(() => ask.getByLabel('Question for the customer')).fill('Could you send the serial number?');
    await ask.getByRole('button', { name: tr('Send: {{title}}').replace('{{title}}', 'Ask the customer for information') }).click();
    await expect.poll(() => outbox.received.filter((m) => m.envelopeTo.includes('eva.visser@example.org')).length, { timeout: 15_000 }).toBe(2);
    const question = outbox.received.find((m) => m.mail.subject?.includes('A question about your complaint'));
    expect(question?.mail.subject).toBe(`[${reference}] A question about your complaint`);
    expect(question?.mail.text).toContain('Could you send the serial number?');
    expect(question?.mail.text).toContain('Dear Eva Visser');

    // the customer answers that mail, through the complaint's mailbox
    const mailbox = (await api(server, 'PUT', '/api/mailboxes/complaint', { address: 'complaints@shop.example' })).body as { password: string };
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: mailInPort, secure: false, ignoreTLS: true, auth: { user: 'complaints@shop.example', pass: mailbox.password } });
    const sent = (await transport.sendMail({
      from: 'Eva Visser <eva.visser@example.org>',
      to: 'complaints@shop.example',
      subject: `Re: ${question?.mail.subject ?? ''}`,
      inReplyTo: question?.mail.messageId ?? '',
      text: 'The serial number is KT-2231.',
    })) as { response: string };
    expect(sent.response).toBe(`250 Added to case ${reference}`);

    await page.goto(statusUrl);
    await page.getByRole('list', { name: 'Progress so far' }).waitFor();
    const updates = await page.getByRole('list', { name: 'Progress so far' }).getByRole('listitem').allTextContents();
    expect(updates.at(-1)).toContain('Customer replied');
    expect(await page.getByRole('definition').nth(1).textContent()).toBe('Investigation');
    await screenshot(page, 'public-status-after-reply');
    const after = (await api(server, 'GET', `/api/cases/${kase.id}`)).body as { data: { customerReply?: string }; slas: { name: string; status: string }[] };
    expect(after.data.customerReply).toBe('The serial number is KT-2231.');
    expect(after.slas.find((s) => s.name === 'resolution')?.status).toBe('running');
    expect(errors).toEqual([]);
  });
});
