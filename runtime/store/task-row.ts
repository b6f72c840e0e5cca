// A task as both stores keep it (one row per task, snake_case columns) and as the CaseStore returns it.
import type { TaskRecord } from './case-store.ts';

export interface TaskRow {
  id: string;
  tenant: string;
  case_id: string;
  case_type: string;
  state: string;
  title: string;
  queue: string | null;
  role: string | null;
  form: string | null;
  opened_at: string;
  due_at: string | null;
  assignee: string | null;
  claimed_at: string | null;
  status: 'open' | 'closed';
  closed_at: string | null;
  /** When the task passed its due time still open and escalated (its `onOverdue` ran). */
  escalated_at?: string | null;
}

export const toTask = (r: TaskRow): TaskRecord => ({
  id: r.id,
  tenant: r.tenant,
  caseId: r.case_id,
  caseType: r.case_type,
  state: r.state,
  title: r.title,
  queue: r.queue,
  role: r.role,
  form: r.form,
  openedAt: r.opened_at,
  dueAt: r.due_at,
  assignee: r.assignee,
  claimedAt: r.claimed_at,
  status: r.status,
  closedAt: r.closed_at,
  ...(r.escalated_at == null ? {} : { escalatedAt: r.escalated_at }),
});

/** Whether a task or case in `queue` is within `queues` (a partner's delegated queues; undefined: no limit). */
export function inQueues(queue: string | null, queues: readonly string[] | undefined): boolean {
  return queues === undefined || (queue !== null && queues.includes(queue));
}
