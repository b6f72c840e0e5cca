// What both stores (and the host) agree on about a commit's side rows: which effects become outbox rows,
// and when a task's row must be written again.
import type { CaseTask } from '../engine/index.ts';

/** Effects that leave the process: written to the outbox in the commit, delivered afterwards. */
export const outboxEffectTypes: ReadonlySet<string> = new Set(['notify', 'webhook', 'lookup', 'createCase', 'childClosed', 'sendToChildren', 'sendToParent']);

/** A task's row changes only through the columns that come from the case (the claim columns are the tasks table's own). */
export function sameTask(a: CaseTask, b: CaseTask): boolean {
  return (
    a.state === b.state &&
    a.title === b.title &&
    a.queue === b.queue &&
    a.role === b.role &&
    a.form === b.form &&
    a.openedAt === b.openedAt &&
    a.dueAt === b.dueAt &&
    a.assignee === b.assignee &&
    a.escalatedAt === b.escalatedAt
  );
}
