// People sign in through an OpenID Connect provider (authorization code flow with PKCE, `openid-client`)
// and hold a server-side session in an HTTP-only, SameSite=Lax cookie; writes made with that cookie need
// the session's CSRF token in `X-CSRF-Token` (docs/sign-in.md). Routes outside /api, which needs a
// credential: GET /auth/options, GET /auth/login, GET /auth/callback, POST /auth/logout.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { endSession, personOf, startSession, type SignInPolicy } from '../host/sign-in.ts';
import type { TokenService } from '../host/tokens.ts';
import type { CaseStore } from '../store/case-store.ts';
import { HttpProblem } from './problems.ts';

/** The server's identity provider (`dossier serve --oidc-*`). */
export interface OidcSettings {
  /** The provider's issuer URL (https; http only on a loopback address, for tests and a laptop). */
  issuer: string;
  clientId: string;
  /** The client's secret (DOSSIER_OIDC_CLIENT_SECRET); absent: a public client, PKCE alone. */
  clientSecret?: string;
  /**
   * Where people reach Dossier (`--public-url`): the provider sends them back to `<publicUrl>/auth/callback`.
   * Absent: the address the request came to (right without a proxy in front).
   */
  publicUrl?: string;
  policy: SignInPolicy;
  /** How long a session lasts (`--session-lifetime`). */
  sessionLifetimeMs: number;
  /** The scopes asked for (`--oidc-scope`; default `openid profile email`): some providers give groups only for a `groups` scope. */
  scope?: string;
}

/** The session cookie's name: `__Host-` bound to this origin where the public URL is https. */
export const SESSION_COOKIE = 'dossier_session';
const SECURE_SESSION_COOKIE = '__Host-dossier_session';
const LOGIN_MAX_AGE_S = 600;

/** Where people reach this server: the configured public URL, else the address of this request. */
export function publicUrlOf(c: Context, settings: OidcSettings | undefined): string {
  return settings?.publicUrl ?? new URL(c.req.url).origin;
}

/** Whether this server's cookies are `Secure` (and `__Host-`): where people reach it over https. */
export function secureCookies(c: Context, settings: OidcSettings | undefined): boolean {
  return new URL(publicUrlOf(c, settings)).protocol === 'https:';
}

/**
 * The session secret a request carries in its cookie, if any. Over https only the `__Host-` cookie counts:
 * a plain one may have been planted by a sibling domain or on a plain-http hop, and would sign the browser
 * in as somebody else.
 */
export function sessionSecretOf(c: Context, secure: boolean): string | undefined {
  return secure ? getCookie(c, SECURE_SESSION_COOKIE) : getCookie(c, SESSION_COOKIE);
}

/** The cookie of one sign-in in progress, named by its state: two tabs signing in at once do not meet. */
const loginCookie = (state: string, secure: boolean): string => `${secure ? '__Host-' : ''}dossier_login_${state.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 24)}`;

