// POST /api/tokens: admins issue tokens (DELETE revokes them); only an admin of tenant `default` may
// issue or revoke for another tenant (the token service decides).
import { Hono } from 'hono';
import type { Clock } from '../../host/clock.ts';
import type { TokenService } from '../../host/tokens.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { unwrap } from '../problems.ts';

export function tokenRoutes(tokens: TokenService, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/tokens', async (c) => {
    const auth = requireRole(c, 'admin');
    const body = await readBody<{ name: string; roles: string[]; tenant?: string }>(c, 'TokenRequest');
    const { secret, record } = unwrap(await tokens.issue(auth, body, clock.now()));
    return c.json({ token: secret, name: record.name, roles: record.roles, tenant: record.tenant }, 201);
  });
  // DELETE /api/tokens/:name[?tenant=]: revokes every active token of that name. Revoked tokens answer
  // 401 auth.invalid from then on.
  app.delete('/tokens/:name', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json(unwrap(await tokens.revoke(auth, c.req.param('name'), c.req.query('tenant'), clock.now())));
  });
  return app;
}
