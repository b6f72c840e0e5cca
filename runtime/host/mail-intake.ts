// E-mail in (issue 20, item 2): a mailbox per case type and tenant, and what a message to it does. A new
// message opens a case (sender → the customer's e-mail field, subject and text → the fields the case type
// names in `email`, attachments → its documents field, channel `email`); a message that answers a case
// (its reference in the subject, or a reply to a message the case sent) is the case type's reply event on
// it. The message's Message-ID is the idempotency key of the commit, so a message delivered twice
// changes nothing the second time, however the two deliveries race. Knows nothing of SMTP: the listener
// (runtime/mail/smtp-intake.ts) hands it parsed messages. docs/email.md.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { getAtPointer, setAtPointer, type CaseData, type JsonValue } from '../engine/index.ts';
import type { CaseStore, MailboxRecord } from '../store/case-store.ts';
import type { CaseService, IdempotencySpec, ServiceResult } from './case-service.ts';
import { hashToken } from './tokens.ts';
import type { Clock } from './clock.ts';
import { fail, type HostFailure, type Result } from './host-result.ts';
import type { Logger } from './logger.ts';

/** A file a message carried, already written to a temporary file by the listener. */
export interface InboundAttachment {
  filename: string;
  /** As the message declared it; documents sniff their own. */
  contentType: string;
  path: string;
  size: number;
}

/** A message as the listener parsed it. */
export interface InboundMail {
  /** The Message-ID header, with its angle brackets; null when the message had none. */
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  subject: string;
  /** The text part (or the HTML part as text). */
  text: string;
  /** The ids of In-Reply-To and References, newest first. */
  inReplyTo: string[];
  attachments: InboundAttachment[];
}

/**
 * Where attachments go: the documents of a case, at `field` (issue 20, item 1). `again`: the message was
 * delivered before (its commit replayed), so some attachments may be there already and are not added twice.
 */
export interface AttachmentSink {
  /** Why some attachments cannot be taken (too large, a kind a case file does not take), in words; empty: all can. */
  check?(attachments: InboundAttachment[]): Promise<string[]>;
  attach(tenant: string, caseId: string, field: string | null, attachments: InboundAttachment[], again: boolean, by: string): Promise<void>;
}

export type MailOutcome = { kind: 'opened' | 'replied'; duplicate: boolean; caseId: string; reference: string };

export interface MailboxService {
  /** Creates or replaces the mailbox of a case type: a new address and password (the password is shown once). */
  save(tenant: string, caseType: string, address: string, by: string): Promise<Result<{ mailbox: MailboxRecord; password: string }>>;
  list(tenant: string): Promise<MailboxRecord[]>;
  remove(tenant: string, caseType: string): Promise<Result<null>>;
  /** The mailbox whose address and password these are; null for a wrong pair (never says which was wrong). */
  authenticate(address: string, password: string): Promise<MailboxRecord | null>;
  /** Whether a mailbox a session logged in as is still the same (not removed, not given a new password). */
  current(mailbox: MailboxRecord): Promise<boolean>;
  /** What a message to `mailbox` does; a failure is a refusal the sender hears (nothing was changed). */
  receive(mailbox: MailboxRecord, mail: InboundMail): Promise<Result<MailOutcome>>;
}

/** user@domain, as a mailbox address: plain ASCII, lower case, no display name. */
const ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A case reference in a subject, as the e-mail out puts it there: `[COM-000123]`. */
const SUBJECT_REFERENCE = /\[([A-Z][A-Z0-9]{0,9}-[0-9]{6,})\]/;
/** A case reference at the start of a Message-ID the e-mail out made: `<COM-000123.…@…>`. */
const ID_REFERENCE = /^<?([A-Z][A-Z0-9]{0,9}-[0-9]{6,})[.@]/;

/** Longest text kept in a field: a mail's text beyond it is cut (the whole message is not kept). */
export const MAX_MAIL_TEXT = 100_000;


/** The key a message is deduplicated by: its Message-ID, else a digest of what it says. */
export function messageKey(mail: InboundMail): string {
  if (mail.messageId !== null && mail.messageId.trim() !== '') return `mail:${mail.messageId.trim()}`;
  return `mail:sha256:${createHash('sha256').update(JSON.stringify([mail.from?.address ?? '', mail.subject, mail.text, mail.attachments.map((a) => [a.filename, a.size])])).digest('hex')}`;
}

