// `dossier serve [--db FILE|postgres://URL] [--port N] [--host H]`: the runtime host on one port (README,
// "Command line"), on an embedded SQLite file or on a PostgreSQL database that several hosts share.
// First start builds the designer when it is missing, creates the database, seeds templates/ as published
// case types and prints the admin token once with the URL. SIGTERM/SIGINT: stop taking requests, finish
// in-flight ones, close the database. What keeps it from starting (a busy port, a database it cannot
// open, a bad option) is one line with the fix.
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../../schemas/lint/util.ts';
import { buildDesignerIfMissing } from './designer-build.ts';
import { serve } from '@hono/node-server';
import * as engine from '../engine/index.ts';
import { ensureAdminToken, seedTemplates } from '../host/bootstrap.ts';
import { DEFAULT_SERVICE_TOKEN_EXPIRY, hashToken, isExpired, MAX_TOKEN_LIFETIME, tokenDuration } from '../host/tokens.ts';
import { DEFAULT_SESSION_LIFETIME, MAX_SESSION_LIFETIME, sessionLifetime } from '../host/sign-in.ts';
import type { OidcSettings } from '../http/sign-in.ts';
import { systemClock, type Clock } from '../host/clock.ts';
import { createRuntime } from '../compose/create-runtime.ts';
import { createLogger, type Logger, type LogLevel } from '../host/logger.ts';
import { parseWebhookAllow, type WebhookAllow } from '../scheduler/address-policy.ts';
import { isMailAddress, type MailSettings } from '../scheduler/mail-notifier.ts';
import { webhookSecretProblem } from '../scheduler/webhook-signature.ts';
import type { CaseStore } from '../store/case-store.ts';
import { StoreUnavailableError } from '../store/store-unavailable.ts';
import { DEFAULT_MAILS_PER_MINUTE, DEFAULT_MAX_MESSAGE_BYTES, startSmtpIntake, type SmtpIntake } from '../mail/smtp-intake.ts';
import { readFileSync } from 'node:fs';
import { createPostgresStore } from '../store/postgres/postgres-store.ts';
import { isPostgresUrl, redactUrl } from '../store/postgres/url.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { CommandIo } from './main.ts';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  templatesDir?: string;
  /** DOSSIER_ADMIN_TOKEN: use this secret as the admin token. */
  adminToken?: string;
  clock?: Clock;
  logger?: Logger;
  /** DOSSIER_WEBHOOK_ALLOW: non-public webhook targets allowed anyway (default: none). */
  webhookAllow?: WebhookAllow;
  /** The built designer to serve at `/` (default dist/designer beside the package). */
  designerDir?: string;
  /** DOSSIER_CORS_ORIGINS: origins allowed to call the API from a browser. */
  corsOrigins?: string[];
  /** DOSSIER_LEASE_MS: how long a host holds the timers and outbox rows it claimed (shared PostgreSQL; default 30 s). */
  leaseMs?: number;
  /** Time a client has to send a request's headers (default 10 s), then 408 and the connection closes. */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, body included (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * --service-token-expiry: the lifetime (ISO 8601 duration) of tokens whose roles are only `service` when
   * they are issued without one; null (`none`) for no default; absent: P90D.
   */
  serviceTokenExpiry?: string | null;
  /** --document-max-mb: the largest document a case file takes, in bytes (default 20 MiB). */
  documentMaxBytes?: number;
  /** --documents-dir: new documents' content in files there, not in the database. */
  documentsDir?: string;
  /** --suggest-retrain: minutes between retrainings of the reason suggester, in ms (default an hour; 0: never). */
  suggestRetrainMs?: number;
  /**
   * --public-url: where people and customers reach this host (an origin, such as https://dossier.example.com):
   * the mailed survey links (docs/feedback.md) and, with --oidc-issuer, the sign-in redirect URI and Secure cookies.
   */
  publicUrl?: string;
  /** `--oidc-*`, `--session-lifetime`, DOSSIER_OIDC_CLIENT_SECRET (and --public-url): people sign in through this provider. */
  oidc?: OidcSettings;
  /** `--smtp-url` (or DOSSIER_SMTP_URL), `--mail-from`, `--mail-language`: send notify messages by e-mail (docs/email.md). */
  mail?: MailSettings;
  /** DOSSIER_WEBHOOK_SECRET: sign every webhook with this secret; absent: each tenant's own, kept in the store. */
  webhookSecret?: string;
  /** `--mail-in-*`: take mail for the case types' mailboxes (e-mail in, docs/email.md). */
  mailIn?: MailInSettings;
  /** DOSSIER_TRUST_PROXY: how many proxies of one's own stand in front (docs/public-form.md). */
  trustedProxies?: number;
}

/** The SMTP listener of `dossier serve --mail-in-port` (e-mail in). */
export interface MailInSettings {
  port: number;
  /** Default: the HTTP --host. */
  host?: string;
  maxMessageBytes?: number;
  perMinute?: number;
  /** PEM files read at start. */
  tls?: { keyFile: string; certFile: string };
}

