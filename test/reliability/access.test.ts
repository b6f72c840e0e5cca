// Access, table-driven: every route × every role (admin, analyst, agent, service, a case-type role
// only) × own/other tenant × no/invalid/revoked/expired credential × a bearer token or a person's sign-in
// session (the cookie, with its CSRF token on writes; without it a write is refused), with the exact
// status. Each cell prepares fresh resources as the admin of tenant `default`, so cells do not depend on
// each other.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../runtime/host/tokens.ts';
import { endSession, startSession } from '../../runtime/host/sign-in.ts';
import { csrfTokenOf } from '../../runtime/http/sign-in.ts';
import { createHarness, type Harness } from '../runtime/http/harness.ts';

type Who = 'admin' | 'analyst' | 'agent' | 'service' | 'bare' | 'acmeAdmin' | 'partner' | 'none' | 'invalid' | 'revoked' | 'expired';
const roles = ['admin', 'analyst', 'agent', 'service', 'bare'] as const;
/** How the credential travels: a bearer token; a session cookie with its CSRF token; a session cookie alone. */
type Via = 'token' | 'session' | 'session without CSRF token';

interface Cell {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Route {
  name: string;
  /** Roles (tokens of tenant default) that get `ok`; the others get 403. */
  allowed: readonly (typeof roles)[number][] | 'any';
  ok: number;
  /** Content type of the success answer (default application/json). */
  okType?: string;
  /** The status for an admin of tenant acme (another tenant). */
  otherTenant: number;
  /**
   * The status for an agent of a partner organisation whose delegated queues hold none of the cells' cases
   * (default: `ok` where agents are allowed, else 403).
   */
  partner?: number;
  prepare(h: Harness, n: number): Promise<Cell>;
}

const accessType = {
  key: 'access',
  title: 'Access',
  data: { type: 'object', properties: { n: { type: 'integer' } } },
  events: { TOUCH: { title: 'Touch' } },
  playbook: { initial: 'open', states: { open: { task: { title: 'Look at it' }, on: { TOUCH: {} } } } },
};

let h: Harness;
let caseId: string;
/** A case type with two versions, and a migration between them, for the migration routes. */
const movingPlan = { caseType: 'moving', from: 1, to: 2 };
let migrationId: string;

async function freshCase(): Promise<{ id: string; taskId: string }> {
  const created = await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'access', data: { n: 1 } });
  return { id: created.body.id as string, taskId: created.body.tasks[0].id as string };
}

/** The agent records of the tokens' and people's names that may be agents (push routing, docs/routing.md). */
async function agentsOfTheCells(): Promise<void> {
  for (const name of ['admin', 'agent', 'Ann Admin', 'Bob Agent']) {
    expect((await h.call('PUT', `/api/agents/${encodeURIComponent(name)}`, h.tokens.admin, { availability: 'offline', capacity: { total: 1 } })).status).toBe(200);
  }
}

/** A multipart upload of a small PDF (documents, issue 20). */
const BOUNDARY = 'access-boundary';
const upload = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="receipt.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${BOUNDARY}--\r\n`;
const uploadHeaders = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** A document of the shared case, uploaded as the admin. */
async function freshDocument(): Promise<string> {
  const res = await h.call('POST', `/api/cases/${caseId}/documents`, h.tokens.admin, upload, uploadHeaders);
  expect(res.status).toBe(201);
  return res.body.id as string;
}
let documentId: string;

