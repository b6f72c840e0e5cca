// Chat on a case over HTTP (issue 20, item 6; runtime/host/chat-service.ts): an agent's side here
// (/api/cases/:id/chat), the customer's in routes/public.ts. A conversation is followed live as
// server-sent events: each message once, in order, from the store's history, so a message posted on
// another host arrives too (docs/chat.md).
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChatService } from '../../host/chat-service.ts';
import { inScope, partnerScope } from '../../host/partners.ts';
import type { CaseStore, TokenRecord } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { actorOf } from './cases.ts';
import { readJson } from '../body.ts';
import { HttpProblem, unwrap } from '../problems.ts';

/** How often a stream looks for new messages; and how long one stays open before the client reconnects. */
export const CHAT_POLL_MS = 500;
export const CHAT_STREAM_MS = 5 * 60_000;

/** The text of a chat post body: {"text": "..."} and nothing else. */
export function chatText(body: unknown): string {
  const text =
    typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string'
      ? (body as { text: string }).text
      : null;
  if (text === null || Object.keys(body as object).some((k) => k !== 'text')) {
    throw new HttpProblem('request.invalid', 'A chat message is {"text": "..."} and nothing else.', {
      problems: [{ pointer: '/text', message: '/text must be the message, as text' }],
    });
  }
  return text;
}

/** The entry number to follow from: `after` in the query or the Last-Event-ID a reconnecting EventSource sends. */
function afterOf(c: Context): number {
  const raw = c.req.query('after') ?? c.req.header('last-event-id') ?? '0';
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new HttpProblem(
      'request.invalid',
      `after must be a history entry number (0 or more); got '${raw.slice(0, 20)}'.`,
    );
  return n;
}

/** Server-sent events of a case's conversation after `after`: event `message`, id the entry number (for the customer, without the agents' names). */
export function chatStream(
  c: Context,
  chat: ChatService,
  tenant: string,
  caseId: string,
  forCustomer = false,
  closing?: AbortSignal,
  ended?: () => void,
): Response {
  let after: number;
  try {
    after = afterOf(c);
  } catch (error) {
    ended?.();
    throw error;
  }
  return streamSSE(c, async (stream) => {
    let open = true;
    stream.onAbort(() => {
      open = false;
    });
    const until = Date.now() + CHAT_STREAM_MS;
    let quiet = 0;
    try {
      while (open && closing?.aborted !== true && Date.now() < until) {
        const { messages, lastSeq } = await chat.since(tenant, caseId, after);
        for (const { by, ...message } of messages) {
          await stream.writeSSE({
            event: 'message',
            id: String(message.seq),
            data: JSON.stringify(forCustomer ? message : { ...message, by }),
          });
        }
        after = lastSeq;
        // a comment now and then keeps proxies from closing a quiet stream
        quiet = messages.length > 0 ? 0 : quiet + CHAT_POLL_MS;
        if (quiet >= 15_000) {
          await stream.write(': still here\n\n');
          quiet = 0;
        }
        await stream.sleep(CHAT_POLL_MS);
      }
    } finally {
      ended?.();
    }
  });
}

export function chatRoutes(store: CaseStore, chat: ChatService, closing?: AbortSignal): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  /** 404 unless the caller may see the case (a partner's person: one in its delegated queues). */
  async function reach(auth: TokenRecord, id: string): Promise<void> {
    const kase = await store.getCase(auth.tenant, id);
    const scope = await partnerScope(store, auth);
    if (kase === null || (scope !== null && !inScope(scope, kase.queue)))
      throw new HttpProblem('case.not_found', `There is no case '${id}'.`);
  }

  app.get('/cases/:id/chat', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    await reach(auth, id);
    return c.json({ items: (await chat.since(auth.tenant, id, 0)).messages });
  });
  app.post('/cases/:id/chat', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    await reach(auth, id);
    const text = chatText(await readJson(c));
    return c.json(unwrap(await chat.post(auth.tenant, id, { from: 'agent', text }, actorOf(auth))), 201);
  });
  app.get('/cases/:id/chat/stream', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    await reach(auth, id);
    return chatStream(c, chat, auth.tenant, id, false, closing);
  });
  return app;
}