/** Why the server could not start, in one line that says what to do; `dossier serve` prints it and exits 1. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}



async function openPostgres(url: string): Promise<CaseStore> {
  try {
    new URL(url);
  } catch {
    throw new StartupError(`'${redactUrl(url)}' is not a database URL; write it as postgres://user:password@host:5432/database.`);
  }
  try {
    return await createPostgresStore({ url });
  } catch (error) {
    const e = error as { code?: string; message: string };
    const shown = redactUrl(url);
    const why = e.code === '3D000'
      ? 'the database does not exist (create it with createdb, or name another in the URL)'
      : e.code === '28P01' || e.code === '28000'
        ? 'the server refused the user or password'
        : e.message;
    throw new StartupError(`cannot use the database ${shown}: ${why}. Check that PostgreSQL runs and the URL (--db or DOSSIER_DATABASE_URL) is right.`);
  }
}

async function openStore(db: string): Promise<CaseStore> {
  if (isPostgresUrl(db)) return openPostgres(db);
  const file = db;
  try {
    return createSqliteStore({ file });
  } catch (error) {
    const e = error as { code?: string; message: string };
    const reason = e.code === 'SQLITE_READONLY' || e.code === 'SQLITE_READONLY_DIRECTORY'
      ? 'it is read-only'
      : e.code === 'SQLITE_CANTOPEN'
        ? 'the file or its folder does not exist or may not be written'
        : e.code === 'SQLITE_NOTADB'
          ? 'the file is not a Dossier (SQLite) database'
          : e.message;
    throw new StartupError(`cannot open the database ${file}: ${reason}. Check the path and its permissions (the folder must be writable too), or choose another file with --db FILE.`);
  }
}

function listenFailure(error: NodeJS.ErrnoException, host: string, port: number, flag = ''): StartupError {
  if (error.code === 'EADDRINUSE') return new StartupError(`port ${port} on ${host} is in use by another program. Stop that program, or choose another port with --${flag}port N.`);
  if (error.code === 'EACCES') return new StartupError(`port ${port} on ${host} may not be used by this user (ports below 1024 need privileges). Choose another port with --${flag}port N.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new StartupError(`${host} is not an address of this machine. Choose another with --${flag}host H (127.0.0.1 for this machine only, 0.0.0.0 for every interface).`);
  return new StartupError(`cannot listen on ${host}:${port}: ${error.message}.`);
}

export interface RunningServer {
  url: string;
  port: number;
  /** The admin token when this start created it (print it once), else null. */
  adminToken: string | null;
  /** DOSSIER_ADMIN_TOKEN named a token that an admin revoked: it was not added again. */
  adminTokenRevoked: boolean;
  seeded: string[];
  /**
   * With mail out but no --public-url: the published case types (`tenant/key`) whose survey mails would carry
   * links to the host's own listening address, which customers cannot open (empty otherwise).
   */
  surveysWithoutPublicUrl: string[];
  /** The port the SMTP listener took (--mail-in-port 0: a free one); null without one. */
  mailInPort: number | null;
  close(): Promise<void>;
}

const defaultTemplates = fileURLToPath(new URL('../../templates', import.meta.url));
const defaultDesigner = fileURLToPath(new URL('../../dist/designer', import.meta.url));

