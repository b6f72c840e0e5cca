// GET /api/openapi.json: OpenAPI 3.1, its schemas the very objects the server validates with. The case-type
// meta-schema goes in as a copy with its `$defs` lifted into `components/schemas` (see liftMetaSchema), so every
// `$ref` of the document resolves from its root, as client generators (openapi-typescript) read it.
import caseTypeSchema from '../../schemas/case-type.schema.json' with { type: 'json' };
import { CHANNELS } from '../engine/index.ts';
import { problemTable } from './problems.ts';
import { requestSchemas, responseSchemas } from './request-schemas.ts';
import { backtestSchemas } from './backtest-schemas.ts';
import { migrationSchemas } from './migration-schemas.ts';
import { routingSchemas } from './routing-schemas.ts';

/** `choices`: the values a query parameter allows (400 `request.invalid` for any other); `formats`: a parameter's string format. */
type Op = { summary: string; role: string; body?: string; multipart?: string; optionalBody?: boolean; ok: [number, string]; params?: string[]; choices?: Record<string, string[]>; formats?: Record<string, string>; headers?: string[]; text?: string };

const windowFormats = { from: 'date-time', to: 'date-time' };
/** The query every report route takes (docs/reports.md; runtime/http/report-query.ts): bad input is 422 report.invalid. */
const reportParams = ['caseType', 'version', 'queue', 'channel', 'tenant', 'from', 'to'];
const reportChoices = { channel: [...CHANNELS] };
const trendChoices = { ...reportChoices, bucket: ['day', 'week', 'month'] };
const report = (summary: string, extra: { params?: string[]; choices?: Record<string, string[]> } = {}): { get: Op } => ({
  get: {
    summary: `${summary}. Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer`,
    role: 'agent',
    ok: [200, 'Report'],
    params: [...(extra.params ?? []), ...reportParams],
    choices: extra.choices ?? reportChoices,
    formats: windowFormats,
  },
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (item: string) => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: ref(item) }, nextCursor: { type: ['string', 'null'] } } });

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The component name of the meta-schema's `$defs/<def>`: `CaseType` + the name capitalised (`fieldSchema` → `CaseTypeFieldSchema`). */
export const metaDefComponent = (def: string): string => `CaseType${def.charAt(0).toUpperCase()}${def.slice(1)}`;

// The keywords of JSON Schema 2020-12 whose values are schemas: a map of them, one, or a list.
const schemaMaps = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
const schemaOne = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/**
 * A copy of a schema with each `$ref` to `#/$defs/<def>` rewritten to `#/components/schemas/<component>`. Schema-aware:
 * it follows only the keywords that hold schemas, so a property named `$ref` (the field schema's own) and the values
 * of `const`, `enum`, `default` and `examples` are copied untouched.
 */
function rewriteRefs(schema: unknown, component: (def: string) => string): unknown {
  if (!isJson(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const def = /^#\/\$defs\/([^/]+)$/.exec(value)?.[1];
      if (def === undefined) throw new Error(`openapi: the case-type meta-schema has a $ref the document cannot lift: ${value}`);
      out[key] = `#/components/schemas/${component(def)}`;
    } else if (schemaMaps.has(key) && isJson(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, rewriteRefs(sub, component)]));
    } else if (schemaOne.has(key)) {
      out[key] = rewriteRefs(value, component);
    } else if (schemaLists.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => rewriteRefs(sub, component));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The case-type meta-schema as components: `CaseTypeMetaSchema` (the root, without `$defs`) and one `CaseType<Def>`
 * per definition, every `#/$defs/x` rewritten to its component. `$id` and `$schema` are dropped: a `$id` would make
 * a 2020-12 resolver read `#/components/...` inside the embedded resource, and the document's dialect is 2020-12
 * already. The file itself (what ajv compiles and `$schema` of a definition names) is not touched.
 */
function liftMetaSchema(meta: Json, taken: ReadonlySet<string>): Record<string, unknown> {
  const { $defs, $id: _id, $schema: _dialect, ...root } = meta;
  const defs = isJson($defs) ? $defs : {};
  for (const def of Object.keys(defs)) {
    if (taken.has(metaDefComponent(def))) throw new Error(`openapi: $defs/${def} of the case-type meta-schema would replace the component ${metaDefComponent(def)}`);
  }
  const lifted: Record<string, unknown> = { CaseTypeMetaSchema: rewriteRefs(root, metaDefComponent) };
  for (const [def, schema] of Object.entries(defs)) lifted[metaDefComponent(def)] = rewriteRefs(schema, metaDefComponent);
  return lifted;
}

