// Bearer tokens: stored as SHA-256 hashes, a tenant, roles and an optional expiry each; issued, verified
// (with a short cache), rotated, listed and revoked here, whatever adapter asks (HTTP, the first start, the
// CLI). Lifetimes are ISO 8601 durations (docs/api-decisions.md, "Token lifetimes").
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { durationToMs, parseDuration, type Instant } from '../engine/index.ts';
import type { CaseStore, TokenInfo, TokenRecord } from '../store/case-store.ts';
import { systemClock, type Clock } from './clock.ts';
import { fail, type HostFailure, type Result } from './host-result.ts';
import { silentLogger, type Logger } from './logger.ts';

export const DEFAULT_TENANT = 'default';

export const platformRoles = ['admin', 'analyst', 'agent', 'service'] as const;
export type PlatformRole = (typeof platformRoles)[number];

/** The lifetime of a token whose roles are only `service`, issued without `expiresIn` (`dossier serve --service-token-expiry`). */
export const DEFAULT_SERVICE_TOKEN_EXPIRY = 'P90D';
/** The longest lifetime a token may be given (ten years): a longer one is refused, not cut. */
export const MAX_TOKEN_LIFETIME = 'P3650D';
/** How long the tokens a rotation replaces keep working, unless the rotation says otherwise. */
export const DEFAULT_ROTATION_GRACE = 'PT1H';
/** The longest grace a rotation may give the tokens it replaces. */
export const MAX_ROTATION_GRACE = 'P7D';
/** A token's last use is written to the store at most this often (per token; per host, and by the store across hosts). */
export const LAST_USED_INTERVAL_MS = 60_000;

const durationMs = (text: string): number => durationToMs(parseDuration(text) as NonNullable<ReturnType<typeof parseDuration>>);
const MAX_LIFETIME_MS = durationMs(MAX_TOKEN_LIFETIME);

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

/** Tokens whose roles are only `service` (machines) get the server's default lifetime. */
export function isServiceOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'service');
}

/** True when a token with this expiry is no longer accepted at `now` (it expires at that very instant). */
export function isExpired(expiresAt: Instant | null | undefined, now: Instant): boolean {
  return expiresAt !== null && expiresAt !== undefined && Date.parse(expiresAt) <= Date.parse(now);
}

const after = (at: Instant, ms: number): Instant => new Date(Date.parse(at) + ms).toISOString();
/** When a token stops working, in milliseconds (Infinity: never). */
const lifeEnd = (token: TokenInfo): number => (token.expiresAt === null ? Infinity : Date.parse(token.expiresAt));

/**
 * A duration of a token's life (`expiresIn`, `grace`, `--service-token-expiry`) in milliseconds, or what is wrong
 * with it in words: ISO 8601 weeks, days, hours, minutes and seconds (the durations of case types), more than zero
 * unless `zero` allows it, at most `max`.
 */
export function tokenDuration(
  text: string,
  field: string,
  limits: { zero?: boolean; max?: string } = {},
): { ok: true; ms: number } | { ok: false; message: string } {
  const max = limits.max ?? MAX_TOKEN_LIFETIME;
  const parts = parseDuration(text);
  if (parts === null) {
    return {
      ok: false,
      message: `${field} must be an ISO 8601 duration in weeks, days, hours, minutes and seconds, such as PT8H, P90D or P1DT12H (no years, months or fractions); got '${text.slice(0, 100)}'`,
    };
  }
  const ms = durationToMs(parts);
  if (ms === 0 && limits.zero !== true) return { ok: false, message: `${field} must be longer than zero, such as PT8H or P90D; got '${text}'` };
  if (ms > durationMs(max)) return { ok: false, message: `${field} must be at most ${max}; got '${text}'` };
  return { ok: true, ms };
}

function durationFailure(field: string, message: string): HostFailure {
  return fail('request.invalid', `${message}.`, { problems: [{ pointer: `/${field}`, message }] });
}

/** Creates and stores a token; returns its secret (shown once). */
export async function issueToken(
  store: CaseStore,
  input: { tenant: string; name: string; roles: string[]; secret?: string; expiresAt?: Instant | null; kind?: 'session'; partner?: string },
  at: string,
): Promise<{ secret: string; record: TokenRecord }> {
  const secret = input.secret ?? newTokenSecret();
  const record: TokenRecord = { id: randomUUID(), tenant: input.tenant, name: input.name, roles: input.roles, createdAt: at };
  if (input.expiresAt !== undefined && input.expiresAt !== null) record.expiresAt = input.expiresAt;
  if (input.kind === 'session') record.kind = 'session';
  if (input.partner !== undefined) record.partner = input.partner;
  await store.createToken(record, hashToken(secret));
  return { secret, record };
}