/** --public-url (or, set directly, the sign-in's): where people and customers reach this host; undefined: not given. */
function publicUrlOf(options: ServeOptions): string | undefined {
  return options.mail?.publicUrl ?? options.publicUrl ?? options.oidc?.publicUrl;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('info');
  const store = await openStore(options.db);
  const dbShown = isPostgresUrl(options.db) ? redactUrl(options.db) : options.db;
  const now = clock.now();
  /** A write the database refused at start-up (read-only, full, gone) as one line; anything else is a bug and keeps its stack. */
  const writeFailure = async (error: unknown): Promise<never> => {
    await store.close().catch(() => undefined);
    const e = error as { code?: unknown; message: string };
    if (error instanceof StoreUnavailableError || (typeof e.code === 'string' && e.code.startsWith('SQLITE_'))) {
      throw new StartupError(`cannot write to the database ${dbShown}: ${e.code === 'SQLITE_READONLY' || (error as StoreUnavailableError).reason === 'read_only' ? 'it is read-only' : e.message}. Check its permissions, or choose another database with --db.`);
    }
    throw error;
  };
  let seeded: string[] = [];
  try {
    seeded = await seedTemplates(store, options.templatesDir ?? defaultTemplates, now, logger);
  } catch (error) {
    await writeFailure(error);
  }
  const host = createRuntime({
    store,
    engine,
    clock,
    logger,
    designerDir: options.designerDir ?? defaultDesigner,
    ...(options.webhookAllow === undefined ? {} : { webhookAllow: options.webhookAllow }),
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.serviceTokenExpiry === undefined ? {} : { serviceTokenExpiry: options.serviceTokenExpiry }),
    ...(options.documentMaxBytes === undefined ? {} : { documentMaxBytes: options.documentMaxBytes }),
    ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
    ...(options.suggestRetrainMs === undefined ? {} : { suggestRetrainMs: options.suggestRetrainMs }),
    ...(options.oidc === undefined ? {} : { oidc: options.oidc }),
    // survey links (docs/feedback.md) point where customers reach this host: --public-url, else its own
    // listening address (a warning at start says so where a published case type mails a survey)
    ...(options.mail === undefined
      ? {}
      : { mail: { ...options.mail, publicUrl: publicUrlOf(options) ?? `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${String(options.port)}` } }),
    ...(options.webhookSecret === undefined ? {} : { webhookSecret: options.webhookSecret }),
    ...(options.trustedProxies === undefined ? {} : { trustedProxies: options.trustedProxies }),
  });
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
      const s = serve(
        {
          fetch: host.app.fetch,
          port: options.port,
          hostname: options.host,
          // a client that sends its headers or its body too slowly gets 408 and the connection is closed
          // (Node's defaults: 60 s for headers, 300 s for a request, checked every 30 s)
          serverOptions: { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
        },
        () => resolveServer(s),
      );
      s.once('error', reject);
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw listenFailure(error as NodeJS.ErrnoException, options.host, options.port);
  }
  // the admin token only once the port is ours: a start that fails on a busy port must not issue a
  // token that nobody saw (the next start would find a token and print none)
  let adminToken: string | null = null;
  let adminTokenRevoked = false;
  try {
    adminToken = await ensureAdminToken(store, now, options.adminToken);
    // a secret whose token an admin revoked stays revoked: say so instead of starting as if it worked
    if (options.adminToken !== undefined && options.adminToken !== '') {
      const known = await store.findTokenByHash(hashToken(options.adminToken));
      if (known === null) {
        adminTokenRevoked = true;
        logger.warn('DOSSIER_ADMIN_TOKEN names a revoked token; it was not added');
      } else if (isExpired(known.expiresAt, clock.now())) {
        // as a revoked one, an expired secret is not renewed by a restart (a rotation gave it an end)
        logger.warn('DOSSIER_ADMIN_TOKEN names an expired token; it was not renewed', { expiresAt: known.expiresAt });
      }
    }
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    await writeFailure(error);
  }
  const port = (server.address() as AddressInfo).port;
  await host.start();
  let mailIn: SmtpIntake | null = null;
  if (options.mailIn !== undefined) {
    const settings = options.mailIn;
    const smtpHost = settings.host ?? options.host;
    try {
      const tls = settings.tls === undefined ? undefined : { key: readFileSync(settings.tls.keyFile, 'utf8'), cert: readFileSync(settings.tls.certFile, 'utf8') };
      mailIn = await startSmtpIntake({
        mailboxes: host.services.mailboxes,
        logger,
        host: smtpHost,
        port: settings.port,
        ...(settings.maxMessageBytes === undefined ? {} : { maxMessageBytes: settings.maxMessageBytes }),
        ...(settings.perMinute === undefined ? {} : { perMinute: settings.perMinute }),
        ...(tls === undefined ? {} : { tls }),
      });
    } catch (error) {
      await new Promise<void>((done) => server.close(() => done()));
      await host.stop();
      await store.close();
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') throw new StartupError(`cannot read the SMTP TLS file ${e.path ?? ''}: give --mail-in-tls-key and --mail-in-tls-cert PEM files that exist.`);
      throw listenFailure(e, smtpHost, settings.port, 'mail-in-');
    }
    logger.info('dossier taking mail', { smtp: `${smtpHost}:${String(mailIn.port)}` });
  }
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  // mail out without --public-url: a case type that mails a survey would send links to this address
  const surveysWithoutPublicUrl: string[] = [];
  if (options.mail !== undefined && publicUrlOf(options) === undefined) {
    for (const tenant of await store.listTenants()) {
      for (const summary of await store.listCaseTypes(tenant)) {
        if (summary.latestVersion === null) continue;
        const published = await store.getCaseType(tenant, summary.key);
        if (published?.definition.feedback !== undefined) surveysWithoutPublicUrl.push(`${tenant}/${summary.key}`);
      }
    }
    if (surveysWithoutPublicUrl.length > 0) {
      logger.warn('survey links point at this host\'s own address: set --public-url', { caseTypes: surveysWithoutPublicUrl, linkBase: url });
    }
  }
  logger.info('dossier serving', {
    url,
    db: dbShown,
    seeded,
    ...(options.oidc === undefined ? {} : { signIn: options.oidc.issuer }),
    ...(options.mail === undefined ? {} : { smtp: redactUrl(options.mail.smtpUrl), mailFrom: options.mail.from }),
  });
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    adminToken,
    adminTokenRevoked,
    seeded,
    surveysWithoutPublicUrl,
    mailInPort: mailIn?.port ?? null,
    close() {
      closing ??= (async () => {
        await mailIn?.close();
        // the chat streams end within their next poll; then no response keeps the server open
        host.endStreams();
        await new Promise<void>((done) => {
          server.close(() => done());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await host.stop();
        await store.close();
        logger.info('dossier stopped', { db: dbShown });
      })();
      return closing;
    },
  };
}

