// The reports (docs/reports.md): SLA compliance and its trend, the backlog, time per stage, the top
// contact reasons and their trend, channels, agents, partners. Every route takes the report query
// (runtime/http/report-query.ts), checked before any query runs; the figures are the database's.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { fieldSchemaAt } from '../../engine/index.ts';
import type { FieldSchema } from '../../../schemas/generated/case-type.ts';
import type { Clock } from '../../host/clock.ts';
import {
  agentsReport, backlogReport, channelsReport, fieldPointers, reasonsReport, reasonTrendReport, slaReport, slaTrendReport, stageReport,
} from '../../host/reports.ts';
import { HttpProblem } from '../problems.ts';
import type { CaseStore } from '../../store/case-store.ts';
import type { AuthEnv } from '../auth.ts';
import { reportQuery, type ReportQuery } from '../report-query.ts';

function invalid(name: string, message: string, got: string): never {
  throw new HttpProblem('report.invalid', `${name} ${message}; got '${got}'.`, { problems: [{ pointer: `/${name}`, message }] });
}

/** The report query, with `version` checked against the published versions of `caseType`. */
async function checkedQuery(c: Context<AuthEnv>, store: CaseStore, what: string): Promise<ReportQuery> {
  const query = reportQuery(c, what);
  const { caseType, version } = query.window;
  if (caseType !== undefined && version !== undefined) {
    const published = (await store.listVersions(query.tenant, caseType)).map((v) => v.version);
    if (!published.includes(version)) {
      const which = published.length === 0 ? `case type '${caseType}' has no published version` : `the published versions of '${caseType}' are ${published.join(', ')}`;
      invalid('version', `must be a published version of caseType (${which})`, String(version));
    }
  }
  return query;
}

/** A whole number from 1 to `max` (`fallback` when absent), else a 422 at /limit. */
function limitParam(c: Context, fallback: number, max: number): number {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) invalid('limit', `must be a whole number from 1 to ${max}`, raw);
  return Number(raw);
}

/**
 * The reasons routes' field: a JSON Pointer to a field of the data schema of the given version of
 * `caseType`, or of any published version of it (without a version), or of any published case type of
 * the tenant (without caseType); else 422 report.unknown_field naming the fields it could be.
 */
async function fieldParam(c: Context, store: CaseStore, query: ReportQuery): Promise<string> {
  const field = c.req.query('field') || '/reason';
  const { caseType, version } = query.window;
  const keys = caseType !== undefined ? [caseType] : (await store.listCaseTypes(query.tenant)).filter((t) => t.latestVersion !== null).map((t) => t.key);
  const schemas: FieldSchema[] = [];
  for (const key of keys) {
    const versions = version !== undefined ? [version] : (await store.listVersions(query.tenant, key)).map((v) => v.version);
    for (const v of versions) {
      const published = await store.getCaseType(query.tenant, key, v);
      if (published !== null) schemas.push(published.definition.data as FieldSchema);
    }
  }
  if (field.startsWith('/') && schemas.some((schema) => fieldSchemaAt(schema, field) !== undefined)) return field;
  const known = [...new Set(schemas.flatMap((schema) => fieldPointers(schema)))];
  const of = caseType === undefined ? 'any published case type' : `case type '${caseType}'${version === undefined ? '' : ` version ${version}`}`;
  const message = known.length === 0 ? `is not a field of ${of}, which has no fields` : `is not a field of ${of}; it could be one of ${known.slice(0, 40).join(', ')}${known.length > 40 ? ', …' : ''}`;
  throw new HttpProblem('report.unknown_field', `field '${field}' ${message}.`, { problems: [{ pointer: '/field', message }] });
}

export function reportRoutes(store: CaseStore, clock: Clock): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // The window (from, to) counts what began in it: SLAs started, stage visits begun, cases created, tasks closed.
  app.get('/reports/sla', async (c) => {
    const { tenant, window } = await checkedQuery(c, store, 'The SLA report');
    return c.json({ items: slaReport(await store.slaSummary(tenant, window)) });
  });

  app.get('/reports/sla/trend', async (c) => {
    const { tenant, window, bucket } = await checkedQuery(c, store, 'The SLA trend');
    return c.json(slaTrendReport(bucket, await store.slaTrend(tenant, window, bucket)));
  });

  app.get('/reports/backlog', async (c) => {
    const { tenant, window } = await checkedQuery(c, store, 'The backlog');
    const asOf = clock.now();
    return c.json(backlogReport(asOf, await store.backlog(tenant, window, asOf)));
  });

  app.get('/reports/stages', async (c) => {
    const { tenant, window } = await checkedQuery(c, store, 'The stage report');
    return c.json({ items: stageReport(await store.stageSummary(tenant, window)) });
  });

  app.get('/reports/reasons', async (c) => {
    const query = await checkedQuery(c, store, 'The reasons report');
    const top = limitParam(c, 10, 100);
    const field = await fieldParam(c, store, query);
    return c.json(reasonsReport(field, await store.reasonCounts(query.tenant, field, { ...query.window, limit: top }), top));
  });

  app.get('/reports/reasons/trend', async (c) => {
    const query = await checkedQuery(c, store, 'The reasons trend');
    const top = limitParam(c, 10, 100);
    const field = await fieldParam(c, store, query);
    return c.json(reasonTrendReport(field, query.bucket, await store.reasonTrend(query.tenant, field, { ...query.window, limit: top }, query.bucket), top));
  });

  app.get('/reports/channels', async (c) => {
    const { tenant, window, bucket } = await checkedQuery(c, store, 'The channel report');
    return c.json(channelsReport(bucket, await store.channelCounts(tenant, window, bucket)));
  });

  app.get('/reports/agents', async (c) => {
    const { tenant, window } = await checkedQuery(c, store, 'The agent report');
    const limit = limitParam(c, 50, 500);
    return c.json(agentsReport(await store.agentCounts(tenant, { ...window, limit })));
  });

  // Attribution of outsourced work: per partner organisation, what its people did in the window (history entries
  // with a partner), with the partner's title where it still exists.
  app.get('/reports/partners', async (c) => {
    const { tenant, window } = await checkedQuery(c, store, 'The partner report');
    const [activity, partners] = await Promise.all([store.partnerActivity(tenant, window), store.listPartners(tenant)]);
    const titles = new Map(partners.map((p) => [p.id, p.title]));
    return c.json({ items: activity.map((a) => ({ ...a, title: titles.get(a.partner) ?? null })) });
  });

  return app;
}
