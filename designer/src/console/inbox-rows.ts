// The inbox's rows from the loaded lists: the tab's items, filtered and sorted. Pure, unit-tested.
import type { CaseRecord, TaskItem } from './console-api.ts';
import type { InboxLists, Tab } from './inbox-lists.ts';
import { sortRows, stateIds, type SortKey } from './console-model.ts';
import { soonestDue } from './due-words.ts';

export interface Row {
  caseId: string;
  createdAt: string;
  priority: string;
  slas: CaseRecord['slas'];
  kase: CaseRecord;
  task: TaskItem | null;
  /** The task's due time, or on the cases tab the soonest of the case's tasks'. */
  dueAt: string | null;
}

export interface InboxFilter {
  caseType: string;
  state: string;
  queue: string;
  /** The channel the case came in by ('' for any). */
  channel: string;
}

interface RowsInput {
  tab: Tab;
  sort: SortKey;
  filter: InboxFilter;
  /** Whether an unclaimed task waits in one of my queues (or for one of my roles). */
  mayClaim: (task: TaskItem) => boolean;
}

const row = (kase: CaseRecord, task: TaskItem | null): Row => ({
  caseId: kase.id,
  createdAt: kase.createdAt,
  priority: kase.priority,
  slas: kase.slas,
  kase,
  task,
  dueAt: task !== null ? task.dueAt : soonestDue(kase.tasks),
});

/** The rows of a tab; with `loaded` the number of list items they come from (for "12 shown of 50 loaded"). */
export function inboxRows(lists: InboxLists, { tab, sort, filter, mayClaim }: RowsInput): { rows: Row[]; loaded: number; more: boolean } {
  let rows: Row[];
  if (tab === 'cases') {
    rows = lists.cases.items.map((c) => row(c, null)); // open cases only: the API was asked for status=open
  } else {
    const tasks = tab === 'mine' ? lists.mine.items : lists.queues.items.filter(mayClaim);
    rows = tasks.flatMap((t) => {
      const kase = lists.byId.get(t.caseId);
      return kase ? [row(kase, t)] : [];
    });
  }
  rows = rows.filter(
    (r) =>
      (filter.caseType === '' || r.kase.caseType === filter.caseType) &&
      (filter.state === '' || stateIds(r.kase.state).includes(filter.state)) &&
      (filter.queue === '' || (r.task?.queue ?? r.kase.queue) === filter.queue) &&
      (filter.channel === '' || (r.kase.channel ?? 'api') === filter.channel),
  );
  const list = lists[tab];
  return { rows: sortRows(rows, sort), loaded: list.items.length, more: list.nextCursor !== null };
}
