// The SMTP listener of e-mail in (issue 20, item 2; smtp-server and mailparser of the nodemailer
// project, docs/dependencies.md): `dossier serve --mail-in-port` takes mail for every mailbox of the host.
// A sender logs in as a mailbox (its address and password), may send only to that address, and hears in
// the session what became of each message: 250 with the case's reference once it is committed, a 4xx to
// try later (too many messages), a 5xx when it can never be taken (too big, not MIME, refused by the
// case type), so a message is either in a case or still the sender's — never half-stored, never lost.
// Attachments stream to temporary files and from there into the case's documents; nothing of a message
// is held whole in memory. docs/email.md.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { MailParser, type AddressObject, type AttachmentStream, type MessageText } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from '../host/logger.ts';
import { tokenBuckets } from '../host/rate-limit.ts';
import type { InboundAttachment, InboundMail, MailboxService } from '../host/mail-intake.ts';
import type { MailboxRecord } from '../store/case-store.ts';

export interface SmtpIntakeOptions {
  mailboxes: MailboxService;
  logger: Logger;
  host: string;
  /** 0: any free port (tests). */
  port: number;
  /** Largest message taken, in bytes (default 25 MB): larger ones are refused while they stream in. */
  maxMessageBytes?: number;
  /** Messages a mailbox takes per minute before it answers "try again later" (default 1,200). */
  perMinute?: number;
  /** PEM key and certificate for STARTTLS; without them a built-in self-signed one is offered. */
  tls?: { key: string; cert: string };
}

export interface SmtpIntake {
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAILS_PER_MINUTE = 1_200;
/** Attachments taken from one message; more are refused with the message. */
export const MAX_ATTACHMENTS = 50;

/** An SMTP reply: the code the sender's server acts on and words a person can act on. */
class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

function ids(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return text.match(/<[^<>\s]+>/g) ?? [];
}

function sender(value: unknown, envelope: string | null): InboundMail['from'] {
  const first = (value as AddressObject | undefined)?.value?.[0];
  if (first?.address !== undefined && first.address !== '') return { address: first.address.toLowerCase(), name: first.name === '' ? null : (first.name ?? null) };
  return envelope === null || envelope === '' ? null : { address: envelope.toLowerCase(), name: null };
}

/**
 * Passes the message on until it is larger than smtp-server's limit (`sizeExceeded`), then drops the rest
 * while the sender finishes: what is parsed and written to disk stays within the limit.
 */
function withinLimit(source: SMTPServerDataStream): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (source.sizeExceeded) done();
      else done(null, chunk);
    },
  });
}

/** Reads a message: its headers and text, its attachments into files under `dir`. */
async function parse(stream: SMTPServerDataStream, dir: string, envelopeFrom: string | null): Promise<InboundMail> {
  const parser = new MailParser({ maxHtmlLengthToParse: 2 * 1024 * 1024 });
  let headers = new Map<string, unknown>();
  let text = '';
  const attachments: InboundAttachment[] = [];
  const writes: Promise<void>[] = [];
  let tooMany = false;
  parser.on('headers', (h: Map<string, unknown>) => {
    headers = h;
  });
  parser.on('data', (data: AttachmentStream | MessageText) => {
    if (data.type === 'text') {
      text = data.text ?? (typeof data.html === 'string' ? data.html : '');
      return;
    }
    if (attachments.length >= MAX_ATTACHMENTS) {
      tooMany = true;
      data.content.on('data', () => {});
      data.content.on('end', () => data.release?.());
      return;
    }
    const path = join(dir, `part-${String(attachments.length)}`);
    const attachment: InboundAttachment = { filename: data.filename ?? `attachment-${String(attachments.length + 1)}`, contentType: data.contentType, path, size: 0 };
    attachments.push(attachment);
    data.content.on('data', (chunk: Buffer) => {
      attachment.size += chunk.length;
    });
    writes.push(
      pipeline(data.content as Readable, createWriteStream(path)).finally(() => {
        data.release?.();
      }),
    );
  });
  const parsed = await pipeline(stream, withinLimit(stream), parser).then(
    () => null,
    (error: unknown) => error,
  );
  // every attachment file closed (or failed) before the folder goes, whatever happened to the parse
  const settled = await Promise.allSettled(writes);
  if (parsed !== null) throw parsed;
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined && !stream.sizeExceeded) throw failed.reason;
  if (tooMany) throw new SmtpReply(552, `5.3.4 The message has more than ${String(MAX_ATTACHMENTS)} attachments: send them in several messages`);
  const subject = headers.get('subject');
  const messageId = headers.get('message-id');
  return {
    messageId: typeof messageId === 'string' && messageId.trim() !== '' ? messageId.trim() : null,
    from: sender(headers.get('from'), envelopeFrom),
    subject: typeof subject === 'string' ? subject : '',
    text,
    inReplyTo: [...ids(headers.get('in-reply-to')), ...ids(headers.get('references')).reverse()],
    attachments,
  };
}