const usage = [
  'Usage: dossier serve [--db FILE|postgres://URL] [--port N] [--host H] [--service-token-expiry DURATION|none] [--document-max-mb N] [--documents-dir DIR]',
  '                     [--oidc-issuer URL --oidc-client-id ID --oidc-role ROLE=GROUP ... [sign-in options]]',
  '',
  'Runs the Dossier runtime host and the designer on one port; builds the designer first when it is missing.',
  '',
  'Options:',
  '  --db FILE     the SQLite database file (default ./dossier.db; created on first start), or',
  '  --db URL      a PostgreSQL database (postgres://user:password@host:5432/dossier) that several hosts share',
  '  --port N      the port to listen on, 0 for any free one (default 3000)',
  '  --host H      the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)',
  '  --service-token-expiry DURATION',
  '                how long a token whose roles are only service lives when it is issued without',
  `                expiresIn: an ISO 8601 duration such as P30D or PT12H (default ${DEFAULT_SERVICE_TOKEN_EXPIRY},`,
  `                at most ${MAX_TOKEN_LIFETIME}); none: such tokens never expire unless asked to`,
  '  --document-max-mb N',
  '                the largest document (upload or attachment) a case file takes, in megabytes (MiB;',
  '                default 20, at most 1024); a larger one is refused with 413, nothing stored',
  '  --documents-dir DIR',
  '                keep new documents\' content in files in DIR (created if missing; one folder per tenant)',
  '                instead of the database; the database keeps their rows (back DIR up with it)',
  '  --suggest-retrain MINUTES',
  '                how often the contact-reason suggester learns again from closed cases (default 60;',
  '                0: only at start and while a model is young)',
  '  --public-url URL',
  '                where people and customers reach Dossier, such as https://dossier.example.com (no path):',
  '                the base of mailed survey links (docs/feedback.md; without it they point at --host:--port,',
  '                which customers cannot open, and serve warns at start); with --oidc-issuer also the',
  '                sign-in address (default: the address a request came to): the provider must allow',
  '                <URL>/auth/callback as a redirect URI and <URL>/ after sign-out',
  '  -h, --help    this text',
  '',
  'E-mail out (docs/email.md; without --smtp-url notify messages are recorded on their cases only):',
  '  --smtp-url URL        the mail server: smtp://user:password@host:587 (STARTTLS when offered) or',
  '                        smtps://user:password@host:465; or DOSSIER_SMTP_URL, which keeps the password off',
  '                        the command line',
  '  --mail-from ADDRESS   the sender, such as "Service <service@example.com>" (needed with --smtp-url; or',
  '                        DOSSIER_MAIL_FROM)',
  '  --mail-language TAG   the language of messages when the case has none (customer.language), such as nl',
  '                        (default: each message\'s first language)',
  '',
  'E-mail in (docs/email.md; a mailbox per case type: PUT /api/mailboxes/<case type>):',
  '  --mail-in-port N      take mail over SMTP on this port (0: any free one); without it, no mail in',
  '  --mail-in-host H      the address to listen on (default: --host)',
  `  --mail-in-max-size MB the largest message taken (default ${String(DEFAULT_MAX_MESSAGE_BYTES / (1024 * 1024))})`,
  `  --mail-in-rate N      messages a mailbox takes per minute before it says "try later" (default ${String(DEFAULT_MAILS_PER_MINUTE)})`,
  '  --mail-in-tls-key FILE --mail-in-tls-cert FILE',
  '                        the certificate offered with STARTTLS (PEM); a mailbox\'s password is taken',
  '                        over plain SMTP only on a loopback address',
  '',
  'Sign-in with OpenID Connect (docs/sign-in.md; without --oidc-issuer people sign in with a token):',
  '  --oidc-issuer URL         the identity provider (https; http only on a loopback address)',
  '  --oidc-client-id ID       Dossier\'s client id at the provider (the secret: DOSSIER_OIDC_CLIENT_SECRET;',
  '                            none for a public client, which PKCE protects)',
  '  --oidc-role ROLE=GROUP    people in GROUP get ROLE (admin, analyst, agent, or a case type\'s role);',
  '                            repeat for more; people in none of the groups cannot sign in',
  '  --oidc-groups-claim NAME  the claim that lists a person\'s groups (default groups; a.b reaches into objects)',
  '  --oidc-scope "S1 S2"      the scopes asked for (default "openid profile email"; add groups where the',
  '                            provider gives groups only for that scope)',
  '  --oidc-name-claim NAME    the claim that names a person in history (default name, then',
  '                            preferred_username, email, sub)',
  '  --oidc-tenant-claim NAME  the claim that holds a person\'s tenant (default: everybody in --oidc-tenant)',
  '  --oidc-tenant TENANT      the tenant of everybody when there is no tenant claim (default default)',
  '  --oidc-tenants A,B        the tenants the tenant claim may name (default: any but default, whose',
  '                            admins manage every tenant)',
  '  --oidc-partner PARTNER=GROUP  people in GROUP work for the partner organisation PARTNER (PUT',
  '                            /api/partners/PARTNER): they see only its delegated queues and shared fields',
  `  --session-lifetime DURATION  how long a sign-in lasts (default ${DEFAULT_SESSION_LIFETIME}, at most ${MAX_SESSION_LIFETIME})`,
  '',
  'Environment:',
  '  DOSSIER_DATABASE_URL   the database when --db is not given (a file or a postgres:// URL)',
  '  DOSSIER_ADMIN_TOKEN    use this secret as an admin token of tenant default (scripts, CI, a lost token)',
  '  DOSSIER_LOG_LEVEL      debug, info (default), warn or error; the log is JSON lines on stderr',
  '  DOSSIER_CORS_ORIGINS   comma-separated origins allowed to call the API from a browser (default: none)',
  '  DOSSIER_WEBHOOK_ALLOW  hosts or CIDRs that webhooks may reach although private or loopback (default: none)',
  '  DOSSIER_WEBHOOK_SECRET whsec_… : sign every webhook with this secret (default: a secret per tenant,',
  '                         generated when first needed; its admins read it at GET /api/webhook-secret)',
  '  DOSSIER_SMTP_URL, DOSSIER_MAIL_FROM  as --smtp-url and --mail-from',
  '  DOSSIER_BUILD_DESIGNER 0: do not build the designer when it is missing (serve the API only)',
  '  DOSSIER_TRUST_PROXY    how many proxies of your own stand in front: the public form\'s limits then count',
  '                         the address the outermost one saw (X-Forwarded-For); default 0, the socket\'s',
  '  DOSSIER_OIDC_CLIENT_SECRET  the client secret at the identity provider (kept off the command line)',
  '  DOSSIER_LEASE_MS       on a shared PostgreSQL database: how long a host holds the timers and outbox',
  '                         rows it claimed before another host may take them (default 30000); a host',
  '                         begins deliveries in the first half, so keep it above twice the webhook timeout (10 s)',
].join('\n');
const signInOptionNames = [
  '--oidc-issuer',
  '--oidc-client-id',
  '--oidc-role',
  '--oidc-groups-claim',
  '--oidc-name-claim',
  '--oidc-tenant-claim',
  '--oidc-tenant',
  '--oidc-tenants',
  '--oidc-partner',
  '--oidc-scope',
  '--session-lifetime',
];
const mailOptionNames = ['--smtp-url', '--mail-from', '--mail-language'];
const mailInOptionNames = ['--mail-in-port', '--mail-in-host', '--mail-in-max-size', '--mail-in-rate', '--mail-in-tls-key', '--mail-in-tls-cert'];
const optionNames = ['--db', '--port', '--host', '--service-token-expiry', '--document-max-mb', '--documents-dir', '--suggest-retrain', '--public-url', ...signInOptionNames, ...mailOptionNames, ...mailInOptionNames];

