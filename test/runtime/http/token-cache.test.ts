// The cache of verified tokens (runtime/host/tokens.ts): a revocation counts at once, through any app on
// the store, even for a lookup in flight across it; one made past the cache counts after TOKEN_CACHE_MS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../../runtime/engine/index.ts';
import { findToken, revokeTokens, TOKEN_CACHE_MS } from '../../../runtime/host/tokens.ts';
import { createApp } from '../../../runtime/http/create-app.ts';
import type { CaseStore, TokenRecord } from '../../../runtime/store/case-store.ts';
import { createHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = undefined;
});

async function issue(harness: Harness, name: string): Promise<string> {
  const issued = await harness.call('POST', '/api/tokens', harness.tokens.admin, { name, roles: ['agent'] });
  expect(issued.status).toBe(201);
  return issued.body.token as string;
}

describe('verified tokens', () => {
  it('refuse a revoked token on the next request, although it was just verified', async () => {
    h = await createHarness();
    const secret = await issue(h, 'dana');
    expect((await h.call('GET', '/api/cases', secret)).status).toBe(200);
    expect((await h.call('GET', '/api/cases', secret)).status).toBe(200);
    expect((await h.call('DELETE', '/api/tokens/dana', h.tokens.admin)).status).toBe(200);
    const refused = await h.call('GET', '/api/cases', secret);
    expect([refused.status, refused.body.code]).toEqual([401, 'auth.invalid']);
  });

  it('refuse a token revoked through another app on the same store', async () => {
    h = await createHarness();
    const other = createApp({ store: h.store, clock: h.clock, engine });
    const secret = await issue(h, 'dana');
    const asOther = () => other.request('/api/cases', { headers: { authorization: `Bearer ${secret}` } });
    expect((await asOther()).status).toBe(200);
    expect((await h.call('DELETE', '/api/tokens/dana', h.tokens.admin)).status).toBe(200);
    expect((await asOther()).status).toBe(401);
  });

  it('are not cached from a lookup that was in flight across a revocation', async () => {
    const record: TokenRecord = { id: 't1', tenant: 'default', name: 'dana', roles: ['agent'], createdAt: '2026-01-05T09:00:00.000Z' };
    let revoked = false;
    let answerStale: () => void = () => undefined;
    // a store whose first lookup answers only when told, with what it read before the revocation
    const store = {
      findTokenByHash: vi.fn(async () => {
        if (store.findTokenByHash.mock.calls.length > 1) return revoked ? null : record;
        await new Promise<void>((resolve) => (answerStale = resolve));
        return { ...record };
      }),
      revokeTokens: vi.fn(async () => {
        revoked = true;
        return 1;
      }),
    } as unknown as CaseStore & { findTokenByHash: ReturnType<typeof vi.fn> };
    const inFlight = findToken(store, 'secret');
    await revokeTokens(store, 'default', 'dana', '2026-01-05T09:01:00.000Z');
    answerStale();
    expect(await inFlight).toMatchObject({ name: 'dana' });
    expect(await findToken(store, 'secret')).toBeNull();
    expect(store.findTokenByHash).toHaveBeenCalledTimes(2);
  });

  it('see a revocation made past the cache once TOKEN_CACHE_MS have passed', async () => {
    h = await createHarness();
    const secret = await issue(h, 'dana');
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000_000);
    expect(await findToken(h.store, secret)).toMatchObject({ name: 'dana', roles: ['agent'] });
    // straight in the store, as another process on the same database would
    expect(await h.store.revokeTokens('default', 'dana', '2026-01-05T09:01:00.000Z')).toBe(1);
    now.mockReturnValue(1_000_000 + TOKEN_CACHE_MS - 1);
    expect(await findToken(h.store, secret)).toMatchObject({ name: 'dana' });
    now.mockReturnValue(1_000_000 + TOKEN_CACHE_MS);
    expect(await findToken(h.store, secret)).toBeNull();
  });

  it('hand out a record that no request can change for the next', async () => {
    h = await createHarness();
    const secret = await issue(h, 'dana');
    const first = await findToken(h.store, secret);
    expect(() => (first as TokenRecord).roles.push('admin')).toThrow(TypeError);
    expect(await findToken(h.store, secret)).toMatchObject({ roles: ['agent'] });
  });
});
