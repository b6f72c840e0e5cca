// Sends `notify` messages by e-mail over SMTP (nodemailer), as `dossier serve --smtp-url` asks
// (docs/email.md, "E-mail out"). At send time it reads the case and its version's definition, renders
// the named message (runtime/engine renderMessage) in the case's language, and sends it to:
//   customer       the address at customer.email in the case data;
//   assignee       the case's assignee, user:x   x: the name itself where it is an e-mail address,
//                  else the address the person's identity provider gave when they signed in;
//   role:, queue:  nobody: recorded on the case only (a role or queue has no address).
// A case type without `messages` only records its notices, as without a mail server. What no retry can
// fix (no such message, no address) is a permanent failure: dead at once. What the mail server says
// (refusals included) is retried by the outbox until its attempts run out. The subject carries the
// case reference ("[COM-000123] …") and the Message-ID embeds it (<COM-000123.case.key@domain>), so a
// reply can be matched to its case; both are recorded on the message row with the status.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { customerEmail, customerLanguage, renderMessage, surveyKey } from '../engine/index.ts';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import type { CaseStore, MessageRecord, StoredCase } from '../store/case-store.ts';
import { NotifyError, type Notification, type Notifier } from './notifier.ts';

export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…:465 (nodemailer's URL form; ?tls.rejectUnauthorized=false etc.). */
  smtpUrl: string;
  /** The From of every message: "Service <service@example.com>" or an address. */
  from: string;
  /** The language when the case has none (customer.language), before the message's first language. */
  language?: string;
  /** Where customers reach Dossier (`--public-url`): survey links are `<publicUrl>/survey/<tenant>#<token>` (docs/feedback.md). */
  publicUrl?: string;
}

/** What the notifier needs of a mail transport (nodemailer's, or a test's). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string; headers: Record<string, string> }): Promise<unknown>;
  close?(): void;
}

export interface MailNotifierOptions {
  store: CaseStore;
  clock: Clock;
  logger: Logger;
  settings: MailSettings;
  /** Default: nodemailer's SMTP transport on settings.smtpUrl. */
  transport?: MailTransport;
  /** A new survey link token for a closed case (the feedback service's); null: none to send. */
  surveyToken?: (tenant: string, kase: StoredCase, definition: CaseType) => Promise<string | null>;
}

export interface MailNotifier extends Notifier {
  close(): void;
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+$/;

/** Is this an e-mail address one can send to (local@domain, nothing else)? */
export function isMailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/** The domain of the From address (for Message-IDs). */
export function fromDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim().toLowerCase() || 'dossier.invalid';
}

/** A Message-ID that names the case: <REFERENCE.caseId.digest@domain> (the digest of tenant and outbox key). */
export function messageIdFor(reference: string, caseId: string, tenant: string, key: string, domain: string): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_');
  const digest = createHash('sha256').update(`${tenant}\u0000${key}`).digest('base64url').slice(0, 16);
  return `<${clean(reference)}.${clean(caseId)}.${digest}@${domain}>`;
}

/** The subject with the case reference in front ("[COM-000123] Your complaint"), unless it has it already. */
export function subjectWithReference(reference: string, subject: string): string {
  const tag = `[${reference}]`;
  return subject.includes(tag) ? subject : `${tag} ${subject}`.trim();
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const options: SMTPTransport.Options = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (url.protocol === 'smtps:' ? 465 : 587) : Number(url.port),
    secure: url.protocol === 'smtps:',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    ...(url.username === '' ? {} : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    ...(url.searchParams.get('tls.rejectUnauthorized') === 'false' ? { tls: { rejectUnauthorized: false } } : {}),
    ...(url.searchParams.get('ignoreTLS') === 'true' ? { ignoreTLS: true } : {}),
  };
  return nodemailer.createTransport(options);
}

