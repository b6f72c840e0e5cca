// Cases: create, list, read, send events, history. Every change goes through the case service.
import { Hono, type Context } from 'hono';
import type { Priority } from '../../../schemas/generated/case-type.ts';
import { isSystemEvent } from '../../engine/index.ts';
import type { Actor, CaseData } from '../../engine/index.ts';
import type { CaseService, ServiceResult } from '../../host/case-service.ts';
import { failureAnswer, failureBody, HttpProblem } from '../problems.ts';
import type { CaseStore, TokenRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { etag, filters, idempotencyKey, ifMatch, oneOf, pageParams } from '../query.ts';

export function actorOf(token: TokenRecord): Actor {
  return { id: token.name, roles: token.roles };
}

/** The one way a service result becomes a response (stored replays included). */
export function respond(c: Context, result: ServiceResult): Response {
  if (!result.ok) {
    const body = failureBody(result);
    return c.json(body, body.status as 400, { 'content-type': 'application/problem+json' });
  }
  if (result.replay === true) {
    const body = result.body as { revision?: unknown; status?: unknown };
    const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
    if (result.status >= 400) headers['content-type'] = 'application/problem+json';
    else if (typeof body.revision === 'number') headers.etag = etag(body.revision);
    return c.json(result.body, result.status as 200, headers);
  }
  return c.json(result.view, result.status as 200, { etag: etag(result.case.revision) });
}

export function caseRoutes(store: CaseStore, service: CaseService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.post('/cases', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    const body = await readBody<{ caseType: string; data?: CaseData; priority?: Priority; channel?: string | null; parentId?: string | null }>(c, 'CreateCaseRequest');
    const key = idempotencyKey(c);
    const result = await service.createCase(auth.tenant, body, actorOf(auth), key === undefined ? undefined : { key, method: 'POST', path: '/api/cases', answerOf: failureAnswer });
    return respond(c, result);
  });

  app.get('/cases', async (c) => {
    const auth = requireRole(c, 'agent');
    const { limit, cursor } = pageParams(c);
    const filter = {
      ...filters(c, ['caseType', 'state', 'queue', 'assignee', 'priority', 'q', 'parentId'] as const),
      status: oneOf(c, 'status', ['open', 'closed'] as const),
    };
    const page = await store.listCases(auth.tenant, filter, limit, cursor);
    const items = [];
    for (const kase of page.items) {
      const view = await service.viewOf(auth.tenant, kase, actorOf(auth));
      if (view !== null) items.push(view);
    }
    return c.json({ items, nextCursor: page.nextCursor });
  });

  app.get('/cases/:id', async (c) => {
    const auth = requireRole(c, 'agent');
    const found = await service.getView(auth.tenant, c.req.param('id'), actorOf(auth));
    if (found === null) throw new HttpProblem('case.not_found', `There is no case '${c.req.param('id')}'.`);
    // the messages the default notifier recorded (notify effects delivered), oldest first
    const messages = (await store.messages(auth.tenant, found.case.id)).map(({ key, to, template, sentAt }) => ({ key, to, template, sentAt }));
    return c.json({ ...found.view, messages }, 200, { etag: etag(found.case.revision) });
  });

  app.post('/cases/:id/events', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    const id = c.req.param('id');
    const body = await readBody<{ type: string; data?: CaseData }>(c, 'EventRequest');
    if (isSystemEvent(body.type)) {
      throw new HttpProblem('event.forbidden', `'${body.type}' is a system event: only the runtime raises it (timers, SLAs, child cases).`);
    }
    const expected = ifMatch(c);
    const key = idempotencyKey(c);
    const result = await service.sendEvent(auth.tenant, id, body, actorOf(auth), {
      ...(expected === undefined ? {} : { ifMatch: expected }),
      ...(key === undefined ? {} : { idempotency: { key, method: 'POST', path: `/api/cases/${id}/events`, answerOf: failureAnswer } }),
    });
    return respond(c, result);
  });

  app.get('/cases/:id/history', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    const { limit, cursor } = pageParams(c);
    if ((await store.getCase(auth.tenant, id)) === null) throw new HttpProblem('case.not_found', `There is no case '${id}'.`);
    return c.json(await store.history(auth.tenant, id, limit, cursor));
  });

  return app;
}
