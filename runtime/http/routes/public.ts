// /api/public: what a customer reaches without signing in (issue 20, item 4; runtime/host/public-form.ts).
// Mounted before authentication, and these routes only: the form of a case type that offers one, the
// status of a case by its reference and the code its sender was given, and a reply to it. Each caller
// address has a budget of requests a minute; bodies are small. docs/public-form.md.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { DocumentService } from '../../host/document-service.ts';
import type { PublicFormService } from '../../host/public-form.ts';
import type { FeedbackService } from '../../host/feedback.ts';
import { tokenBuckets } from '../../host/rate-limit.ts';
import type { ChatService } from '../../host/chat-service.ts';
import { chatStream, chatText } from './chat.ts';
import { receiveUpload } from './documents.ts';
import { limitBody, readJson } from '../body.ts';
import { HttpProblem, problemBody, unwrap, type ProblemBody } from '../problems.ts';

const problemResponse = (c: Context, body: ProblemBody): Response => c.json(body, body.status as 400, { 'content-type': 'application/problem+json' });

/** The largest form or reply taken (documents go their own way). */
export const PUBLIC_MAX_BODY_BYTES = 64 * 1024;
/** Posts (forms sent, replies) an address may make a minute, and reads. */
export const PUBLIC_POSTS_PER_MINUTE = 10;
export const PUBLIC_READS_PER_MINUTE = 120;

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const KEY = /^[a-z][a-z0-9-]{0,62}$/;

/** An IPv6 address by its /64 (one subscriber's network), an IPv4 address as it is. */
function network(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const [head = ''] = address.split('%');
  const full = head.includes('::')
    ? (() => {
        const [left = '', right = ''] = head.split('::');
        const l = left === '' ? [] : left.split(':');
        const r = right === '' ? [] : right.split(':');
        return [...l, ...new Array<string>(8 - l.length - r.length).fill('0'), ...r];
      })()
    : head.split(':');
  return `${full.slice(0, 4).join(':')}::/64`;
}

/**
 * The address the request came from: the socket's, or with `proxies` (DOSSIER_TRUST_PROXY: how many
 * proxies of one's own stand in front) the one the outermost of them saw, from X-Forwarded-For.
 */
function callerOf(c: Context, proxies: number): string {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
  if (proxies <= 0) return network(socket);
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
  return network(hops[hops.length - proxies] ?? hops[0] ?? socket);
}

/** Customer streams of one address open at once; customer documents a case takes. */
export const PUBLIC_STREAMS_PER_ADDRESS = 4;
export const PUBLIC_DOCUMENTS_PER_CASE = 20;

const DOCUMENTS_ROUTE = /^\/api\/public\/[^/]+\/cases\/[^/]+\/documents$/;

