// Bearer tokens: stored as SHA-256 hashes, a tenant and roles each. `admin` may do everything.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { CaseStore, TokenRecord } from '../store/case-store.ts';
import { HttpProblem } from '../host/problems.ts';

export const platformRoles = ['admin', 'analyst', 'agent', 'service'] as const;
export type PlatformRole = (typeof platformRoles)[number];

export interface AuthEnv {
  Variables: { auth: TokenRecord };
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newTokenSecret(): string {
  return `dsr_${randomBytes(32).toString('base64url')}`;
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
 * Tokens verified recently, by hash, one cache per store: every app on a store shares it, so that a
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

/** Reads `Authorization: Bearer <token>` and sets `auth`; 401 without a valid token. */
export function authenticate(store: CaseStore): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) throw new HttpProblem('auth.missing', 'Send an Authorization: Bearer <token> header.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new HttpProblem('auth.invalid', 'The Authorization header must be "Bearer <token>".');
    const token = await findToken(store, match[1] as string);
    if (token === null) throw new HttpProblem('auth.invalid', 'The token is not known; ask an admin for a token (POST /api/tokens).');
    c.set('auth', token);
    await next();
  };
}

export function hasRole(token: TokenRecord, roles: readonly string[]): boolean {
  return token.roles.includes('admin') || roles.some((role) => token.roles.includes(role));
}

/** 403 unless the token holds one of `roles` (or is an admin). */
export function requireRole(c: Context<AuthEnv>, ...roles: PlatformRole[]): TokenRecord {
  const token = c.get('auth');
  if (!hasRole(token, roles)) {
    throw new HttpProblem('auth.forbidden', `This needs the role ${roles.join(' or ')}; the token has ${token.roles.join(', ') || 'no roles'}.`);
  }
  return token;
}
