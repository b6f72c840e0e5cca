// The query every report route takes (docs/reports.md): the window, the filters, the tenant and the
// trend's bucket, checked before any query runs. Bad input is a 422 report.invalid naming the parameter,
// so that no request (a window of 100 years in day buckets) can make the host scan its history.
import type { Context } from 'hono';
import type { ReportBucket, ReportWindow } from '../store/case-store.ts';
import { timeWindow } from '../store/time-window.ts';
import { requireOwnRole, type AuthEnv } from './auth.ts';
import { HttpProblem } from './problems.ts';

/** The longest window a report takes: three years (1,096 days). */
export const MAX_REPORT_DAYS = 1096;
const DAY_MS = 86_400_000;
/** A tenant's name, as tokens are issued for (runtime/http/request-schemas.ts). */
const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const REPORT_CHANNELS = ['email', 'web', 'phone', 'letter', 'chat', 'api'] as const;
export const REPORT_BUCKETS = ['day', 'week', 'month'] as const satisfies readonly ReportBucket[];

export interface ReportQuery {
  /** The tenant whose figures are read: the token's own, or another for an admin of tenant `default`. */
  tenant: string;
  window: ReportWindow;
  /** The trend's bucket: asked for, or chosen from the window's length. */
  bucket: ReportBucket;
}

function invalid(name: string, message: string, got: string): never {
  throw new HttpProblem('report.invalid', `${name} ${message}; got '${got}'.`, { problems: [{ pointer: `/${name}`, message }] });
}

/** The default bucket: days for a window up to 62 days, weeks up to 366, else months (and for an open window). */
export function defaultBucket(window: Pick<ReportWindow, 'from' | 'to'>): ReportBucket {
  if (window.from === undefined || window.to === undefined) return 'month';
  const days = (Date.parse(window.to) - Date.parse(window.from)) / DAY_MS;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/**
 * The report query of a request, for `what` (named in a refusal): the caller must be an agent, supervisor
 * or admin of the tenant itself (not a partner's person); `tenant` is for an admin of tenant `default`.
 * Whether `version` is a published version of `caseType` is for the route to check (it needs the store).
 */
export function reportQuery(c: Context<AuthEnv>, what: string): ReportQuery {
  const auth = requireOwnRole(c, what, 'agent');
  const q = (name: string): string | undefined => {
    const value = c.req.query(name);
    return value === undefined || value === '' ? undefined : value;
  };
  // every value goes to the database as text: none may hold U+0000 (PostgreSQL refuses it in text)
  for (const [name, value] of Object.entries(c.req.query())) {
    if (value.includes('\u0000')) invalid(name, 'must not contain the character U+0000', value.replaceAll('\u0000', '\\u0000'));
  }
  const tenantParam = q('tenant');
  if (tenantParam !== undefined && !TENANT.test(tenantParam)) invalid('tenant', 'must be a tenant name: lower-case letters, digits and -, at most 63', tenantParam);
  let tenant = auth.tenant;
  if (tenantParam !== undefined && tenantParam !== auth.tenant) {
    if (auth.tenant !== 'default' || !auth.roles.includes('admin')) {
      throw new HttpProblem('auth.forbidden', `${what} of another tenant is only for an admin of tenant default; this token is of tenant ${auth.tenant}.`);
    }
    tenant = tenantParam;
  }
  const parsed = timeWindow(q('from'), q('to'));
  if (!parsed.ok) invalid(parsed.name, parsed.problem, parsed.got);
  const window: ReportWindow = { ...parsed.window };
  if (window.from !== undefined && window.to !== undefined && Date.parse(window.to) - Date.parse(window.from) > MAX_REPORT_DAYS * DAY_MS) {
    invalid('to', `must be at most ${MAX_REPORT_DAYS} days (3 years) after from (${window.from}); ask for a shorter window`, q('to') as string);
  }
  const caseType = q('caseType');
  if (caseType !== undefined) window.caseType = caseType;
  const version = q('version');
  if (version !== undefined) {
    if (caseType === undefined) invalid('version', 'needs caseType: a version is of one case type', version);
    if (!/^[1-9]\d{0,8}$/.test(version)) invalid('version', 'must be a whole number from 1', version);
    window.version = Number(version);
  }
  const queue = q('queue');
  if (queue !== undefined) window.queue = queue;
  const channel = q('channel');
  if (channel !== undefined) {
    if (!(REPORT_CHANNELS as readonly string[]).includes(channel)) invalid('channel', `must be one of ${REPORT_CHANNELS.join(', ')}`, channel);
    window.channel = channel;
  }
  const bucketParam = q('bucket');
  if (bucketParam !== undefined && !(REPORT_BUCKETS as readonly string[]).includes(bucketParam)) {
    invalid('bucket', `must be one of ${REPORT_BUCKETS.join(', ')}`, bucketParam);
  }
  // days or weeks over an open window would be as many rows as the history has days: those need both ends
  if ((bucketParam === 'day' || bucketParam === 'week') && (window.from === undefined || window.to === undefined)) {
    invalid(window.from === undefined ? 'from' : 'to', `is needed for a trend by ${bucketParam}: give from and to, at most ${MAX_REPORT_DAYS} days apart, or ask for months`, bucketParam);
  }
  return { tenant, window, bucket: (bucketParam as ReportBucket | undefined) ?? defaultBucket(window) };
}
