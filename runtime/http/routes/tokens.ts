// POST /api/tokens: admins issue tokens (DELETE revokes them); only an admin of tenant `default` may issue for another tenant.
import { Hono } from 'hono';
import { DEFAULT_TENANT } from '../../host/bootstrap.ts';
import { HttpProblem } from '../../host/problems.ts';
import type { Clock } from '../../host/clock.ts';
import type { CaseStore } from '../../store/case-store.ts';
import { issueToken, requireRole, revokeTokens, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';

export function tokenRoutes(store: CaseStore, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/tokens', async (c) => {
    const auth = requireRole(c, 'admin');
    const body = await readBody<{ name: string; roles: string[]; tenant?: string }>(c, 'TokenRequest');
    const tenant = body.tenant ?? auth.tenant;
    if (tenant !== auth.tenant && auth.tenant !== DEFAULT_TENANT) {
      throw new HttpProblem('auth.forbidden', `Only an admin of tenant '${DEFAULT_TENANT}' may issue tokens for another tenant.`);
    }
    const { secret, record } = await issueToken(store, { tenant, name: body.name, roles: body.roles }, clock.now());
    return c.json({ token: secret, name: record.name, roles: record.roles, tenant: record.tenant }, 201);
  });
  // DELETE /api/tokens/:name[?tenant=]: revokes every active token of that name (admin only; another
  // tenant only for an admin of tenant `default`). Revoked tokens answer 401 auth.invalid from then on.
  app.delete('/tokens/:name', async (c) => {
    const auth = requireRole(c, 'admin');
    const name = c.req.param('name');
    const tenant = c.req.query('tenant') ?? auth.tenant;
    if (tenant !== auth.tenant && auth.tenant !== DEFAULT_TENANT) {
      throw new HttpProblem('auth.forbidden', `Only an admin of tenant '${DEFAULT_TENANT}' may revoke tokens of another tenant.`);
    }
    const revoked = await revokeTokens(store, tenant, name, clock.now());
    if (revoked === 0) throw new HttpProblem('token.not_found', `There is no active token named '${name}' in tenant '${tenant}'.`);
    return c.json({ name, tenant, revoked });
  });
  return app;
}
