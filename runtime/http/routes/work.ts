// Tasks (work queues, claim, release), the outbox (dead letters) and the reports.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { reasonsReport, slaReport, stageReport } from '../../host/reports.ts';
import type { TaskService } from '../../host/task-service.ts';
import { HttpProblem, unwrap } from '../problems.ts';
import type { CaseStore, OutboxStatus, ReportWindow, TaskStatus } from '../../store/case-store.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { filters, oneOf, pageParams, windowParams } from '../query.ts';

/** The report window of the query: caseType, and from (inclusive) to (exclusive), not backwards. */
function reportWindow(c: Context): ReportWindow {
  const { caseType } = filters(c, ['caseType'] as const);
  return { ...(caseType === undefined ? {} : { caseType }), ...windowParams(c) };
}

const strip = <T extends { tenant: string }>(record: T): Omit<T, 'tenant'> => {
  const { tenant: _tenant, ...rest } = record;
  return rest;
};

export function workRoutes(store: CaseStore, tasks: TaskService): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/tasks', async (c) => {
    const auth = requireRole(c, 'agent');
    const { limit, cursor } = pageParams(c);
    const f = filters(c, ['queue', 'role', 'assignee', 'caseId', 'unassigned'] as const);
    const status = oneOf<TaskStatus>(c, 'status', ['open', 'closed']);
    const page = await tasks.list(
      auth.tenant,
      {
        ...(f.queue === undefined ? {} : { queue: f.queue }),
        ...(f.role === undefined ? {} : { role: f.role }),
        ...(f.assignee === undefined ? {} : { assignee: f.assignee === 'me' ? auth.name : f.assignee }),
        ...(f.caseId === undefined ? {} : { caseId: f.caseId }),
        ...(status === undefined ? {} : { status }),
        ...(f.unassigned === 'true' ? { unassigned: true } : {}),
      },
      limit,
      cursor,
    );
    return c.json({ items: page.items.map(strip), nextCursor: page.nextCursor });
  });

  app.post('/tasks/:id/claim', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json(strip(unwrap(await tasks.claim(auth.tenant, c.req.param('id'), auth.name))));
  });

  app.post('/tasks/:id/release', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json(strip(unwrap(await tasks.release(auth.tenant, c.req.param('id'), auth))));
  });

  app.get('/outbox', async (c) => {
    const auth = requireRole(c, 'admin');
    const { limit, cursor } = pageParams(c);
    const f = filters(c, ['caseId'] as const);
    const status = oneOf<OutboxStatus>(c, 'status', ['pending', 'delivered', 'dead']);
    const page = await store.listOutbox(
      auth.tenant,
      { ...(status === undefined ? {} : { status }), ...(f.caseId === undefined ? {} : { caseId: f.caseId }) },
      limit,
      cursor,
    );
    return c.json({ items: page.items.map(({ payload: _payload, ...rest }) => strip(rest)), nextCursor: page.nextCursor });
  });

  // The window (from, to) counts what began in it: SLAs started, stage visits begun, cases created.
  app.get('/reports/sla', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json({ items: slaReport(await store.slaSummary(auth.tenant, reportWindow(c))) });
  });

  app.get('/reports/stages', async (c) => {
    const auth = requireRole(c, 'agent');
    return c.json({ items: stageReport(await store.stageSummary(auth.tenant, reportWindow(c))) });
  });

  app.get('/reports/reasons', async (c) => {
    const auth = requireRole(c, 'agent');
    const { field = '/reason', limit = '10' } = filters(c, ['field', 'limit'] as const);
    if (!field.startsWith('/')) throw new HttpProblem('request.invalid', `field must be a JSON Pointer into the case data such as /reason; got '${field}'.`);
    const top = Number(limit);
    if (!Number.isInteger(top) || top < 1 || top > 100) throw new HttpProblem('request.invalid', `limit must be a whole number from 1 to 100; got '${limit}'.`);
    return c.json(reasonsReport(field, await store.reasonCounts(auth.tenant, field, { ...reportWindow(c), limit: top }), top));
  });

  return app;
}