export function publicRoutes(
  forms: PublicFormService,
  documents: DocumentService,
  chat: ChatService,
  limits: { postsPerMinute?: number; readsPerMinute?: number; trustedProxies?: number } = {},
  closing?: AbortSignal,
  feedback?: FeedbackService,
): Hono {
  const app = new Hono();
  const proxies = limits.trustedProxies ?? 0;
  const streams = new Map<string, number>();
  const posts = tokenBuckets(limits.postsPerMinute ?? PUBLIC_POSTS_PER_MINUTE);
  const reads = tokenBuckets(limits.readsPerMinute ?? PUBLIC_READS_PER_MINUTE);
  app.use('/api/public/*', async (c, next) => {
    const wait = (c.req.method === 'GET' ? reads : posts)(callerOf(c, proxies));
    if (wait !== null) {
      c.header('retry-after', String(wait));
      return problemResponse(c, problemBody('request.rate_limited', `Too many requests from your address; try again in ${String(wait)} seconds.`));
    }
    const tenant = c.req.param('tenant') ?? c.req.path.split('/')[3] ?? '';
    if (!TENANT.test(tenant)) return problemResponse(c, problemBody('form.not_found', 'There is no such form. Check the address you were given.'));
    return next();
  });
  const small = limitBody(PUBLIC_MAX_BODY_BYTES, (c) => problemResponse(c, problemBody('request.too_large', `The form is larger than ${String(PUBLIC_MAX_BODY_BYTES / 1024)} KB; shorten the answers.`)));
  // documents have their own limit, enforced as they stream in (the documents' size limit)
  app.use('/api/public/*', (c, next) => (c.req.method === 'POST' && DOCUMENTS_ROUTE.test(c.req.path) ? next() : small(c, next)));

  const code = (c: Context): string => c.req.header('x-case-code') ?? '';

  app.get('/api/public/:tenant/forms/:key', async (c) => {
    const key = c.req.param('key');
    if (!KEY.test(key)) throw new HttpProblem('form.not_found', 'There is no such form. Check the address you were given.');
    return c.json(unwrap(await forms.form(c.req.param('tenant'), key)));
  });
  app.post('/api/public/:tenant/forms/:key', async (c) => {
    const key = c.req.param('key');
    if (!KEY.test(key)) throw new HttpProblem('form.not_found', 'There is no such form. Check the address you were given.');
    const body = await readJson(c);
    return c.json(unwrap(await forms.submit(c.req.param('tenant'), key, body)), 201);
  });
  app.get('/api/public/:tenant/cases/:reference', async (c) => {
    return c.json(unwrap(await forms.status(c.req.param('tenant'), c.req.param('reference'), code(c))));
  });
  app.post('/api/public/:tenant/cases/:reference/reply', async (c) => {
    const body = await readJson(c);
    const text = typeof body === 'object' && body !== null && typeof (body as { text?: unknown }).text === 'string' ? (body as { text: string }).text : null;
    if (text === null || Object.keys(body as object).some((k) => k !== 'text')) {
      throw new HttpProblem('form.invalid', 'A reply is {"text": "..."} and nothing else.', { problems: [{ pointer: '/text', message: '/text must be the reply, as text' }] });
    }
    return c.json(unwrap(await forms.reply(c.req.param('tenant'), c.req.param('reference'), code(c), text)));
  });
  /** The open case behind the reference and code, or 404 in the same words as a wrong pair. */
  async function caseFor(c: Context) {
    const found = await forms.caseOf(c.req.param('tenant') ?? '', c.req.param('reference') ?? '', code(c));
    if (found === null) throw new HttpProblem('case.not_found', 'There is no case with this reference and code. Check both against the confirmation you were given.');
    return found;
  }

  app.get('/api/public/:tenant/cases/:reference/chat', async (c) => {
    const { kase } = await caseFor(c);
    return c.json({ items: (await chat.since(c.req.param('tenant'), kase.id, 0)).messages.map(({ by: _by, ...m }) => m) });
  });
  app.post('/api/public/:tenant/cases/:reference/chat', async (c) => {
    const { kase } = await caseFor(c);
    const text = chatText(await readJson(c));
    const { by: _by, ...message } = unwrap(await chat.post(c.req.param('tenant'), kase.id, { from: 'customer', text }, undefined));
    return c.json(message, 201);
  });
  app.get('/api/public/:tenant/cases/:reference/chat/stream', async (c) => {
    const { kase } = await caseFor(c);
    const caller = callerOf(c, proxies);
    const open = streams.get(caller) ?? 0;
    if (open >= PUBLIC_STREAMS_PER_ADDRESS) {
      c.header('retry-after', '30');
      return problemResponse(c, problemBody('request.rate_limited', `Your address has ${String(open)} conversations open already; close one and try again.`));
    }
    streams.set(caller, open + 1);
    const ended = () => {
      const left = (streams.get(caller) ?? 1) - 1;
      if (left <= 0) streams.delete(caller);
      else streams.set(caller, left);
    };
    return chatStream(c, chat, c.req.param('tenant'), kase.id, true, closing, ended);
  });

  // Customer feedback (docs/feedback.md): the survey behind a mailed link (its token in X-Survey-Token, as
  // the page reads it from the address's fragment), and the same survey on a closed case's status page.
  const surveyToken = (c: Context): string => c.req.header('x-survey-token') ?? '';
  const language = (c: Context): string | undefined => /^[a-zA-Z]{2,3}(-[a-zA-Z]{2})?/.exec(c.req.header('accept-language') ?? '')?.[0];
  const noSurveys = (): never => {
    throw new HttpProblem('survey.not_found', 'There is no such survey. Check the link you were given.');
  };
  app.get('/api/public/:tenant/survey', async (c) => {
    if (feedback === undefined) noSurveys();
    return c.json(unwrap(await (feedback as FeedbackService).survey(c.req.param('tenant'), surveyToken(c), language(c))));
  });
  app.post('/api/public/:tenant/survey', async (c) => {
    if (feedback === undefined) noSurveys();
    const body = await readJson(c);
    return c.json(unwrap(await (feedback as FeedbackService).answer(c.req.param('tenant'), surveyToken(c), body)), 201);
  });
  app.get('/api/public/:tenant/cases/:reference/feedback', async (c) => {
    const { kase, definition } = await caseFor(c);
    if (feedback === undefined) throw new HttpProblem('survey.not_found', 'This request asks for no feedback (yet): it is not closed, or we ask none.');
    return c.json(unwrap(await feedback.surveyOfCase(c.req.param('tenant'), kase, definition, language(c))));
  });
  app.post('/api/public/:tenant/cases/:reference/feedback', async (c) => {
    const { kase, definition } = await caseFor(c);
    if (feedback === undefined) noSurveys();
    const body = await readJson(c);
    return c.json(unwrap(await (feedback as FeedbackService).answerOfCase(c.req.param('tenant'), kase, definition, body)), 201);
  });

  app.post('/api/public/:tenant/cases/:reference/documents', async (c) => {
    const tenant = c.req.param('tenant');
    const found = await forms.caseOf(tenant, c.req.param('reference'), code(c));
    if (found === null) throw new HttpProblem('case.not_found', 'There is no case with this reference and code. Check both against the confirmation you were given.');
    const field = found.definition.public?.attachments;
    if (field === undefined || found.kase.closedAt !== null) throw new HttpProblem('form.invalid', 'This request takes no documents here.');
    const listed = unwrap(await documents.list(tenant, found.kase.id, { removed: true }));
    if (listed.filter((d) => d.addedBy === 'customer').length >= PUBLIC_DOCUMENTS_PER_CASE) {
      throw new HttpProblem('form.invalid', `This request has the ${String(PUBLIC_DOCUMENTS_PER_CASE)} documents it takes from you already; send more by e-mail or ask us.`);
    }
    const contentType = c.req.header('content-type') ?? '';
    const body = c.req.raw.body;
    if (!/^multipart\/form-data\s*;/i.test(contentType) || body === null) {
      throw new HttpProblem('request.unsupported_media_type', 'Send the document as multipart/form-data, the file in a part named "file".');
    }
    const result = await receiveUpload(contentType, body, documents.maxBytes, field, (_chosen, filename, stream) =>
      documents.add(tenant, found.kase.id, { name: filename, content: stream, field, by: { id: 'customer', roles: [] } }),
    );
    const { document } = unwrap(result);
    return c.json({ name: document.name, contentType: document.contentType, size: document.size, addedAt: document.addedAt }, 201);
  });
  return app;
}
