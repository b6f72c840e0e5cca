// People sign in with OpenID Connect (issue 18, item 2), against a real provider on loopback (`oidc-provider`)
// and a real `dossier serve` host, driven as a browser would (redirects followed, cookies kept per host): the
// role mapping per group, the session cookie's flags, CSRF refusals, names in history, sign-out, tenants,
// and the session kept across a restart. The browser itself: test/e2e/sign-in.e2e.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ServeOptions } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { startOidcProvider, type TestProvider } from '../../oidc-provider.ts';
import { TEMPLATES } from './harness.ts';

const ADMIN = 'oidc-test-admin-secret';

const accounts = {
  ann: { name: 'Ann de Vries', email: 'ann@example.com', groups: ['dossier-admins'], tenant: 'default' },
  bob: { name: 'Bob Jansen', email: 'bob@example.com', groups: ['service-desk'], tenant: 'default' },
  carol: { name: 'Carol Smit', email: 'carol@example.com', groups: ['service-desk', 'analysts', 'canteen'], tenant: 'default' },
  dave: { name: 'Dave Visser', email: 'dave@example.com', groups: ['canteen'], tenant: 'default' },
  erin: { name: 'Erin Bakker', email: 'erin@acme.example', groups: ['service-desk'], tenant: 'acme' },
  // somebody whose display name is another person's, and one named as a machine token
  mallory: { name: 'Bob Jansen', email: 'mallory@example.com', groups: ['service-desk'], tenant: 'default' },
  robot: { name: 'admin', email: 'robot@example.com', groups: ['service-desk'], tenant: 'default' },
  // a tenant the server does not serve through the claim
  outsider: { name: 'Olga Outsider', email: 'olga@else.example', groups: ['service-desk'], tenant: 'elsewhere' },
};

/** A browser in miniature: follows redirects, keeps cookies per host (Max-Age=0 removes one), records every Set-Cookie. */
class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  readonly setCookies: string[] = [];

  cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  private keep(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const jar = this.jar.get(url.host) ?? new Map<string, string>();
      this.jar.set(url.host, jar);
      const gone = attributes.some((a) => /^max-age=0$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request with this browser's cookies, no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie !== '') headers.set('cookie', cookie);
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.keep(target, res);
    return res;
  }

  /** Follows redirects from `url` until a page that is not one (or a redirect to where `stop` says); returns it and where it is. */
  async go(url: string, init: RequestInit = {}, stop: (next: string) => boolean = () => false): Promise<{ res: Response; url: string }> {
    let at = url;
    let res = await this.request(at, init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      if (hops > 20) throw new Error(`too many redirects from ${url}`);
      const next = new URL(res.headers.get('location') ?? '', at).href;
      if (stop(next)) return { res, url: next };
      at = next;
      await res.body?.cancel();
      res = await this.request(at);
    }
    return { res, url: at };
  }
}

/** Signs `login` in at Dossier through the provider's own login page; returns the browser and where it ended. */
async function signIn(dossier: string, login: string, returnTo = '/work', browser = new Browser(), stop?: (next: string) => boolean): Promise<{ browser: Browser; res: Response; url: string }> {
  const page = await browser.go(`${dossier}/auth/login?return=${encodeURIComponent(returnTo)}`);
  return { browser, ...(await logIn(browser, page, login, stop)) };
}

/** On the provider's login page: logs in as `login`, and follows the redirects (until `stop`). */
async function logIn(browser: Browser, page: { res: Response; url: string }, login: string, stop?: (next: string) => boolean): Promise<{ res: Response; url: string }> {
  expect(page.res.status).toBe(200);
  const html = await page.res.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  expect(action, html).toBeDefined();
  const form = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  return browser.go(
    new URL((action as string).replace(/&amp;/g, '&'), page.url).href,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    stop,
  );
}