export function createMailNotifier(options: MailNotifierOptions): MailNotifier {
  const { store, clock, logger, settings } = options;
  const transport = options.transport ?? createSmtpTransport(settings.smtpUrl);
  const domain = fromDomain(settings.from);
  /** What the last attempt of a key got to before it failed (address, subject, Message-ID), for its record. */
  const tried = new Map<string, Partial<MessageRecord>>();

  const record = (n: Notification, fields: Partial<MessageRecord>) =>
    store.recordMessage({ tenant: n.tenant, caseId: n.caseId, key: n.key, to: n.to, template: n.template, sentAt: clock.now(), attempts: n.attempt, ...fields });

  return {
    async send(n) {
      const found = await store.getCase(n.tenant, n.caseId);
      if (found === null) throw new NotifyError(`case ${n.caseId} is gone`, true);
      const published = await store.getCaseType(n.tenant, found.caseType, found.version);
      if (published === null) throw new NotifyError(`case type ${found.caseType} version ${found.version} is not published`, true);
      const definition: CaseType = published.definition;
      if (definition.messages === undefined || n.to.startsWith('role:') || n.to.startsWith('queue:')) {
        // nobody's address, or a case type that only records its notices
        await record(n, { status: 'recorded' });
        logger.debug('notify recorded on the case (not e-mailed)', { key: n.key, template: n.template });
        return;
      }
      const wanted = [customerLanguage(definition, found.data), settings.language];
      // the survey mail (docs/feedback.md): a new link on each attempt; the one last sent is the one that works
      let survey: string | undefined;
      if (n.key === surveyKey(found.id) && definition.feedback?.message === n.template && options.surveyToken !== undefined) {
        // no link is issued (nor counted as a survey sent) for a customer without an address
        const to = await recipientAddress(n.to, definition, found, (name) => store.personEmail(n.tenant, name));
        if (typeof to !== 'string') throw new NotifyError(to.reason, true);
        const token = await options.surveyToken(n.tenant, found, definition);
        if (token === null) {
          await record(n, { status: 'recorded' });
          logger.debug('survey not sent: answered already', { key: n.key });
          return;
        }
        survey = `${(settings.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')}/survey/${encodeURIComponent(n.tenant)}#${token}`;
      }
      const rendered = renderMessage(definition, n.template, found, n.to === 'customer' ? wanted : [settings.language], survey === undefined ? {} : { survey });
      if (!rendered.ok) throw new NotifyError(rendered.reason, true);
      const subject = subjectWithReference(found.reference, rendered.message.subject);
      const language = rendered.message.language === '' ? null : rendered.message.language;
      const messageId = messageIdFor(found.reference, found.id, n.tenant, n.key, domain);
      tried.set(n.key, { subject, language, messageId });
      const address = await recipientAddress(n.to, definition, found, (name) => store.personEmail(n.tenant, name));
      if (typeof address !== 'string') throw new NotifyError(address.reason, true);
      tried.set(n.key, { subject, language, messageId, address });
      await transport.sendMail({
        from: settings.from,
        to: address,
        subject,
        text: rendered.message.body,
        messageId,
        headers: { 'X-Dossier-Case': found.reference },
      });
      tried.delete(n.key);
      await record(n, { status: 'sent', address, subject, messageId, language });
      logger.info('message sent', { key: n.key, template: n.template, messageId });
    },
    async failed(n, error, dead) {
      const fields = tried.get(n.key) ?? {};
      tried.delete(n.key);
      await record(n, { ...fields, status: dead ? 'dead' : 'failed', lastError: error });
    },
    close() {
      transport.close?.();
    },
  };
}

async function recipientAddress(
  to: string,
  definition: CaseType,
  found: { data: Parameters<typeof customerEmail>[1]; assignee: string | null },
  personEmail: (name: string) => Promise<string | null>,
): Promise<string | { reason: string }> {
  if (to === 'customer') {
    const address = customerEmail(definition, found.data);
    if (address === null) return { reason: definition.customer?.email === undefined ? 'the case type does not say where the customer\'s e-mail address is (customer.email)' : 'the case has no customer e-mail address' };
    return isMailAddress(address) ? address : { reason: `the customer's e-mail address '${address}' is not an e-mail address` };
  }
  const person = to === 'assignee' ? found.assignee : to.startsWith('user:') ? to.slice(5) : null;
  if (person === null) return { reason: to === 'assignee' ? 'the case has no assignee' : `'${to}' is not a recipient` };
  if (isMailAddress(person)) return person;
  // a person who signed in: the address their identity provider gave
  const known = await personEmail(person);
  return known !== null && isMailAddress(known) ? known : { reason: `no e-mail address is known for ${person}` };
}
