// Who is calling: a bearer token (`Authorization: Bearer <token>`, machines and people without an identity
// provider) or a person's sign-in session (the HTTP-only cookie, CSRF-checked on writes; sign-in.ts), both
// verified by the host's token service; roles checked per route. `admin` may do everything.
import type { Context, MiddlewareHandler } from 'hono';
import { hasRole, type PlatformRole, type TokenService } from '../host/tokens.ts';
import type { TokenRecord } from '../store/case-store.ts';
import { HttpProblem } from './problems.ts';
import { checkCsrf, csrfTokenOf, secureCookies, sessionSecretOf, type OidcSettings } from './sign-in.ts';

export interface AuthEnv {
  Variables: {
    auth: TokenRecord;
    /** The session's CSRF token when the request came with the sign-in cookie (GET /api/me hands it to the page). */
    csrfToken?: string;
  };
}

/**
 * Reads `Authorization: Bearer <token>`, else the sign-in cookie, and sets `auth`; 401 without a valid
 * credential (`auth.expired` for one past its expiry), 403 `auth.csrf` for a cookie write without the
 * session's CSRF token. A bearer header wins over a cookie.
 */
export function authenticate(tokens: TokenService, oidc?: OidcSettings): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      const session = sessionSecretOf(c, secureCookies(c, oidc));
      if (session === undefined) throw new HttpProblem('auth.missing', 'Send an Authorization: Bearer <token> header, or sign in on the web page.');
      await fromSession(c, tokens, session);
      await next();
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new HttpProblem('auth.invalid', 'The Authorization header must be "Bearer <token>".');
    const check = await tokens.verify(match[1] as string);
    // a session's secret is a cookie's, never a header's: a script that got hold of one cannot use it
    if (check.status === 'unknown' || check.token.kind === 'session') throw new HttpProblem('auth.invalid', 'The token is not known; ask an admin for a token (POST /api/tokens).');
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

async function fromSession(c: Context<AuthEnv>, tokens: TokenService, secret: string): Promise<void> {
  const check = await tokens.verify(secret);
  if (check.status === 'unknown' || check.token.kind !== 'session') throw new HttpProblem('auth.invalid', 'Your sign-in has ended (you signed out, or an admin ended it). Sign in again.');
  if (check.status === 'expired') throw new HttpProblem('auth.expired', `Your sign-in ended at ${check.expiresAt}. Sign in again.`);
  checkCsrf(c, secret);
  c.set('auth', check.token);
  c.set('csrfToken', csrfTokenOf(secret));
}

/** 403 unless the token holds one of `roles` (or is an admin). */
export function requireRole(c: Context<AuthEnv>, ...roles: PlatformRole[]): TokenRecord {
  const token = c.get('auth');
  if (!hasRole(token, roles)) {
    throw new HttpProblem('auth.forbidden', `This needs the role ${roles.join(' or ')}; the token has ${token.roles.join(', ') || 'no roles'}.`);
  }
  return token;
}

/**
 * As requireRole, and not for a partner organisation's people: what reads across the tenant's cases (reports,
 * a customer's other cases) would show them more than the queues delegated to their partner.
 */
export function requireOwnRole(c: Context<AuthEnv>, what: string, ...roles: PlatformRole[]): TokenRecord {
  const token = requireRole(c, ...roles);
  if (token.partner !== undefined) {
    throw new HttpProblem('auth.forbidden', `${what} reads across the tenant's cases; people of a partner organisation see only the cases of the queues delegated to it.`);
  }
  return token;
}
