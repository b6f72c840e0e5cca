// Sign-in with OpenID Connect in Chromium (issue 18, item 2): a real provider on loopback (oidc-provider, its
// own login and sign-out pages), a real `dossier serve` with the --oidc-* options, and the designer's pages.
// People sign in through the provider and land where they were; each group gives its role and a person in no
// mapped group gets no session; the session cookie is HTTP-only, SameSite=Lax and out of reach of scripts; a
// cookie write without the CSRF token and a forged write from another site are refused, a write from the
// console is made and named after the person; sign-out ends the session at Dossier and at the provider; and a
// person of another tenant sees none of the first tenant's cases. The same over HTTP only:
// test/runtime/http/oidc-sign-in.test.ts.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestProvider } from '../oidc-provider.ts';
import { api, asWritten, freePort, openBrowser, screenshot, startServer, type BrowserSession, type Server } from './harness.ts';

const accounts = {
  ann: { name: 'Ann de Vries', email: 'ann@example.com', groups: ['dossier-admins'], tenant: 'default' },
  bob: { name: 'Bob Jansen', email: 'bob@example.com', groups: ['service-desk'], tenant: 'default' },
  dave: { name: 'Dave Visser', email: 'dave@example.com', groups: ['canteen'], tenant: 'default' },
  erin: { name: 'Erin Bakker', email: 'erin@acme.example', groups: ['service-desk'], tenant: 'acme' },
};

const complaint = (name: string, email: string) => ({
  caseType: 'complaint',
  data: { customer: { name, email }, channel: 'email', description: 'The parcel never arrived.' },
});

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers field by field
  body: any;
}

/** A call to Dossier's API from the page, as its own scripts make one: the browser adds the session cookie. */
function fromPage(page: Page, method: string, path: string, init: { body?: unknown; csrf?: string } = {}): Promise<Answer> {
  return page.evaluate(
    async ({ method, path, body, csrf }) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (csrf !== undefined) headers['x-csrf-token'] = csrf;
      const r = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await r.text();
      return { status: r.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    { method, path, body: init.body, csrf: init.csrf },
  );
}

/** The cases the default tenant holds, as the admin of the harness reads them. */
async function caseIds(server: Server): Promise<string[]> {
  const listed = await api(server, 'GET', '/api/cases');
  expect(listed.status).toBe(200);
  return (listed.body as { items: { id: string }[] }).items.map((c) => c.id);
}

interface Post {
  /** Sec-Fetch-Site as Chromium sent it. */
  site: string | undefined;
  /** The cookies Chromium sent with the request. */
  cookies: string[];
  /** The cookies it kept back, with its reasons. */
  blocked: Record<string, string[]>;
  status: number | undefined;
}

/** Records the POSTs to `url` from `page` as Chromium's network stack made them (the DevTools protocol). */
async function watchPosts(session: BrowserSession, page: Page, url: string): Promise<{ list: () => Post[]; stop: () => Promise<void> }> {
  const cdp = await session.context.newCDPSession(page);
  const posts: string[] = [];
  const sent = new Map<string, { headers: Record<string, string>; cookies: { name: string; reasons: string[] }[] }>();
  const status = new Map<string, number>();
  // the events of one request may come in any order: joined by its id when read
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.method === 'POST' && e.request.url === url) posts.push(e.requestId);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const headers = Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    sent.set(e.requestId, { headers, cookies: e.associatedCookies.map((c) => ({ name: c.cookie.name, reasons: c.blockedReasons })) });
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => status.set(e.requestId, e.statusCode));
  await cdp.send('Network.enable');
  return {
    list: () =>
      posts.map((id) => {
        const request = sent.get(id);
        return {
          site: request?.headers['sec-fetch-site'],
          cookies: (request?.cookies ?? []).filter((c) => c.reasons.length === 0).map((c) => c.name),
          blocked: Object.fromEntries((request?.cookies ?? []).filter((c) => c.reasons.length > 0).map((c) => [c.name, c.reasons])),
          status: status.get(id),
        };
      }),
    stop: () => cdp.detach(),
  };
}

