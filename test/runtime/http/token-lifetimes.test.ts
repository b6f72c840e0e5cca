// Token lifetimes (issue 18) through the HTTP API on a real SQLite file and the host's manual clock: expiry
// (`expiresIn`, the default of service tokens, 401 auth.expired, also after a restart and through the cache),
// rotation with a grace, the list of a tenant's tokens with status and last use (written at most once a
// minute), and who may do what.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { parseServeArgs, serveCommand, startServer } from '../../../runtime/cli/serve.ts';
import { silentLogger } from '../../../runtime/host/logger.ts';
import { createHostServices } from '../../../runtime/host/create-host.ts';
import { hashToken, TOKEN_CACHE_MS } from '../../../runtime/host/tokens.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';
import { createHarness, START, type Harness, type Reply } from './harness.ts';

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

async function issue(body: Record<string, unknown>, token = h.tokens.admin): Promise<Reply> {
  return h.call('POST', '/api/tokens', token, body);
}

/** A request any token with a platform role may make. */
const probe = (secret: string) => h.call('GET', '/api/me', secret);

async function list(query = '', token = h.tokens.admin): Promise<Record<string, unknown>[]> {
  const res = await h.call('GET', `/api/tokens${query}`, token);
  expect(res.status).toBe(200);
  return res.body.items as Record<string, unknown>[];
}

const named = async (name: string, query = '') => (await list(query)).filter((t) => t.name === name);