/** A call to Dossier's API with the browser's cookies (and the CSRF token, when given). */
async function call(browser: Browser, dossier: string, method: string, path: string, options: { csrf?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  if (options.csrf !== undefined) headers['x-csrf-token'] = options.csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await browser.request(`${dossier}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers field by field
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as any };
}

const bearer = async (dossier: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${dossier}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as any };
};

describe('sign-in with OpenID Connect', () => {
  let dir: string;
  let provider: TestProvider;
  let server: RunningServer;
  let options: ServeOptions;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-oidc-'));
    provider = await startOidcProvider(accounts);
    options = {
      db: join(dir, 'dossier.db'),
      port: 0,
      host: '127.0.0.1',
      templatesDir: TEMPLATES,
      adminToken: ADMIN,
      logger: silentLogger,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        sessionLifetimeMs: 8 * 3600_000,
        policy: {
          roleGroups: [
            { role: 'admin', group: 'dossier-admins' },
            { role: 'agent', group: 'service-desk' },
            { role: 'analyst', group: 'analysts' },
          ],
          groupsClaim: 'groups',
          nameClaim: 'name',
          tenantClaim: 'tenant',
          tenant: 'default',
          allowedTenants: ['default', 'acme'],
        },
      },
    };
    server = await startServer(options);
    provider.serve(server.url);
  });

  afterAll(async () => {
    await server?.close();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says on /auth/options that people sign in through the provider', async () => {
    const res = await fetch(`${server.url}/auth/options`);
    expect(await res.json()).toEqual({ oidc: { issuer: new URL(provider.issuer).host } });
  });

  it('signs a person in with PKCE, sets an HTTP-only SameSite cookie, and sends them back where they were', async () => {
    const { browser, res, url } = await signIn(server.url, 'ann', '/work?queue=triage');
    expect(url).toBe(`${server.url}/work?queue=triage`);
    await res.body?.cancel();
    const sessionCookie = browser.setCookies.find((line) => line.startsWith('dossier_session='));
    expect(sessionCookie).toBeDefined();
    const flags = (sessionCookie as string).split(';').slice(1).map((f) => f.trim().toLowerCase());
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=lax');
    expect(flags).toContain('path=/');
    expect(flags.some((f) => f.startsWith('max-age=28800'))).toBe(true);
    // the login transaction (state, nonce, PKCE verifier) is gone once used
    expect(browser.cookie(new URL(server.url).host, 'dossier_login')).toBeUndefined();
    // the authorization request asked for S256 PKCE
    const me = await call(browser, server.url, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Ann de Vries', tenant: 'default', roles: ['admin'], signedInWith: 'session' });
    expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('maps groups to roles: every role one of their groups gives, and no entry without one', async () => {
    const bob = await signIn(server.url, 'bob');
    expect((await call(bob.browser, server.url, 'GET', '/api/me')).body.roles).toEqual(['agent']);
    const carol = await signIn(server.url, 'carol');
    expect((await call(carol.browser, server.url, 'GET', '/api/me')).body.roles).toEqual(['agent', 'analyst']);
    // an analyst-and-agent may not issue tokens; an agent may not save drafts
    expect((await call(carol.browser, server.url, 'GET', '/api/tokens')).status).toBe(403);
    expect((await call(bob.browser, server.url, 'GET', '/api/case-types/complaint/draft')).status).toBe(403);
    const dave = await signIn(server.url, 'dave');
    expect(dave.res.status).toBe(403);
    const page = await dave.res.text();
    expect(page).toContain('You have no access to Dossier');
    expect(page).toContain('You signed in as Dave Visser, but you are in none of the groups that give access to Dossier (dossier-admins, service-desk, analysts).');
    expect(dave.browser.cookie(new URL(server.url).host, 'dossier_session')).toBeUndefined();
  });

  it('refuses a write with the cookie but without the CSRF token, or from another site; accepts it with the token and names the person in history', async () => {
    const { browser } = await signIn(server.url, 'bob');
    const { csrfToken } = (await call(browser, server.url, 'GET', '/api/me')).body as { csrfToken: string };
    const body = { caseType: 'complaint', data: { customer: { name: 'Mia', email: 'mia@example.com' }, channel: 'email', subject: 'Late parcel', description: 'It did not come.' } };
    const types = await call(browser, server.url, 'GET', '/api/case-types');
    expect(types.status).toBe(200);
    const forged = await call(browser, server.url, 'POST', '/api/cases', { body });
    expect([forged.status, forged.body.code]).toEqual([403, 'auth.csrf']);
    const wrong = await call(browser, server.url, 'POST', '/api/cases', { body, csrf: `${csrfToken.slice(0, -2)}xx` });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'auth.csrf']);
    const crossSite = await call(browser, server.url, 'POST', '/api/cases', { body, csrf: csrfToken, headers: { 'sec-fetch-site': 'cross-site' } });
    expect([crossSite.status, crossSite.body.code]).toEqual([403, 'auth.csrf']);
    const listed = await bearer(server.url, ADMIN, 'GET', '/api/cases');
    expect(listed.body.items).toEqual([]);
    const made = await call(browser, server.url, 'POST', '/api/cases', { body, csrf: csrfToken });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const history = await bearer(server.url, ADMIN, 'GET', `/api/cases/${made.body.id}/history`);
    expect(history.body.items[0].actor).toBe('Bob Jansen');
    // a session's secret is a cookie's: as a bearer token it is refused
    const secret = browser.cookie(new URL(server.url).host, 'dossier_session') as string;
    expect((await bearer(server.url, secret, 'GET', '/api/me')).status).toBe(401);
  });

  it('keeps tenants apart: a person of another tenant sees none of the first tenant\'s cases', async () => {
    const made = await bearer(server.url, ADMIN, 'POST', '/api/cases', {
      caseType: 'complaint',
      data: { customer: { name: 'Noor', email: 'noor@example.com' }, channel: 'web', subject: 'Refund', description: 'Twice charged.' },
    });
    expect(made.status).toBe(201);
    const { browser } = await signIn(server.url, 'erin');
    const me = await call(browser, server.url, 'GET', '/api/me');
    expect(me.body).toMatchObject({ name: 'Erin Bakker', tenant: 'acme', roles: ['agent'] });
    const cases = await call(browser, server.url, 'GET', '/api/cases');
    expect([cases.status, cases.body.items]).toEqual([200, []]);
    expect((await call(browser, server.url, 'GET', `/api/cases/${made.body.id}`)).status).toBe(404);
    expect((await call(browser, server.url, 'GET', '/api/tasks')).body.items).toEqual([]);
  });

  it('signs out: the CSRF token is needed, the session ends, the cookie is removed, and the provider is offered', async () => {
    const { browser } = await signIn(server.url, 'ann');
    const host = new URL(server.url).host;
    const secret = browser.cookie(host, 'dossier_session') as string;
    const { csrfToken } = (await call(browser, server.url, 'GET', '/api/me')).body as { csrfToken: string };
    const forged = await call(browser, server.url, 'POST', '/auth/logout');
    expect([forged.status, forged.body.code]).toEqual([403, 'auth.csrf']);
    const out = await call(browser, server.url, 'POST', '/auth/logout', { csrf: csrfToken });
    expect(out.status).toBe(200);
    expect(out.body.signedOut).toBe(true);
    const end = new URL(out.body.endSessionUrl as string);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/`);
    expect(browser.cookie(host, 'dossier_session')).toBeUndefined();
    // the old cookie, sent again by hand, is refused with words for a person
    const again = await fetch(`${server.url}/api/me`, { headers: { cookie: `dossier_session=${secret}` } });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { detail: string }).detail).toBe('Your sign-in has ended (you signed out, or an admin ended it). Sign in again.');
  });

  it('sends people back only to a path of this site', async () => {
    for (const evil of ['//evil.example/x', '/\\evil.example/x', '/\t/evil.example/x', 'https://evil.example/', '/auth/logout', '/%0d%0aSet-Cookie:x=y']) {
      const { url, res } = await signIn(server.url, 'bob', evil);
      await res.body?.cancel();
      expect([evil, new URL(url).origin]).toEqual([evil, server.url]);
      if (!evil.startsWith('/%')) expect([evil, new URL(url).pathname]).toEqual([evil, '/']);
    }
    const kept = await signIn(server.url, 'bob', '/work/cases/abc?tab=history#top');
    expect(kept.url).toBe(`${server.url}/work/cases/abc?tab=history#top`);
  });

  it('signs in from two tabs at once: each sign-in keeps its own transaction', async () => {
    const browser = new Browser();
    const atCallback = (next: string) => next.startsWith(`${server.url}/auth/callback`);
    // tab 1 logs in at the provider and is on its way back; meanwhile tab 2 starts and finishes its sign-in
    const first = await browser.go(`${server.url}/auth/login?return=/first`);
    const back1 = await logIn(browser, first, 'bob', atCallback);
    const second = await browser.go(`${server.url}/auth/login?return=/second`);
    expect(second.url).toBe(`${server.url}/second`);
    // then tab 1 arrives: its transaction is still there
    const done1 = await browser.go(back1.url);
    expect(done1.url).toBe(`${server.url}/first`);
    expect((await call(browser, server.url, 'GET', '/api/me')).body.name).toBe('Bob Jansen');
  });

  it('refuses a name that is already somebody else\'s: another person\'s, a machine token\'s', async () => {
    const bob = await signIn(server.url, 'bob');
    await bob.res.body?.cancel();
    for (const login of ['mallory', 'robot']) {
      const taken = await signIn(server.url, login);
      expect([login, taken.res.status]).toEqual([login, 403]);
      expect(await taken.res.text()).toContain('Your name is already used in Dossier');
      expect(taken.browser.cookie(new URL(server.url).host, 'dossier_session')).toBeUndefined();
    }
    // bob himself signs in again under his name
    const again = await signIn(server.url, 'bob');
    expect((await call(again.browser, server.url, 'GET', '/api/me')).body.name).toBe('Bob Jansen');
  });

  it('refuses a tenant the server does not serve through the claim', async () => {
    const outsider = await signIn(server.url, 'outsider');
    expect(outsider.res.status).toBe(403);
    expect(await outsider.res.text()).toContain('Dossier does not serve the organisation &#34;elsewhere&#34;');
  });

  it('refuses the code of another sign-in: the PKCE verifier and state of this browser\'s transaction must match', async () => {
    // a real code, issued for a sign-in of another browser
    const other = new Browser();
    const stolen = await signIn(server.url, 'bob', '/', other, (next) => next.startsWith(`${server.url}/auth/callback`));
    const stolenUrl = new URL(stolen.url);
    expect(stolenUrl.searchParams.get('code')).toMatch(/.{20,}/);
    // this browser started its own sign-in: the stolen code with its own state, then with the stolen state
    const victim = new Browser();
    const start = await victim.request(`${server.url}/auth/login`);
    const ownState = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
    const withOwnState = await victim.go(`${server.url}/auth/callback?code=${encodeURIComponent(stolenUrl.searchParams.get('code') as string)}&state=${encodeURIComponent(ownState)}`);
    expect(withOwnState.res.status).toBe(400);
    expect(await withOwnState.res.text()).toContain('could not be verified');
    const withTheirState = await victim.go(stolen.url);
    expect(withTheirState.res.status).toBe(400);
    expect(await withTheirState.res.text()).toContain('This sign-in was not started in this browser');
    expect(victim.cookie(new URL(server.url).host, 'dossier_session')).toBeUndefined();
    // an error from the provider for a sign-in this browser did not start shows no words of the link's
    const forged = await new Browser().go(`${server.url}/auth/callback?error=access_denied&error_description=Call+us+at+0900&state=x`);
    expect(await forged.res.text()).not.toContain('Call us');
  });

  it('removes a dead session\'s cookie on sign-out without asking for its CSRF token; signing in again ends the old session', async () => {
    const { browser } = await signIn(server.url, 'carol');
    const host = new URL(server.url).host;
    const first = browser.cookie(host, 'dossier_session') as string;
    // signing in again in the same browser (the provider remembers carol): a new session, the old one ended
    const again = await browser.go(`${server.url}/auth/login?return=/work`);
    expect(again.url).toBe(`${server.url}/work`);
    await again.res.body?.cancel();
    const second = browser.cookie(host, 'dossier_session') as string;
    expect(second).not.toBe(first);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: `dossier_session=${first}` } })).status).toBe(401);
    // an admin ends the person's sessions by their name: this one, and the one of the role-mapping test above
    expect((await bearer(server.url, ADMIN, 'DELETE', `/api/tokens/${encodeURIComponent('Carol Smit')}`)).body.revoked).toBe(2);
    expect((await call(browser, server.url, 'GET', '/api/me')).status).toBe(401);
    const out = await call(browser, server.url, 'POST', '/auth/logout');
    expect(out.status).toBe(200);
    expect(browser.cookie(host, 'dossier_session')).toBeUndefined();
  });

  it('refuses a callback that this browser did not start, and one whose state does not match', async () => {
    const stranger = new Browser();
    const cold = await stranger.go(`${server.url}/auth/callback?code=abc&state=xyz`);
    expect(cold.res.status).toBe(400);
    expect(await cold.res.text()).toContain('This sign-in was not started in this browser in the last ten minutes.');
    // a started sign-in, answered with another state
    const browser = new Browser();
    const start = await browser.request(`${server.url}/auth/login`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') as string);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bad = await browser.go(`${server.url}/auth/callback?code=abc&state=not-the-state`);
    expect(bad.res.status).toBe(400);
    expect(await bad.res.text()).toContain('This sign-in was not started in this browser');
    expect(browser.cookie(new URL(server.url).host, 'dossier_session')).toBeUndefined();
  });

  it('keeps the e-mail address the provider gave a person, where messages to them go (docs/email.md)', async () => {
    await signIn(server.url, 'carol');
    const db = new Database(join(dir, 'dossier.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT email FROM people WHERE tenant = ? AND name = ?').get('default', 'Carol Smit')).toEqual({ email: 'carol@example.com' });
    } finally {
      db.close();
    }
  });

  it('keeps a session across a restart of the host (it lives in the database)', async () => {
    const { browser } = await signIn(server.url, 'bob');
    expect((await call(browser, server.url, 'GET', '/api/me')).status).toBe(200);
    const secret = browser.cookie(new URL(server.url).host, 'dossier_session') as string;
    await server.close();
    server = await startServer(options);
    // the provider knows the old address only; this test only needs the session
    const res = await fetch(`${server.url}/api/me`, { headers: { cookie: `dossier_session=${secret}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('Bob Jansen');
  });
});

describe('without an identity provider', () => {
  it('says so on /auth/options and /auth/login; tokens work as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-no-oidc-'));
    const server = await startServer({ db: join(dir, 'd.db'), port: 0, host: '127.0.0.1', templatesDir: dir, adminToken: ADMIN, logger: silentLogger });
    try {
      expect(await (await fetch(`${server.url}/auth/options`)).json()).toEqual({ oidc: null });
      const login = await fetch(`${server.url}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(404);
      expect(((await login.json()) as { code: string }).code).toBe('sign_in.unavailable');
      expect((await bearer(server.url, ADMIN, 'GET', '/api/me')).body).toEqual({ name: 'admin', tenant: 'default', roles: ['admin'], signedInWith: 'token' });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
