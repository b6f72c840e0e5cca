// A task list soonest due first, no due time last (GET /api/tasks?sort=due; runtime/store/task-sort.ts),
// on PostgreSQL: ORDER BY COALESCE(due_at, '~'), id, the key of the index tasks_by_due.
import type { Page, TaskRecord } from '../case-store.ts';
import { CursorError } from '../cursor.ts';
import { decodeDueCursor, dueKey, encodeDueCursor, NO_DUE } from '../task-sort.ts';
import { toTask, type TaskRow } from '../task-row.ts';
import { hasNul, type PostgresDb } from './postgres-db.ts';
import type { Where } from './where.ts';

const columns = 'id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, claimed_at, status, closed_at, escalated_at';

/** One page of the tasks matching `where` by due time, after `cursor`. */
export async function listTasksByDue(db: PostgresDb, where: Where, limit: number, cursor: string | null): Promise<Page<TaskRecord>> {
  if (cursor !== null) {
    const [key, id] = dueKey(decodeDueCursor(cursor));
    if (hasNul(key, id)) throw new CursorError();
    where.add(`(COALESCE(due_at, '${NO_DUE}'), id) > (${where.param(key)}, ${where.param(id)})`);
  }
  const rows = await db.rows<TaskRow>(
    `SELECT ${columns} FROM tasks WHERE ${where.sql()} ORDER BY COALESCE(due_at, '${NO_DUE}'), id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
  const items = rows.slice(0, limit).map(toTask);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeDueCursor(last) : null };
}
