// /api/mailboxes: an admin gives a case type a mailbox (e-mail in, issue 20): its address, which is also
// the SMTP user name, and a password shown once (runtime/host/mail-intake.ts; docs/email.md).
import { Hono } from 'hono';
import type { MailboxService } from '../../host/mail-intake.ts';
import type { MailboxRecord } from '../../store/case-store.ts';
import { requireOwnRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { unwrap } from '../problems.ts';

const view = ({ tenant: _tenant, ...mailbox }: MailboxRecord) => mailbox;

export function mailboxRoutes(mailboxes: MailboxService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/mailboxes', async (c) => {
    const auth = requireOwnRole(c, 'Managing mailboxes', 'admin');
    return c.json({ items: (await mailboxes.list(auth.tenant)).map(view) });
  });
  app.put('/mailboxes/:caseType', async (c) => {
    const auth = requireOwnRole(c, 'Managing mailboxes', 'admin');
    const body = await readBody<{ address: string }>(c, 'MailboxRequest');
    const { mailbox, password } = unwrap(await mailboxes.save(auth.tenant, c.req.param('caseType'), body.address, auth.name));
    return c.json({ ...view(mailbox), password }, 201);
  });
  app.delete('/mailboxes/:caseType', async (c) => {
    const auth = requireOwnRole(c, 'Managing mailboxes', 'admin');
    unwrap(await mailboxes.remove(auth.tenant, c.req.param('caseType')));
    return c.json({ removed: true });
  });
  return app;
}
