// The orders of a task list (GET /api/tasks?sort=, docs/task-due.md) and their cursors, the same on both
// stores. `opened` (the default): oldest first, by (opened_at, id). `due`: soonest due first, tasks
// without a due time last, ties by id: by (COALESCE(due_at, '~'), id), the key of the index tasks_by_due
// ('~' sorts after every instant, byte-wise as both stores compare these columns), so a page is one range
// scan of the index from the cursor's key. The cursor says whether the last task had a due time.
import { CursorError, decodeCursor, encodeCursor } from './cursor.ts';
import type { TaskRecord } from './case-store.ts';

export type TaskSort = 'opened' | 'due';

export const TASK_SORTS: readonly TaskSort[] = ['opened', 'due'];

/** Where a `due` page resumes: after a task with a due time (`dueAt`, `id`) or after one without (`id`). */
export type DueAfter = { dueAt: string; id: string } | { dueAt: null; id: string };

export function encodeDueCursor(last: TaskRecord): string {
  return encodeCursor(last.dueAt === null ? [1, '', last.id] : [0, last.dueAt, last.id]);
}

/** The sort key of tasks without a due time: after every ISO instant. */
export const NO_DUE = '~';

/** The index key a page resumes after: (due time or NO_DUE, id). */
export function dueKey(after: DueAfter): [string, string] {
  return [after.dueAt ?? NO_DUE, after.id];
}

export function decodeDueCursor(cursor: string): DueAfter {
  const [none, dueAt, id] = decodeCursor(cursor, 3);
  if ((none !== 0 && none !== 1) || typeof dueAt !== 'string' || typeof id !== 'string') throw new CursorError();
  return none === 1 ? { dueAt: null, id } : { dueAt, id };
}
