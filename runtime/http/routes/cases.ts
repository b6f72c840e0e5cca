// Cases: create, list, read, send events, history. Every change goes through the case service.
import { Hono, type Context } from 'hono';
import type { Priority } from '../../../schemas/generated/case-type.ts';
import { CHANNELS, isSystemEvent } from '../../engine/index.ts';
import type { Actor, CaseData, Channel } from '../../engine/index.ts';
import type { CaseService, ServiceResult } from '../../host/case-service.ts';
import type { ReasonSuggestionService } from '../../host/reason-suggestions.ts';
import { failureAnswer, failureBody, HttpProblem } from '../problems.ts';
import type { CaseStore, MessageStatus, TokenRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { readBody } from '../body.ts';
import { etag, filters, idempotencyKey, ifMatch, oneOf, pageParams } from '../query.ts';
import type { ShareTree } from '../../../schemas/sharing.ts';
import { inScope, partnerCaseBody, partnerHistoryEntry, partnerScope, sharedProblems, shareTrees, unsharedInEvent, type PartnerScope } from '../../host/partners.ts';

export function actorOf(token: TokenRecord): Actor {
  return { id: token.name, roles: token.roles, ...(token.partner === undefined ? {} : { partner: token.partner }) };
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

/** 404 for a case a partner's person may not see, as for one that does not exist: they learn nothing of it. */
function notFound(id: string): HttpProblem {
  return new HttpProblem('case.not_found', `There is no case '${id}'.`);
}

export function caseRoutes(store: CaseStore, service: CaseService, suggestions?: ReasonSuggestionService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  /** A partner's view of a case answer (a view, an event's answer, a stored replay): only the shared fields. */
  const shared = async (scope: PartnerScope | null, tenant: string, body: unknown): Promise<unknown> => {
    if (scope === null || typeof body !== 'object' || body === null) return body;
    const { caseType, version } = body as { caseType?: unknown; version?: unknown };
    if (typeof caseType !== 'string' || typeof version !== 'number') return body;
    const { tree, definition } = await shareTrees(store, tenant)(caseType, version);
    return partnerCaseBody(body, tree, definition);
  };

  /** The case `id` if the caller may see it (any case of the tenant; a partner's person: those in the partner's queues). */
  const visible = async (tenant: string, id: string, scope: PartnerScope | null) => {
    const kase = await store.getCase(tenant, id);
    if (kase === null || (scope !== null && !inScope(scope, kase.queue))) return null;
    return kase;
  };

  app.post('/cases', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    if (auth.partner !== undefined) {
      throw new HttpProblem('auth.forbidden', "People of a partner organisation work the cases delegated to it; the tenant's own people open new ones.");
    }
    const body = await readBody<{ caseType: string; data?: CaseData; priority?: Priority; channel?: Channel | null; parentId?: string | null }>(c, 'CreateCaseRequest');
    const key = idempotencyKey(c);
    const result = await service.createCase(auth.tenant, body, actorOf(auth), key === undefined ? undefined : { key, method: 'POST', path: '/api/cases', answerOf: failureAnswer });
    return respond(c, result);
  });

  app.get('/cases', async (c) => {
    const auth = requireRole(c, 'agent');
    const { limit, cursor } = pageParams(c);
    const scope = await partnerScope(store, auth);
    const filter = {
      ...filters(c, ['caseType', 'state', 'queue', 'assignee', 'priority', 'q', 'parentId'] as const),
      channel: oneOf(c, 'channel', CHANNELS),
      status: oneOf(c, 'status', ['open', 'closed'] as const),
      // a partner's person: only the delegated queues, chosen by the database
      ...(scope === null ? {} : { queues: scope.queues }),
    };
    if (scope !== null && filter.q !== undefined) {
      // the text search reads every field, the ones not shared with partners too: a hit would tell what they hold
      throw new HttpProblem('partner.not_shared', 'Text search (q) reads fields that are not shared with partners; filter by queue, state or assignee instead.');
    }
    const page = await store.listCases(auth.tenant, filter, limit, cursor);
    const items = [];
    for (const kase of page.items) {
      const view = await service.viewOf(auth.tenant, kase, actorOf(auth));
      if (view !== null) items.push(await shared(scope, auth.tenant, view));
    }
    return c.json({ items, nextCursor: page.nextCursor });
  });

  app.get('/cases/:id', async (c) => {
    const auth = requireRole(c, 'agent');
    const scope = await partnerScope(store, auth);
    const found = await service.getView(auth.tenant, c.req.param('id'), actorOf(auth));
    if (found === null || (scope !== null && !inScope(scope, found.case.queue))) throw notFound(c.req.param('id'));
    // the reason suggestion (issue 21) for the tenant's own people; a partner's see the case without it
    const suggestion = scope === null && suggestions !== undefined ? { suggestion: await suggestions.forCase(auth.tenant, found.case.id) } : {};
    return c.json(await shared(scope, auth.tenant, { ...found.view, messages: await caseMessages(store, auth.tenant, found.case.id), ...suggestion }), 200, { etag: etag(found.case.revision) });
  });

  app.post('/cases/:id/events', async (c) => {
    const auth = requireRole(c, 'agent', 'service');
    const id = c.req.param('id');
    const body = await readBody<{ type: string; data?: CaseData }>(c, 'EventRequest');
    if (isSystemEvent(body.type)) {
      throw new HttpProblem('event.forbidden', `'${body.type}' is a system event: only the runtime raises it (timers, SLAs, child cases).`);
    }
    const scope = await partnerScope(store, auth);
    // a partner's person: the shared part of the case's type, to check what they send and cut what they get
    let tree: ShareTree | null = null;
    if (scope !== null) {
      const kase = await visible(auth.tenant, id, scope);
      if (kase === null) throw notFound(id);
      tree = (await shareTrees(store, auth.tenant)(kase.caseType, kase.version)).tree;
      const unshared = unsharedInEvent(body.data, tree);
      if (unshared.length > 0) {
        throw new HttpProblem('partner.not_shared', `The event sets fields that are not shared with partners (${unshared.join(', ')}); send only shared fields.`, {
          problems: unshared.map((pointer) => ({ pointer: `/data${pointer}`, message: 'not shared with partners' })),
        });
      }
    }
    const expected = ifMatch(c);
    const key = idempotencyKey(c);
    const result = await service.sendEvent(auth.tenant, id, body, actorOf(auth), {
      ...(expected === undefined ? {} : { ifMatch: expected }),
      ...(key === undefined ? {} : { idempotency: { key, method: 'POST', path: `/api/cases/${id}/events`, answerOf: failureAnswer } }),
    });
    if (scope === null || tree === null) return respond(c, result);
    // a refusal tells a partner's person about the shared fields only
    if (!result.ok) return respond(c, result.problems === undefined ? result : { ...result, problems: sharedProblems(result.problems, tree) });
    // a partner's answer: only the shared fields (of the view, or of a stored replay)
    if (result.replay === true) return respond(c, { ...result, body: (await shared(scope, auth.tenant, result.body)) as typeof result.body });
    return respond(c, { ...result, view: (await shared(scope, auth.tenant, result.view)) as typeof result.view });
  });

  app.get('/cases/:id/history', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    const { limit, cursor } = pageParams(c);
    const scope = await partnerScope(store, auth);
    const kase = await visible(auth.tenant, id, scope);
    if (kase === null) throw notFound(id);
    const page = await store.history(auth.tenant, id, limit, cursor);
    if (scope === null) return c.json(page);
    // a partner's person: the events' data and the changes cut to the shared fields
    const { tree } = await shareTrees(store, auth.tenant)(kase.caseType, kase.version);
    return c.json({ items: page.items.map((entry) => partnerHistoryEntry(entry, tree)), nextCursor: page.nextCursor });
  });

  return app;
}

