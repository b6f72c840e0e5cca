// Tasks: the work queues agents take work from (list, claim, release), refusals in words.
import type { CaseStore, Page, TaskClaimResult, TaskFilter, TaskRecord } from '../store/case-store.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';
import { hasRole } from './tokens.ts';

export interface TaskService {
  list(tenant: string, filter: TaskFilter, limit: number, cursor: string | null): Promise<Page<TaskRecord>>;
  /** `who` takes the task; refused when someone else holds it or its case moved on. */
  claim(tenant: string, taskId: string, who: string, queues?: readonly string[]): Promise<Result<TaskRecord>>;
  /** Gives the task back; only its holder may, or an admin. With `queues` (a partner's), only a task in one of them. */
  release(tenant: string, taskId: string, by: { name: string; roles: readonly string[] }, queues?: readonly string[]): Promise<Result<TaskRecord>>;
}

function claimed(result: TaskClaimResult, taskId: string): Result<TaskRecord> {
  if (result.ok) return { ok: true, value: result.task };
  const messages = {
    'task.not_found': `There is no task '${taskId}'.`,
    'task.claimed': `Task '${taskId}' is claimed by someone else; ask them to release it.`,
    'task.closed': `Task '${taskId}' is closed: its case has moved on.`,
  } as const;
  return fail(result.code, messages[result.code]);
}

/** `changed`: a task was claimed or released (push routing routes again: docs/routing.md). */
export function createTaskService(store: CaseStore, clock: Clock, changed: () => void = () => undefined): TaskService {
  return {
    list: (tenant, filter, limit, cursor) => store.listTasks(tenant, filter, limit, cursor),
    async claim(tenant, taskId, who, queues) {
      const result = claimed(await store.claimTask(tenant, taskId, who, clock.now(), queues), taskId);
      if (result.ok) changed();
      return result;
    },
    async release(tenant, taskId, by, queues) {
      const onlyBy = hasRole(by, ['admin']) ? undefined : by.name;
      const result = claimed(await store.releaseTask(tenant, taskId, clock.now(), onlyBy, queues), taskId);
      if (result.ok) changed();
      return result;
    },
  };
}