/** The --mail-in-* options, checked; undefined without --mail-in-port. */
function mailInSettings(given: Map<string, string>): { ok: true; settings: MailInSettings | undefined } | { ok: false; message: string } {
  const port = given.get('--mail-in-port');
  if (port === undefined) {
    const stray = [...given.keys()][0];
    return stray === undefined ? { ok: true, settings: undefined } : { ok: false, message: `${stray} needs --mail-in-port N as well (the port mail is taken on).` };
  }
  const settings: MailInSettings = { port: Number(port) };
  if (!Number.isInteger(settings.port) || settings.port < 0 || settings.port > 65535) return { ok: false, message: `--mail-in-port must be a number from 0 to 65535; got '${port}'.` };
  const host = given.get('--mail-in-host');
  if (host !== undefined) settings.host = host;
  const size = given.get('--mail-in-max-size');
  if (size !== undefined) {
    const mb = Number(size);
    if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) return { ok: false, message: `--mail-in-max-size must be megabytes from 0 to 1024, such as 25; got '${size}'.` };
    settings.maxMessageBytes = Math.round(mb * 1024 * 1024);
  }
  const rate = given.get('--mail-in-rate');
  if (rate !== undefined) {
    const n = Number(rate);
    if (!Number.isInteger(n) || n < 1) return { ok: false, message: `--mail-in-rate must be a whole number of messages a minute, such as 600; got '${rate}'.` };
    settings.perMinute = n;
  }
  const key = given.get('--mail-in-tls-key');
  const cert = given.get('--mail-in-tls-cert');
  if ((key === undefined) !== (cert === undefined)) return { ok: false, message: '--mail-in-tls-key and --mail-in-tls-cert go together: give both PEM files.' };
  if (key !== undefined && cert !== undefined) settings.tls = { keyFile: key, certFile: cert };
  return { ok: true, settings };
}

