// The outbox as admins see it: deliveries pending, done and dead.
import { Hono } from 'hono';
import type { CaseStore, OutboxStatus } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { filters, oneOf, pageParams } from '../query.ts';
import { strip } from './strip-tenant.ts';

export function outboxRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/outbox', async (c) => {
    const auth = requireRole(c, 'admin');
    const { limit, cursor } = pageParams(c);
    const f = filters(c, ['caseId'] as const);
    const status = oneOf<OutboxStatus>(c, 'status', ['pending', 'delivered', 'dead']);
    const page = await store.listOutbox(
      auth.tenant,
      { ...(status === undefined ? {} : { status }), ...(f.caseId === undefined ? {} : { caseId: f.caseId }) },
      limit,
      cursor,
    );
    return c.json({ items: page.items.map(({ payload: _payload, ...rest }) => strip(rest)), nextCursor: page.nextCursor });
  });

  return app;
}
