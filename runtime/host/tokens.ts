// Bearer tokens: stored as SHA-256 hashes, a tenant and roles each; issued, verified (with a short
// cache) and revoked here, whatever adapter asks (HTTP, the first start, the CLI).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CaseStore, TokenRecord } from '../store/case-store.ts';
import { fail, type Result } from './host-result.ts';

export const DEFAULT_TENANT = 'default';

export const platformRoles = ['admin', 'analyst', 'agent', 'service'] as const;
export type PlatformRole = (typeof platformRoles)[number];

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newTokenSecret(): string {
  return `dsr_${randomBytes(32).toString('base64url')}`;
}

/** True when the token holds one of `roles`, or is an admin (who may do everything). */
export function hasRole(token: { roles: readonly string[] }, roles: readonly string[]): boolean {
  return token.roles.includes('admin') || roles.some((role) => token.roles.includes(role));
}

/** Creates and stores a token; returns its secret (shown once). */
export async function issueToken(
  store: CaseStore,
  input: { tenant: string; name: string; roles: string[]; secret?: string },
  at: string,
): Promise<{ secret: string; record: TokenRecord }> {
  const secret = input.secret ?? newTokenSecret();
  const record: TokenRecord = { id: randomUUID(), tenant: input.tenant, name: input.name, roles: input.roles, createdAt: at };
  await store.createToken(record, hashToken(secret));
  return { secret, record };
}

/**
 * Tokens verified recently, by hash, one cache per store: every service on a store shares it, so that a
 * revocation through any of them counts at once. Only tokens the store found are kept, so the cache holds
 * at most the live tokens. A lookup by hash, as in the store, never compares the secret itself.
 */
interface TokenCache {
  entries: Map<string, { token: TokenRecord; until: number }>;
  /** Bumped by each revocation: a lookup that was in flight across one must not fill the cache. */
  generation: number;
}

/**
 * How long a verified token is trusted without asking the store again. Revocations through this process
 * clear the cache at once; this bounds how long one made past it (another process on the same database,
 * a hand-made UPDATE) goes unseen.
 */
export const TOKEN_CACHE_MS = 1000;

const caches = new WeakMap<CaseStore, TokenCache>();

function tokenCache(store: CaseStore): TokenCache {
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(store, cache);
  }
  return cache;
}

/** One record now serves many requests: none of them may change it for the others. */
function frozen(token: TokenRecord): TokenRecord {
  Object.freeze(token.roles);
  return Object.freeze(token);
}

/** The live token of this secret, from the cache while fresh, else from the store. */
export async function findToken(store: CaseStore, secret: string): Promise<TokenRecord | null> {
  const hash = hashToken(secret);
  const cache = tokenCache(store);
  const now = performance.now();
  const hit = cache.entries.get(hash);
  if (hit !== undefined && hit.until > now) return hit.token;
  const generation = cache.generation;
  const token = await store.findTokenByHash(hash);
  if (token === null || generation !== cache.generation) cache.entries.delete(hash);
  else cache.entries.set(hash, { token: frozen(token), until: now + TOKEN_CACHE_MS });
  return token;
}

/** Revokes every active token of `name` in `tenant` and forgets the verified ones at once; returns how many. */
export async function revokeTokens(store: CaseStore, tenant: string, name: string, at: string): Promise<number> {
  try {
    return await store.revokeTokens(tenant, name, at);
  } finally {
    // after the store call: a lookup that read the token before the revocation committed is dropped by the bump
    const cache = tokenCache(store);
    cache.generation += 1;
    cache.entries.clear();
  }
}

export interface TokenService {
  /** The live token of a secret (cached for TOKEN_CACHE_MS), or null. */
  verify(secret: string): Promise<TokenRecord | null>;
  /** An admin issues a token in their tenant (another tenant only from tenant `default`). */
  issue(by: TokenRecord, input: { name: string; roles: string[]; tenant?: string }, at: string): Promise<Result<{ secret: string; record: TokenRecord }>>;
  /** An admin revokes every active token of `name` in their tenant (another tenant only from tenant `default`). */
  revoke(by: TokenRecord, name: string, tenant: string | undefined, at: string): Promise<Result<{ name: string; tenant: string; revoked: number }>>;
  /**
   * The first start: creates the admin token of tenant `default` when the database has none (returns
   * its secret, to print once). With `fixedSecret` (DOSSIER_ADMIN_TOKEN) that secret is the admin token,
   * added if it is not known yet (a revoked one stays revoked).
   */
  ensureAdmin(at: string, fixedSecret?: string): Promise<string | null>;
}

export function createTokenService(store: CaseStore): TokenService {
  const otherTenant = (by: TokenRecord, tenant: string, verb: string) =>
    tenant !== by.tenant && by.tenant !== DEFAULT_TENANT ? fail('auth.forbidden', `Only an admin of tenant '${DEFAULT_TENANT}' may ${verb} another tenant.`) : null;
  return {
    verify: (secret) => findToken(store, secret),
    async issue(by, input, at) {
      const tenant = input.tenant ?? by.tenant;
      const refused = otherTenant(by, tenant, 'issue tokens for');
      if (refused !== null) return refused;
      return { ok: true, value: await issueToken(store, { tenant, name: input.name, roles: input.roles }, at) };
    },
    async revoke(by, name, tenantParam, at) {
      const tenant = tenantParam ?? by.tenant;
      const refused = otherTenant(by, tenant, 'revoke tokens of');
      if (refused !== null) return refused;
      const revoked = await revokeTokens(store, tenant, name, at);
      if (revoked === 0) return fail('token.not_found', `There is no active token named '${name}' in tenant '${tenant}'.`);
      return { ok: true, value: { name, tenant, revoked } };
    },
    async ensureAdmin(at, fixedSecret) {
      if (fixedSecret !== undefined && fixedSecret !== '') {
        if ((await store.findTokenByHash(hashToken(fixedSecret))) !== null) return null;
        await issueToken(store, { tenant: DEFAULT_TENANT, name: 'admin', roles: ['admin'], secret: fixedSecret }, at);
        return fixedSecret;
      }
      if ((await store.countTokens()) > 0) return null;
      return (await issueToken(store, { tenant: DEFAULT_TENANT, name: 'admin', roles: ['admin'] }, at)).secret;
    },
  };
}