const ROLE = /^[a-z][a-z0-9-]{0,62}$/;
const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The sign-in options as settings, or what is wrong with them in one sentence. */
function signInSettings(given: Map<string, string[]>, secret: string | undefined): { ok: true; settings: OidcSettings | undefined } | { ok: false; message: string } {
  const one = (name: string): string | undefined => given.get(name)?.at(-1);
  const issuer = one('--oidc-issuer');
  if (issuer === undefined) {
    const stray = [...given.keys()][0];
    return stray === undefined ? { ok: true, settings: undefined } : { ok: false, message: `${stray} needs --oidc-issuer (the identity provider) as well.` };
  }
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    return { ok: false, message: `--oidc-issuer must be a URL such as https://login.example.com/realms/staff; got '${issuer}'.` };
  }
  if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && isLoopbackHost(issuerUrl.hostname))) {
    return { ok: false, message: `--oidc-issuer must be an https URL (http only on this machine, for tests); got '${issuer}'.` };
  }
  const clientId = one('--oidc-client-id');
  if (clientId === undefined || clientId === '') return { ok: false, message: '--oidc-issuer needs --oidc-client-id ID (Dossier\'s client id at the provider).' };
  const roleGroups: { role: string; group: string }[] = [];
  for (const pair of given.get('--oidc-role') ?? []) {
    const at = pair.indexOf('=');
    const role = pair.slice(0, at);
    const group = pair.slice(at + 1);
    if (at < 1 || group === '' || !ROLE.test(role)) return { ok: false, message: `--oidc-role must be ROLE=GROUP, such as --oidc-role agent=service-desk; got '${pair}'.` };
    roleGroups.push({ role, group });
  }
  const partnerGroups: { partner: string; group: string }[] = [];
  for (const pair of given.get('--oidc-partner') ?? []) {
    const at = pair.indexOf('=');
    const partner = pair.slice(0, at);
    const group = pair.slice(at + 1);
    if (at < 1 || group === '' || !TENANT.test(partner)) return { ok: false, message: `--oidc-partner must be PARTNER=GROUP, such as --oidc-partner backoffice-nl=bo-staff; got '${pair}'.` };
    partnerGroups.push({ partner, group });
  }
  if (roleGroups.length === 0) return { ok: false, message: '--oidc-issuer needs at least one --oidc-role ROLE=GROUP (such as --oidc-role admin=dossier-admins), or nobody could sign in.' };
  const tenant = one('--oidc-tenant') ?? 'default';
  if (!TENANT.test(tenant)) return { ok: false, message: `--oidc-tenant must be lower-case letters, digits and dashes; got '${tenant}'.` };
  const lifetime = sessionLifetime(one('--session-lifetime') ?? DEFAULT_SESSION_LIFETIME);
  if (!lifetime.ok) return { ok: false, message: `${lifetime.message}.` };
  const scope = one('--oidc-scope');
  if (scope !== undefined && !scope.split(/\s+/).includes('openid')) return { ok: false, message: `--oidc-scope must include openid, such as --oidc-scope "openid profile email groups"; got '${scope}'.` };
  const tenantClaim = one('--oidc-tenant-claim');
  const tenantsText = one('--oidc-tenants');
  const allowedTenants = tenantsText === undefined ? null : tenantsText.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const badTenant = allowedTenants?.find((t) => !TENANT.test(t));
  if (badTenant !== undefined) return { ok: false, message: `--oidc-tenants must list tenants (lower-case letters, digits and dashes) separated by commas; got '${badTenant}'.` };
  return {
    ok: true,
    settings: {
      issuer,
      clientId,
      ...(secret === undefined || secret === '' ? {} : { clientSecret: secret }),
      sessionLifetimeMs: lifetime.ms,
      ...(scope === undefined ? {} : { scope: scope.trim().split(/\s+/).join(' ') }),
      policy: {
        roleGroups,
        groupsClaim: one('--oidc-groups-claim') ?? 'groups',
        nameClaim: one('--oidc-name-claim') ?? 'name',
        tenantClaim: tenantClaim === undefined || tenantClaim === '' ? null : tenantClaim,
        tenant,
        ...(allowedTenants === null ? {} : { allowedTenants }),
        ...(partnerGroups.length === 0 ? {} : { partnerGroups }),
      },
    },
  };
}