/**
 * Another site: `localhost` is not `127.0.0.1` (another host, so another site to the browser), serving pages
 * that try to write to Dossier with whatever the browser sends along by itself.
 */
async function startAttacker(dossierUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const forged = JSON.stringify(complaint('Mallory', 'mallory@example.com'));
  // a text/plain form posts `name=value`: the name holds the JSON up to the description's string, the value ends it
  const cut = forged.indexOf('The parcel');
  const [name, value] = [forged.slice(0, cut), forged.slice(cut)];
  const pages: Record<string, string> = {
    '/form': `<!doctype html><html><body>
<form id="forged" method="post" action="${dossierUrl}/api/cases" enctype="text/plain">
<input type="hidden" name='${name}' value='${value}'>
</form>
<script>document.getElementById('forged').submit();</script>
</body></html>`,
    '/fetch': `<!doctype html><html><body><p id="result">waiting</p>
<script>
fetch(${JSON.stringify(`${dossierUrl}/api/cases`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(forged)} })
  .then((r) => { document.getElementById('result').textContent = 'answered ' + r.status; })
  .catch((e) => { document.getElementById('result').textContent = 'failed ' + e.name; });
</script></body></html>`,
  };
  const server: HttpServer = createServer((req, res) => {
    const html = pages[req.url ?? ''];
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not here');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// against a server started elsewhere (DOSSIER_E2E_BASE_URL) there is no provider to start it with
const external = process.env.DOSSIER_E2E_BASE_URL !== undefined;
describe.skipIf(external)(
  external ? 'sign-in with OpenID Connect in the browser (skipped: DOSSIER_E2E_BASE_URL names a server started elsewhere, without this test\'s identity provider)' : 'sign-in with OpenID Connect in the browser',
  () => {
  let provider: TestProvider;
  let server: Server;
  let s: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    // the provider must know Dossier's address (its callback) and Dossier the provider's (discovery): the port first
    const port = await freePort();
    provider = await startOidcProvider(accounts);
    provider.serve(`http://127.0.0.1:${port}`);
    server = await startServer({
      port,
      args: [
        '--oidc-issuer', provider.issuer,
        '--oidc-client-id', provider.clientId,
        '--oidc-role', 'admin=dossier-admins',
        '--oidc-role', 'agent=service-desk',
        '--oidc-role', 'analyst=analysts',
        '--oidc-tenant-claim', 'tenant',
        // a claim may name tenant default (whose admins manage every tenant) only where it is listed
        '--oidc-tenants', 'default,acme',
      ],
      env: { DOSSIER_OIDC_CLIENT_SECRET: provider.clientSecret },
    });
    s = await openBrowser();
    page = s.page;
    // the provider's pages import a web font: not needed, and no network in a test
    await s.context.route('https://fonts.googleapis.com/**', (route) => route.abort());
  });

  afterAll(async () => {
    await s?.close();
    await server?.stop();
    await provider?.close();
  });

  /** The session cookie Dossier set in this browser, if any. */
  const sessionCookie = async () => (await s.context.cookies(server.url)).find((c) => c.name === 'dossier_session');

  /**
   * Signs `login` in from a browser that holds no cookie of Dossier or of the provider (whose own session would
   * sign the last person in again): the console, the designer's sign-in page, the provider's login page.
   */
  async function signIn(login: string, shots = false): Promise<void> {
    await s.context.clearCookies();
    await page.goto(`${server.url}/work`);
    const button = page.getByRole('button', { name: 'Sign in with your organisation account' });
    await button.waitFor();
    if (shots) await screenshot(page, 'sign-in-page');
    await button.click();
    // the provider's own page, in English in both runs: its texts are never translated
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('any password');
    if (shots) await screenshot(page, 'sign-in-provider-login');
    await asWritten(() => page.locator('button', { hasText: 'Sign-in' })).click();
  }

  /** Signs `login` in and waits for the console's inbox at /work, where the sign-in started. */
  async function signInToConsole(login: string, shots = false): Promise<void> {
    await signIn(login, shots);
    try {
      await page.waitForURL(`${server.url}/work`);
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    } catch (e) {
      // a refused sign-in ends on a page of the server or the provider: say which, and what it says
      throw new Error(`${login} did not reach the console: ${e instanceof Error ? e.message : String(e)}\npage: ${page.url()}\n${await page.locator('body').textContent()}`, { cause: e });
    }
  }

  it('signs a person in through the provider back to the console, with an HTTP-only SameSite=Lax cookie', async () => {
    await signInToConsole('bob', true);
    await screenshot(page, 'sign-in-console');
    // the console names the person as the provider does, with the role their group gave
    await asWritten(() => page.getByText('Bob Jansen (agent)')).waitFor();
    const me = await fromPage(page, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Bob Jansen', tenant: 'default', roles: ['agent'], signedInWith: 'session' });
    const cookie = await sessionCookie();
    expect(cookie).toBeDefined();
    expect({ httpOnly: cookie?.httpOnly, sameSite: cookie?.sameSite, path: cookie?.path, secure: cookie?.secure, domain: cookie?.domain }).toEqual({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      // plain http on loopback: no Secure flag (and no __Host- prefix, which needs it)
      secure: false,
      domain: '127.0.0.1',
    });
    // it lasts the default session lifetime, twelve hours
    expect(Math.abs((cookie?.expires ?? 0) - (Date.now() / 1000 + 12 * 3600))).toBeLessThan(120);
    // the login transaction's cookie (path /auth, so every cookie of the browser is looked at) is gone once used
    expect((await s.context.cookies()).filter((c) => c.name.startsWith('dossier_login'))).toEqual([]);
    // HTTP-only: the page's scripts cannot read the session's secret
    expect(await page.evaluate(() => document.cookie)).not.toContain('dossier_session');
  });

  it('gives each group its role, and no session to a person in none of the mapped groups', async () => {
    await signInToConsole('ann');
    expect((await fromPage(page, 'GET', '/api/me')).body).toMatchObject({ name: 'Ann de Vries', roles: ['admin'] });

    await signIn('dave');
    // the server's own page (not the designer's): English in both runs
    await asWritten(() => page.getByRole('heading', { name: 'You have no access to Dossier' })).waitFor();
    expect(await asWritten(() => page.getByRole('alert')).textContent()).toBe(
      'You signed in as Dave Visser, but you are in none of the groups that give access to Dossier (dossier-admins, service-desk, analysts). Ask your administrator to add you to one.',
    );
    expect(new URL(page.url()).pathname).toBe('/auth/callback');
    expect(await sessionCookie()).toBeUndefined();
  });

  it('refuses a cookie write without the CSRF token and a forged write from another site; makes a write from the console', async () => {
    await signInToConsole('bob');
    const before = await caseIds(server);

    // (a) the page's own origin, the cookie sent, but no X-CSRF-Token: refused
    const bare = await fromPage(page, 'POST', '/api/cases', { body: complaint('Mia', 'mia@example.com') });
    expect([bare.status, bare.body.code]).toEqual([403, 'auth.csrf']);

    // (b) another site's pages write to Dossier in this signed-in browser: a form posted by itself (text/plain, which
    // needs no preflight) and a script's fetch asking for credentials; what Chromium sent and Dossier answered
    // comes from the DevTools protocol, as a fetch's answer is hidden from the page and from playwright's events
    const attacker = await startAttacker(server.url);
    const writes = await watchPosts(s, page, `${server.url}/api/cases`);
    try {
      const formAnswer = page.waitForResponse((r) => r.url() === `${server.url}/api/cases` && r.request().method() === 'POST');
      await page.goto(`${attacker.url}/form`);
      // the form's answer is the page it navigates to: the problem's code can be read there
      expect(((await (await formAnswer).json()) as { code: string }).code).toBe('auth.missing');
      await expect.poll(() => writes.list().length).toBe(1);
      await page.goto(`${attacker.url}/fetch`);
      // the answer carries Cross-Origin-Resource-Policy: same-origin, so the attacker's script reads nothing of it
      await expect.poll(() => page.locator('#result').textContent()).toBe('failed TypeError');
      await expect.poll(() => writes.list().map((w) => w.status)).toEqual([401, 401]);
    } finally {
      await writes.stop();
      await attacker.close();
    }
    // SameSite=Lax keeps the session cookie off a cross-site POST, whether a top-level form's or a script's (the
    // two-minute "Lax+POST" grace of Chromium is for cookies without a SameSite attribute only): both arrive marked
    // cross-site and without any cookie, so Dossier sees no credential at all and answers 401 auth.missing before
    // any CSRF check (with the cookie, the cross-site mark alone would be refused with 403 auth.csrf)
    for (const write of writes.list()) {
      expect({ site: write.site, cookies: write.cookies, status: write.status }).toEqual({ site: 'cross-site', cookies: [], status: 401 });
      // blocked for being SameSite=Lax on a cross-site request (Chromium may name more reasons: its third-party cookie setting)
      expect(write.blocked.dossier_session).toContain('SchemefulSameSiteLax');
    }
    // nothing was made by either
    expect(await caseIds(server)).toEqual(before);

    // the console's own intake form sends the session's CSRF token with its write
    await page.goto(`${server.url}/work`);
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await page.getByLabel('Case type').selectOption('complaint');
    await page.getByLabel('Contact channel').selectOption('email');
    // the case type's own labels: not UI texts
    await asWritten(() => page.getByLabel('Name')).fill('Mia Verhoeven');
    await asWritten(() => page.getByLabel('E-mail')).fill('mia@example.com');
    await asWritten(() => page.getByLabel('What happened')).fill('The parcel never arrived.');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(/\/work\/cases\/[^/]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    expect((await caseIds(server)).sort()).toEqual([...before, id].sort());
    // history names the person, by the provider's name claim
    const history = await api(server, 'GET', `/api/cases/${encodeURIComponent(id)}/history`);
    expect(history.status).toBe(200);
    expect((history.body as { items: { actor: string }[] }).items[0]?.actor).toBe('Bob Jansen');
  });

  it('signs out at Dossier and at the provider; the old cookie is refused', async () => {
    await signInToConsole('bob');
    const old = (await sessionCookie())?.value;
    expect(old).toMatch(/^dsr_/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // the provider's own sign-out page (English in both runs), then back to Dossier's page after sign-out
    await page.waitForURL((url) => url.origin === provider.issuer);
    await asWritten(() => page.locator('button', { hasText: 'Yes, sign me out' })).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).waitFor();
    expect(await sessionCookie()).toBeUndefined();
    // the session ended on the server: its secret, sent again by hand, is refused
    const again = await fetch(`${server.url}/api/me`, { headers: { cookie: `dossier_session=${old}` } });
    expect(again.status).toBe(401);
    expect(((await again.json()) as { code: string }).code).toBe('auth.invalid');
    // the provider's session ended too: signing in again asks for a login
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await page.locator('input[name=login]').waitFor();
  });

  it('shows a person of another tenant none of the first tenant\'s cases', async () => {
    const made = await api(server, 'POST', '/api/cases', complaint('Noor', 'noor@example.com'));
    expect(made.status).toBe(201);
    const id = (made.body as { id: string }).id;
    expect(await caseIds(server)).toHaveLength(2);
    await signInToConsole('erin');
    expect((await fromPage(page, 'GET', '/api/me')).body).toMatchObject({ name: 'Erin Bakker', tenant: 'acme', roles: ['agent'] });
    // the inbox's list of every open case is empty for her, though tenant default has two
    await page.getByRole('tab', { name: 'All open cases' }).click();
    await page.getByText('No open cases.').waitFor();
    const cases = await fromPage(page, 'GET', '/api/cases');
    expect([cases.status, cases.body.items]).toEqual([200, []]);
    expect((await fromPage(page, 'GET', `/api/cases/${encodeURIComponent(id)}`)).status).toBe(404);
    // and no uncaught error in the pages of the whole run (failed requests are expected above: 401s, 403s)
    expect(s.errors.filter((e) => e.startsWith('page:'))).toEqual([]);
  });
});