/**
 * Tokens verified recently, by hash, one cache per store: every service on a store shares it, so that a
 * revocation or rotation through any of them counts at once. Only tokens the store found are kept, so the
 * cache holds at most the live tokens. A lookup by hash, as in the store, never compares the secret itself.
 * A cached token is checked against its expiry on every request, so the cache never serves one past it.
 */
interface TokenCache {
  entries: Map<string, { token: TokenRecord; until: number }>;
  /** Bumped by each revocation and rotation: a lookup that was in flight across one must not fill the cache. */
  generation: number;
  /** When this process last wrote each token's last use, by token id (clock milliseconds). */
  lastUseWritten: Map<string, number>;
}

/**
 * How long a verified token is trusted without asking the store again. Revocations and rotations through
 * this process clear the cache at once; this bounds how long one made past it (another process on the same
 * database, a hand-made UPDATE) goes unseen.
 */
export const TOKEN_CACHE_MS = 1000;

const caches = new WeakMap<CaseStore, TokenCache>();

function tokenCache(store: CaseStore): TokenCache {
  let cache = caches.get(store);
  if (cache === undefined) {
    cache = { entries: new Map(), generation: 0, lastUseWritten: new Map() };
    caches.set(store, cache);
  }
  return cache;
}

/** Forgets every verified token of `store` at once, and any lookup in flight (after a revocation or a rotation). */
export function forgetVerified(store: CaseStore): void {
  const cache = tokenCache(store);
  cache.generation += 1;
  cache.entries.clear();
}

/** One record now serves many requests: none of them may change it for the others. */
function frozen(token: TokenRecord): TokenRecord {
  Object.freeze(token.roles);
  return Object.freeze(token);
}

/** The token of this secret that is not revoked (expired or not), from the cache while fresh, else from the store. */
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
    forgetVerified(store);
  }
}

/**
 * Writes that `token` was accepted at `now`, at most once per LAST_USED_INTERVAL_MS per token from this
 * process, after the request's own work (setImmediate) and without waiting: a failed write is logged,
 * never the request's failure.
 */
function noteUse(store: CaseStore, token: TokenRecord, now: Instant, logger: Logger): void {
  const written = tokenCache(store).lastUseWritten;
  const ms = Date.parse(now);
  const last = written.get(token.id);
  if (last !== undefined && ms >= last && ms - last < LAST_USED_INTERVAL_MS) return;
  if (written.size >= 10_000) {
    for (const [id, at] of written) if (ms - at >= LAST_USED_INTERVAL_MS) written.delete(id);
  }
  written.set(token.id, ms);
  setImmediate(() => {
    store.touchToken(token.id, now, LAST_USED_INTERVAL_MS).catch((error: unknown) => {
      logger.warn("could not record a token's last use", { token: token.name, tenant: token.tenant, error: error instanceof Error ? error.message : String(error) });
    });
  });
}

/** What a secret is worth now: a token to accept, none known (or revoked), or one that has expired. */
export type TokenCheck =
  | { status: 'valid'; token: TokenRecord }
  | { status: 'unknown' }
  | { status: 'expired'; token: TokenRecord; expiresAt: Instant };

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** A token in an admin's list: never its secret or hash. */
export interface TokenView {
  id: string;
  name: string;
  tenant: string;
  roles: string[];
  createdAt: Instant;
  expiresAt: Instant | null;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
  status: TokenStatus;
  /** The partner organisation its holder works for (absent: the tenant's own). */
  partner?: string;
}

