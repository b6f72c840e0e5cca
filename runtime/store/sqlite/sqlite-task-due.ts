// A task list soonest due first, no due time last (GET /api/tasks?sort=due; runtime/store/task-sort.ts),
// on SQLite: ORDER BY (due_at IS NULL), due_at, id, the key of the index tasks_by_due.
import type Database from 'better-sqlite3';
import type { Page, TaskRecord } from '../case-store.ts';
import { decodeDueCursor, encodeDueCursor } from '../task-sort.ts';
import { toTask, type TaskRow } from '../task-row.ts';
import type { Where } from './where.ts';

/** One page of the tasks matching `where` (which holds `limit` + 1 as @limit) by due time, after `cursor`. */
export function listTasksByDue(db: Database.Database, where: Where, limit: number, cursor: string | null): Page<TaskRecord> {
  if (cursor !== null) {
    const after = decodeDueCursor(cursor);
    if (after.dueAt === null) where.add('(due_at IS NULL AND id > @cId)', { cId: after.id });
    else where.add('(due_at IS NULL OR due_at > @cDue OR (due_at = @cDue AND id > @cId))', { cDue: after.dueAt, cId: after.id });
  }
  const rows = db
    .prepare(`SELECT * FROM tasks WHERE ${where.sql()} ORDER BY due_at IS NULL, due_at, id LIMIT @limit`)
    .all(where.params) as TaskRow[];
  const items = rows.slice(0, limit).map(toTask);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeDueCursor(last) : null };
}
