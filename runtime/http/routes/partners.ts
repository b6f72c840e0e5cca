// /api/partners: an admin's partner organisations (outsourced back offices) and the queues delegated to each
// (runtime/host/partners.ts; docs/partners.md).
import { Hono } from 'hono';
import type { PartnerService } from '../../host/partners.ts';
import type { PartnerRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { unwrap } from '../problems.ts';

const view = ({ tenant: _tenant, ...partner }: PartnerRecord) => partner;

export function partnerRoutes(partners: PartnerService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/partners', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json({ items: (await partners.list(auth.tenant)).map(view) });
  });
  app.put('/partners/:id', async (c) => {
    const auth = requireRole(c, 'admin');
    const body = await readBody<{ title: string; queues: string[] }>(c, 'PartnerRequest');
    return c.json(view(unwrap(await partners.save(auth.tenant, c.req.param('id'), body))));
  });
  app.delete('/partners/:id', async (c) => {
    const auth = requireRole(c, 'admin');
    return c.json(unwrap(await partners.remove(auth.tenant, c.req.param('id'))));
  });
  return app;
}
