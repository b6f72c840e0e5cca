// The shipped payment-arrangement template end to end on one host in process, on a real SQLite file
// and on PostgreSQL where a server is available:
// a customer's e-mail with a PDF pay slip arrives over SMTP at the template's mailbox and opens a case
// with the document; the CRM look-up on entry calls a CRM stub on loopback (allowed the way the
// look-up tests allow loopback) and fills the balance; the offer goes out by e-mail to a loopback SMTP
// server with its placeholders filled; the customer's reply by mail (the offer's reference) accepts it.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../runtime/engine/index.ts';
import { validateCaseType } from '../../schemas/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { createManualClock } from '../../runtime/host/clock.ts';
import { createHost, type Host } from '../../runtime/host/create-host.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import { startSmtpIntake, type SmtpIntake } from '../../runtime/mail/smtp-intake.ts';
import { parseWebhookAllow } from '../../runtime/scheduler/address-policy.ts';
import type { CaseStore } from '../../runtime/store/case-store.ts';
import { createPostgresStore } from '../../runtime/store/postgres/postgres-store.ts';
import { createSqliteStore } from '../../runtime/store/sqlite/sqlite-store.ts';
import { scratchDatabase, skipNote, unavailable } from '../postgres-scratch.ts';
import { tempDb } from '../runtime/scheduler/fixtures.ts';
import { startSmtpListener, type SmtpListener } from '../runtime/mail/smtp-listener.ts';

const START = '2026-01-05T09:00:00.000Z';
const TEMPLATE = join(import.meta.dirname, '../../templates/payment-arrangement.case.json');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const specialist = { id: 'Kim de Boer', roles: ['collections-specialist'] };

interface Call {
  method: string;
  url: string;
}

/** The CRM on loopback: the balance for the account look-up, 200 for the arrangement webhook. */
async function crmStub() {
  const calls: Call[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '' });
      res.setHeader('content-type', 'application/json');
      const balance = (req.url ?? '').startsWith('/api/accounts/balance?');
      res.end(
        JSON.stringify(
          balance
            ? { balance: { outstanding: 1260, currency: 'EUR' }, arrears: { status: 'in-arrears', days: 62 } }
            : { ok: true },
        ),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    base: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    calls,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const stores: {
  name: string;
  skip: boolean;
  open(): Promise<{ store: CaseStore; dispose(): Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const db = tempDb();
      const store = createSqliteStore({ file: db.file });
      return { store, dispose: async () => (await store.close(), db.dispose()) };
    },
  },
  {
    name: unavailable === null ? 'PostgreSQL' : `PostgreSQL (skipped: ${skipNote})`,
    skip: unavailable !== null,
    async open() {
      const db = await scratchDatabase();
      const store = await createPostgresStore({ url: db.url });
      return { store, dispose: async () => (await store.close(), await db.drop()) };
    },
  },
];