describe('token expiry', () => {
  it('gives a token the lifetime asked for, accepts it until then and refuses it from then on with 401 auth.expired', async () => {
    h = await createHarness();
    const issued = await issue({ name: 'ci', roles: ['agent'], expiresIn: 'PT8H' });
    expect([issued.status, { ...issued.body, token: typeof issued.body.token }]).toEqual([
      201,
      { token: 'string', name: 'ci', roles: ['agent'], tenant: 'default', expiresAt: at(8 * 60 * MINUTE) },
    ]);
    const secret = issued.body.token as string;
    h.clock.advance(8 * 60 * MINUTE - 1);
    expect((await probe(secret)).status).toBe(200);
    h.clock.advance(1);
    const refused = await probe(secret);
    expect([refused.status, refused.headers.get('content-type'), refused.body.code, refused.body.title]).toEqual([401, 'application/problem+json', 'auth.expired', 'Token expired']);
    // the detail says when, and what to do
    expect(refused.body.detail).toContain(`expired at ${at(8 * 60 * MINUTE)}`);
    expect(refused.body.detail).toMatch(/ask an admin for a new token/i);
    expect(refused.body.detail).toContain('POST /api/tokens/ci/rotate');
    // on every route behind auth, a refusal, never a 500
    for (const [method, path] of [['GET', '/api/cases'], ['POST', '/api/cases'], ['GET', '/api/tokens'], ['POST', '/api/tokens/ci/rotate'], ['GET', '/api/nowhere']] as const) {
      const res = await h.call(method, path, secret, method === 'POST' ? {} : undefined);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 401, 'auth.expired']);
    }
    // a token without expiresIn (not service-only) never expires
    expect((await issue({ name: 'forever', roles: ['agent'] })).body.expiresAt).toBeNull();
  });

  it('refuses an expiresIn that is not a usable ISO 8601 duration with 400 request.invalid saying what and how', async () => {
    h = await createHarness();
    const cases: [unknown, RegExp][] = [
      ['P1Y', /expiresIn must be an ISO 8601 duration in weeks, days, hours, minutes and seconds, such as PT8H, P90D.*got 'P1Y'/],
      ['8 hours', /such as PT8H, P90D or P1DT12H \(no years, months or fractions\); got '8 hours'/],
      ['PT1.5H', /got 'PT1.5H'/],
      ['PT0S', /expiresIn must be longer than zero, such as PT8H or P90D; got 'PT0S'/],
      ['P4000D', /expiresIn must be at most P3650D; got 'P4000D'/],
      ['P99999999999999999999D', /got 'P99999999999999999999D'/],
      [8, /\/expiresIn must be text/],
      ['', /^The TokenRequest body is not valid: \/expiresIn /],
    ];
    for (const [expiresIn, message] of cases) {
      const res = await issue({ name: 'bad', roles: ['agent'], expiresIn });
      expect([String(expiresIn), res.status, res.body.code]).toEqual([String(expiresIn), 400, 'request.invalid']);
      expect(res.body.detail).toMatch(message);
      expect(res.body.problems).toEqual([expect.objectContaining({ pointer: '/expiresIn' })]);
    }
    expect(await named('bad')).toEqual([]);
  });

  it("gives tokens whose roles are only 'service' the server's default lifetime (P90D unless set), others none", async () => {
    h = await createHarness();
    expect((await issue({ name: 'svc', roles: ['service'] })).body.expiresAt).toBe(at(90 * DAY));
    expect((await issue({ name: 'svc-short', roles: ['service'], expiresIn: 'PT1H' })).body.expiresAt).toBe(at(60 * MINUTE));
    expect((await issue({ name: 'svc-collector', roles: ['service', 'collector'] })).body.expiresAt).toBeNull();
    expect((await issue({ name: 'agent', roles: ['agent'] })).body.expiresAt).toBeNull();
    expect((await issue({ name: 'none', roles: [] })).body.expiresAt).toBeNull();
    // a host started with another default, and with none
    for (const [serviceTokenExpiry, expected] of [['PT12H', at(12 * 60 * MINUTE)], [null, null]] as const) {
      const app = createApp({ store: h.store, clock: h.clock, services: createHostServices({ store: h.store, engine, clock: h.clock, serviceTokenExpiry }) });
      const res = await app.request('/api/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'svc2', roles: ['service'] }),
      });
      expect([res.status, ((await res.json()) as { expiresAt: unknown }).expiresAt]).toEqual([201, expected]);
    }
  });

  it('reads --service-token-expiry: a duration, none, and refuses anything else as bad usage', () => {
    expect(parseServeArgs(['--service-token-expiry', 'P30D'], '/srv')).toEqual({
      ok: true,
      options: { db: '/srv/dossier.db', port: 3000, host: '127.0.0.1', serviceTokenExpiry: 'P30D' },
    });
    expect(parseServeArgs(['--service-token-expiry', 'none'], '/srv')).toMatchObject({ ok: true, options: { serviceTokenExpiry: null } });
    expect(parseServeArgs(['--service-token-expiry', '90 days'], '/srv')).toEqual({
      ok: false,
      message: "--service-token-expiry must be an ISO 8601 duration in weeks, days, hours, minutes and seconds, such as PT8H, P90D or P1DT12H (no years, months or fractions); got '90 days', or none for no default.",
    });
    expect(parseServeArgs(['--service-token-expiry', 'PT0S'], '/srv')).toMatchObject({ ok: false });
    expect(parseServeArgs(['--service-token-expiry'], '/srv')).toEqual({ ok: false, message: '--service-token-expiry needs a value, e.g. --service-token-expiry P90D (or none).' });
  });

  it('dossier serve documents --service-token-expiry and hands it to the host', async () => {
    const out: string[] = [];
    expect(await serveCommand(['--help'], { out: (line) => out.push(line), err: () => undefined, cwd: '/srv' })).toBe(0);
    expect(out.join('\n')).toMatch(/--service-token-expiry DURATION\n\s+how long a token whose roles are only service lives/);
    const dir = mkdtempSync(join(tmpdir(), 'dossier-serve-expiry-'));
    const server = await startServer({ db: join(dir, 'd.db'), port: 0, host: '127.0.0.1', templatesDir: dir, adminToken: 'expiry-admin', logger: silentLogger, serviceTokenExpiry: 'PT12H' });
    try {
      const res = await fetch(`${server.url}/api/tokens`, {
        method: 'POST',
        headers: { authorization: 'Bearer expiry-admin', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'svc', roles: ['service'] }),
      });
      const body = (await res.json()) as { expiresAt: string };
      expect(res.status).toBe(201);
      expect(Math.abs(Date.parse(body.expiresAt) - Date.now() - 12 * 60 * MINUTE)).toBeLessThan(MINUTE);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still refuses an expired token after the host restarts on the same SQLite file, and accepts an unexpired one', async () => {
    h = await createHarness();
    const short = (await issue({ name: 'short', roles: ['agent'], expiresIn: 'PT2S' })).body.token as string;
    const long = (await issue({ name: 'long', roles: ['agent'], expiresIn: 'P1D' })).body.token as string;
    expect((await probe(short)).status).toBe(200);
    await h.store.close();
    // a new host on the same file, two seconds later
    h.clock.advance(2 * SECOND);
    const store = createSqliteStore({ file: h.file });
    try {
      const app = createApp({ store, clock: h.clock, services: createHostServices({ store, engine, clock: h.clock }) });
      const call = async (secret: string) => {
        const res = await app.request('/api/me', { headers: { authorization: `Bearer ${secret}` } });
        return [res.status, ((await res.json()) as { code?: string }).code ?? 'ok'];
      };
      expect(await call(short)).toEqual([401, 'auth.expired']);
      expect(await call(long)).toEqual([200, 'ok']);
      h.clock.advance(DAY);
      expect(await call(long)).toEqual([401, 'auth.expired']);
    } finally {
      await store.close();
    }
  });

  it('never serves a cached token past its expiry: the cache is fresh, the token is refused', async () => {
    h = await createHarness();
    const secret = (await issue({ name: 'cached', roles: ['agent'], expiresIn: 'PT2S' })).body.token as string;
    // the cache's own time stands still, so the verified token stays cached throughout
    vi.spyOn(performance, 'now').mockReturnValue(5_000_000);
    const lookups = vi.spyOn(h.store, 'findTokenByHash');
    expect((await probe(secret)).status).toBe(200);
    h.clock.advance(2 * SECOND - 1);
    expect((await probe(secret)).status).toBe(200);
    h.clock.advance(1);
    const refused = await probe(secret);
    expect([refused.status, refused.body.code]).toEqual([401, 'auth.expired']);
    // all three answered from the cache: one lookup in the store
    expect(lookups.mock.calls.filter(([hash]) => hash === hashToken(secret))).toHaveLength(1);
  });
});