/** A session's CSRF token: derived from its secret (nothing more to store), sent back in `X-CSRF-Token` with every write. */
export function csrfTokenOf(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('dossier csrf v1').digest('base64url');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write made with the session cookie unless it names the session's CSRF token and does not come
 * from another site (`Sec-Fetch-Site: cross-site`). A cross-site form cannot set the header; a script of
 * another origin cannot read the token (the API answers no CORS with credentials).
 */
export function checkCsrf(c: Context, sessionSecret: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  if (c.req.header('sec-fetch-site') === 'cross-site') {
    throw new HttpProblem('auth.csrf', 'A write from another site was refused: sign-in sessions work only from Dossier\'s own pages. Machines send a token (Authorization: Bearer).');
  }
  const sent = c.req.header('x-csrf-token');
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  if (sent === undefined || Buffer.byteLength(sent) !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    throw new HttpProblem(
      'auth.csrf',
      'A write with the sign-in cookie needs the session\'s CSRF token in the X-CSRF-Token header (GET /api/me gives it as csrfToken). Reload the page if it stays refused.',
    );
  }
}

/**
 * A path of this site to return to after signing in; anything else is `/`: another host (`//x`, `/\\x`),
 * control characters (a browser drops a tab and reads `/\t/evil.example` as another host), the sign-in
 * routes themselves, something that is not text (a forged login cookie), or more than 2,000 characters.
 */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || value.includes('\\')) return '/';
  // control characters (a tab, a line break): a browser drops some and reads `/\t/evil.example` as another host
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20 || value.charCodeAt(i) === 0x7f) return '/';
  let url: URL;
  try {
    url = new URL(value, 'http://dossier.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://dossier.invalid' || url.pathname.startsWith('/auth/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A page for a person whose sign-in did not work: what happened, in words, and a way on. */
function problemPage(c: Context, status: 400 | 403 | 502, heading: string, message: string): Response {
  return c.html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)} · Dossier</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<main><h1>${escapeHtml(heading)}</h1>
<p role="alert">${escapeHtml(message)}</p>
<p><a href="/auth/login">Try again</a> · <a href="/">Go to the sign-in page</a></p></main>
</body></html>
`,
    status,
  );
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The provider's configuration, discovered on first use and kept; a failed discovery is tried again next time. */
function providerOf(settings: OidcSettings): () => Promise<oidc.Configuration> {
  let found: Promise<oidc.Configuration> | null = null;
  return () => {
    if (found === null) {
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
      found = oidc.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret === undefined ? oidc.None() : undefined,
        { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) },
      );
      found.catch(() => (found = null));
    }
    return found;
  };
}

/**
 * What the provider's claims are: the ID token's, with the userinfo endpoint's added where it answers (a
 * userinfo that fails is logged and left out: the ID token alone may carry what the policy needs).
 */
async function claimsOf(config: oidc.Configuration, tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>, logger: Logger): Promise<Record<string, unknown>> {
  const fromIdToken = (tokens.claims() ?? {}) as Record<string, unknown>;
  if (config.serverMetadata().userinfo_endpoint === undefined || typeof fromIdToken.sub !== 'string') return fromIdToken;
  try {
    const fromUserinfo = (await oidc.fetchUserInfo(config, tokens.access_token, fromIdToken.sub)) as Record<string, unknown>;
    return { ...fromUserinfo, ...fromIdToken };
  } catch (error) {
    logger.warn('userinfo not read; the ID token\'s claims are used alone', { error: error instanceof Error ? error.message : String(error) });
    return fromIdToken;
  }
}

/** A failure to reach the provider (network, timeout, its 5xx), as opposed to an answer that does not verify. */
function unreachable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; cause?: { code?: string }; status?: number };
  return e.name === 'TimeoutError' || e.name === 'AbortError' || /^E[A-Z]+$/.test(e.code ?? e.cause?.code ?? '') || (typeof e.status === 'number' && e.status >= 500) || e instanceof TypeError;
}

interface LoginTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** The login transaction of the cookie named for `state`, or null when it is not there or not one. */
function transactionOf(raw: string | undefined, state: string): LoginTransaction | null {
  if (raw === undefined) return null;
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<LoginTransaction>;
    if (typeof t.state !== 'string' || t.state !== state || typeof t.nonce !== 'string' || typeof t.verifier !== 'string') return null;
    return { state: t.state, nonce: t.nonce, verifier: t.verifier, returnTo: localPath(t.returnTo) };
  } catch {
    return null;
  }
}

export interface SignInRoutesOptions {
  store: CaseStore;
  tokens: TokenService;
  clock: Clock;
  logger: Logger;
  /** Absent: no identity provider; people sign in with a token, /auth/login says so. */
  oidc?: OidcSettings;
}

/** Names no person may take: the runtime's own actors. */
const RESERVED_NAMES = new Set(['system', 'sla']);

export function signInRoutes(options: SignInRoutesOptions): Hono {
  const { store, tokens, clock, logger } = options;
  const settings = options.oidc;
  const app = new Hono();
  const provider = settings === undefined ? null : providerOf(settings);
  const redirectUri = (c: Context): string => new URL('/auth/callback', publicUrlOf(c, settings)).href;
  const unavailable = () => new HttpProblem('sign_in.unavailable', 'This server has no identity provider set up (dossier serve --oidc-issuer); sign in with a token.');

  app.get('/auth/options', (c) => c.json({ oidc: settings === undefined ? null : { issuer: new URL(settings.issuer).host } }));

  app.get('/auth/login', async (c) => {
    if (settings === undefined || provider === null) throw unavailable();
    let config: oidc.Configuration;
    try {
      config = await provider();
    } catch (error) {
      logger.warn('identity provider not reachable', { issuer: settings.issuer, error: error instanceof Error ? error.message : String(error) });
      return problemPage(c, 502, 'Sign-in is not available right now', `The identity provider (${new URL(settings.issuer).host}) does not answer. Try again in a minute; if it stays so, tell your administrator.`);
    }
    const secure = secureCookies(c, settings);
    const transaction: LoginTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: localPath(c.req.query('return')),
    };
    // the transaction rides in a short-lived cookie of its own (named by its state, so that two tabs can sign
    // in at once): the callback may reach another host behind the load balancer
    setCookie(c, loginCookie(transaction.state, secure), Buffer.from(JSON.stringify(transaction)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: secure ? '/' : '/auth',
      maxAge: LOGIN_MAX_AGE_S,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(c),
      scope: settings.scope ?? 'openid profile email',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return c.redirect(url.href, 302);
  });

  app.get('/auth/callback', async (c) => {
    if (settings === undefined || provider === null) throw unavailable();
    const secure = secureCookies(c, settings);
    const state = c.req.query('state') ?? '';
    const name = loginCookie(state, secure);
    const transaction = state === '' ? null : transactionOf(getCookie(c, name), state);
    if (transaction !== null) deleteCookie(c, name, { path: secure ? '/' : '/auth', secure });
    if (transaction === null) {
      return problemPage(c, 400, 'Sign-in took too long or was started elsewhere', 'This sign-in was not started in this browser in the last ten minutes. Start it again.');
    }
    const error = c.req.query('error');
    if (error !== undefined) {
      // the provider's own words, now that the answer is known to belong to this browser's sign-in
      const description = c.req.query('error_description');
      return problemPage(c, 403, 'You were not signed in', `The identity provider said: ${(description ?? error).slice(0, 300)}.`);
    }
    let claims: Record<string, unknown>;
    try {
      const config = await provider();
      // the provider sent the person to the public URL; the request may have reached us by another address (a proxy)
      const current = new URL(redirectUri(c));
      current.search = new URL(c.req.url).search;
      const grant = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      claims = await claimsOf(config, grant, logger);
    } catch (failure) {
      logger.warn('sign-in refused at the callback', { error: failure instanceof Error ? failure.message : String(failure) });
      if (unreachable(failure)) {
        return problemPage(c, 502, 'Sign-in is not available right now', `The identity provider (${new URL(settings.issuer).host}) does not answer. Try again in a minute; if it stays so, tell your administrator.`);
      }
      return problemPage(c, 400, 'You were not signed in', 'The answer of the identity provider could not be verified (it may have been used already, or be too old). Start the sign-in again.');
    }
    const identity = personOf(claims, settings.policy);
    if (!identity.ok) {
      logger.info('sign-in refused by the role mapping', { subject: typeof claims.sub === 'string' ? claims.sub : null });
      return problemPage(c, 403, 'You have no access to Dossier', identity.reason);
    }
    const person = identity.person;
    // a name is one person's in history and assignments: not a machine token's, not the runtime's, not another subject's
    const subject = `${settings.issuer}#${person.subject}`;
    const nameTaken =
      RESERVED_NAMES.has(person.name) ||
      (await store.listTokens(person.tenant, person.name)).length > 0 ||
      !(await store.claimPersonName(person.tenant, subject, person.name, clock.now(), verifiedEmail(claims)));
    if (nameTaken) {
      logger.warn('sign-in refused: the name is taken', { name: person.name, tenant: person.tenant });
      return problemPage(
        c,
        403,
        'Your name is already used in Dossier',
        `Dossier names people in history by their name, and "${person.name}" is already somebody else's there. Ask your administrator to make your name at the identity provider distinct, or to have Dossier use your user name (dossier serve --oidc-name-claim preferred_username).`,
      );
    }
    // signing in again in this browser ends the session it had
    const previous = sessionSecretOf(c, secure);
    if (previous !== undefined) {
      const check = await tokens.verify(previous);
      if (check.status !== 'unknown' && check.token.kind === 'session') await endSession(store, check.token, clock.now());
    }
    const { secret, record } = await startSession(store, person, clock.now(), settings.sessionLifetimeMs);
    logger.info('signed in', { name: record.name, tenant: record.tenant, roles: record.roles });
    setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: Math.floor(settings.sessionLifetimeMs / 1000),
    });
    return c.redirect(localPath(transaction.returnTo), 302);
  });

  // Signs the person out here: the session ends on every host at once and the cookie is removed. Where the
  // provider can sign them out too, `endSessionUrl` is where the page goes next. A session that ended already
  // needs no CSRF token: its cookie is only removed.
  app.post('/auth/logout', async (c) => {
    const secure = secureCookies(c, settings);
    const secret = sessionSecretOf(c, secure);
    if (secret !== undefined) {
      const check = await tokens.verify(secret);
      if (check.status === 'valid' && check.token.kind === 'session') {
        checkCsrf(c, secret);
        await endSession(store, check.token, clock.now());
        logger.info('signed out', { name: check.token.name, tenant: check.token.tenant });
      }
      deleteCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', secure });
    }
    let endSessionUrl: string | null = null;
    if (settings !== undefined && provider !== null) {
      try {
        const config = await provider();
        if (config.serverMetadata().end_session_endpoint !== undefined) {
          endSessionUrl = oidc.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: new URL('/', publicUrlOf(c, settings)).href }).href;
        }
      } catch {
        // the provider is away: this sign-out stands; the provider's own session ends when it does
      }
    }
    return c.json({ signedOut: true, endSessionUrl });
  });

  return app;
}

/** The provider's e-mail address of the person, unless it says it is not verified: where mail to them goes (docs/email.md). */
function verifiedEmail(claims: Record<string, unknown>): string | null {
  const email = claims.email;
  if (typeof email !== 'string' || claims.email_verified === false) return null;
  const trimmed = email.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(trimmed) && trimmed.length <= 254 ? trimmed : null;
}