const routes: Route[] = [
  { name: 'POST /api/tokens', allowed: ['admin'], ok: 201, otherTenant: 201, prepare: async (_h, n) => ({ method: 'POST', path: '/api/tokens', body: { name: `t${n}`, roles: ['agent'] } }) },
  {
    name: 'DELETE /api/tokens/:name',
    allowed: ['admin'],
    ok: 200,
    otherTenant: 404,
    prepare: async (_h, n) => {
      await h.call('POST', '/api/tokens', h.tokens.admin, { name: `gone${n}`, roles: ['agent'] });
      return { method: 'DELETE', path: `/api/tokens/gone${n}` };
    },
  },
  { name: 'GET /api/tokens', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/tokens' }) },
  {
    name: 'POST /api/tokens/:name/rotate',
    allowed: ['admin'],
    ok: 201,
    otherTenant: 404,
    prepare: async (_h, n) => {
      await h.call('POST', '/api/tokens', h.tokens.admin, { name: `turn${n}`, roles: ['agent'] });
      return { method: 'POST', path: `/api/tokens/turn${n}/rotate` };
    },
  },
  { name: 'GET /api/partners', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/partners' }) },
  { name: 'PUT /api/partners/:id', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async (_h, n) => ({ method: 'PUT', path: `/api/partners/p${n}`, body: { title: `Partner ${n}`, queues: ['q'] } }) },
  {
    name: 'DELETE /api/partners/:id',
    allowed: ['admin'],
    ok: 200,
    otherTenant: 404,
    prepare: async (_h, n) => {
      await h.call('PUT', `/api/partners/gone${n}`, h.tokens.admin, { title: 'Gone', queues: [] });
      return { method: 'DELETE', path: `/api/partners/gone${n}` };
    },
  },
  { name: 'POST /api/validate', allowed: ['admin', 'analyst'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'POST', path: '/api/validate', body: accessType }) },
  { name: 'GET /api/case-types', allowed: 'any', ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/case-types' }) },
  { name: 'GET /api/case-types/:key', allowed: 'any', ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/case-types/access' }) },
  { name: 'GET /api/case-types/:key/versions', allowed: 'any', ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/case-types/access/versions' }) },
  { name: 'GET /api/case-types/:key/versions/:v', allowed: 'any', ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/case-types/access/versions/1' }) },
  {
    name: 'PUT /api/case-types/:key/draft',
    allowed: ['admin', 'analyst'],
    ok: 200,
    otherTenant: 200,
    prepare: async (_h, n) => ({ method: 'PUT', path: `/api/case-types/draft-${n}/draft`, body: { ...accessType, key: `draft-${n}` } }),
  },
  { name: 'GET /api/case-types/:key/draft', allowed: ['admin', 'analyst'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/case-types/access/draft' }) },
  {
    name: 'POST /api/case-types/:key/publish',
    allowed: ['admin'],
    ok: 201,
    otherTenant: 404,
    prepare: async (_h, n) => {
      await h.call('PUT', `/api/case-types/pub-${n}/draft`, h.tokens.admin, { ...accessType, key: `pub-${n}` });
      return { method: 'POST', path: `/api/case-types/pub-${n}/publish` };
    },
  },
  { name: 'POST /api/case-types/:key/backtest', allowed: ['admin', 'analyst'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'POST', path: '/api/case-types/access/backtest', body: { cases: 5 } }) },
  { name: 'GET /api/case-types/:key/migration-plan', allowed: ['admin'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/case-types/moving/migration-plan' }) },
  { name: 'POST /api/migrations/dry-run', allowed: ['admin'], ok: 200, otherTenant: 422, prepare: async () => ({ method: 'POST', path: '/api/migrations/dry-run', body: movingPlan }) },
  // each cell a plan of its own (its title), since a plan is applied once
  { name: 'POST /api/migrations', allowed: ['admin'], ok: 202, otherTenant: 422, prepare: async (_h, n) => ({ method: 'POST', path: '/api/migrations', body: { ...movingPlan, title: `cell ${n}` } }) },
  { name: 'GET /api/migrations', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/migrations' }) },
  { name: 'GET /api/migrations/:id', allowed: ['admin'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/migrations/${migrationId}` }) },
  { name: 'GET /api/migrations/:id/cases', allowed: ['admin'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/migrations/${migrationId}/cases` }) },
  { name: 'POST /api/cases', allowed: ['admin', 'agent', 'service'], ok: 201, partner: 403, otherTenant: 422, prepare: async () => ({ method: 'POST', path: '/api/cases', body: { caseType: 'access', data: { n: 2 } } }) },
  { name: 'GET /api/cases', allowed: ['admin', 'agent'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/cases' }) },
  { name: 'GET /api/cases/:id', allowed: ['admin', 'agent'], ok: 200, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}` }) },
  {
    name: 'POST /api/cases/:id/events',
    partner: 404,
    allowed: ['admin', 'agent', 'service'],
    ok: 200,
    otherTenant: 404,
    prepare: async () => ({ method: 'POST', path: `/api/cases/${(await freshCase()).id}/events`, body: { type: 'TOUCH' } }),
  },
  { name: 'POST /api/cases/:id/notes', allowed: ['admin', 'agent'], ok: 201, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'POST', path: `/api/cases/${caseId}/notes`, body: { text: 'Called the customer back.' } }) },
  {
    name: 'POST /api/cases/:id/children',
    allowed: ['admin', 'agent'],
    ok: 201,
    partner: 403,
    otherTenant: 404,
    prepare: async () => {
      const [parent, child] = [await freshCase(), await freshCase()];
      return { method: 'POST', path: `/api/cases/${parent.id}/children`, body: { childId: child.id } };
    },
  },
  {
    name: 'DELETE /api/cases/:id/children/:childId',
    allowed: ['admin', 'agent'],
    ok: 200,
    partner: 403,
    otherTenant: 404,
    prepare: async () => {
      const [parent, child] = [await freshCase(), await freshCase()];
      expect((await h.call('POST', `/api/cases/${parent.id}/children`, h.tokens.admin, { childId: child.id })).status).toBe(201);
      return { method: 'DELETE', path: `/api/cases/${parent.id}/children/${child.id}` };
    },
  },
  { name: 'GET /api/search', allowed: ['admin', 'agent'], ok: 200, partner: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/search?q=access' }) },
  // Push routing (docs/routing.md): agents are the admins' to keep; an agent reads and sets their own record
  { name: 'GET /api/agents', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/agents' }) },
  { name: 'GET /api/routing/catalog', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/routing/catalog' }) },
  {
    name: 'GET /api/agents/:name',
    allowed: ['admin'],
    ok: 200,
    otherTenant: 404,
    prepare: async () => {
      await agentsOfTheCells();
      return { method: 'GET', path: '/api/agents/agent' };
    },
  },
  { name: 'PUT /api/agents/:name', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async (_h, n) => ({ method: 'PUT', path: `/api/agents/a${n}`, body: { availability: 'away', capacity: { total: 1 } } }) },
  {
    name: 'DELETE /api/agents/:name',
    allowed: ['admin'],
    ok: 200,
    otherTenant: 404,
    prepare: async (_h, n) => {
      expect((await h.call('PUT', `/api/agents/d${n}`, h.tokens.admin, { availability: 'offline', capacity: { total: 1 } })).status).toBe(200);
      return { method: 'DELETE', path: `/api/agents/d${n}` };
    },
  },
  // the partner's people and acme's admin are no agents of tenant default: 204 for their own record, 404 to set it
  {
    name: 'GET /api/me/agent',
    allowed: ['admin', 'agent'],
    ok: 200,
    partner: 204,
    otherTenant: 204,
    prepare: async () => {
      await agentsOfTheCells();
      return { method: 'GET', path: '/api/me/agent' };
    },
  },
  {
    name: 'PUT /api/me/availability',
    allowed: ['admin', 'agent'],
    ok: 200,
    partner: 404,
    otherTenant: 404,
    prepare: async () => {
      await agentsOfTheCells();
      return { method: 'PUT', path: '/api/me/availability', body: { availability: 'away' } };
    },
  },
  { name: 'GET /api/offers', allowed: ['admin', 'agent'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/offers' }) },
  // nobody holds an offer of a fresh task: an allowed caller gets past the role check to 404 offer.not_found (the
  // offer itself: test/runtime/http/routing.test.ts)
  { name: 'POST /api/tasks/:id/accept', allowed: ['admin', 'agent'], ok: 404, otherTenant: 404, okType: 'application/problem+json', prepare: async () => ({ method: 'POST', path: `/api/tasks/${(await freshCase()).taskId}/accept` }) },
  { name: 'POST /api/tasks/:id/decline', allowed: ['admin', 'agent'], ok: 404, otherTenant: 404, okType: 'application/problem+json', prepare: async () => ({ method: 'POST', path: `/api/tasks/${(await freshCase()).taskId}/decline` }) },
  { name: 'POST /api/tasks/:id/assign', allowed: ['admin'], ok: 200, otherTenant: 404, prepare: async () => ({ method: 'POST', path: `/api/tasks/${(await freshCase()).taskId}/assign`, body: { assignee: 'agent' } }) },
  { name: 'GET /api/cases/:id/task-log', allowed: ['admin', 'analyst', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/task-log` }) },
  { name: 'GET /api/cases/:id/history', allowed: ['admin', 'agent'], ok: 200, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/history` }) },
  { name: 'POST /api/cases/:id/documents', allowed: ['admin', 'agent', 'service'], ok: 201, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'POST', path: `/api/cases/${caseId}/documents`, body: upload, headers: uploadHeaders }) },
  { name: 'GET /api/cases/:id/documents', allowed: ['admin', 'agent'], ok: 200, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/documents` }) },
  {
    name: 'GET /api/cases/:id/documents/:docId',
    allowed: ['admin', 'agent'],
    ok: 200,
    okType: 'application/pdf',
    partner: 404,
    otherTenant: 404,
    prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/documents/${documentId}` }),
  },
  {
    name: 'DELETE /api/cases/:id/documents/:docId',
    allowed: ['admin', 'agent', 'service'],
    ok: 200,
    partner: 404,
    otherTenant: 404,
    prepare: async () => ({ method: 'DELETE', path: `/api/cases/${caseId}/documents/${await freshDocument()}` }),
  },
  { name: 'GET /api/tasks', allowed: ['admin', 'agent'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/tasks' }) },
  {
    name: 'POST /api/tasks/:id/claim',
    partner: 404,
    allowed: ['admin', 'agent'],
    ok: 200,
    otherTenant: 404,
    prepare: async () => ({ method: 'POST', path: `/api/tasks/${(await freshCase()).taskId}/claim` }),
  },
  {
    name: 'POST /api/tasks/:id/release',
    partner: 404,
    allowed: ['admin', 'agent'],
    ok: 200,
    otherTenant: 404,
    prepare: async () => ({ method: 'POST', path: `/api/tasks/${(await freshCase()).taskId}/release` }),
  },
  { name: 'GET /api/outbox', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/outbox' }) },
  { name: 'GET /api/webhook-secret', allowed: ['admin'], ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/webhook-secret' }) },
  { name: 'GET /api/reports/sla', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/sla' }) },
  { name: 'GET /api/reports/stages', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/stages' }) },
  { name: 'GET /api/reports/partners', allowed: ['admin', 'agent'], ok: 200, otherTenant: 200, partner: 403, prepare: async () => ({ method: 'GET', path: '/api/reports/partners' }) },
  { name: 'GET /api/reports/suggestions', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/reports/suggestions?caseType=complaint' }) },
  // acme publishes no case type: /n is not a field of any of its own (422 report.unknown_field), and never reads default's
  { name: 'GET /api/reports/reasons', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 422, prepare: async () => ({ method: 'GET', path: '/api/reports/reasons?field=/n' }) },
  { name: 'GET /api/reports/reasons/trend', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 422, prepare: async () => ({ method: 'GET', path: '/api/reports/reasons/trend?field=/n' }) },
  { name: 'GET /api/reports/sla/trend', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/sla/trend' }) },
  { name: 'GET /api/reports/backlog', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/backlog' }) },
  { name: 'GET /api/reports/channels', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/channels' }) },
  { name: 'GET /api/reports/agents', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/reports/agents' }) },
  {
    name: 'GET /api/case-types/:key/versions/:v/types.d.ts',
    allowed: 'any',
    ok: 200,
    okType: 'text/plain',
    otherTenant: 404,
    prepare: async () => ({ method: 'GET', path: '/api/case-types/access/versions/1/types.d.ts' }),
  },
  { name: 'POST /api/types', allowed: ['admin', 'analyst'], ok: 200, okType: 'text/plain', otherTenant: 200, prepare: async () => ({ method: 'POST', path: '/api/types', body: accessType }) },
  { name: 'GET /api/me', allowed: 'any', ok: 200, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/me' }) },
  { name: 'GET /api/cases/:id/related', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/related` }) },
  { name: 'GET /api/customers/cases', allowed: ['admin', 'agent'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/customers/cases?value=a%40example.com' }) },
  { name: 'GET /api/export', allowed: ['admin'], ok: 200, okType: 'application/xml', otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/export?format=xes' }) },
  { name: 'GET /api/mailboxes', allowed: ['admin'], ok: 200, partner: 403, otherTenant: 200, prepare: async () => ({ method: 'GET', path: '/api/mailboxes' }) },
  {
    name: 'PUT /api/mailboxes/:caseType',
    allowed: ['admin'],
    ok: 201,
    partner: 403,
    otherTenant: 404,
    prepare: async (_h, n) => ({ method: 'PUT', path: '/api/mailboxes/access', body: { address: `access${n}@shop.example` } }),
  },
  {
    name: 'DELETE /api/mailboxes/:caseType',
    allowed: ['admin'],
    ok: 200,
    partner: 403,
    otherTenant: 404,
    prepare: async (_h, n) => {
      await h.call('PUT', '/api/mailboxes/moving', h.tokens.admin, { address: `moving${n}@shop.example` });
      return { method: 'DELETE', path: '/api/mailboxes/moving' };
    },
  },
  { name: 'GET /api/cases/:id/chat', allowed: ['admin', 'agent'], ok: 200, partner: 404, otherTenant: 404, prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/chat` }) },
  { name: 'POST /api/cases/:id/chat', allowed: ['admin', 'agent'], ok: 201, partner: 404, otherTenant: 404, prepare: async (_h, n) => ({ method: 'POST', path: `/api/cases/${caseId}/chat`, body: { text: `Hello ${n}` } }) },
  {
    name: 'GET /api/cases/:id/chat/stream',
    allowed: ['admin', 'agent'],
    ok: 200,
    okType: 'text/event-stream',
    partner: 404,
    otherTenant: 404,
    // a closed case's conversation: the stream sends what there is and ends only after its time; the cell reads the head
    prepare: async () => ({ method: 'GET', path: `/api/cases/${caseId}/chat/stream` }),
  },
  { name: 'GET /api/no-such-route', allowed: 'any', ok: 404, otherTenant: 404, prepare: async () => ({ method: 'GET', path: '/api/no-such-route' }) },
];

const tokenOf = (who: Who): string | null => {
  switch (who) {
    case 'none':
      return null;
    case 'invalid':
      return 'dsr_not-a-real-token';
    case 'revoked':
      return revokedSecret;
    case 'expired':
      return expiredSecret;
    case 'partner':
      return partnerSecret;
    default:
      return h.tokens[who];
  }
};
let revokedSecret = '';
let partnerSecret = '';
let expiredSecret = '';

/** The sessions of people with the same roles and tenants as the tokens (by sign-in, with OpenID Connect). */
const sessions = new Map<Who, string>();

const sessionOf = (who: Who): string | null => {
  if (who === 'none') return null;
  if (who === 'invalid') return 'not-a-real-session';
  return sessions.get(who) ?? null;
};

/** The request's credential: an Authorization header, or the cookie (with the CSRF token unless `via` says without). */
function credential(who: Who, via: Via): { token: string | null; headers: Record<string, string> } {
  if (via === 'token') return { token: tokenOf(who), headers: {} };
  const secret = sessionOf(who);
  if (secret === null) return { token: null, headers: {} };
  return { token: null, headers: { cookie: `dossier_session=${secret}`, ...(via === 'session' ? { 'x-csrf-token': csrfTokenOf(secret) } : {}) } };
}

describe('access: every route × role × tenant × token', () => {
  beforeAll(async () => {
    h = await createHarness();
    expect((await h.call('PUT', '/api/case-types/access/draft', h.tokens.admin, accessType)).body.valid).toBe(true);
    expect((await h.call('POST', '/api/case-types/access/publish', h.tokens.admin)).status).toBe(201);
    caseId = (await freshCase()).id;
    documentId = await freshDocument();
    expect((await h.call('PUT', '/api/case-types/moving/draft', h.tokens.admin, { ...accessType, key: 'moving' })).body.valid).toBe(true);
    expect((await h.call('POST', '/api/case-types/moving/publish', h.tokens.admin)).status).toBe(201);
    expect((await h.call('POST', '/api/cases', h.tokens.admin, { caseType: 'moving', data: { n: 1 } })).status).toBe(201);
    expect((await h.call('POST', '/api/case-types/moving/publish', h.tokens.admin)).status).toBe(201);
    const started = await h.call('POST', '/api/migrations', h.tokens.admin, { ...movingPlan, title: 'first' });
    expect(started.status).toBe(202);
    migrationId = started.body.id as string;
    // a token with every role, then revoked
    revokedSecret = (await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'revoked', roles: ['admin', 'agent', 'analyst', 'service'] })).body.token as string;
    expect((await h.call('GET', '/api/case-types', revokedSecret)).status).toBe(200);
    const revoke = await h.call('DELETE', '/api/tokens/revoked', h.tokens.admin);
    expect([revoke.status, revoke.body]).toEqual([200, { name: 'revoked', tenant: 'default', revoked: 1 }]);
    // a token with every role that expired an hour before the harness's clock
    expiredSecret = (await issueToken(h.store, { tenant: 'default', name: 'expired', roles: ['admin', 'agent', 'analyst', 'service'], expiresAt: '2026-01-05T08:00:00.000Z' }, '2026-01-05T07:00:00.000Z')).secret;
    // people signed in, one per role as the tokens; a session signed out; one that ended an hour ago
    const now = h.clock.now();
    const person = async (name: string, tenant: string, personRoles: string[], at = now, lifetimeMs = 8 * 3600_000) =>
      (await startSession(h.store, { subject: `sub-${name}`, name, tenant, roles: personRoles }, at, lifetimeMs)).secret;
    sessions.set('admin', await person('Ann Admin', 'default', ['admin']));
    sessions.set('analyst', await person('Ana Analyst', 'default', ['analyst']));
    sessions.set('agent', await person('Bob Agent', 'default', ['agent']));
    sessions.set('service', await person('Sam Service', 'default', ['service']));
    sessions.set('bare', await person('Cas Collector', 'default', ['collector']));
    sessions.set('acmeAdmin', await person('Ada Acme', 'acme', ['admin']));
    // an agent of a partner organisation whose delegated queue holds none of the cells' cases
    await h.call('PUT', '/api/partners/backoffice', h.tokens.admin, { title: 'Back office', queues: ['elsewhere'] });
    partnerSecret = (await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'bo-agent', roles: ['agent'], partner: 'backoffice' })).body.token as string;
    sessions.set('partner', (await startSession(h.store, { subject: 'sub-pia', name: 'Pia Partner', tenant: 'default', roles: ['agent'], partner: 'backoffice' }, now, 8 * 3600_000)).secret);
    const signedOut = await startSession(h.store, { subject: 'sub-out', name: 'Otto Out', tenant: 'default', roles: ['admin', 'agent', 'analyst', 'service'] }, now, 3600_000);
    expect(await endSession(h.store, signedOut.record, now)).toBe(true);
    sessions.set('revoked', signedOut.secret);
    sessions.set('expired', await person('Eva Expired', 'default', ['admin', 'agent', 'analyst', 'service'], '2026-01-05T07:00:00.000Z', 3600_000));
  });
  afterAll(async () => {
    await h.close();
  });

  let n = 0;
  for (const route of routes) {
    const write = !route.name.startsWith('GET ');
    const cells: [Who, Via, number][] = [
      ...roles.flatMap((role): [Who, Via, number][] => {
        const status = route.allowed === 'any' || route.allowed.includes(role) ? route.ok : 403;
        return [
          [role, 'token', status],
          [role, 'session', status],
        ];
      }),
      ['acmeAdmin', 'token', route.otherTenant],
      ['acmeAdmin', 'session', route.otherTenant],
      ['partner', 'token', route.partner ?? (route.allowed === 'any' || route.allowed.includes('agent') ? route.ok : 403)],
      ['partner', 'session', route.partner ?? (route.allowed === 'any' || route.allowed.includes('agent') ? route.ok : 403)],
      // a write with the cookie alone is what a forged cross-site form would send: refused before anything else
      ['admin', 'session without CSRF token', write ? 403 : route.ok],
      ['none', 'token', 401],
      ['invalid', 'token', 401],
      ['invalid', 'session', 401],
      ['revoked', 'token', 401],
      ['revoked', 'session', 401],
      ['expired', 'token', 401],
      ['expired', 'session', 401],
    ];
    it.each(cells)(`${route.name} as %s by %s → %i`, async (who, via, status) => {
      const cell = await route.prepare(h, (n += 1));
      const { token, headers } = credential(who, via);
      const res = await h.call(cell.method, cell.path, token, cell.body, { ...cell.headers, ...headers });
      expect([res.status, res.headers.get('content-type')?.split(';')[0]]).toEqual([
        status,
        status === 204 ? undefined : status >= 400 ? 'application/problem+json' : (route.okType ?? 'application/json'),
      ]);
      if (status === 401) expect(res.body.code).toBe(who === 'none' ? 'auth.missing' : who === 'expired' ? 'auth.expired' : 'auth.invalid');
      if (status === 403) expect(res.body.code).toBe(via === 'session without CSRF token' ? 'auth.csrf' : 'auth.forbidden');
      // the partner's delegated queue holds none of the cells' cases: its lists are empty, though the tenant's are not
      if (who === 'partner' && (route.name === 'GET /api/cases' || route.name === 'GET /api/tasks')) expect(res.body.items).toEqual([]);
    });
  }

  it('covers every operation of the OpenAPI document (a new route needs a row here)', async () => {
    const doc = (await h.call('GET', '/api/openapi.json', null)).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{version\}/g, ':v').replace(/\{(\w+)\}/g, ':$1')}`));
    // the customer's routes take no token (the public form's code instead): test/runtime/http/public-form.test.ts and chat.test.ts
    const open = ['GET /api/public/:tenant/forms/:key', 'POST /api/public/:tenant/forms/:key', 'GET /api/public/:tenant/cases/:reference', 'POST /api/public/:tenant/cases/:reference/reply', 'GET /api/public/:tenant/cases/:reference/chat', 'POST /api/public/:tenant/cases/:reference/chat', 'GET /api/public/:tenant/cases/:reference/chat/stream', 'POST /api/public/:tenant/cases/:reference/documents'];
    const covered = new Set([...routes.map((r) => r.name), 'GET /api/health', 'GET /api/openapi.json', ...open]);
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('serves the public routes without a token', async () => {
    expect((await h.call('GET', '/', null)).status).toBe(200);
    expect((await h.call('GET', '/api/health', null)).status).toBe(200);
    expect((await h.call('GET', '/api/openapi.json', null)).status).toBe(200);
  });

  it('shows another tenant nothing of this one in lists', async () => {
    const lists = ['/api/cases', '/api/tasks', '/api/outbox'];
    for (const path of lists) {
      const res = await h.call('GET', path, h.tokens.acmeAdmin);
      expect([path, res.status, res.body.items]).toEqual([path, 200, []]);
    }
    // acme's case types are only the drafts its own admin saved in the PUT cells above (by token, by session)
    const types = await h.call('GET', '/api/case-types', h.tokens.acmeAdmin);
    expect((types.body.items as { key: string; latestVersion: number | null }[]).map((t) => [t.key.replace(/\d+$/, 'N'), t.latestVersion])).toEqual([
      ['draft-N', null],
      ['draft-N', null],
    ]);
    // and acme's signed-in admin sees the same, none of tenant default's
    const bySession = await h.call('GET', '/api/cases', null, undefined, { cookie: `dossier_session=${sessions.get('acmeAdmin') as string}` });
    expect([bySession.status, bySession.body.items]).toEqual([200, []]);
  });

  it("shows another tenant none of this tenant's report figures; ?tenant= is for an admin of default only", async () => {
    // this tenant has figures: the cells above made cases, and closed a task by a claim
    const data = { customer: { name: 'A', email: 'a@example.com' }, channel: 'email', description: 'about billing' };
    const complaint = (await h.call('POST', '/api/cases', h.tokens.intake, { caseType: 'complaint', data })).body as { id: string; tasks: { id: string }[] };
    expect((await h.call('POST', `/api/tasks/${(complaint.tasks[0] as { id: string }).id}/claim`, h.tokens.intake)).status).toBe(200);
    const triaged = await h.call('POST', `/api/cases/${complaint.id}/events`, h.tokens.intake, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'low' } });
    expect(triaged.status).toBe(200);
    const figures = async (path: string, token: string) => {
      const res = await h.call('GET', path, token);
      expect([path, res.status]).toEqual([path, 200]);
      const body = res.body as { total?: number; items: unknown[] };
      return { total: body.total ?? body.items.length, items: body.items.length };
    };
    const paths = ['/api/reports/sla', '/api/reports/sla/trend', '/api/reports/backlog', '/api/reports/stages', '/api/reports/channels', '/api/reports/partners'];
    for (const path of paths) {
      const none = { total: 0, items: 0 };
      expect([path, await figures(path, h.tokens.acmeAdmin)]).toEqual([path, none]);
      expect([path, await figures(`${path}?tenant=acme`, h.tokens.admin)]).toEqual([path, none]);
      const refused = await h.call('GET', `${path}?tenant=default`, h.tokens.acmeAdmin);
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'auth.forbidden']);
      expect([path, (await h.call('GET', `${path}?tenant=acme`, h.tokens.agent)).status]).toEqual([path, 403]);
    }
    for (const path of ['/api/reports/sla', '/api/reports/backlog', '/api/reports/stages', '/api/reports/channels', '/api/reports/agents']) {
      expect([path, (await figures(path, h.tokens.admin)).total > 0]).toEqual([path, true]);
      expect([path, await figures(`${path}?tenant=default`, h.tokens.admin)]).toEqual([path, await figures(path, h.tokens.admin)]);
    }
    expect(await figures('/api/reports/agents', h.tokens.acmeAdmin)).toEqual({ total: 0, items: 0 });
    // the reasons: acme has no field /n of its own; default's admin reading acme gets acme's answer
    expect((await h.call('GET', '/api/reports/reasons?field=/n', h.tokens.acmeAdmin)).body.code).toBe('report.unknown_field');
    expect((await h.call('GET', '/api/reports/reasons?field=/n&tenant=acme', h.tokens.admin)).body.code).toBe('report.unknown_field');
    expect((await figures('/api/reports/reasons?field=/n', h.tokens.admin)).total).toBeGreaterThan(0);
  });

  it('revoking a name in another tenant leaves this tenant alone; only a default admin may revoke across tenants', async () => {
    await h.call('POST', '/api/tokens', h.tokens.admin, { name: 'shared', roles: ['agent'], tenant: 'acme' });
    const fromAcme = await h.call('DELETE', '/api/tokens/agent?tenant=default', h.tokens.acmeAdmin);
    expect([fromAcme.status, fromAcme.body.code]).toEqual([403, 'auth.forbidden']);
    expect((await h.call('GET', '/api/cases', h.tokens.agent)).status).toBe(200);
    const across = await h.call('DELETE', '/api/tokens/shared?tenant=acme', h.tokens.admin);
    expect([across.status, across.body]).toEqual([200, { name: 'shared', tenant: 'acme', revoked: 1 }]);
    const again = await h.call('DELETE', '/api/tokens/shared?tenant=acme', h.tokens.admin);
    expect([again.status, again.body.code]).toEqual([404, 'token.not_found']);
  });

  it('stores tokens only as SHA-256 hashes: no secret appears anywhere in the database file', async () => {
    await h.store.close();
    const db = new Database(h.file, { readonly: true });
    try {
      const rows = db.prepare('SELECT name, hash FROM tokens').all() as { name: string; hash: string }[];
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      const everything = JSON.stringify(
        (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()),
      );
      for (const secret of [...Object.values(h.tokens), revokedSecret, expiredSecret, ...sessions.values()]) expect(everything.includes(secret)).toBe(false);
    } finally {
      db.close();
    }
  });
});