/** The reference a message answers, from its subject or the messages it replies to; null for a new matter. */
export function referenceOf(mail: InboundMail): string | null {
  const inSubject = SUBJECT_REFERENCE.exec(mail.subject);
  if (inSubject?.[1] !== undefined) return inSubject[1];
  for (const id of mail.inReplyTo) {
    const found = ID_REFERENCE.exec(id.trim());
    if (found?.[1] !== undefined) return found[1];
  }
  return null;
}

const cut = (text: string): string => (text.length > MAX_MAIL_TEXT ? text.slice(0, MAX_MAIL_TEXT) : text);

function put(data: JsonValue, pointer: string | undefined, value: string | undefined): JsonValue {
  if (pointer === undefined || value === undefined || value === '') return data;
  return setAtPointer(data, pointer, value) ?? data;
}

/** The data of a case a new message opens, per the case type's `customer` and `email`. */
export function openingData(definition: CaseType, mail: InboundMail): CaseData {
  const email = definition.email ?? {};
  const customer = definition.customer;
  let data: JsonValue = {};
  for (const [pointer, value] of Object.entries(email.values ?? {})) data = setAtPointer(data, pointer, value as JsonValue) ?? data;
  data = put(data, customer?.email, mail.from?.address);
  // a sender without a display name is named by their address
  data = put(data, customer?.name, mail.from?.name ?? mail.from?.address);
  data = put(data, email.subject, mail.subject.trim());
  data = put(data, email.body, cut(mail.text.trim()));
  return data as CaseData;
}

/** Why a reply's case does not take it: the message then opens a new case. */
const NOT_TAKEN = new Set(['event.not_accepted', 'rule.failed', 'data.invalid', 'event.unknown', 'event.forbidden']);

/**
 * Only the case's own customer answers it by mail: the sender must be the address at the case type's
 * `customer.email` (a reference is easy to guess). Anyone else's message opens a new case, the reference
 * still in its subject for the agent.
 */
export function fromItsCustomer(definition: CaseType, data: CaseData, mail: InboundMail): boolean {
  const pointer = definition.customer?.email;
  if (pointer === undefined || mail.from === null) return false;
  const address = getAtPointer(data as JsonValue, pointer);
  return typeof address === 'string' && address.trim().toLowerCase() === mail.from.address.trim().toLowerCase();
}

