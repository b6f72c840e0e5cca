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

/** Reads `Authorization: Bearer <token>` and sets `auth`; 401 without a valid token. */
export function authenticate(store: CaseStore): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) throw new HttpProblem('auth.missing', 'Send an Authorization: Bearer <token> header.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new HttpProblem('auth.invalid', 'The Authorization header must be "Bearer <token>".');
    const token = await store.findTokenByHash(hashToken(match[1] as string));
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
