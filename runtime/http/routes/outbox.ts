// The outbox as admins see it: deliveries pending, done and dead.
import { Hono } from 'hono';
import type { CaseStore, OutboxStatus } from '../../store/case-store.ts';
import type { Clock } from '../../host/clock.ts';
import { newWebhookSecret } from '../../scheduler/webhook-signature.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { HttpProblem } from '../problems.ts';
import { filters, oneOf, pageParams } from '../query.ts';
import { strip } from './strip-tenant.ts';

export function outboxRoutes(store: CaseStore, clock: Clock, webhookSecretFromHost: boolean): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // The tenant's webhook signing secret (docs/email.md, "Webhook signatures"), made when first asked for
  // or first needed; a host that signs with DOSSIER_WEBHOOK_SECRET does not show it to tenants' admins.
  app.get('/webhook-secret', async (c) => {
    const auth = requireRole(c, 'admin');
    if (webhookSecretFromHost) {
      throw new HttpProblem('webhook.secret_from_host', "This host signs every webhook with its own secret (DOSSIER_WEBHOOK_SECRET); ask the host's operator for it.");
    }
    const secret = await store.webhookSecret(auth.tenant, newWebhookSecret(), clock.now());
    return c.json({ secret, scheme: 'Standard Webhooks v1', headers: ['webhook-id', 'webhook-timestamp', 'webhook-signature'] });
  });

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