const operations: Record<string, Record<string, Op>> = {
  '/api/health': { get: { summary: 'Liveness', role: 'none', ok: [200, 'Health'] } },
  '/api/tokens': {
    post: { summary: "Issue a token (shown once); expiresIn: its lifetime (an ISO 8601 duration; default: none, or the server's for tokens whose roles are only service)", role: 'admin', body: 'TokenRequest', ok: [201, 'TokenResponse'] },
    get: { summary: 'The tokens of the tenant, newest first, with their status and last use, never a secret (tenant: another tenant, for an admin of default)', role: 'admin', ok: [200, 'TokenList'], params: ['tenant'] },
  },
  '/api/tokens/{name}': { delete: { summary: 'Revoke every active token of this name, and end the sign-in sessions of the person of that name (tenant: another tenant, for an admin of default)', role: 'admin', ok: [200, 'Report'], params: ['name', 'tenant'] } },
  '/api/tokens/{name}/rotate': {
    post: {
      summary: 'A new secret for this name, same tenant and roles; every active token of the name keeps working for the grace (default PT1H, at most P7D), then expires; 404 token.not_found without an active one (tenant: another tenant, for an admin of default)',
      role: 'admin',
      body: 'RotateTokenRequest',
      optionalBody: true,
      ok: [201, 'RotatedToken'],
      params: ['name', 'tenant'],
    },
  },
  '/api/partners': { get: { summary: 'The partner organisations of the tenant and their delegated queues', role: 'admin', ok: [200, 'PartnerList'] } },
  '/api/partners/{id}': {
    put: { summary: "Create or replace a partner organisation and the queues delegated to it (its people: tokens with partner, or sign-ins by --oidc-partner)", role: 'admin', body: 'PartnerRequest', ok: [200, 'Partner'], params: ['id'] },
    delete: { summary: "Remove a partner organisation: its people's tokens and sessions see nothing from then on", role: 'admin', ok: [200, 'Report'], params: ['id'] },
  },
  // push routing (docs/routing.md)
  '/api/agents': { get: { summary: 'The agents of push routing: skills with levels, capacity, availability, queues', role: 'admin or supervisor', ok: [200, 'AgentList'] } },
  '/api/agents/{name}': {
    get: { summary: 'One agent; 404 agent.not_found', role: 'admin or supervisor', ok: [200, 'Agent'], params: ['name'] },
    put: { summary: 'Create or replace an agent; 422 agent.invalid for a negative capacity, an unknown skill or queue, a bad availability', role: 'admin', body: 'AgentRequest', ok: [200, 'Agent'], params: ['name'] },
    delete: { summary: 'Remove an agent (their open offers are withdrawn)', role: 'admin', ok: [200, 'Report'], params: ['name'] },
  },
  '/api/routing/catalog': { get: { summary: 'The queues (skills, strategy) and skills the published case types name', role: 'admin or supervisor', ok: [200, 'RoutingCatalog'] } },
  '/api/me/agent': { get: { summary: "The caller's own agent record; 204 No Content when an admin has not added them as an agent", role: 'agent', ok: [200, 'Agent'] } },
  '/api/me/availability': { put: { summary: "Set the caller's availability (available, away, offline)", role: 'agent', body: 'AvailabilityRequest', ok: [200, 'Agent'] } },
  '/api/offers': { get: { summary: 'The open offers to the caller, oldest first, each with why it went to them', role: 'agent', ok: [200, 'OfferList'] } },
  '/api/tasks/{id}/accept': { post: { summary: 'Accept the offer of a task: it is the caller\'s; 404 offer.not_found when it is not (or no longer) offered to them', role: 'agent', ok: [200, 'Offer'], params: ['id'] } },
  '/api/tasks/{id}/decline': { post: { summary: 'Decline the offer of a task: it goes to the next agent', role: 'agent', ok: [200, 'Offer'], params: ['id'] } },
  '/api/tasks/{id}/assign': { post: { summary: 'Reassign a task to someone, whoever holds it (its open offer is withdrawn)', role: 'supervisor or admin', body: 'AssignRequest', ok: [200, 'Task'], params: ['id'] } },
  '/api/cases/{id}/task-log': { get: { summary: "Who held the case's tasks when: offered, accepted, declined, expired, withdrawn, claimed, released, reassigned", role: 'agent', ok: [200, 'TaskLog'], params: ['id'] } },
  '/api/mailboxes': { get: { summary: 'The mailboxes of the tenant (e-mail in: one per case type)', role: 'admin', ok: [200, 'MailboxList'] } },
  '/api/mailboxes/{caseType}': {
    put: { summary: 'Create or replace the mailbox of a published case type: its address and a new SMTP password, shown once (409 mailbox.address_taken)', role: 'admin', body: 'MailboxRequest', ok: [201, 'MailboxCreated'], params: ['caseType'] },
    delete: { summary: 'Remove the mailbox of a case type: mail to its address is refused from then on', role: 'admin', ok: [200, 'Report'], params: ['caseType'] },
  },
  '/api/public/{tenant}/forms/{key}': {
    get: { summary: 'The self-service form of a case type that offers one (no token): its title, its fields only (schema cut to them); 404 form.not_found otherwise', role: 'none', ok: [200, 'PublicForm'], params: ['tenant', 'key'] },
    post: { summary: 'Send the form (no token; a JSON object of its fields, at most 64 KB, 10 a minute per address): a case with channel web, and its reference and code (shown once); 422 form.invalid names extra or wrong fields; 429 request.rate_limited', role: 'none', ok: [201, 'PublicReceipt'], params: ['tenant', 'key'] },
  },
  '/api/public/{tenant}/cases/{reference}': {
    get: { summary: "A case's status page (no token; header X-Case-Code: the code given with the reference): its stages in the case type's words, what happened, whether a reply is taken; 404 case.not_found for a wrong pair", role: 'none', ok: [200, 'PublicStatus'], params: ['tenant', 'reference'] },
  },
  '/api/public/{tenant}/cases/{reference}/reply': {
    post: { summary: "Reply on the status page (no token; X-Case-Code; body {\"text\"}): the case type's reply event; 409 form.reply_not_expected when the case is not waiting for one", role: 'none', ok: [200, 'PublicStatus'], params: ['tenant', 'reference'] },
  },
  '/api/public/{tenant}/cases/{reference}/chat': {
    get: { summary: "The conversation of a case with its customer (no token; X-Case-Code), oldest first, without agents' names", role: 'none', ok: [200, 'ChatList'], params: ['tenant', 'reference'] },
    post: { summary: 'A message from the customer (no token; X-Case-Code; body {"text"}, 1 to 4,000 characters): the history entry chat.customer, run through the playbook', role: 'none', ok: [201, 'ChatMessage'], params: ['tenant', 'reference'] },
  },
  '/api/public/{tenant}/cases/{reference}/chat/stream': {
    get: { summary: 'The conversation as server-sent events (no token; X-Case-Code): each message once after `after` or Last-Event-ID, then each new one, from any host', role: 'none', ok: [200, 'ChatEvents'], params: ['tenant', 'reference', 'after'], text: 'text/event-stream' },
  },
  '/api/public/{tenant}/cases/{reference}/documents': {
    post: { summary: "A document from the customer (no token; X-Case-Code; multipart, the file in a part named file) into the public form's documents field", role: 'none', ok: [201, 'Report'], params: ['tenant', 'reference'] },
  },
  '/api/cases/{id}/chat': {
    get: { summary: 'The conversation of a case with its customer, oldest first', role: 'agent', ok: [200, 'ChatList'], params: ['id'] },
    post: { summary: 'A message to the customer (body {"text"}, 1 to 4,000 characters): the history entry chat.agent', role: 'agent', ok: [201, 'ChatMessage'], params: ['id'] },
  },
  '/api/cases/{id}/notes': {
    post: { summary: 'An agent note on the case (body {"text"}, 1 to 4,000 characters): the history entry note.added with its author and time; no playbook event', role: 'agent', ok: [201, 'Note'], params: ['id'] },
  },
  '/api/cases/{id}/chat/stream': {
    get: { summary: 'The conversation as server-sent events: each message once after `after` or Last-Event-ID, then each new one, from any host sharing the database', role: 'agent', ok: [200, 'ChatEvents'], params: ['id', 'after'], text: 'text/event-stream' },
  },
  '/api/validate': { post: { summary: 'Validate a case-type definition', role: 'analyst', body: 'CaseTypeDefinition', ok: [200, 'ValidationResult'] } },
  '/api/case-types': { get: { summary: 'Latest published version of each key, plus draft status', role: 'any', ok: [200, 'CaseTypeList'] } },
  '/api/case-types/{key}': { get: { summary: 'The latest published definition', role: 'any', ok: [200, 'CaseTypeDefinition'], params: ['key'] } },
  '/api/case-types/{key}/versions': { get: { summary: 'The published versions', role: 'any', ok: [200, 'VersionList'], params: ['key'] } },
  '/api/case-types/{key}/versions/{version}': { get: { summary: 'One published version', role: 'any', ok: [200, 'CaseTypeDefinition'], params: ['key', 'version'] } },
  '/api/case-types/{key}/versions/{version}/types.d.ts': { get: { summary: 'TypeScript types of the case data and event payloads of a published version (json-schema-to-typescript)', role: 'any', ok: [200, 'TypeScript'], params: ['key', 'version'], text: 'text/plain; charset=utf-8; typescript' } },
  '/api/types': { post: { summary: "TypeScript types of the case data of a definition in the body (the designer's draft); 422 when it is invalid", role: 'analyst', body: 'CaseTypeDefinition', ok: [200, 'TypeScript'], text: 'text/plain; charset=utf-8; typescript' } },
  '/api/case-types/{key}/draft': {
    put: { summary: 'Save the working draft (validated, may be invalid)', role: 'analyst', body: 'CaseTypeDefinition', ok: [200, 'Draft'], params: ['key'] },
    get: { summary: 'Read the working draft', role: 'analyst', ok: [200, 'Draft'], params: ['key'] },
  },
  '/api/case-types/{key}/publish': { post: { summary: 'Publish the draft as the next immutable version (optional body: a note; the token\'s name is recorded as the publisher)', role: 'admin', body: 'PublishRequest', optionalBody: true, ok: [201, 'Published'], params: ['key'] } },
  '/api/case-types/{key}/backtest': { post: { summary: 'Replay the newest cases of the latest published version on the draft (or a definition in the body): where each would diverge, how its SLA outcomes and end state change; nothing is written (optional body: cases 1-10,000, default 500; status closed or open)', role: 'analyst', body: 'BacktestRequest', optionalBody: true, ok: [200, 'BacktestReport'], params: ['key'] } },
  '/api/case-types/{key}/migration-plan': { get: { summary: 'A migration plan generated from the difference of two published versions (default: the one before the latest, and the latest), with the newly required fields it has no default for', role: 'admin', ok: [200, 'SuggestedMigrationPlan'], params: ['key', 'from', 'to'] } },
  '/api/migrations/dry-run': { post: { summary: 'What a migration plan would do to every open case it selects: migrates (state, data patch, SLAs, tasks, timers) or cannot (why); nothing is written (limit: cases listed, 0-1000, default 100; those that cannot first)', role: 'admin', body: 'MigrationPlan', ok: [200, 'MigrationDryRun'], params: ['limit'] } },
  '/api/migrations': {
    post: { summary: 'Apply a migration plan: recorded, then worked in batches after the answer (202); each case migrates in one commit (history case.migrated), at most once; a host that stops resumes it; 422 migration.applied for a plan applied before', role: 'admin', body: 'MigrationPlan', ok: [202, 'Migration'] },
    get: { summary: 'The migrations of the tenant (of one case type), newest first, with their counts', role: 'admin', ok: [200, 'MigrationList'], params: ['caseType'] },
  },
  '/api/migrations/{id}': { get: { summary: 'A migration and its progress (counts: total, pending, migrated, blocked, skipped)', role: 'admin', ok: [200, 'Migration'], params: ['id'] } },
  '/api/migrations/{id}/cases': { get: { summary: "A migration's cases, what happened to each (status pending, migrated, blocked, skipped)", role: 'admin', ok: [200, 'MigrationCaseList'], params: ['id', 'status', 'limit', 'cursor'], choices: { status: ['pending', 'migrated', 'blocked', 'skipped'] } } },
  '/api/cases': {
    post: { summary: 'Create a case', role: 'agent, service', body: 'CreateCaseRequest', ok: [201, 'Case'], headers: ['Idempotency-Key'] },
    get: {
      summary: 'List cases (filters caseType, state, queue, assignee, priority, channel, q, parentId, status open or closed)',
      role: 'agent',
      ok: [200, 'CaseList'],
      params: ['caseType', 'state', 'queue', 'assignee', 'priority', 'channel', 'q', 'parentId', 'status', 'limit', 'cursor'],
      choices: { status: ['open', 'closed'], channel: [...CHANNELS] },
    },
  },
  '/api/cases/{id}': { get: { summary: 'A case with tasks, SLAs, checklist and next events', role: 'agent', ok: [200, 'Case'], params: ['id'] } },
  '/api/cases/{id}/events': { post: { summary: 'Send an event', role: 'agent, service (and the event roles)', body: 'EventRequest', ok: [200, 'Case'], params: ['id'], headers: ['If-Match', 'Idempotency-Key'] } },
  '/api/cases/{id}/history': { get: { summary: 'The append-only history, oldest first', role: 'agent', ok: [200, 'HistoryList'], params: ['id', 'limit', 'cursor'] } },
  '/api/cases/{id}/documents': {
    get: { summary: 'The documents of the case file, in the order they were added (removed=true: the removed ones too)', role: 'agent', ok: [200, 'DocumentList'], params: ['id', 'removed'], choices: { removed: ['true', 'false'] } },
    post: {
      summary: "Add a document (multipart/form-data: the file in a part named file; field, a documents field's pointer, in a part before it or as a query parameter). Streamed, at most the server's limit (default 20 MB: 413 document.too_large, nothing stored); its kind read from its bytes (415 document.type_refused for kinds a case file does not take)",
      role: 'agent, service',
      multipart: 'DocumentUpload',
      ok: [201, 'Document'],
      params: ['id', 'field'],
    },
  },
  '/api/cases/{id}/documents/{docId}': {
    get: { summary: 'The content of a document as stored (Content-Type as sniffed, Content-Disposition: attachment, Repr-Digest: its SHA-256)', role: 'agent', ok: [200, 'DocumentContent'], params: ['id', 'docId'], text: 'application/octet-stream' },
    delete: { summary: 'Remove a document from the case file (and its documents field): kept, marked removed, in the history as document.removed', role: 'agent, service', ok: [200, 'Document'], params: ['id', 'docId'] },
  },
  '/api/cases/{id}/children': {
    post: {
      summary: 'Link an existing open case of the tenant as a child of this one (by reference or childId): recorded as parent.linked on the child and child.linked on this case. 422 link.self or link.not_found, 409 link.has_parent, link.cycle or link.closed',
      role: 'agent',
      body: 'LinkChildRequest',
      ok: [201, 'LinkResult'],
      params: ['id'],
    },
  },
  '/api/cases/{id}/children/{childId}': {
    delete: { summary: 'Undo the link of a child case (both open): parent.unlinked on the child, child.unlinked on this case. 404 link.not_linked', role: 'agent', ok: [200, 'LinkResult'], params: ['id', 'childId'] },
  },
  '/api/tasks': { get: { summary: 'Work queues (filters queue, role, assignee (me), caseId, status, unassigned; sort opened (default, oldest first) or due (soonest due first, no due time last))', role: 'agent', ok: [200, 'TaskList'], params: ['queue', 'role', 'assignee', 'caseId', 'status', 'unassigned', 'sort', 'limit', 'cursor'], choices: { sort: ['opened', 'due'] } } },
  '/api/tasks/{id}/claim': { post: { summary: 'Claim a task', role: 'agent', ok: [200, 'Task'], params: ['id'] } },
  '/api/tasks/{id}/release': { post: { summary: 'Release a task', role: 'agent', ok: [200, 'Task'], params: ['id'] } },
  '/api/outbox': { get: { summary: 'Outbound deliveries (status pending, delivered, dead)', role: 'admin', ok: [200, 'Report'], params: ['status', 'caseId', 'limit', 'cursor'] } },
  '/api/reports/sla': report('SLA compliance per case type and SLA: the SLAs started in [from, to)'),
  '/api/reports/sla/trend': report('SLA outcomes (met, metLate, missedGoal, breached) per bucket of when the SLA started, oldest first; bucket day, week (ISO, Monday) or month in UTC', { params: ['bucket'], choices: trendChoices }),
  '/api/reports/backlog': report('The open cases now by queue and top-level state, with their ages (under 1 day, 1–3, 3–7, 7–30, over 30 days) and the oldest; from, to: on creation'),
  '/api/reports/stages': report('Time per stage (visits, completed, total, average, median and 90th percentile ms, current): the visits begun in [from, to)'),
  '/api/reports/partners': report("What partner organisations' people did, per partner: events, cases, the last event (the events in [from, to)); not for a partner's people"),
  '/api/reports/reasons': report('Top values of a field of the case data (field: a pointer, default /reason, 422 report.unknown_field when no published case type has it; limit 1–100, default 10): the cases created in [from, to)', { params: ['field', 'limit'] }),
  '/api/reports/reasons/trend': report('The limit (default 10) most frequent values of a field in the window and their counts per bucket (field as /api/reports/reasons)', { params: ['field', 'limit', 'bucket'], choices: trendChoices }),
  '/api/reports/channels': report('Cases per channel with their share, and per bucket and channel: the cases created in [from, to)', { params: ['bucket'], choices: trendChoices }),
  '/api/reports/agents': report('Per agent, the tasks closed in [from, to), their distinct cases, median and 90th percentile handling time (claimed, or opened, to closed); most first, limit 1–500 (default 50); queue: the task\'s queue', { params: ['limit'] }),
  '/api/reports/suggestions': { get: { summary: 'The accuracy of contact-reason suggestions of a case type (docs/reason-suggestion.md): suggested, accepted, corrected, accuracy, by suggested value; caseType required; from, to: instants, the suggestions made in [from, to); tenant: an admin of default only; bad input: 422 report.invalid', role: 'agent', ok: [200, 'Report'], params: ['caseType', 'tenant', 'from', 'to'], formats: windowFormats } },
  '/api/export': { get: { summary: 'The event log for process mining: format=xes (XES 1849-2016 XML) or ocel (OCEL 2.0 JSON); from, to: instants, the history entries with from <= at < to and the cases they belong to', role: 'admin', ok: [200, 'Report'], params: ['format', 'caseType', 'from', 'to'], choices: { format: ['xes', 'ocel'] }, formats: windowFormats } },
  '/api/me': { get: { summary: 'Who is calling: name, tenant, roles, and the CSRF token of a sign-in session', role: 'any', ok: [200, 'Me'] } },
  '/api/cases/{id}/related': { get: { summary: "The customer's other cases: every case sharing one of this case's customer identifiers (customer.keys)", role: 'agent', ok: [200, 'RelatedCases'], params: ['id', 'limit', 'cursor'] } },
  '/api/search': {
    get: {
      summary: "Search the cases by reference, customer identifiers and name, and the words of their data (q: 1 to 200 characters, every word must match, the last also as a prefix; operators are read as text), best first; the case whose reference is q first, exact: true. A partner's people: their queues, by reference only",
      role: 'agent',
      ok: [200, 'SearchResultList'],
      params: ['q', 'limit', 'cursor'],
    },
  },
  '/api/customers/cases': { get: { summary: 'Every case with a customer identifier (customer.keys) equal to value', role: 'agent', ok: [200, 'RelatedCaseList'], params: ['value'] } },
  '/api/webhook-secret': { get: { summary: "The tenant's webhook signing secret (whsec_…, Standard Webhooks; made when first needed); 409 webhook.secret_from_host where the host signs with its own", role: 'admin', ok: [200, 'Report'] } },
  '/api/openapi.json': { get: { summary: 'This description', role: 'none', ok: [200, 'Report'] } },
};

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(operations)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const inPath = new Set([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      const responses: Record<string, unknown> = {
        [String(op.ok[0])]: { description: 'OK', content: { [op.text ?? 'application/json']: { schema: ref(op.ok[1]) } } },
        default: { description: 'A problem (RFC 9457); see x-problem-codes', content: { 'application/problem+json': { schema: ref('Problem') } } },
      };
      (paths[path] as Record<string, unknown>)[method] = {
        summary: op.summary,
        'x-roles': op.role,
        ...(op.role === 'none' ? { security: [] } : {}),
        parameters: [
          ...(op.params ?? []).map((name) => {
            const choices = op.choices?.[name];
            const format = op.formats?.[name];
            return {
              name, in: inPath.has(name) ? 'path' : 'query', required: inPath.has(name),
              schema: { type: 'string', ...(choices === undefined ? {} : { enum: choices }), ...(format === undefined ? {} : { format }) },
            };
          }),
          ...(op.headers ?? []).map((name) => ({ name, in: 'header', required: false, schema: { type: 'string' } })),
        ],
        ...(op.body === undefined ? {} : { requestBody: { required: op.optionalBody !== true, content: { 'application/json': { schema: ref(op.body) } } } }),
        ...(op.multipart === undefined ? {} : { requestBody: { required: true, content: { 'multipart/form-data': { schema: ref(op.multipart) } } } }),
        responses,
      };
    }
  }
  const schemas: Record<string, unknown> = {
    ...requestSchemas,
    ...responseSchemas,
    ...backtestSchemas,
    ...migrationSchemas,
    ...routingSchemas,
    Health: { type: 'object', properties: { status: { const: 'ok' } } },
    Published: { type: 'object', required: ['key', 'version'], properties: { key: { type: 'string' }, version: { type: 'integer' } } },
    CaseTypeSummary: {
      type: 'object',
      required: ['key', 'title', 'latestVersion', 'publishedAt', 'draft'],
      properties: {
        key: { type: 'string' }, title: { type: 'string' }, latestVersion: { type: ['integer', 'null'] }, publishedAt: { type: ['string', 'null'] },
        draft: { anyOf: [{ type: 'object', required: ['updatedAt', 'valid'], properties: { updatedAt: { type: 'string' }, valid: { type: 'boolean' } } }, { type: 'null' }] },
      },
    },
    CaseTypeList: list('CaseTypeSummary'),
    Version: {
      type: 'object',
      required: ['version', 'publishedAt', 'publishedBy', 'note'],
      properties: {
        version: { type: 'integer' }, publishedAt: { type: 'string' },
        publishedBy: { type: ['string', 'null'], description: "The name of the token that published it; null for the first start's templates and versions published before it was recorded." },
        note: { type: ['string', 'null'], description: "The publisher's note; null when none was given." },
      },
    },
    VersionList: list('Version'),
    CaseList: list('Case'),
    HistoryList: list('HistoryEntry'),
    TaskList: list('Task'),
    TokenList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('TokenInfo') } } },
    PartnerList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Partner') } } },
    PublicForm: {
      type: 'object',
      required: ['key', 'title', 'description', 'schema', 'form', 'documents'],
      properties: { key: { type: 'string' }, title: { type: 'string' }, description: { type: ['string', 'null'] }, schema: { type: 'object' }, form: { type: 'object' }, documents: { type: 'boolean' } },
    },
    PublicReceipt: {
      type: 'object',
      required: ['reference', 'secret', 'statusPath'],
      properties: { reference: { type: 'string' }, secret: { type: 'string', description: 'The code of the status page, shown once.' }, statusPath: { type: 'string' } },
    },
    PublicStatus: {
      type: 'object',
      required: ['reference', 'title', 'stages', 'closed', 'createdAt', 'closedAt', 'updates', 'canReply', 'canAddDocuments'],
      properties: {
        reference: { type: 'string' }, title: { type: 'string' }, stages: { type: 'array', items: { type: 'string' } }, closed: { type: 'boolean' },
        createdAt: { type: 'string' }, closedAt: { type: ['string', 'null'] },
        updates: { type: 'array', items: { type: 'object', required: ['at', 'title'], properties: { at: { type: 'string' }, title: { type: ['string', 'null'], description: 'The event in the case type\'s words; null: the request was received.' } } } },
        canReply: { type: 'boolean' }, canAddDocuments: { type: 'boolean' },
      },
    },
    ChatMessage: {
      type: 'object',
      required: ['seq', 'at', 'from', 'text'],
      properties: {
        seq: { type: 'integer', description: "The history entry's number (the stream's event id)." },
        at: { type: 'string' },
        from: { enum: ['customer', 'agent'] },
        by: { type: ['string', 'null'], description: "The agent's name; absent on the customer's side." },
        text: { type: 'string' },
      },
    },
    Note: {
      type: 'object',
      required: ['seq', 'at', 'by', 'text'],
      properties: {
        seq: { type: 'integer', description: "The history entry's number." },
        at: { type: 'string' },
        by: { type: 'string', description: 'Who wrote it (the token or person name).' },
        text: { type: 'string' },
      },
    },
    ChatEvents: { type: 'string', description: 'Server-sent events: `event: message`, `id`: the history entry number, `data`: a ChatMessage as JSON; a comment line now and then on a quiet stream.' },
    ChatList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('ChatMessage') } } },
    MailboxList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Mailbox') } } },
    Report: { type: 'object' },
    Document: {
      type: 'object',
      required: ['caseId', 'id', 'name', 'contentType', 'size', 'sha256', 'field', 'addedAt', 'addedBy', 'removedAt', 'removedBy', 'href'],
      properties: {
        caseId: { type: 'string' }, id: { type: 'string' }, name: { type: 'string', description: 'The file name as sent (its last part).' },
        contentType: { type: 'string', description: 'What its bytes say it is (never the name or the client).' },
        size: { type: 'integer', description: 'Bytes.' }, sha256: { type: 'string', description: 'SHA-256 of the content, lower-case hex.' },
        field: { type: ['string', 'null'], description: 'The documents field it is attached to (a pointer into the case data), or null.' },
        addedAt: { type: 'string' }, addedBy: { type: 'string' }, removedAt: { type: ['string', 'null'] }, removedBy: { type: ['string', 'null'] },
        href: { type: 'string', description: 'Where its content is read.' },
      },
    },
    DocumentList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Document') } } },
    DocumentUpload: {
      type: 'object',
      required: ['file'],
      properties: { field: { type: 'string', description: "A documents field's pointer, e.g. /proofs (before the file part)." }, file: { type: 'string', format: 'binary' } },
    },
    DocumentContent: { type: 'string', format: 'binary' },
    TypeScript: { type: 'string', description: 'TypeScript declarations (.d.ts)' },
    Me: {
      type: 'object',
      required: ['name', 'tenant', 'roles', 'signedInWith'],
      properties: {
        name: { type: 'string' },
        tenant: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        signedInWith: { enum: ['token', 'session'], description: 'A bearer token, or a sign-in session (the cookie of OpenID Connect sign-in).' },
        csrfToken: { type: 'string', description: "With a session: send it as X-CSRF-Token with every write that carries the session's cookie." },
        partner: { type: 'string', description: 'The partner organisation the caller works for: they see only its delegated queues and the shared fields.' },
      },
    },
    CustomerIdentifier: { type: 'object', required: ['pointer', 'value'], properties: { pointer: { type: 'string' }, value: { type: 'string' } } },
    RelatedCase: {
      type: 'object',
      required: ['id', 'reference', 'caseType', 'caseTypeTitle', 'state', 'priority', 'channel', 'customerName', 'createdAt', 'closedAt', 'matches'],
      properties: {
        id: { type: 'string' }, reference: { type: 'string' }, caseType: { type: 'string' }, caseTypeTitle: { type: 'string' }, state: {}, priority: { type: 'string' },
        channel: { type: ['string', 'null'] }, customerName: { type: ['string', 'null'] }, createdAt: { type: 'string' }, closedAt: { type: ['string', 'null'] },
        matches: { type: 'array', items: ref('CustomerIdentifier') },
      },
    },
    RelatedCaseList: list('RelatedCase'),
    SearchResult: {
      type: 'object',
      required: ['id', 'reference', 'caseType', 'caseTypeTitle', 'state', 'priority', 'customerName', 'snippet', 'exact', 'createdAt', 'closedAt'],
      properties: {
        id: { type: 'string' }, reference: { type: 'string' }, caseType: { type: 'string' }, caseTypeTitle: { type: 'string' }, state: {}, priority: { type: 'string' },
        customerName: { type: ['string', 'null'] },
        snippet: { type: ['string', 'null'], description: "The words around the best place the case's text matched (its beginning when only the reference or the customer matched), as plain text; null when the case has no text, and for a partner's people." },
        exact: { type: 'boolean', description: 'The case whose reference is exactly the query (first in the list).' },
        createdAt: { type: 'string' }, closedAt: { type: ['string', 'null'] },
      },
    },
    SearchResultList: list('SearchResult'),
    RelatedCases: {
      type: 'object',
      required: ['customer', 'items', 'nextCursor'],
      properties: {
        customer: { type: 'object', required: ['name', 'identifiers'], properties: { name: { type: ['string', 'null'] }, identifiers: { type: 'array', items: ref('CustomerIdentifier') } } },
        items: { type: 'array', items: ref('RelatedCase') },
        nextCursor: { type: ['string', 'null'] },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Dossier', version: '0.1.0', description: 'Case management runtime: case types as JSON Schemas and statecharts.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    'x-problem-codes': problemTable,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'dossier_session',
          description: "A person's sign-in session (OpenID Connect, /auth/login); writes also need X-CSRF-Token (GET /api/me gives it). __Host-dossier_session where the server's public URL is https.",
        },
      },
      schemas: { ...schemas, ...liftMetaSchema(caseTypeSchema, new Set(Object.keys(schemas))) },
    },
  };
}