export interface TokenService {
  /** What the secret is worth now (cached for TOKEN_CACHE_MS, the expiry checked on every call); records its use. */
  verify(secret: string): Promise<TokenCheck>;
  /**
   * An admin issues a token in their tenant (another tenant only from tenant `default`), living `expiresIn`
   * (an ISO 8601 duration), else the server's default for tokens whose roles are only `service`, else for ever.
   */
  issue(by: TokenRecord, input: { name: string; roles: string[]; tenant?: string; expiresIn?: string; partner?: string }, at: string): Promise<Result<{ secret: string; record: TokenRecord }>>;
  /** An admin revokes every active token of `name` in their tenant (another tenant only from tenant `default`). */
  revoke(by: TokenRecord, name: string, tenant: string | undefined, at: string): Promise<Result<{ name: string; tenant: string; revoked: number }>>;
  /**
   * An admin rotates `name`: a new secret with the roles of its newest active token, living `expiresIn`, else
   * as long as that token was made to live, else the default; every active token of the name keeps working
   * until `grace` (default PT1H, at most P7D) from now, or its own expiry if sooner.
   */
  rotate(
    by: TokenRecord,
    name: string,
    tenant: string | undefined,
    input: { grace?: string; expiresIn?: string },
    at: string,
  ): Promise<Result<{ secret: string; record: TokenRecord; previousValidUntil: Instant }>>;
  /** An admin lists the tokens of their tenant (another tenant only from tenant `default`), newest first. */
  list(by: TokenRecord, tenant: string | undefined, at: string): Promise<Result<{ items: TokenView[] }>>;
  /**
   * The first start: creates the admin token of tenant `default` when the database has none (returns
   * its secret, to print once). With `fixedSecret` (DOSSIER_ADMIN_TOKEN) that secret is the admin token,
   * added if it is not known yet (a revoked one stays revoked).
   */
  ensureAdmin(at: string, fixedSecret?: string): Promise<string | null>;
}

export interface TokenServiceOptions {
  /** The host's clock: expiries are checked, and uses recorded, in its time (default: the system clock). */
  clock?: Clock;
  /** The lifetime of tokens whose roles are only `service` when none is asked for: an ISO 8601 duration, or null for none (default P90D). */
  serviceTokenExpiry?: string | null;
  logger?: Logger;
}

function statusOf(token: TokenInfo, now: Instant): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return isExpired(token.expiresAt, now) ? 'expired' : 'active';
}