export function parseServeArgs(args: string[], cwd: string, env: Record<string, string | undefined> = {}): { ok: true; options: ServeOptions } | { ok: false; message: string } {
  const fromEnv = env.DOSSIER_DATABASE_URL;
  const dbOf = (value: string) => (isPostgresUrl(value) ? value : resolve(cwd, value));
  const options: ServeOptions = { db: fromEnv !== undefined && fromEnv !== '' ? dbOf(fromEnv) : resolve(cwd, 'dossier.db'), port: 3000, host: '127.0.0.1' };
  const signIn = new Map<string, string[]>();
  const mailInArgs = new Map<string, string>();
  const mail = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = args[i + 1];
    if (arg === '--db' || arg === '--port' || arg === '--host') {
      if (value === undefined) return { ok: false, message: `${arg} needs a value, e.g. ${arg === '--db' ? '--db ./dossier.db' : arg === '--port' ? '--port 3000' : '--host 127.0.0.1'}.` };
      i++;
      if (arg === '--db') options.db = dbOf(value);
      else if (arg === '--host') options.host = value;
      else {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port must be a number from 0 to 65535; got '${value}'.` };
        options.port = port;
      }
    } else if (arg === '--service-token-expiry') {
      if (value === undefined) return { ok: false, message: `--service-token-expiry needs a value, e.g. --service-token-expiry ${DEFAULT_SERVICE_TOKEN_EXPIRY} (or none).` };
      i++;
      if (value === 'none') options.serviceTokenExpiry = null;
      else {
        const parsed = tokenDuration(value, '--service-token-expiry');
        if (!parsed.ok) return { ok: false, message: `${parsed.message}, or none for no default.` };
        options.serviceTokenExpiry = value;
      }
    } else if (mailInOptionNames.includes(arg)) {
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value (dossier serve --help says which).` };
      i++;
      mailInArgs.set(arg, arg === '--mail-in-tls-key' || arg === '--mail-in-tls-cert' ? resolve(cwd, value) : value);
    } else if (mailOptionNames.includes(arg)) {
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value (dossier serve --help says which).` };
      i++;
      mail.set(arg, value);
    } else if (arg === '--documents-dir') {
      if (value === undefined || value.startsWith('--')) return { ok: false, message: '--documents-dir needs a directory, e.g. --documents-dir ./documents.' };
      i++;
      options.documentsDir = resolve(cwd, value);
    } else if (arg === '--document-max-mb') {
      const mb = Number(value);
      if (value === undefined || !Number.isFinite(mb) || mb <= 0 || mb > 1024) return { ok: false, message: `--document-max-mb needs a number of megabytes from more than 0 to 1024, e.g. --document-max-mb 20; got '${value ?? ''}'.` };
      i++;
      options.documentMaxBytes = Math.round(mb * 1024 * 1024);
    } else if (arg === '--suggest-retrain') {
      const minutes = Number(value);
      if (value === undefined || !Number.isInteger(minutes) || minutes < 0 || minutes > 10_080) return { ok: false, message: `--suggest-retrain needs a whole number of minutes from 0 to 10080 (a week), e.g. --suggest-retrain 60; got '${value ?? ''}'.` };
      i++;
      options.suggestRetrainMs = minutes * 60_000;
    } else if (arg === '--public-url') {
      let url: URL | null;
      try {
        url = value === undefined ? null : new URL(value);
      } catch {
        url = null;
      }
      if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
        return { ok: false, message: `--public-url must be the address people open, such as https://dossier.example.com (no path); got '${value ?? ''}'.` };
      }
      i++;
      options.publicUrl = url.origin;
    } else if (signInOptionNames.includes(arg)) {
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value (dossier serve --help says which).` };
      i++;
      signIn.set(arg, [...(signIn.get(arg) ?? []), value]);
    } else {
      return { ok: false, message: `unknown option '${arg}'${didYouMean(arg, optionNames)} (dossier serve --help lists the options).` };
    }
  }
  const sso = signInSettings(signIn, env.DOSSIER_OIDC_CLIENT_SECRET);
  if (!sso.ok) return sso;
  if (sso.settings !== undefined) options.oidc = options.publicUrl === undefined ? sso.settings : { ...sso.settings, publicUrl: options.publicUrl };
  const mailIn = mailInSettings(mailInArgs);
  if (!mailIn.ok) return mailIn;
  if (mailIn.settings !== undefined) options.mailIn = mailIn.settings;
  const mailing = mailSettings(mail, env);
  if (!mailing.ok) return mailing;
  if (mailing.settings !== undefined) options.mail = mailing.settings;
  const proxies = env.DOSSIER_TRUST_PROXY;
  if (proxies !== undefined && proxies !== '') {
    const n = Number(proxies);
    if (!Number.isInteger(n) || n < 0 || n > 10) return { ok: false, message: `DOSSIER_TRUST_PROXY must be the number of proxies of your own in front of Dossier, 0 to 10; got '${proxies}'.` };
    options.trustedProxies = n;
  }
  const webhookSecret = env.DOSSIER_WEBHOOK_SECRET;
  if (webhookSecret !== undefined && webhookSecret !== '') {
    const problem = webhookSecretProblem(webhookSecret);
    if (problem !== null) return { ok: false, message: `DOSSIER_WEBHOOK_SECRET: ${problem}.` };
    options.webhookSecret = webhookSecret;
  }
  return { ok: true, options };
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** The e-mail options as settings (none without an SMTP URL), or what is wrong with them in one sentence. */
function mailSettings(given: Map<string, string>, env: Record<string, string | undefined>): { ok: true; settings: MailSettings | undefined } | { ok: false; message: string } {
  const smtpUrl = given.get('--smtp-url') ?? (env.DOSSIER_SMTP_URL === '' ? undefined : env.DOSSIER_SMTP_URL);
  const from = given.get('--mail-from') ?? (env.DOSSIER_MAIL_FROM === '' ? undefined : env.DOSSIER_MAIL_FROM);
  const language = given.get('--mail-language');
  if (smtpUrl === undefined) {
    const stray = [...given.keys()][0];
    return stray === undefined ? { ok: true, settings: undefined } : { ok: false, message: `${stray} needs --smtp-url (the mail server) as well.` };
  }
  let url: URL | null;
  try {
    url = new URL(smtpUrl);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    return { ok: false, message: `--smtp-url must be smtp://user:password@host:587 or smtps://user:password@host:465; got '${redactUrl(smtpUrl)}'.` };
  }
  if (from === undefined) return { ok: false, message: '--smtp-url needs --mail-from, the sender, such as --mail-from "Service <service@example.com>".' };
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  if (!isMailAddress(address)) return { ok: false, message: `--mail-from must be an address, such as "Service <service@example.com>"; got '${from}'.` };
  if (language !== undefined && !LANGUAGE.test(language)) return { ok: false, message: `--mail-language must be a language tag such as nl or en-GB; got '${language}'.` };
  return { ok: true, settings: { smtpUrl, from, ...(language === undefined ? {} : { language }) } };
}

