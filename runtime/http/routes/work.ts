// Tasks (work queues, claim, release), the outbox (dead letters) and the reports.
import { Hono } from 'hono';
import { reasonsReport, slaReport, stageReport } from '../../host/reports.ts';
import { HttpProblem } from '../../host/problems.ts';
import type { CaseStore, OutboxStatus, TaskClaimResult, TaskStatus } from '../../store/case-store.ts';
import { hasRole, requireRole, type AuthEnv } from '../auth.ts';
import { filters, oneOf, pageParams } from '../query.ts';

function claimed(result: TaskClaimResult, taskId: string) {
  if (result.ok) return result.task;
  const messages = {
    'task.not_found': `There is no task '${taskId}'.`,
    'task.claimed': `Task '${taskId}' is claimed by someone else; ask them to release it.`,
    'task.closed': `Task '${taskId}' is closed: its case has moved on.`,
  } as const;
  throw new HttpProblem(result.code, messages[result.code]);
}

const strip = <T extends { tenant: string }>(record: T): Omit<T, 'tenant'> => {
  const { tenant: _tenant, ...rest } = record;
  return rest;
};

export function workRoutes(store: CaseStore, now: () => string): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/tasks', async (c) => {
    const auth = requireRole(c, 'agent');
    const { limit, cursor } = pageParams(c);
    const f = filters(c, ['queue', 'role', 'assignee', 'caseId', 'unassigned'] as const);
    const status = oneOf<TaskStatus>(c, 'status', ['open', 'closed']);
    const page = await store.listTasks(
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
    return c.json(strip(claimed(await store.claimTask(auth.tenant, c.req.param('id'), auth.name, now()), c.req.param('id'))));
  });

  app.post('/tasks/:id/release', async (c) => {
    const auth = requireRole(c, 'agent');
    const id = c.req.param('id');
    const onlyBy = hasRole(auth, ['admin']) ? undefined : auth.name;
    return c.json(strip(claimed(await store.releaseTask(auth.tenant, id, now(), onlyBy), id)));
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

  app.get('/reports/sla', async (c) => {
    const auth = requireRole(c, 'agent');
    const { caseType } = filters(c, ['caseType'] as const);
    return c.json({ items: slaReport(await store.slaRecords(auth.tenant, caseType)) });
  });

  app.get('/reports/stages', async (c) => {
    const auth = requireRole(c, 'agent');
    const { caseType } = filters(c, ['caseType'] as const);
    return c.json({ items: stageReport(await store.reportHistory(auth.tenant, caseType)) });
  });

  app.get('/reports/reasons', async (c) => {
    const auth = requireRole(c, 'agent');
    const { caseType, field = '/reason', limit = '10' } = filters(c, ['caseType', 'field', 'limit'] as const);
    if (!field.startsWith('/')) throw new HttpProblem('request.invalid', `field must be a JSON Pointer into the case data such as /reason; got '${field}'.`);
    const top = Number(limit);
    if (!Number.isInteger(top) || top < 1 || top > 100) throw new HttpProblem('request.invalid', `limit must be a whole number from 1 to 100; got '${limit}'.`);
    return c.json(reasonsReport(field, await store.countByField(auth.tenant, field, caseType), top));
  });

  return app;
}
