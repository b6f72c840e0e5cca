// The HTTP adapter's one table of problem codes: each code's status and title, and their RFC 9457
// problem+json bodies. The host's own failures (runtime/host/host-result.ts) are a part of it.
import type { JsonValue } from '../engine/index.ts';
import type { DefinitionProblem, HostErrorCode, HostFailure, Result } from '../host/host-result.ts';

export const problemTable = {
  'auth.missing': { status: 401, title: 'Authentication required' },
  'auth.invalid': { status: 401, title: 'Invalid token' },
  'auth.expired': { status: 401, title: 'Token expired' },
  'auth.forbidden': { status: 403, title: 'Not allowed for this role' },
  'auth.csrf': { status: 403, title: 'Cross-site request refused' },
  'sign_in.unavailable': { status: 404, title: 'Sign-in through an identity provider is not set up' },
  'webhook.secret_from_host': { status: 409, title: "Webhooks are signed with the host's secret" },
  'event.forbidden': { status: 403, title: 'Event not allowed for this token' },
  'request.invalid': { status: 400, title: 'Invalid request' },
  'request.malformed_json': { status: 400, title: 'Malformed JSON' },
  'request.too_deep': { status: 400, title: 'JSON nested too deeply' },
  'request.incomplete': { status: 400, title: 'Request body incomplete' },
  'cursor.invalid': { status: 400, title: 'Invalid cursor' },
  'route.not_found': { status: 404, title: 'No such route' },
  'case.not_found': { status: 404, title: 'Case not found' },
  'case_type.not_found': { status: 404, title: 'Case type not found' },
  'task.not_found': { status: 404, title: 'Task not found' },
  'draft.not_found': { status: 404, title: 'Draft not found' },
  'token.not_found': { status: 404, title: 'Token not found' },
  'partner.not_found': { status: 404, title: 'Partner not found' },
  'migration.not_found': { status: 404, title: 'Migration not found' },
  'document.not_found': { status: 404, title: 'Document not found' },
  'partner.not_shared': { status: 403, title: 'Not shared with partners' },
  'event.not_accepted': { status: 409, title: 'Event not accepted in this state' },
  'case.conflict': { status: 409, title: 'Concurrent update' },
  'case.exists': { status: 409, title: 'Case already exists' },
  'task.claimed': { status: 409, title: 'Task already claimed' },
  'task.closed': { status: 409, title: 'Task closed' },
  'timer.gone': { status: 409, title: 'Timer no longer pending' },
  'document.removed': { status: 409, title: 'Document already removed' },
  'revision.stale': { status: 412, title: 'Stale revision' },
  'request.too_large': { status: 413, title: 'Request body too large' },
  'request.unsupported_media_type': { status: 415, title: 'Unsupported media type' },
  'document.too_large': { status: 413, title: 'Document too large' },
  'document.type_refused': { status: 415, title: 'Document type not accepted' },
  'document.empty': { status: 422, title: 'Empty document' },
  'data.invalid': { status: 422, title: 'Invalid case data' },
  'rule.failed': { status: 422, title: 'Rule failed' },
  'event.unknown': { status: 422, title: 'Unknown event' },
  'case_type.unknown': { status: 422, title: 'Unknown case type' },
  'suggest.not_configured': { status: 422, title: 'No reason suggestion for this case type' },
  'case.parent_not_found': { status: 422, title: 'Parent case not found' },
  'definition.invalid': { status: 422, title: 'Invalid case-type definition' },
  'idempotency.key_reused': { status: 422, title: 'Idempotency key reused' },
  'migration.invalid': { status: 422, title: 'Invalid migration plan' },
  'migration.applied': { status: 422, title: 'Migration plan already applied' },
  'backtest.invalid': { status: 422, title: 'Invalid backtest request' },
  'mail.refused': { status: 422, title: 'Message refused' },
  'search.empty': { status: 422, title: 'Nothing to search for' },
  'search.too_long': { status: 422, title: 'Search text too long' },
  'mailbox.address_taken': { status: 409, title: 'Mailbox address taken' },
  'mailbox.not_found': { status: 404, title: 'Mailbox not found' },
  'form.not_found': { status: 404, title: 'Form not found' },
  'form.invalid': { status: 422, title: 'Form not valid' },
  'form.reply_not_expected': { status: 409, title: 'No reply expected' },
  'survey.not_found': { status: 404, title: 'Survey not found' },
  'survey.expired': { status: 410, title: 'Survey expired' },
  'survey.answered': { status: 409, title: 'Survey answered' },
  'survey.invalid': { status: 422, title: 'Answer not valid' },
  'request.rate_limited': { status: 429, title: 'Too many requests' },
  'link.self': { status: 422, title: 'A case cannot be linked to itself' },
  'link.not_found': { status: 422, title: 'Case to link not found' },
  'link.has_parent': { status: 409, title: 'Case already has a parent' },
  'link.cycle': { status: 409, title: 'Link would make a loop' },
  'link.closed': { status: 409, title: 'Closed case cannot be linked' },
  'link.not_linked': { status: 404, title: 'Not a child of this case' },
  'agent.invalid': { status: 422, title: 'Invalid agent' },
  'agent.not_found': { status: 404, title: 'Agent not found' },
  'offer.not_found': { status: 404, title: 'Offer not found' },
  'report.invalid': { status: 422, title: 'Invalid report request' },
  'report.unknown_field': { status: 422, title: 'Not a field of the case type' },
  'internal.error': { status: 500, title: 'Internal error' },
  'store.unavailable': { status: 503, title: 'Storage unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemTable;

// every failure the host can return has a status here (a compile error otherwise)
type Missing = Exclude<HostErrorCode, ProblemCode>;
const _everyHostCode: [Missing] extends [never] ? true : Missing = true;
void _everyHostCode;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** Field problems (data, rules) or definition problems. */
  problems?: HostFailure['problems'] | DefinitionProblem[];
  rules?: string[];
}

export function problemBody(code: ProblemCode, detail: string, extra: Partial<Pick<ProblemBody, 'problems' | 'rules'>> = {}): ProblemBody {
  const entry = problemTable[code];
  const body: ProblemBody = { type: `urn:dossier:problem:${code}`, title: entry.title, status: entry.status, detail, code };
  if (extra.problems !== undefined) body.problems = extra.problems;
  if (extra.rules !== undefined) body.rules = extra.rules;
  return body;
}

export function failureBody(failure: HostFailure): ProblemBody {
  return problemBody(failure.code, failure.message, {
    ...(failure.problems === undefined ? {} : { problems: failure.problems }),
    ...(failure.rules === undefined ? {} : { rules: failure.rules }),
  });
}

/** Thrown at the HTTP boundary only; `app.onError` turns it into problem+json. */
export class HttpProblem extends Error {
  readonly body: ProblemBody;
  constructor(code: ProblemCode, detail: string, extra: Partial<Pick<ProblemBody, 'problems' | 'rules'>> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.body = problemBody(code, detail, extra);
  }
}

/** How a refusal is answered, kept for an Idempotency-Key's replays. */
export function failureAnswer(failure: HostFailure): { status: number; body: JsonValue } {
  const body = failureBody(failure);
  return { status: body.status, body: body as unknown as JsonValue };
}

/** The value of a service result, or its failure thrown as problem+json. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HttpProblem(result.code, result.message, {
    ...(result.problems === undefined ? {} : { problems: result.problems }),
    ...(result.rules === undefined ? {} : { rules: result.rules }),
  });
}