/**
 * The case's notify messages, oldest first (docs/email.md): those the notifier recorded, with their
 * status, then the notices still waiting in the outbox (`queued`, or `failed` once an attempt failed).
 */
interface CaseMessage {
  key: string; to: string; template: string; status: MessageStatus | 'queued'; sentAt: string | null; address: string | null; subject: string | null;
  messageId: string | null; language: string | null; attempts: number; lastError: string | null;
}

async function caseMessages(store: CaseStore, tenant: string, caseId: string): Promise<CaseMessage[]> {
  const recorded = await store.messages(tenant, caseId);
  const known = new Set(recorded.map((m) => m.key));
  const messages: CaseMessage[] = recorded.map((m) => ({
    key: m.key, to: m.to, template: m.template, status: m.status ?? 'recorded', sentAt: m.sentAt, address: m.address ?? null, subject: m.subject ?? null,
    messageId: m.messageId ?? null, language: m.language ?? null, attempts: m.attempts ?? 1, lastError: m.lastError ?? null,
  }));
  let cursor: string | null = null;
  do {
    const page = await store.listOutbox(tenant, { caseId, status: 'pending' }, 200, cursor);
    for (const row of page.items) {
      if (row.effect.type !== 'notify' || known.has(row.key)) continue;
      messages.push({
        key: row.key, to: row.effect.to, template: row.effect.template, status: row.attempts > 0 ? 'failed' : 'queued', sentAt: null, address: null, subject: null,
        messageId: null, language: null, attempts: row.attempts, lastError: row.lastError,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return messages;
}