describe.each(stores)(
  'the payment-arrangement template on $name with e-mail in and out and a CRM',
  ({ skip, open }) => {
    let store: CaseStore;
    let dispose: () => Promise<void>;
    let host: Host;
    let intake: SmtpIntake;
    let outgoing: SmtpListener;
    let crm: Awaited<ReturnType<typeof crmStub>>;
    let password: string;

    const send = (message: SendMailOptions): Promise<{ response: string }> =>
      nodemailer
        .createTransport({
          host: '127.0.0.1',
          port: intake.port,
          secure: false,
          ignoreTLS: true,
          auth: { user: 'arrangements@energy.example', pass: password },
        })
        .sendMail({
          from: '"Sanne Visser" <sanne.visser@example.net>',
          to: 'arrangements@energy.example',
          ...message,
        }) as Promise<{ response: string }>;

    beforeAll(async () => {
      if (skip) return;
      crm = await crmStub();
      outgoing = await startSmtpListener({ user: 'dossier', pass: 'mail-secret' });
      ({ store, dispose } = await open());
      // The template names its CRM at https://crm.example.com; this host's CRM is the stub on loopback,
      // so the definition published here points there, as an admin points it at their own CRM.
      const definition = JSON.parse(
        readFileSync(TEMPLATE, 'utf8').replaceAll('https://crm.example.com', crm.base),
      ) as CaseType;
      expect(validateCaseType(definition).filter((p) => p.severity === 'error')).toEqual([]);
      await store.publish('default', 'payment-arrangement', definition, START);
      host = createHost({
        store,
        engine,
        clock: createManualClock(START),
        logger: silentLogger,
        mail: { smtpUrl: outgoing.url, from: 'Collections <collections@energy.example>', language: 'en' },
        webhookAllow: parseWebhookAllow('127.0.0.1'),
        outbox: { backoffMs: 1000, lookupAttempts: 1 },
      });
      const mailbox = await host.services.mailboxes.save(
        'default',
        'payment-arrangement',
        'arrangements@energy.example',
        'admin',
      );
      if (!mailbox.ok) throw new Error(mailbox.message);
      password = mailbox.value.password;
      intake = await startSmtpIntake({
        mailboxes: host.services.mailboxes,
        logger: silentLogger,
        host: '127.0.0.1',
        port: 0,
      });
    });

    afterAll(async () => {
      if (skip) return;
      await intake.close();
      await host.stop();
      await dispose();
      await outgoing.close();
      await crm.close();
    });

    it.skipIf(skip)(
      'opens a case from the mail with the pay slip, looks the balance up, mails the offer and takes the reply as acceptance',
      async () => {
        // e-mail in: a new request with a PDF pay slip opens a case, the pay slip in the proof-of-income field
        const opened = await send({
          subject: 'Payment arrangement please',
          text: 'I lost my job and cannot pay the arrears at once. Can I pay in instalments? My pay slip is attached.',
          messageId: '<request-1@mail.example.net>',
          attachments: [{ filename: 'payslip-december.pdf', content: PDF, contentType: 'application/pdf' }],
        });
        expect(opened.response).toMatch(/^250 Opened case PA-\d{6}$/);
        const reference = opened.response.slice('250 Opened case '.length);
        const [listed] = (
          await store.listCases('default', { caseType: 'payment-arrangement', q: reference }, 5, null)
        ).items;
        if (listed === undefined) throw new Error(`case ${reference} not found`);
        const id = listed.id;
        expect([listed.state, listed.channel]).toEqual(['verifying', 'email']);
        const documents = await host.services.documents.list('default', id);
        if (!documents.ok) throw new Error(documents.message);
        expect(documents.value.map((d) => [d.name, d.contentType, d.size, d.field])).toEqual([
          ['payslip-december.pdf', 'application/pdf', PDF.length, '/incomeProof'],
        ]);

        // the look-up and the acknowledgement: the CRM answers, the balance is in the case, the case is at intake
        await host.dispatcher.runDue();
        const lookups = crm.calls.filter((c) => c.url.startsWith('/api/accounts/balance'));
        expect(
          lookups.map((c) => [c.method, Object.fromEntries(new URL(c.url, crm.base).searchParams)]),
        ).toEqual([['GET', { email: 'sanne.visser@example.net' }]]);
        let kase = (await store.getCase('default', id))!;
        expect(kase.state).toBe('intake');
        expect(kase.data.account).toEqual({
          outstandingAmount: 1260,
          arrearsStatus: 'in-arrears',
          daysInArrears: 62,
        });
        expect(kase.data.incomeProof).toEqual([
          expect.objectContaining({ name: 'payslip-december.pdf', contentType: 'application/pdf' }),
        ]);
        expect(outgoing.received.map((r) => [r.envelopeTo, r.mail.subject])).toEqual([
          [['sanne.visser@example.net'], `[${reference}] We received your request for a payment arrangement`],
        ]);

        // the agent checks the request (the pay slip satisfies "proof of income"), the specialist sends the offer
        const checked = await host.service.sendEvent(
          'default',
          id,
          { type: 'REQUEST_CHECKED', data: { proposal: { monthlyAmount: 75, instalments: 18 } } },
          specialist,
        );
        expect(checked.ok).toBe(true);
        const offered = await host.service.sendEvent(
          'default',
          id,
          {
            type: 'SEND_OFFER',
            data: { offer: { monthlyAmount: 105, instalments: 12, firstPaymentDate: '2026-02-01' } },
          },
          specialist,
        );
        expect(offered.ok && offered.replay !== true && offered.case.state).toBe('offerSent');
        await host.dispatcher.runDue();
        expect(outgoing.received).toHaveLength(2);
        const offer = outgoing.received[1]!.mail;
        expect(outgoing.received[1]!.envelopeTo).toEqual(['sanne.visser@example.net']);
        expect(offer.subject).toBe(`[${reference}] Our offer: EUR 105 a month`);
        expect(offer.text).toContain('Dear Sanne Visser,');
        expect(offer.text).toContain(
          'Your outstanding balance is EUR 1260. We offer you a payment arrangement of 12 monthly instalments of EUR 105, the first on 2026-02-01.',
        );
        expect(offer.text).not.toContain('{{');

        // e-mail in: the customer's reply to the offer (its reference in the subject and In-Reply-To) accepts it
        const replied = await send({
          subject: `Re: ${offer.subject ?? ''}`,
          text: `Yes, I accept the arrangement.\n\n> ${(offer.text ?? '').split('\n')[0] ?? ''}`,
          messageId: '<accept-1@mail.example.net>',
          inReplyTo: offer.messageId ?? '',
          references: offer.messageId ?? '',
        });
        expect(replied.response).toBe(`250 Added to case ${reference}`);
        kase = (await store.getCase('default', id))!;
        expect(kase.state).toEqual({ active: 'onTrack' });
        expect(String(kase.data.customerReply)).toContain('Yes, I accept the arrangement.');

        // the confirmation goes out and the CRM is told of the arrangement
        await host.dispatcher.runDue();
        expect(outgoing.received.map((r) => r.mail.subject)).toEqual([
          `[${reference}] We received your request for a payment arrangement`,
          `[${reference}] Our offer: EUR 105 a month`,
          `[${reference}] Your payment arrangement is confirmed`,
        ]);
        expect(crm.calls.map((c) => [c.method, c.url.split('?')[0]])).toEqual([
          ['GET', '/api/accounts/balance'],
          ['POST', '/api/arrangements'],
        ]);

        // paid: the request closes, and the customer gets the completion letter and the feedback survey (docs/feedback.md)
        const paid = await host.service.sendEvent('default', id, { type: 'ARRANGEMENT_PAID' }, { id: 'billing', roles: ['admin'] });
        expect(paid.ok).toBe(true);
        await host.dispatcher.runDue();
        const survey = outgoing.received.find((r) => r.mail.subject === `[${reference}] How did we handle your payment arrangement?`);
        expect(survey?.mail.text).toMatch(/It takes a minute: http:\/\/127\.0\.0\.1:3000\/survey\/default#[A-Za-z0-9_-]{24}\n/);
      },
    );
  },
);