describe('token rotation', () => {
  it('issues a new secret with the same name, tenant, roles and lifetime; the old one works until the grace ends', async () => {
    h = await createHarness();
    const old = (await issue({ name: 'ci', roles: ['agent', 'collector'], expiresIn: 'P30D' })).body.token as string;
    h.clock.advance(MINUTE);
    const rotated = await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, { grace: 'PT10M' });
    expect([rotated.status, { ...rotated.body, token: typeof rotated.body.token }]).toEqual([
      201,
      { token: 'string', name: 'ci', tenant: 'default', roles: ['agent', 'collector'], expiresAt: at(MINUTE + 30 * DAY), previousValidUntil: at(11 * MINUTE) },
    ]);
    const next = rotated.body.token as string;
    expect(next).not.toBe(old);
    // within the grace both work
    h.clock.advance(10 * MINUTE - 1);
    expect([(await probe(old)).status, (await probe(next)).body.name]).toEqual([200, 'ci']);
    // after it the old one is refused as expired, the new one works
    h.clock.advance(1);
    const refused = await probe(old);
    expect([refused.status, refused.body.code]).toEqual([401, 'auth.expired']);
    expect(refused.body.detail).toContain(`expired at ${at(11 * MINUTE)}`);
    expect((await probe(next)).status).toBe(200);
    expect((await named('ci')).map((t) => [t.status, t.expiresAt])).toEqual([
      ['active', at(MINUTE + 30 * DAY)],
      ['expired', at(11 * MINUTE)],
    ]);
  });

  it('defaults: a grace of PT1H; the lifetime asked for, else the old one, else the service default, else none', async () => {
    h = await createHarness();
    const old = (await issue({ name: 'svc', roles: ['service'], expiresIn: 'PT6H' })).body.token as string;
    // no body: grace PT1H, the same lifetime (6 h)
    const first = await h.call('POST', '/api/tokens/svc/rotate', h.tokens.admin);
    expect([first.status, first.body.expiresAt, first.body.previousValidUntil]).toEqual([201, at(6 * 60 * MINUTE), at(60 * MINUTE)]);
    h.clock.advance(60 * MINUTE - 1);
    expect((await probe(old)).status).toBe(200);
    h.clock.advance(1);
    expect((await probe(old)).body.code).toBe('auth.expired');
    // expiresIn given
    const second = await h.call('POST', '/api/tokens/svc/rotate', h.tokens.admin, { expiresIn: 'P2D' });
    expect([second.status, second.body.expiresAt]).toEqual([201, at(60 * MINUTE + 2 * DAY)]);
    // a service token that never expired (made with --service-token-expiry none): the server default
    const store = h.store;
    const noDefault = createApp({ store, clock: h.clock, services: createHostServices({ store, engine, clock: h.clock, serviceTokenExpiry: null }) });
    const made = await noDefault.request('/api/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'legacy-svc', roles: ['service'] }),
    });
    expect(((await made.json()) as { expiresAt: unknown }).expiresAt).toBeNull();
    const third = await h.call('POST', '/api/tokens/legacy-svc/rotate', h.tokens.admin, '');
    expect([third.status, third.body.expiresAt]).toEqual([201, at(60 * MINUTE + 90 * DAY)]);
    // an agent token without expiry: none
    await issue({ name: 'desk', roles: ['agent'] });
    expect((await h.call('POST', '/api/tokens/desk/rotate', h.tokens.admin)).body.expiresAt).toBeNull();
  });

  it('with grace PT0S refuses the old secret on the next request, although it was just verified', async () => {
    h = await createHarness();
    const old = (await issue({ name: 'leaked', roles: ['agent'] })).body.token as string;
    expect((await probe(old)).status).toBe(200);
    const rotated = await h.call('POST', '/api/tokens/leaked/rotate', h.tokens.admin, { grace: 'PT0S' });
    expect([rotated.status, rotated.body.previousValidUntil]).toEqual([201, START]);
    expect((await probe(old)).body.code).toBe('auth.expired');
    expect((await probe(rotated.body.token as string)).status).toBe(200);
  });

  it('refuses a bad grace or expiresIn, and answers 404 token.not_found for a name with no active token', async () => {
    h = await createHarness();
    await issue({ name: 'ci', roles: ['agent'] });
    const tooLong = await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, { grace: 'P8D' });
    expect([tooLong.status, tooLong.body.code, tooLong.body.detail, tooLong.body.problems]).toEqual([
      400, 'request.invalid', "grace must be at most P7D; got 'P8D'.", [{ pointer: '/grace', message: "grace must be at most P7D; got 'P8D'" }],
    ]);
    expect((await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, { grace: 'an hour' })).body.detail).toMatch(/^grace must be an ISO 8601 duration/);
    expect((await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, { expiresIn: 'P1M' })).body.detail).toMatch(/^expiresIn must be an ISO 8601 duration/);
    expect((await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, { graze: 'PT1H' })).body.code).toBe('request.invalid');
    expect((await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin, '{"grace":')).body.code).toBe('request.malformed_json');
    // nothing was rotated by the refused ones
    expect(await named('ci')).toHaveLength(1);
    const missing = await h.call('POST', '/api/tokens/nobody/rotate', h.tokens.admin);
    expect([missing.status, missing.body.code, missing.body.detail]).toEqual([
      404, 'token.not_found', "There is no active token named 'nobody' in tenant 'default' to rotate; issue one with POST /api/tokens.",
    ]);
    // revoked, or only expired: nothing to rotate either
    await h.call('DELETE', '/api/tokens/ci', h.tokens.admin);
    expect((await h.call('POST', '/api/tokens/ci/rotate', h.tokens.admin)).status).toBe(404);
    await issue({ name: 'brief', roles: ['agent'], expiresIn: 'PT1S' });
    h.clock.advance(SECOND);
    expect((await h.call('POST', '/api/tokens/brief/rotate', h.tokens.admin)).body.code).toBe('token.not_found');
  });

  it('is for admins; another tenant only for an admin of tenant default (?tenant=)', async () => {
    h = await createHarness();
    for (const who of ['agent', 'analyst', 'service', 'bare'] as const) {
      const res = await h.call('POST', '/api/tokens/agent/rotate', h.tokens[who]);
      expect([who, res.status, res.body.code]).toEqual([who, 403, 'auth.forbidden']);
    }
    const fromAcme = await h.call('POST', '/api/tokens/agent/rotate?tenant=default', h.tokens.acmeAdmin);
    expect([fromAcme.status, fromAcme.body.code]).toEqual([403, 'auth.forbidden']);
    // acme's own names only, without ?tenant=
    expect((await h.call('POST', '/api/tokens/agent/rotate', h.tokens.acmeAdmin)).status).toBe(404);
    const own = await h.call('POST', '/api/tokens/acme-agent/rotate', h.tokens.acmeAdmin);
    expect([own.status, own.body.tenant, own.body.roles]).toEqual([201, 'acme', ['agent', 'intake-agent']]);
    const across = await h.call('POST', '/api/tokens/acme-admin/rotate?tenant=acme', h.tokens.admin, { grace: 'PT0S' });
    expect([across.status, across.body.tenant, across.body.roles]).toEqual([201, 'acme', ['admin']]);
    expect((await probe(h.tokens.acmeAdmin)).body.code).toBe('auth.expired');
    // the default tokens were not touched
    expect((await probe(h.tokens.agent)).status).toBe(200);
  });
});

