// A task list soonest due first, no due time last (GET /api/tasks?sort=due; runtime/store/task-sort.ts),
// on SQLite: ORDER BY COALESCE(due_at, '~'), id, the key of the index tasks_by_due.
import type Database from 'better-sqlite3';
import type { Page, TaskRecord } from '../case-store.ts';
import { decodeDueCursor, dueKey, encodeDueCursor, NO_DUE } from '../task-sort.ts';
import { toTask, type TaskRow } from '../task-row.ts';
import type { Where } from './where.ts';

/** One page of the tasks matching `where` (which holds `limit` + 1 as @limit) by due time, after `cursor`. */
export function listTasksByDue(db: Database.Database, where: Where, limit: number, cursor: string | null): Page<TaskRecord> {
  if (cursor !== null) {
    const [key, id] = dueKey(decodeDueCursor(cursor));
    // the first term bounds the index range (SQLite does not seek on a row-value comparison of an expression)
    where.add(`COALESCE(due_at, '${NO_DUE}') >= @cKey AND (COALESCE(due_at, '${NO_DUE}') > @cKey OR id > @cId)`, { cKey: key, cId: id });
  }
  const rows = db
    .prepare(`SELECT * FROM tasks WHERE ${where.sql()} ORDER BY COALESCE(due_at, '${NO_DUE}'), id LIMIT @limit`)
    .all(where.params) as TaskRow[];
  const items = rows.slice(0, limit).map(toTask);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeDueCursor(last) : null };
}
