// Bearer tokens on the wire: `Authorization: Bearer <token>` verified by the host's token service;
// roles checked per route. `admin` may do everything.
import type { Context, MiddlewareHandler } from 'hono';
import { hasRole, type PlatformRole, type TokenService } from '../host/tokens.ts';
import type { TokenRecord } from '../store/case-store.ts';
import { HttpProblem } from './problems.ts';

export interface AuthEnv {
  Variables: { auth: TokenRecord };
}

/** Reads `Authorization: Bearer <token>` and sets `auth`; 401 without a valid token (`auth.expired` for one past its expiry). */
export function authenticate(tokens: TokenService): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) throw new HttpProblem('auth.missing', 'Send an Authorization: Bearer <token> header.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new HttpProblem('auth.invalid', 'The Authorization header must be "Bearer <token>".');
    const check = await tokens.verify(match[1] as string);
    if (check.status === 'unknown') throw new HttpProblem('auth.invalid', 'The token is not known; ask an admin for a token (POST /api/tokens).');
    if (check.status === 'expired') {
      const name = check.token.name;
      throw new HttpProblem(
        'auth.expired',
        `The token '${name}' expired at ${check.expiresAt}. Ask an admin for a new token (POST /api/tokens), ` +
          `and next time have it rotated before it expires (POST /api/tokens/${encodeURIComponent(name)}/rotate), which keeps the old secret working for a grace period.`,
      );
    }
    c.set('auth', check.token);
    await next();
  };
}

/** 403 unless the token holds one of `roles` (or is an admin). */
export function requireRole(c: Context<AuthEnv>, ...roles: PlatformRole[]): TokenRecord {
  const token = c.get('auth');
  if (!hasRole(token, roles)) {
    throw new HttpProblem('auth.forbidden', `This needs the role ${roles.join(' or ')}; the token has ${token.roles.join(', ') || 'no roles'}.`);
  }
  return token;
}
