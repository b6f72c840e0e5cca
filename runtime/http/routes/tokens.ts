// /api/tokens: admins issue tokens (with an optional lifetime), list them, rotate and revoke them; only an
// admin of tenant `default` may do so for another tenant (the token service decides).
import { Hono, type Context } from 'hono';
import type { Clock } from '../../host/clock.ts';
import type { TokenService } from '../../host/tokens.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { unwrap } from '../problems.ts';

/** `?tenant=` of the list and of a rotation: absent or blank is the token's own tenant. */
const tenantQuery = (c: Context<AuthEnv>): string | undefined => {
  const tenant = c.req.query('tenant');
  return tenant === undefined || tenant === '' ? undefined : tenant;
};

export function tokenRoutes(tokens: TokenService, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/tokens', async (c) => {
    const auth = requireRole(c, 'admin');
    const body = await readBody<{ name: string; roles: string[]; tenant?: string; expiresIn?: string; partner?: string }>(c, 'TokenRequest');
    const { secret, record } = unwrap(await tokens.issue(auth, body, clock.now()));
    return c.json({ token: secret, name: record.name, roles: record.roles, tenant: record.tenant, expiresAt: record.expiresAt ?? null, ...(record.partner === undefined ? {} : { partner: record.partner }) }, 201);
  });
  // GET /api/tokens[?tenant=]: every token of the tenant, newest first, with its status; never a secret or hash.
  app.get('/tokens', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json(unwrap(await tokens.list(auth, tenantQuery(c), clock.now())));
  });
  // POST /api/tokens/:name/rotate[?tenant=]: a new secret for the name; the old ones keep working for `grace`.
  app.post('/tokens/:name/rotate', async (c) => {
    const auth = requireRole(c, 'admin');
    // the body is optional: none (or only white space) rotates with the default grace and lifetime
    const body = (await c.req.text()).trim() === '' ? {} : await readBody<{ grace?: string; expiresIn?: string }>(c, 'RotateTokenRequest');
    const { secret, record, previousValidUntil } = unwrap(await tokens.rotate(auth, c.req.param('name'), tenantQuery(c), body, clock.now()));
    return c.json(
      { token: secret, name: record.name, tenant: record.tenant, roles: record.roles, expiresAt: record.expiresAt ?? null, ...(record.partner === undefined ? {} : { partner: record.partner }), previousValidUntil },
      201,
    );
  });
  // DELETE /api/tokens/:name[?tenant=]: revokes every active token of that name. Revoked tokens answer
  // 401 auth.invalid from then on.
  app.delete('/tokens/:name', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json(unwrap(await tokens.revoke(auth, c.req.param('name'), c.req.query('tenant'), clock.now())));
  });
  return app;
}
