// Tasks (work queues, claim, release), the outbox (dead letters) and the reports.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { reasonsReport, slaReport, stageReport } from '../../host/reports.ts';
import { HttpProblem } from '../../host/problems.ts';
import type { CaseStore, OutboxStatus, ReportWindow, TaskClaimResult, TaskStatus } from '../../store/case-store.ts';
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

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/i;
const YEAR_0 = Date.parse('0000-01-01T00:00:00.000Z');
const YEAR_10000 = Date.parse('+010000-01-01T00:00:00.000Z');

/** Epoch ms of an RFC 3339 date-time (date, time and offset), or null; a day that does not exist (February 30) is not rolled over. */
function instantMs(text: string): number | null {
  const parts = INSTANT.exec(text);
  if (parts === null) return null;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = parts.slice(1, 9).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  const ms = Date.parse(text);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= lastDay.getUTCDate() && hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59;
  // years 0000 to 9999 once in UTC: the store compares instants as text
  return valid && ms >= YEAR_0 && ms < YEAR_10000 ? ms : null;
}

/** An optional query value holding an instant, as the store writes instants (UTC, ms); else 400 naming the parameter. */
function instantParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = instantMs(raw);
  if (ms === null) {
    throw new HttpProblem('request.invalid', `${name} must be an instant such as 2026-01-05T09:00:00Z; got '${raw}'.`, {
      problems: [{ pointer: `/${name}`, message: 'must be an instant such as 2026-01-05T09:00:00Z (date, time and offset)' }],
    });
  }
  return new Date(ms).toISOString();
}

/** The report window of the query: caseType, and from (inclusive) to (exclusive), not backwards. */
function reportWindow(c: Context): ReportWindow {
  const { caseType } = filters(c, ['caseType'] as const);
  const from = instantParam(c, 'from');
  const to = instantParam(c, 'to');
  if (from !== undefined && to !== undefined && to < from) {
    throw new HttpProblem('request.invalid', `to must not be before from; got from ${from} and to ${to}.`, {
      problems: [{ pointer: '/to', message: 'must not be before from' }],
    });
  }
  return { ...(caseType === undefined ? {} : { caseType }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
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