export function createMailboxService(options: { store: CaseStore; cases: CaseService; clock: Clock; logger: Logger; attachments?: AttachmentSink }): MailboxService {
  const { store, cases, clock, logger } = options;

  const refusal = (failure: HostFailure): { status: number; body: JsonValue } => ({ status: 422, body: { code: failure.code, message: failure.message } });
  const spec = (key: string, mailbox: MailboxRecord): IdempotencySpec => ({ key, method: 'SMTP', path: `mailbox:${mailbox.address}`, answerOf: refusal });

  async function attach(mailbox: MailboxRecord, definition: CaseType, caseId: string, mail: InboundMail, again: boolean): Promise<void> {
    if (mail.attachments.length === 0 || options.attachments === undefined) return;
    await options.attachments.attach(mailbox.tenant, caseId, definition.email?.attachments ?? null, mail.attachments, again, mail.from?.address ?? 'e-mail');
  }

  function outcomeOf(result: ServiceResult, kind: MailOutcome['kind']): Result<MailOutcome> {
    if (!result.ok) return result;
    if (result.replay === true) {
      const body = result.body as { id?: string; reference?: string; code?: string; message?: string };
      // a refusal replayed: the same answer as the first time
      if (result.status >= 400) return fail('mail.refused', body.message ?? 'This message was refused before.');
      return { ok: true, value: { kind, duplicate: true, caseId: body.id ?? '', reference: body.reference ?? '' } };
    }
    return { ok: true, value: { kind, duplicate: false, caseId: result.case.id, reference: result.view.reference } };
  }

  async function open(mailbox: MailboxRecord, definition: CaseType, mail: InboundMail, key: string): Promise<Result<MailOutcome>> {
    const created = await cases.createCase(mailbox.tenant, { caseType: mailbox.caseType, data: openingData(definition, mail), channel: 'email' }, undefined, spec(key, mailbox));
    const outcome = outcomeOf(created, 'opened');
    if (!outcome.ok) {
      if (!created.ok || created.replay === true) {
        return fail('mail.refused', `This message cannot open a ${definition.title ?? mailbox.caseType} case: ${outcome.message}`, created.ok ? {} : { problems: created.problems ?? [] });
      }
      return outcome;
    }
    await attach(mailbox, definition, outcome.value.caseId, mail, outcome.value.duplicate);
    return outcome;
  }

  return {
    async save(tenant, caseType, address, by) {
      const normal = address.trim().toLowerCase();
      if (!ADDRESS.test(normal)) {
        return fail('request.invalid', `'${address}' is not an e-mail address a mailbox can have; write it as name@example.com.`, { problems: [{ pointer: '/address', message: '/address must be an e-mail address such as complaints@example.com' }] });
      }
      const type = await store.getCaseType(tenant, caseType);
      if (type === null) return fail('case_type.not_found', `There is no published case type '${caseType}' to give a mailbox; publish it first.`);
      const password = `dsm_${randomBytes(24).toString('base64url')}`;
      const mailbox: MailboxRecord = { address: normal, tenant, caseType, createdAt: clock.now(), createdBy: by };
      const saved = await store.saveMailbox(mailbox, hashToken(password));
      if (saved === 'address_taken') return fail('mailbox.address_taken', `The address ${normal} already belongs to another mailbox; choose another address.`);
      return { ok: true, value: { mailbox, password } };
    },

    list: (tenant) => store.listMailboxes(tenant),

    async remove(tenant, caseType) {
      if (!(await store.deleteMailbox(tenant, caseType))) return fail('mailbox.not_found', `Case type '${caseType}' has no mailbox.`);
      return { ok: true, value: null };
    },

    async authenticate(address, password) {
      const found = await store.findMailbox(address.trim().toLowerCase());
      if (found === null) return null;
      const given = Buffer.from(hashToken(password), 'utf8');
      const kept = Buffer.from(found.secretHash, 'utf8');
      if (given.length !== kept.length || !timingSafeEqual(given, kept)) return null;
      // the hash stays with the session's login, so that a new password ends the session (`current`)
      return found;
    },

    async current(mailbox) {
      const found = await store.findMailbox(mailbox.address);
      // the password a session logged in with (kept with its login) must still be the mailbox's
      const loggedIn = (mailbox as Partial<{ secretHash: string }>).secretHash;
      return found !== null && found.tenant === mailbox.tenant && found.caseType === mailbox.caseType && (loggedIn === undefined || loggedIn === found.secretHash);
    },

    async receive(mailbox, mail) {
      const type = await store.getCaseType(mailbox.tenant, mailbox.caseType);
      if (type === null) return fail('case_type.not_found', `The case type '${mailbox.caseType}' of this mailbox is no longer published.`);
      // attachments are checked before anything is stored: a message is taken whole or not at all
      const refused = mail.attachments.length === 0 || options.attachments?.check === undefined ? [] : await options.attachments.check(mail.attachments);
      if (refused.length > 0) return fail('mail.refused', `This message was not taken: ${refused.join('; ')}. Send the documents as PDF, images or office files.`);
      const definition = type.definition;
      // one mailbox's keys: the same message sent to two mailboxes of a tenant is taken by each
      const key = `${messageKey(mail)}@${mailbox.address}`;
      const reference = referenceOf(mail);
      const reply = definition.email?.reply;
      const kase = reference === null || reply === undefined ? null : await store.caseByReference(mailbox.tenant, reference);
      if (kase !== null && reply !== undefined && kase.caseType === mailbox.caseType && fromItsCustomer(definition, kase.data, mail)) {
        // the attachments first, while the case is open (a reply may close it); a repeat delivery adds only what is missing
        if (kase.closedAt === null) await attach(mailbox, definition, kase.id, mail, true);
        const data = reply.body === undefined ? undefined : (put({}, reply.body, cut(mail.text.trim())) as CaseData);
        const sent = await cases.sendEvent(mailbox.tenant, kase.id, data === undefined ? { type: reply.event } : { type: reply.event, data }, undefined, { idempotency: spec(key, mailbox) });
        const refused = sent.ok ? sent.replay === true && sent.status >= 400 : NOT_TAKEN.has(sent.code);
        if (sent.ok && !refused) {
          const outcome = outcomeOf(sent, 'replied');
          if (!outcome.ok) return outcome;
          return { ok: true, value: { ...outcome.value, caseId: kase.id, reference: kase.reference } };
        }
        // anything else (the store, a conflict) is for the sender's server to try again
        if (!refused && !sent.ok) return sent;
        // the case no longer takes the reply (closed, or in a state without it): the message opens a
        // new case rather than being lost (under a key of its own: the refusal is kept under the first)
        logger.info('a reply its case does not take opens a new case', { reference, code: sent.ok ? 'refused before' : sent.code });
        return open(mailbox, definition, mail, `${key}:opened`);
      }
      return open(mailbox, definition, mail, key);
    },
  };
}
