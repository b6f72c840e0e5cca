// Linked cases (docs/linked-work.md): link an existing case as a child of another, or undo the link.
import { Hono } from 'hono';
import type { LinkService } from '../../host/link-service.ts';
import type { Result } from '../../host/host-result.ts';
import type { LinkResult } from '../../host/link-service.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { HttpProblem, failureBody } from '../problems.ts';
import { actorOf } from './cases.ts';
import type { Context } from 'hono';

function answer(c: Context, result: Result<LinkResult>, status: 200 | 201): Response {
  if (!result.ok) {
    const body = failureBody(result);
    return c.json(body, body.status as 400, { 'content-type': 'application/problem+json' });
  }
  return c.json(result.value, status);
}

export function linkedRoutes(links: LinkService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/cases/:id/children', async (c) => {
    const auth = requireRole(c, 'agent');
    if (auth.partner !== undefined) {
      throw new HttpProblem('auth.forbidden', "Linking cases reads across the tenant's cases; people of a partner organisation work only the cases delegated to it.");
    }
    const body = await readBody<{ childId?: string; reference?: string }>(c, 'LinkChildRequest');
    if ((body.childId === undefined) === (body.reference === undefined)) {
      throw new HttpProblem('request.invalid', 'Give the case to link as a child by its reference (e.g. INC-000123) or by its childId, one of the two.', {
        problems: [{ pointer: '/reference', message: 'give reference or childId' }],
      });
    }
    return answer(c, await links.linkChild(auth.tenant, c.req.param('id'), body, actorOf(auth)), 201);
  });

  app.delete('/cases/:id/children/:childId', async (c) => {
    const auth = requireRole(c, 'agent');
    if (auth.partner !== undefined) {
      throw new HttpProblem('auth.forbidden', "Unlinking cases reads across the tenant's cases; people of a partner organisation work only the cases delegated to it.");
    }
    return answer(c, await links.unlinkChild(auth.tenant, c.req.param('id'), c.req.param('childId'), actorOf(auth)), 200);
  });

  return app;
}