/** DOSSIER_WEBHOOK_ALLOW parsed, or null after saying what is wrong with it. */
function readWebhookAllow(io: CommandIo): WebhookAllow | null {
  try {
    return parseWebhookAllow(process.env.DOSSIER_WEBHOOK_ALLOW ?? '');
  } catch (error) {
    io.err(`dossier serve: ${(error as Error).message}`);
    return null;
  }
}

export async function serveCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage);
    return 0;
  }
  const parsed = parseServeArgs(args, io.cwd, process.env);
  if (!parsed.ok) {
    io.err(`dossier serve: ${parsed.message}`);
    return 2;
  }
  const level = (process.env.DOSSIER_LOG_LEVEL ?? 'info') as LogLevel;
  const adminToken = process.env.DOSSIER_ADMIN_TOKEN;
  const corsOrigins = (process.env.DOSSIER_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  const webhookAllow = readWebhookAllow(io);
  if (webhookAllow === null) return 2;
  const leaseText = process.env.DOSSIER_LEASE_MS;
  const leaseMs = leaseText === undefined || leaseText === '' ? undefined : Number(leaseText);
  if (leaseMs !== undefined && (!Number.isInteger(leaseMs) || leaseMs < 1000)) {
    io.err(`dossier serve: DOSSIER_LEASE_MS must be a whole number of milliseconds, 1000 or more; got '${String(leaseText)}'.`);
    return 2;
  }
  // SIGTERM/SIGINT from here on: during the designer build it stops the build, later the server
  let stopRequested = false;
  let onStop: () => void = () => undefined;
  const stop = () => {
    stopRequested = true;
    onStop();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    let running: RunningServer;
    try {
      running = await startServer({
        ...parsed.options,
        logger: createLogger(level),
        webhookAllow,
        ...(adminToken === undefined || adminToken === '' ? {} : { adminToken }),
        ...(corsOrigins.length === 0 ? {} : { corsOrigins }),
        ...(leaseMs === undefined ? {} : { leaseMs }),
      });
    } catch (error) {
      if (!(error instanceof StartupError)) throw error;
      io.err(`dossier serve: ${error.message}`);
      return 1;
    }
    // the API answers already; the designer is built when missing (`/` says so meanwhile)
    if (parsed.options.designerDir === undefined && process.env.DOSSIER_BUILD_DESIGNER !== '0' && !stopRequested) {
      const built = await buildDesignerIfMissing(defaultDesigner, io, (cancel) => (onStop = cancel));
      onStop = () => undefined;
      if (!built.ok && !stopRequested) io.err(`dossier serve: ${built.message}`);
    }
    io.out(`Dossier is running at ${running.url}/ (API: ${running.url}/api, OpenAPI: ${running.url}/api/openapi.json)`);
    if (running.seeded.length > 0) io.out(`Seeded case types: ${running.seeded.join(', ')}`);
    const mail = parsed.options.mail;
    if (mail !== undefined) io.out(`E-mail: notify messages go out through ${redactUrl(mail.smtpUrl)} from ${mail.from} (docs/email.md)`);
    if (running.surveysWithoutPublicUrl.length > 0) {
      io.err(
        `dossier serve: ${running.surveysWithoutPublicUrl.join(', ')} mail${running.surveysWithoutPublicUrl.length === 1 ? 's' : ''} a feedback survey, but without --public-url its links point at ${running.url}, which customers cannot open; set --public-url https://… (the address customers reach Dossier at; docs/feedback.md).`,
      );
    }
    const sso = parsed.options.oidc;
    if (sso !== undefined) {
      io.out(`Sign-in: people sign in through ${sso.issuer}; its redirect URI for Dossier is ${sso.publicUrl ?? running.url}/auth/callback`);
      const loopback = ['127.0.0.1', 'localhost', '::1'].includes(parsed.options.host);
      if (sso.publicUrl === undefined && !loopback) {
        io.err('dossier serve: sign-in without --public-url on an address other machines reach: the redirect URI and the cookies follow the address each request came to; behind a TLS proxy set --public-url https://… so that cookies are Secure.');
      } else if (sso.publicUrl !== undefined && sso.publicUrl.startsWith('http:') && !/^http:\/\/(127\.|localhost|\[::1\])/.test(sso.publicUrl)) {
        io.err('dossier serve: --public-url is plain http on another machine: the sign-in cookies cannot be Secure; use https.');
      }
    }
    if (running.adminToken !== null && running.adminToken !== adminToken) {
      io.out(`Admin token (shown once, store it now): ${running.adminToken}`);
      io.out(`Designer: ${running.url}/?token=${encodeURIComponent(running.adminToken)}`);
    } else if (running.adminTokenRevoked) {
      io.err('dossier serve: DOSSIER_ADMIN_TOKEN names a token that was revoked, and it stays revoked; set a new secret to add an admin token, or sign in with one you have.');
    } else if (running.adminToken !== null) {
      io.out(`Admin token: the secret in DOSSIER_ADMIN_TOKEN (added to tenant default). Designer: ${running.url}/`);
    }
    if (!stopRequested) await new Promise<void>((done) => (onStop = done));
    io.out('Stopping: finishing requests in flight, then closing the database.');
    await running.close();
    return 0;
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
}
