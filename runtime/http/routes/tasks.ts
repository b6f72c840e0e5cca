// Tasks: the queues agents work from, claim and release.
import { Hono } from 'hono';
import type { TaskService } from '../../host/task-service.ts';
import { unwrap } from '../problems.ts';
import type { CaseStore, TaskSort, TaskStatus } from '../../store/case-store.ts';
import { TASK_SORTS } from '../../store/task-sort.ts';
import { partnerScope } from '../../host/partners.ts';
import { requireRole, type AuthEnv } from '../auth.ts';
import { filters, oneOf, pageParams } from '../query.ts';
import { strip } from './strip-tenant.ts';

export function taskRoutes(tasks: TaskService, store: CaseStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/tasks', async (c) => {
    const auth = requireRole(c, 'agent');
    const { limit, cursor } = pageParams(c);
    const f = filters(c, ['queue', 'role', 'assignee', 'caseId', 'unassigned'] as const);
    const status = oneOf<TaskStatus>(c, 'status', ['open', 'closed']);
    const sort = oneOf<TaskSort>(c, 'sort', TASK_SORTS);
    const scope = await partnerScope(store, auth);
    const page = await tasks.list(
      auth.tenant,
      {
        ...(f.queue === undefined ? {} : { queue: f.queue }),
        ...(f.role === undefined ? {} : { role: f.role }),
        ...(f.assignee === undefined ? {} : { assignee: f.assignee === 'me' ? auth.name : f.assignee }),
        ...(f.caseId === undefined ? {} : { caseId: f.caseId }),
        ...(status === undefined ? {} : { status }),
        ...(f.unassigned === 'true' ? { unassigned: true } : {}),
        ...(sort === undefined ? {} : { sort }),
        // a partner's person: only the delegated queues, chosen by the database
        ...(scope === null ? {} : { queues: scope.queues }),
      },
      limit,
      cursor,
    );
    return c.json({ items: page.items.map(strip), nextCursor: page.nextCursor });
  });

  app.post('/tasks/:id/claim', async (c) => {
    const auth = requireRole(c, 'agent');
    const scope = await partnerScope(store, auth);
    return c.json(strip(unwrap(await tasks.claim(auth.tenant, c.req.param('id'), auth.name, scope?.queues))));
  });

  app.post('/tasks/:id/release', async (c) => {
    const auth = requireRole(c, 'agent');
    const scope = await partnerScope(store, auth);
    return c.json(strip(unwrap(await tasks.release(auth.tenant, c.req.param('id'), auth, scope?.queues))));
  });

  return app;
}
