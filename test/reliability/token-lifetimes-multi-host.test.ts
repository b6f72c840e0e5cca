// Token lifetimes (issue 18) across hosts: two real `dossier serve` processes on one PostgreSQL database. A
// token revoked or rotated through one host is refused by the other (after its grace) within the token cache's
// time, an expired token is refused by both at once, and a token's last use is written once a minute whichever
// host accepts it. Skipped without a PostgreSQL server (DOSSIER_TEST_POSTGRES_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CACHE_MS } from '../../runtime/host/tokens.ts';
import { scratchDatabase, skipNote, unavailable } from '../postgres-scratch.ts';
import { startChild, type ChildServer, type Json } from './child-server.ts';

/** Room for two busy cores between a request's answer and the next one, on top of the cache's own time. */
const SLACK_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 25 ms until it is true; the milliseconds that took, or Infinity after `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs = 10_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await sleep(25);
  }
  return Infinity;
}

describe.skipIf(unavailable !== null)(
  unavailable === null ? 'token lifetimes across two hosts on one PostgreSQL database' : `token lifetimes across two hosts on one PostgreSQL database (skipped: ${skipNote})`,
  () => {
    let database: Awaited<ReturnType<typeof scratchDatabase>>;
    let a: ChildServer;
    let b: ChildServer;

    beforeAll(async () => {
      database = await scratchDatabase();
      // one after the other: the first seeds the templates and the admin token, the second finds them
      a = await startChild(database.url);
      b = await startChild(database.url);
    }, 120_000);

    afterAll(async () => {
      for (const host of [a, b]) await host?.kill('SIGTERM');
      await database?.drop();
    });

    /** GET /api/me with `secret` on `host`: its status and problem code ('ok' for 200). */
    async function as(host: ChildServer, secret: string): Promise<[number, string]> {
      const res = await host.call('GET', '/api/me', undefined, { authorization: `Bearer ${secret}` });
      return [res.status, res.status === 200 ? 'ok' : (res.body.code as string)];
    }

    async function issue(host: ChildServer, body: Json): Promise<Json> {
      const res = await host.call('POST', '/api/tokens', body);
      expect(res.status).toBe(201);
      return res.body;
    }

    const tokenNamed = async (host: ChildServer, name: string): Promise<Json[]> => ((await host.call('GET', '/api/tokens')).body.items as Json[]).filter((t) => t.name === name);

    it('refuses an expired token on both hosts, at once', async () => {
      const issued = await issue(a, { name: 'brief', roles: ['agent'], expiresIn: 'PT2S' });
      const expiresAt = Date.parse(issued.expiresAt as string);
      expect(expiresAt - Date.now()).toBeGreaterThan(1000);
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(2000);
      // both accept it (and cache it)
      expect([await as(a, issued.token), await as(b, issued.token)]).toEqual([[200, 'ok'], [200, 'ok']]);
      await sleep(expiresAt - Date.now() + 20);
      // both refuse it on the first request past its expiry, cache or not
      expect([await as(a, issued.token), await as(b, issued.token)]).toEqual([[401, 'auth.expired'], [401, 'auth.expired']]);
      expect((await tokenNamed(b, 'brief')).map((t) => t.status)).toEqual(['expired']);
    });

    it('refuses a token revoked through one host on the other within the cache time', async () => {
      const { token } = await issue(a, { name: 'gone', roles: ['agent'] });
      // the other host verifies it, so it is in that host's cache
      expect(await as(b, token)).toEqual([200, 'ok']);
      expect((await a.call('DELETE', '/api/tokens/gone')).status).toBe(200);
      expect(await as(a, token)).toEqual([401, 'auth.invalid']);
      const took = await msUntil(async () => (await as(b, token))[0] === 401);
      expect(took).toBeLessThanOrEqual(TOKEN_CACHE_MS + SLACK_MS);
      expect(await as(b, token)).toEqual([401, 'auth.invalid']);
      expect((await tokenNamed(b, 'gone')).map((t) => t.status)).toEqual(['revoked']);
    });

    it('keeps a rotated token working on the other host during the grace, refuses it after the grace within the cache time; the new one works on both', async () => {
      const old = await issue(a, { name: 'bot', roles: ['service'] });
      // a service-only token without expiresIn: the default P90D
      expect(Date.parse(old.expiresAt as string) - Date.parse(new Date().toISOString())).toBeGreaterThan(90 * 86_400_000 - 60_000);
      expect(await as(b, old.token)).toEqual([200, 'ok']);
      const rotated = await b.call('POST', '/api/tokens/bot/rotate', { grace: 'PT3S' });
      expect([rotated.status, rotated.body.name, rotated.body.roles, rotated.body.tenant]).toEqual([201, 'bot', ['service'], 'default']);
      const graceEnd = Date.parse(rotated.body.previousValidUntil as string);
      // the same lifetime as the old token: 90 days from the rotation
      expect(Date.parse(rotated.body.expiresAt as string) - graceEnd).toBeGreaterThan(90 * 86_400_000 - 3000 - 60_000);
      // within the grace: the old secret works on both hosts, the new one too
      expect([await as(a, old.token), await as(b, old.token)]).toEqual([[200, 'ok'], [200, 'ok']]);
      expect([await as(a, rotated.body.token), await as(b, rotated.body.token)]).toEqual([[200, 'ok'], [200, 'ok']]);
      expect(Date.now()).toBeLessThan(graceEnd);
      // after it: refused by the host that rotated at once, by the other within the cache time
      await sleep(graceEnd - Date.now() + 20);
      expect(await as(b, old.token)).toEqual([401, 'auth.expired']);
      const took = await msUntil(async () => (await as(a, old.token))[0] === 401);
      expect(took).toBeLessThanOrEqual(TOKEN_CACHE_MS + SLACK_MS);
      expect(await as(a, old.token)).toEqual([401, 'auth.expired']);
      expect([await as(a, rotated.body.token), await as(b, rotated.body.token)]).toEqual([[200, 'ok'], [200, 'ok']]);
      expect((await tokenNamed(a, 'bot')).map((t) => [t.status, t.expiresAt])).toEqual([
        ['active', rotated.body.expiresAt],
        ['expired', rotated.body.previousValidUntil],
      ]);
    });

    it('refuses the old secret on the other host within the cache time after a rotation without grace', async () => {
      const old = await issue(a, { name: 'leaked', roles: ['agent'] });
      expect(await as(b, old.token)).toEqual([200, 'ok']);
      const rotated = await a.call('POST', '/api/tokens/leaked/rotate', { grace: 'PT0S' });
      expect(rotated.status).toBe(201);
      expect(await as(a, old.token)).toEqual([401, 'auth.expired']);
      const took = await msUntil(async () => (await as(b, old.token))[0] === 401);
      expect(took).toBeLessThanOrEqual(TOKEN_CACHE_MS + SLACK_MS);
      expect(await as(b, rotated.body.token)).toEqual([200, 'ok']);
    });

    it("records a token's last use once a minute, whichever host accepts it", async () => {
      const { token } = await issue(a, { name: 'used', roles: ['agent'] });
      expect((await tokenNamed(b, 'used'))[0].lastUsedAt).toBeNull();
      const before = new Date().toISOString();
      expect(await as(a, token)).toEqual([200, 'ok']);
      const seen: { at: string | null } = { at: null };
      expect(await msUntil(async () => (seen.at = (await tokenNamed(b, 'used'))[0].lastUsedAt as string | null) !== null)).toBeLessThan(5000);
      const first = seen.at as string;
      expect(first >= before).toBe(true);
      // the other host accepts it too, a little later and more than once: its write finds a use less than a minute old
      await sleep(1100);
      for (let i = 0; i < 3; i++) expect(await as(b, token)).toEqual([200, 'ok']);
      await sleep(300);
      expect((await tokenNamed(a, 'used'))[0].lastUsedAt).toBe(first);
    });
  },
);