/** Starts the listener; resolves once it listens. */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const { mailboxes, logger } = options;
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const limit = tokenBuckets(options.perMinute ?? DEFAULT_MAILS_PER_MINUTE);
  const megabytes = `${String(Math.round(maxBytes / (1024 * 1024)))} MB`;

  const mailboxOf = (session: SMTPServerSession): MailboxRecord => session.user as unknown as MailboxRecord;

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const mailbox = mailboxOf(session);
    if (!(await mailboxes.current(mailbox))) {
      stream.resume();
      await new Promise((resolve) => stream.once('end', resolve));
      throw new SmtpReply(535, '5.7.8 This mailbox was removed or given a new password: log in again');
    }
    if (limit(mailbox.address) !== null) {
      stream.resume();
      await new Promise((resolve) => stream.once('end', resolve));
      throw new SmtpReply(451, `4.7.1 ${mailbox.address} takes at most ${String(options.perMinute ?? DEFAULT_MAILS_PER_MINUTE)} messages a minute: try again later`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'dossier-mail-'));
    try {
      let mail: InboundMail;
      try {
        const envelope = session.envelope.mailFrom;
        mail = await parse(stream, dir, envelope === false ? null : envelope.address);
      } catch (error) {
        if (error instanceof SmtpReply) throw error;
        stream.resume();
        if (stream.sizeExceeded) throw new SmtpReply(552, `5.3.4 The message is larger than ${megabytes}: send the documents in several messages`);
        logger.info('a message could not be read', { mailbox: mailbox.address, error: (error as Error).message });
        throw new SmtpReply(550, '5.6.0 The message could not be read as MIME: nothing was stored');
      }
      if (stream.sizeExceeded) throw new SmtpReply(552, `5.3.4 The message is larger than ${megabytes}: send the documents in several messages`);
      // not a message a person sent: no From header and no envelope sender
      if (mail.from === null) throw new SmtpReply(550, '5.1.7 The message names no sender (no From header, no MAIL FROM address): nothing was stored');
      const result = await mailboxes.receive(mailbox, mail);
      if (!result.ok) {
        const temporary = result.code === 'case.conflict';
        throw new SmtpReply(temporary ? 451 : 550, `${temporary ? '4.3.0' : '5.7.1'} ${result.message.replace(/\s+/g, ' ')}`);
      }
      const { kind, reference, duplicate } = result.value;
      return `${duplicate ? 'Already received' : kind === 'opened' ? 'Opened' : 'Added to'} case ${reference}`;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const server = new SMTPServer({
    name: 'dossier',
    banner: 'Dossier mail intake',
    logger: false,
    size: maxBytes,
    authMethods: ['PLAIN', 'LOGIN'],
    // a password over plain TCP only on this machine; elsewhere STARTTLS first
    allowInsecureAuth: isLoopback(options.host),
    maxClients: 100,
    ...(options.tls === undefined ? {} : { key: options.tls.key, cert: options.tls.cert }),
    onAuth(auth, _session, callback) {
      mailboxes.authenticate(auth.username ?? '', auth.password ?? '').then(
        (mailbox) => {
          if (mailbox === null) callback(new SmtpReply(535, '5.7.8 The address or password of this mailbox is not right'));
          else callback(null, { user: mailbox as unknown as string });
        },
        (error: unknown) => {
          logger.error('a mailbox could not be checked', { error: (error as Error).message });
          callback(new SmtpReply(454, '4.7.0 The mailbox could not be checked just now: try again later'));
        },
      );
    },
    onRcptTo(address, session, callback) {
      const mailbox = mailboxOf(session);
      if (address.address.toLowerCase() !== mailbox.address) {
        callback(new SmtpReply(550, `5.1.1 This login takes mail for ${mailbox.address} only`));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (message) => callback(null, message),
        (error: unknown) => {
          if (error instanceof SmtpReply) {
            callback(error);
            return;
          }
          logger.error('a message could not be taken', { error: (error as Error).message });
          callback(new SmtpReply(451, '4.3.0 The message could not be stored just now: try again later'));
        },
      );
    },
  });
  server.on('error', (error) => logger.error('SMTP listener', { error: error.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
