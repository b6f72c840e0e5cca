// The reports: SLA compliance, time per stage, the top contact reasons.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { reasonsReport, slaReport, stageReport } from '../../host/reports.ts';
import { HttpProblem } from '../problems.ts';
import type { CaseStore, ReportWindow } from '../../store/case-store.ts';
import { requireOwnRole, type AuthEnv } from '../auth.ts';
import { filters, windowParams } from '../query.ts';

/** The report window of the query: caseType, and from (inclusive) to (exclusive), not backwards. */
function reportWindow(c: Context): ReportWindow {
  const { caseType } = filters(c, ['caseType'] as const);
  return { ...(caseType === undefined ? {} : { caseType }), ...windowParams(c) };
}

export function reportRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // The window (from, to) counts what began in it: SLAs started, stage visits begun, cases created.
  app.get('/reports/sla', async (c) => {
    const auth = requireOwnRole(c, 'The SLA report', 'agent');
    return c.json({ items: slaReport(await store.slaSummary(auth.tenant, reportWindow(c))) });
  });

  app.get('/reports/stages', async (c) => {
    const auth = requireOwnRole(c, 'The stage report', 'agent');
    return c.json({ items: stageReport(await store.stageSummary(auth.tenant, reportWindow(c))) });
  });

  app.get('/reports/reasons', async (c) => {
    const auth = requireOwnRole(c, 'The reasons report', 'agent');
    const { field = '/reason', limit = '10' } = filters(c, ['field', 'limit'] as const);
    if (!field.startsWith('/')) throw new HttpProblem('request.invalid', `field must be a JSON Pointer into the case data such as /reason; got '${field}'.`);
    const top = Number(limit);
    if (!Number.isInteger(top) || top < 1 || top > 100) throw new HttpProblem('request.invalid', `limit must be a whole number from 1 to 100; got '${limit}'.`);
    return c.json(reasonsReport(field, await store.reasonCounts(auth.tenant, field, { ...reportWindow(c), limit: top }), top));
  });

  // Attribution of outsourced work: per partner organisation, what its people did in the window (history entries
  // with a partner), with the partner's title where it still exists.
  app.get('/reports/partners', async (c) => {
    const auth = requireOwnRole(c, 'The partner report', 'agent');
    const [activity, partners] = await Promise.all([store.partnerActivity(auth.tenant, reportWindow(c)), store.listPartners(auth.tenant)]);
    const titles = new Map(partners.map((p) => [p.id, p.title]));
    return c.json({ items: activity.map((a) => ({ ...a, title: titles.get(a.partner) ?? null })) });
  });

  return app;
}