export function createTokenService(store: CaseStore, options: TokenServiceOptions = {}): TokenService {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const serviceDefault = options.serviceTokenExpiry === undefined ? DEFAULT_SERVICE_TOKEN_EXPIRY : options.serviceTokenExpiry;
  let serviceLifetimeMs: number | null = null;
  if (serviceDefault !== null) {
    const parsed = tokenDuration(serviceDefault, 'the service-token expiry');
    if (!parsed.ok) throw new Error(parsed.message);
    serviceLifetimeMs = parsed.ms;
  }
  const defaultLifetime = (roles: readonly string[]): number | null => (isServiceOnly(roles) ? serviceLifetimeMs : null);
  /** `expiresIn` of a request in milliseconds (undefined when not given), or the failure naming it. */
  const requestedLifetime = (expiresIn: string | undefined): { ms: number | undefined } | HostFailure => {
    if (expiresIn === undefined) return { ms: undefined };
    const parsed = tokenDuration(expiresIn, 'expiresIn');
    return parsed.ok ? { ms: parsed.ms } : durationFailure('expiresIn', parsed.message);
  };
  const otherTenant = (by: TokenRecord, tenant: string, verb: string) =>
    tenant !== by.tenant && by.tenant !== DEFAULT_TENANT ? fail('auth.forbidden', `Only an admin of tenant '${DEFAULT_TENANT}' may ${verb} another tenant.`) : null;
  return {
    async verify(secret) {
      const token = await findToken(store, secret);
      if (token === null) return { status: 'unknown' };
      const now = clock.now();
      if (token.expiresAt !== undefined && isExpired(token.expiresAt, now)) return { status: 'expired', token, expiresAt: token.expiresAt };
      noteUse(store, token, now, logger);
      return { status: 'valid', token };
    },
    async issue(by, input, at) {
      const tenant = input.tenant ?? by.tenant;
      const refused = otherTenant(by, tenant, 'issue tokens for');
      if (refused !== null) return refused;
      const lifetime = requestedLifetime(input.expiresIn);
      if ('ok' in lifetime) return lifetime;
      // one name is one party: a partner's person and the tenant's own never share one (history, claims and
      // revocation go by name)
      const holders = await store.listTokens(tenant, input.name);
      if (holders.some((t) => (t.partner ?? undefined) !== input.partner)) {
        const message = `the name '${input.name}' is held by a token of ${input.partner === undefined ? 'a partner organisation' : "the tenant's own people, or of another partner"}; choose another name`;
        return fail('request.invalid', `${message}.`, { problems: [{ pointer: '/name', message }] });
      }
      if (input.partner !== undefined) {
        // a partner's people work cases: no admin, analyst or machine roles
        const platform = input.roles.filter((role) => role === 'admin' || role === 'analyst' || role === 'service');
        if (platform.length > 0) {
          const message = `a token of a partner organisation may have the role agent and case-type roles, not ${platform.join(', ')}`;
          return fail('request.invalid', `${message}.`, { problems: [{ pointer: '/roles', message }] });
        }
        if ((await store.getPartner(tenant, input.partner)) === null) {
          const message = `there is no partner '${input.partner}' in tenant '${tenant}'; create it first (PUT /api/partners/${input.partner})`;
          return fail('request.invalid', `${message}.`, { problems: [{ pointer: '/partner', message }] });
        }
      }
      const ms = lifetime.ms ?? defaultLifetime(input.roles);
      const expiresAt = ms === null ? null : after(at, ms);
      return {
        ok: true,
        value: await issueToken(store, { tenant, name: input.name, roles: input.roles, expiresAt, ...(input.partner === undefined ? {} : { partner: input.partner }) }, at),
      };
    },
    async revoke(by, name, tenantParam, at) {
      const tenant = tenantParam ?? by.tenant;
      const refused = otherTenant(by, tenant, 'revoke tokens of');
      if (refused !== null) return refused;
      const revoked = await revokeTokens(store, tenant, name, at);
      if (revoked === 0) return fail('token.not_found', `There is no active token named '${name}' in tenant '${tenant}'.`);
      return { ok: true, value: { name, tenant, revoked } };
    },
    async rotate(by, name, tenantParam, input, at) {
      const tenant = tenantParam ?? by.tenant;
      const refused = otherTenant(by, tenant, 'rotate tokens of');
      if (refused !== null) return refused;
      const grace = tokenDuration(input.grace ?? DEFAULT_ROTATION_GRACE, 'grace', { zero: true, max: MAX_ROTATION_GRACE });
      if (!grace.ok) return durationFailure('grace', grace.message);
      const lifetime = requestedLifetime(input.expiresIn);
      if ('ok' in lifetime) return lifetime;
      const notFound = () =>
        fail('token.not_found', `There is no active token named '${name}' in tenant '${tenant}' to rotate; issue one with POST /api/tokens.`);
      // the newest active token gives the roles and the lifetime; of tokens made at the same instant, the one living longest
      const [newest] = (await store.listTokens(tenant, name))
        .filter((t) => statusOf(t, at) === 'active')
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (lifeEnd(a) === lifeEnd(b) ? 0 : lifeEnd(b) > lifeEnd(a) ? 1 : -1));
      if (newest === undefined) return notFound();
      const kept = newest.expiresAt === null ? null : Math.max(1000, Date.parse(newest.expiresAt) - Date.parse(newest.createdAt));
      const ms = lifetime.ms ?? kept ?? defaultLifetime(newest.roles);
      const secret = newTokenSecret();
      const record: TokenRecord = { id: randomUUID(), tenant, name, roles: [...newest.roles], createdAt: at };
      if (ms !== null) record.expiresAt = after(at, Math.min(ms, MAX_LIFETIME_MS));
      // a partner's token stays the partner's: its holder sees only the delegated queues and shared fields
      if (newest.partner !== null) record.partner = newest.partner;
      let result: { rotated: number; validUntil: Instant | null };
      try {
        result = await store.rotateTokens(tenant, name, at, after(at, grace.ms), record, hashToken(secret));
      } finally {
        // the tokens it cut may be in the cache with their old expiry
        forgetVerified(store);
      }
      if (result.rotated === 0 || result.validUntil === null) return notFound();
      return { ok: true, value: { secret, record, previousValidUntil: result.validUntil } };
    },
    async list(by, tenantParam, at) {
      const tenant = tenantParam ?? by.tenant;
      const refused = otherTenant(by, tenant, 'list the tokens of');
      if (refused !== null) return refused;
      const items = (await store.listTokens(tenant)).map(
        (t): TokenView => ({
          id: t.id,
          name: t.name,
          tenant: t.tenant,
          roles: t.roles,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
          status: statusOf(t, at),
          ...(t.partner === null ? {} : { partner: t.partner }),
        }),
      );
      return { ok: true, value: { items } };
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
