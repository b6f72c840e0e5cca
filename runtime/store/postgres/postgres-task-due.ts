// A task list soonest due first, no due time last (GET /api/tasks?sort=due; runtime/store/task-sort.ts),
// on PostgreSQL: ORDER BY due_at, id (ascending puts nulls last), the key of the index tasks_by_due.
import type { Page, TaskRecord } from '../case-store.ts';
import { CursorError } from '../cursor.ts';
import { decodeDueCursor, encodeDueCursor } from '../task-sort.ts';
import { toTask, type TaskRow } from '../task-row.ts';
import { hasNul, type PostgresDb } from './postgres-db.ts';
import type { Where } from './where.ts';

const columns = 'id, tenant, case_id, case_type, state, title, queue, role, form, opened_at, due_at, assignee, claimed_at, status, closed_at, escalated_at';

/** One page of the tasks matching `where` by due time, after `cursor`. */
export async function listTasksByDue(db: PostgresDb, where: Where, limit: number, cursor: string | null): Promise<Page<TaskRecord>> {
  if (cursor !== null) {
    const after = decodeDueCursor(cursor);
    if (hasNul(after.id, after.dueAt ?? '')) throw new CursorError();
    if (after.dueAt === null) where.add(`(due_at IS NULL AND id > ${where.param(after.id)})`);
    else {
      const due = where.param(after.dueAt);
      where.add(`(due_at IS NULL OR due_at > ${due} OR (due_at = ${due} AND id > ${where.param(after.id)}))`);
    }
  }
  const rows = await db.rows<TaskRow>(
    `SELECT ${columns} FROM tasks WHERE ${where.sql()} ORDER BY due_at ASC NULLS LAST, id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
  const items = rows.slice(0, limit).map(toTask);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeDueCursor(last) : null };
}
