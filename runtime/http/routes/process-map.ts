// The process map (docs/reports.md, Process map): GET /api/reports/process-map, the directly-follows graph of
// one case type with the design set against it, and GET /api/reports/process-map/cases, the entries that took
// one edge, newest first. The report filters of report-query.ts; caseType is required here.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { processMapReport } from '../../host/process-map.ts';
import type { CaseStore, ProcessMapWindow, PublishedCaseType } from '../../store/case-store.ts';
import type { AuthEnv } from '../auth.ts';
import { HttpProblem } from '../problems.ts';
import { reportQuery } from '../report-query.ts';

function invalid(name: string, message: string, got: string): never {
  throw new HttpProblem('report.invalid', `${name} ${message}; got '${got}'.`, { problems: [{ pointer: `/${name}`, message }] });
}

/** The query's tenant and window with its case type, and the published version the design is read from. */
async function mapQuery(c: Context<AuthEnv>, store: CaseStore, what: string): Promise<{ tenant: string; window: ProcessMapWindow; published: PublishedCaseType }> {
  const { tenant, window } = reportQuery(c, what);
  const caseType = window.caseType;
  if (caseType === undefined) invalid('caseType', 'is required: the process map is of one case type', '');
  const published = await store.getCaseType(tenant, caseType, window.version);
  if (published === null) {
    if (window.version !== undefined && (await store.getCaseType(tenant, caseType)) !== null) {
      invalid('version', `is not a published version of ${caseType}`, String(window.version));
    }
    invalid('caseType', 'is not a published case type of the tenant', caseType);
  }
  return { tenant, window: { ...window, caseType }, published };
}

export const PROCESS_MAP_CASES_LIMIT = 100;

export function processMapRoutes(store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  // Entries with `at` in [from, to): the edges taken in the window; ends: the cases closed in it.
  app.get('/reports/process-map', async (c) => {
    const { tenant, window, published } = await mapQuery(c, store, 'The process map');
    return c.json(processMapReport(window.caseType, published.version, published.definition, await store.processMap(tenant, window)));
  });

  app.get('/reports/process-map/cases', async (c) => {
    const { tenant, window } = await mapQuery(c, store, 'The cases of a process-map edge');
    const edge = { source: '', event: '', target: '' };
    for (const name of ['source', 'event', 'target'] as const) {
      const value = c.req.query(name);
      if (value === undefined || value === '') invalid(name, 'is required: the edge is named by source, event and target', value ?? '');
      edge[name] = value;
    }
    const limitText = c.req.query('limit') ?? '25';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > PROCESS_MAP_CASES_LIMIT) invalid('limit', `must be a whole number from 1 to ${PROCESS_MAP_CASES_LIMIT}`, limitText);
    const cursor = c.req.query('cursor');
    const page = await store.processMapCases(tenant, window, edge, limit, cursor === undefined || cursor === '' ? null : cursor);
    return c.json(page);
  });

  return app;
}