describe('the list of tokens', () => {
  it('shows every token of the tenant newest first with its status and last use, never a secret or hash', async () => {
    h = await createHarness();
    h.clock.advance(MINUTE);
    const dana = (await issue({ name: 'dana', roles: ['agent'], expiresIn: 'PT1M' })).body.token as string;
    h.clock.advance(SECOND);
    const gone = (await issue({ name: 'gone', roles: ['agent'] })).body.token as string;
    await h.call('DELETE', '/api/tokens/gone', h.tokens.admin);
    h.clock.advance(SECOND);
    expect((await probe(dana)).status).toBe(200);
    await vi.waitFor(async () => expect((await named('dana'))[0]?.lastUsedAt).toBe(at(MINUTE + 2 * SECOND)));
    h.clock.advance(MINUTE);
    const items = await list();
    expect(items.slice(0, 2)).toEqual([
      { id: expect.any(String), name: 'gone', tenant: 'default', roles: ['agent'], createdAt: at(MINUTE + SECOND), expiresAt: null, lastUsedAt: null, revokedAt: at(MINUTE + SECOND), status: 'revoked' },
      { id: expect.any(String), name: 'dana', tenant: 'default', roles: ['agent'], createdAt: at(MINUTE), expiresAt: at(2 * MINUTE), lastUsedAt: at(MINUTE + 2 * SECOND), revokedAt: null, status: 'expired' },
    ]);
    // the harness's tokens (made at START), all active; acme's are not in default's list
    expect(items.slice(2).map((t) => [t.name, t.status])).toEqual(
      expect.arrayContaining([['admin', 'active'], ['agent', 'active'], ['service', 'active']]),
    );
    expect(items.map((t) => t.tenant).every((t) => t === 'default')).toBe(true);
    expect(items.map((t) => t.name)).not.toContain('acme-admin');
    const text = JSON.stringify(items);
    for (const secret of [dana, gone, ...Object.values(h.tokens)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashToken(secret));
    }
    expect(Object.keys(items[0] as object)).toEqual(['id', 'name', 'tenant', 'roles', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt', 'status']);
  });

  it('is for admins; another tenant only for an admin of tenant default', async () => {
    h = await createHarness();
    for (const who of ['agent', 'analyst', 'service', 'bare'] as const) {
      const res = await h.call('GET', '/api/tokens', h.tokens[who]);
      expect([who, res.status, res.body.code]).toEqual([who, 403, 'auth.forbidden']);
    }
    const fromAcme = await h.call('GET', '/api/tokens?tenant=default', h.tokens.acmeAdmin);
    expect([fromAcme.status, fromAcme.body.code, fromAcme.body.detail]).toEqual([403, 'auth.forbidden', "Only an admin of tenant 'default' may list the tokens of another tenant."]);
    expect((await list('', h.tokens.acmeAdmin)).map((t) => t.name).sort()).toEqual(['acme-admin', 'acme-agent']);
    expect((await list('?tenant=acme')).map((t) => t.name).sort()).toEqual(['acme-admin', 'acme-agent']);
    expect(await list('?tenant=nobody')).toEqual([]);
    expect((await h.call('GET', '/api/tokens', null)).status).toBe(401);
  });

  it("writes a token's last use at most once a minute, however many requests it makes, through every app on the store", async () => {
    h = await createHarness();
    const secret = (await issue({ name: 'busy', roles: ['agent'] })).body.token as string;
    const busyId = (await named('busy'))[0]?.id as string;
    const writes = vi.spyOn(h.store, 'touchToken');
    const busy = () => writes.mock.calls.filter(([id]) => id === busyId);
    const other = createApp({ store: h.store, clock: h.clock, services: createHostServices({ store: h.store, engine, clock: h.clock }) });
    const viaOther = () => other.request('/api/me', { headers: { authorization: `Bearer ${secret}` } });
    for (let i = 0; i < 5; i++) expect((await probe(secret)).status).toBe(200);
    expect((await viaOther()).status).toBe(200);
    await vi.waitFor(async () => expect((await named('busy'))[0]?.lastUsedAt).toBe(START));
    expect(busy()).toHaveLength(1);
    // 59 s later: still the first use, no write
    h.clock.advance(59 * SECOND);
    for (let i = 0; i < 5; i++) await probe(secret);
    await viaOther();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(busy()).toHaveLength(1);
    expect((await named('busy'))[0]?.lastUsedAt).toBe(START);
    // a minute after the write: written again, once
    h.clock.advance(SECOND);
    for (let i = 0; i < 3; i++) await probe(secret);
    await vi.waitFor(async () => expect((await named('busy'))[0]?.lastUsedAt).toBe(at(MINUTE)));
    expect(busy()).toHaveLength(2);
  });

  it('answers the request although writing the last use fails', async () => {
    h = await createHarness();
    const secret = (await issue({ name: 'flaky', roles: ['agent'] })).body.token as string;
    const writes = vi.spyOn(h.store, 'touchToken').mockRejectedValue(new Error('disk full'));
    expect((await probe(secret)).status).toBe(200);
    await vi.waitFor(() => expect(writes).toHaveBeenCalled());
    expect((await probe(secret)).status).toBe(200);
    expect((await named('flaky'))[0]?.lastUsedAt).toBeNull();
  });

  it('the cache of verified tokens still sees a rotation through another app on the same store at once', async () => {
    h = await createHarness();
    const other = createApp({ store: h.store, clock: h.clock, services: createHostServices({ store: h.store, engine, clock: h.clock }) });
    const old = (await issue({ name: 'pair', roles: ['agent'] })).body.token as string;
    vi.spyOn(performance, 'now').mockReturnValue(9_000_000);
    const asOther = async () => (await other.request('/api/me', { headers: { authorization: `Bearer ${old}` } })).status;
    expect(await asOther()).toBe(200);
    expect((await h.call('POST', '/api/tokens/pair/rotate', h.tokens.admin, { grace: 'PT0S' })).status).toBe(201);
    expect(await asOther()).toBe(401);
    expect(TOKEN_CACHE_MS).toBeLessThanOrEqual(1000);
  });
});
