// E-mail in (issue 20, item 2) end to end on loopback: a real SMTP client (nodemailer) logs in to the
// host's SMTP listener as a mailbox and sends; the messages open and answer cases in a real SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { seedTemplates } from '../../../runtime/host/bootstrap.ts';
import { createManualClock } from '../../../runtime/host/clock.ts';
import { createHostServices, type HostServices } from '../../../runtime/host/create-host.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { startSmtpIntake, type SmtpIntake } from '../../../runtime/mail/smtp-intake.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

const START = '2026-01-05T09:00:00.000Z';
const TEMPLATES = join(import.meta.dirname, '../../../templates');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Sent {
  response: string;
}

describe('e-mail in over SMTP', () => {
  let dir: string;
  let store: SqliteCaseStore;
  let services: HostServices;
  let intake: SmtpIntake;
  let password: string;

  const transport = (user: string, pass: string, port = intake.port) =>
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: { user, pass } });
  const send = (message: SendMailOptions, pass = password, port?: number): Promise<Sent> =>
    transport('complaints@example.com', pass, port).sendMail({ from: '"Maria Jansen" <maria@example.net>', to: 'complaints@example.com', ...message }) as Promise<Sent>;
  const caseCount = async (): Promise<number> => (await store.listCases('default', { caseType: 'complaint' }, 100, null)).items.length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-mail-'));
    store = createSqliteStore({ file: join(dir, 'dossier.db') });
    const clock = createManualClock(START);
    await seedTemplates(store, TEMPLATES, START, silentLogger);
    services = createHostServices({ store, engine, clock, logger: silentLogger });
    // the shipped complaint takes mail: subject and text into its fields, replies as CUSTOMER_REPLIED
    const mailbox = await services.mailboxes.save('default', 'complaint', 'Complaints@Example.com', 'admin');
    if (!mailbox.ok) throw new Error(mailbox.message);
    password = mailbox.value.password;
    intake = await startSmtpIntake({ mailboxes: services.mailboxes, logger: silentLogger, host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await intake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a case from a new message: sender, subject, text and the attachment', async () => {
    const sent = await send({
      subject: 'Broken kettle',
      text: 'The kettle I bought leaks. Receipt attached.',
      messageId: '<first@mail.example.net>',
      attachments: [{ filename: 'receipt.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    expect(sent.response).toMatch(/^250 Opened case COM-\d{6}$/);
    const reference = sent.response.slice('250 Opened case '.length);
    const { items } = await store.listCases('default', { caseType: 'complaint', q: reference }, 5, null);
    const kase = items.find((c) => c.reference === reference)!;
    expect(kase.channel).toBe('email');
    const { customerDocuments: _documents, ...data } = kase.data as Record<string, unknown>;
    expect(data).toEqual({
      customer: { email: 'maria@example.net', name: 'Maria Jansen' },
      channel: 'email',
      subject: 'Broken kettle',
      description: 'The kettle I bought leaks. Receipt attached.',
    });

    // the attachment is a document of the case, in the case type's documents field, byte for byte
    const documents = await services.documents.list('default', kase.id);
    if (!documents.ok) throw new Error(documents.message);
    expect(documents.value.map((d) => [d.name, d.contentType, d.size, d.field, d.addedBy])).toEqual([['receipt.pdf', 'application/pdf', PDF.length, '/customerDocuments', 'maria@example.net']]);
    const opened = await services.documents.open('default', kase.id, documents.value[0]!.id);
    if (!opened.ok) throw new Error(opened.message);
    const chunks: Uint8Array[] = [];
    for await (const chunk of opened.value.content) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    expect((await store.getCase('default', kase.id))?.data.customerDocuments).toEqual([expect.objectContaining({ name: 'receipt.pdf' })]);
  });

  it('changes nothing for the same message delivered again (same Message-ID), its attachment not added twice', async () => {
    const before = await caseCount();
    const sent = await send({
      subject: 'Broken kettle',
      text: 'The kettle I bought leaks. Receipt attached.',
      messageId: '<first@mail.example.net>',
      attachments: [{ filename: 'receipt.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    expect(sent.response).toMatch(/^250 Already received case COM-\d{6}$/);
    expect(await caseCount()).toBe(before);
    const reference = sent.response.slice('250 Already received case '.length);
    const kase = (await store.listCases('default', { caseType: 'complaint', q: reference }, 5, null)).items.find((c) => c.reference === reference)!;
    const documents = await services.documents.list('default', kase.id);
    expect(documents.ok && documents.value.length).toBe(1);
  });

  it('refuses a message whose attachment a case file does not take, storing nothing', async () => {
    const before = await caseCount();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);
    const refused = await send({ subject: 'See file', text: 'Run this.', messageId: '<exe@mail.example.net>', attachments: [{ filename: 'invoice.pdf', content: exe, contentType: 'application/pdf' }] }).catch(
      (e: { responseCode: number; response: string }) => e,
    );
    expect(refused).toMatchObject({ responseCode: 550 });
    expect((refused as { response: string }).response).toContain('invoice.pdf is');
    expect(await caseCount()).toBe(before);
  });

  it('makes a reply (its reference in the subject) the reply event on that case, which resumes the paused SLA', async () => {
    const opened = await send({ subject: 'Late parcel', text: 'Where is my parcel?', messageId: '<parcel@mail.example.net>' });
    const reference = opened.response.slice('250 Opened case '.length);
    const kase = (await store.listCases('default', { caseType: 'complaint', q: reference }, 5, null)).items.find((c) => c.reference === reference)!;
    expect((await services.cases.sendEvent('default', kase.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'low' } }, undefined)).ok).toBe(true);
    const asked = await services.cases.sendEvent('default', kase.id, { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which house number?' } }, undefined);
    if (!asked.ok || asked.replay === true) throw new Error('ASK_CUSTOMER was not accepted');
    expect(asked.case.state).toBe('waitingForCustomer');
    expect(asked.case.slas.find((s) => s.name === 'resolution')?.status).toBe('paused');

    const before = await caseCount();
    const reply = await send({ subject: `Re: [${reference}] Late parcel`, text: 'Number 12.\n\n> Which house number?', messageId: '<reply@mail.example.net>' });
    expect(reply.response).toBe(`250 Added to case ${reference}`);
    expect(await caseCount()).toBe(before);
    const after = (await store.getCase('default', kase.id))!;
    expect(after.state).toEqual({ investigating: 'collect' });
    expect(after.data.customerReply).toBe('Number 12.\n\n> Which house number?');
    expect(after.slas.find((s) => s.name === 'resolution')?.status).toBe('running');
    const history = await store.history('default', kase.id, 50, null);
    expect(history.items.map((h) => h.event.type).filter((t) => !t.startsWith('sla.'))).toEqual(['case.created', 'SUBMIT_TRIAGE', 'ASK_CUSTOMER', 'CUSTOMER_REPLIED']);
    expect(history.items.find((h) => h.event.type === 'CUSTOMER_REPLIED')?.event.data).toEqual({ customerReply: 'Number 12.\n\n> Which house number?' });
  });

  it('finds the case of a reply by the message it answers (In-Reply-To) when the subject lost the reference', async () => {
    const opened = await send({ subject: 'Wrong invoice', text: 'I was billed twice.', messageId: '<invoice@mail.example.net>' });
    const reference = opened.response.slice('250 Opened case '.length);
    const kase = (await store.listCases('default', { caseType: 'complaint', q: reference }, 5, null)).items.find((c) => c.reference === reference)!;
    await services.cases.sendEvent('default', kase.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } }, undefined);
    await services.cases.sendEvent('default', kase.id, { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which invoice?' } }, undefined);
    const reply = await send({ subject: 'Re: your question', text: 'Invoice 42.', messageId: '<invoice-reply@mail.example.net>', inReplyTo: `<${reference}.question@dossier.example.com>` });
    expect(reply.response).toBe(`250 Added to case ${reference}`);
    expect((await store.getCase('default', kase.id))?.data.customerReply).toBe('Invoice 42.');
  });

  it('takes a reply only from the case\'s own customer: anyone else\'s message with the reference opens a new case', async () => {
    const opened = await send({ subject: 'Dented fridge', text: 'The door is dented.', messageId: '<fridge@mail.example.net>' });
    const reference = opened.response.slice('250 Opened case '.length);
    const kase = (await store.caseByReference('default', reference))!;
    await services.cases.sendEvent('default', kase.id, { type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'low' } }, undefined);
    await services.cases.sendEvent('default', kase.id, { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'A photo, please?' } }, undefined);
    const other = await transport('complaints@example.com', password).sendMail({
      from: 'Mallory <mallory@example.com>', to: 'complaints@example.com', subject: `Re: [${reference}] Dented fridge`, text: 'Close it.', messageId: '<mallory@x>',
    }) as { response: string };
    expect(other.response).toMatch(/^250 Opened case COM-\d{6}$/);
    expect((await store.getCase('default', kase.id))?.state).toBe('waitingForCustomer');
  });

  it('takes the same message sent to two mailboxes of a tenant in each', async () => {
    const second = await services.mailboxes.save('default', 'order-inquiry', 'orders@example.com', 'admin');
    if (!second.ok) throw new Error(second.message);
    const message = { from: 'Maria Jansen <maria@example.net>', subject: 'Both of you', text: 'Copy to both.', messageId: '<cc@mail.example.net>' };
    const first = (await transport('complaints@example.com', password).sendMail({ ...message, to: 'complaints@example.com' })) as { response: string };
    expect(first.response).toMatch(/^250 Opened case COM-/);
    // order-inquiry takes no mail into fields: its refusal is about its data, not the message being seen before
    const other = await transport('orders@example.com', second.value.password).sendMail({ ...message, to: 'orders@example.com' }).catch((e: { response: string }) => e);
    expect(JSON.stringify(other)).not.toContain('already');
    expect(JSON.stringify(other)).not.toContain('Idempotency');
  });

  it('opens a new case for a reply its case cannot take (not waiting for the customer), so the message is not lost', async () => {
    const opened = await send({ subject: 'Scratched table', text: 'The table arrived scratched.', messageId: '<table@mail.example.net>' });
    const reference = opened.response.slice('250 Opened case '.length);
    const reply = await send({ subject: `Re: [${reference}] Scratched table`, text: 'Photos follow.', messageId: '<table-2@mail.example.net>' });
    expect(reply.response).toMatch(/^250 Opened case COM-\d{6}$/);
    expect(reply.response).not.toContain(reference);
  });

  it('refuses a wrong password, another recipient, and a message without a sender, storing nothing', async () => {
    const before = await caseCount();
    await expect(send({ subject: 'x', text: 'y' }, 'dsm_wrong')).rejects.toMatchObject({ responseCode: 535 });
    await expect(transport('complaints@example.com', password).sendMail({ from: 'maria@example.net', to: 'orders@example.com', subject: 'x', text: 'y' })).rejects.toMatchObject({ responseCode: 550 });
    // not a message: no headers, no From, a broken multipart
    const raw = 'this is not\r\na MIME message\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%\r\n';
    const malformed = await transport('complaints@example.com', password).sendMail({ envelope: { from: '', to: 'complaints@example.com' }, raw }).catch((e: { responseCode: number; response: string }) => e);
    expect(malformed).toMatchObject({ responseCode: 550 });
    expect((malformed as { response: string }).response).toContain('names no sender');
    expect(await caseCount()).toBe(before);
  });

  it('refuses a message over the size limit while it streams in, and asks a flood to try later', async () => {
    const small = await startSmtpIntake({ mailboxes: services.mailboxes, logger: silentLogger, host: '127.0.0.1', port: 0, maxMessageBytes: 64 * 1024, perMinute: 3 });
    try {
      const before = await caseCount();
      const big = Buffer.alloc(200 * 1024, 7);
      const refused = await send({ subject: 'Big', text: 'See attachment', attachments: [{ filename: 'big.bin', content: big }] }, password, small.port).catch((e: { responseCode: number; response: string }) => e);
      expect(refused).toMatchObject({ responseCode: 552 });
      expect((refused as { response: string }).response).toContain('larger than');
      expect(await caseCount()).toBe(before);
      // a bucket of 3 a minute: the refused one above took one; two more pass, then 451
      const results = [];
      for (let i = 0; i < 4; i++) {
        results.push(await send({ subject: `Flood ${String(i)}`, text: 'again', messageId: `<flood-${String(i)}@x>` }, password, small.port).then(
          () => 250,
          (e: { responseCode: number }) => e.responseCode,
        ));
      }
      expect(results).toEqual([250, 250, 451, 451]);
      expect(await caseCount()).toBe(before + 2);
    } finally {
      await small.close();
    }
  });
});
