// The inbox's three lists, each paged by the API's cursor: my tasks, the unclaimed tasks, the open cases;
// plus the case of every loaded task (its customer, state and SLAs fill the task's row). No React.
import type { CaseRecord, TaskItem, ConsoleApi } from './console-api.ts';
import { loadMore, loadPages, type FetchPage, type Page } from './paging.ts';

export type Tab = 'mine' | 'queues' | 'cases';

/** The order the task lists are fetched in (GET /api/tasks?sort=): oldest first, or soonest due first. */
export type TaskOrder = 'opened' | 'due';

/** The API's default page size. */
export const PAGE_SIZE = 50;

export interface InboxLists {
  mine: Page<TaskItem>;
  queues: Page<TaskItem>;
  cases: Page<CaseRecord>;
  /** Every loaded case by id: the open cases list and the cases of the loaded tasks. */
  byId: ReadonlyMap<string, CaseRecord>;
  /** When the lists were loaded, for the ages shown. */
  at: number;
}

const caseKey = (c: CaseRecord) => c.id;
const taskKey = (t: TaskItem) => t.id;

function sources(api: ConsoleApi, pageSize: number, order: TaskOrder = 'opened'): { mine: FetchPage<TaskItem>; queues: FetchPage<TaskItem>; cases: FetchPage<CaseRecord> } {
  const page = (cursor: string | null) => ({ limit: String(pageSize), cursor: cursor ?? '' });
  const sort: Record<string, string> = order === 'due' ? { sort: 'due' } : {};
  return {
    mine: (cursor) => api.tasks({ assignee: 'me', ...sort, ...page(cursor) }),
    queues: (cursor) => api.tasks({ unassigned: 'true', ...sort, ...page(cursor) }),
    // the server leaves the closed cases out, so that every page is a page of open cases
    cases: (cursor) => api.cases({ status: 'open', ...page(cursor) }),
  };
}

/** `known` plus the cases of `tasks` that are not in it, fetched one by one (a task's case may be on a page not loaded). */
async function withCasesOf(api: ConsoleApi, tasks: readonly TaskItem[], known: ReadonlyMap<string, CaseRecord>): Promise<Map<string, CaseRecord>> {
  const missing = [...new Set(tasks.map((t) => t.caseId))].filter((id) => !known.has(id));
  const fetched = await Promise.all(missing.map((id) => api.getCase(id)));
  return new Map([...known, ...fetched.flatMap((r): [string, CaseRecord][] => (r.ok ? [[r.value.id, r.value]] : []))]);
}

/**
 * Every list from its start; given what was loaded before, as many items of each as then, so that a
 * refresh keeps the rows in view. A string is the problem that stopped it.
 */
export async function loadInbox(api: ConsoleApi, pageSize: number, before: InboxLists | null, at: number, order: TaskOrder = 'opened'): Promise<InboxLists | string> {
  const src = sources(api, pageSize, order);
  const [mine, queues, cases] = await Promise.all([
    loadPages(src.mine, before?.mine.items.length ?? 0, taskKey),
    loadPages(src.queues, before?.queues.items.length ?? 0, taskKey),
    loadPages(src.cases, before?.cases.items.length ?? 0, caseKey),
  ]);
  if (!mine.ok) return mine.message;
  if (!queues.ok) return queues.message;
  if (!cases.ok) return cases.message;
  const byId = await withCasesOf(api, [...mine.value.items, ...queues.value.items], new Map(cases.value.items.map((c) => [c.id, c])));
  return { mine: mine.value, queues: queues.value, cases: cases.value, byId, at };
}

/** The next page of one list (with the cases of its tasks). */
export async function loadMoreOf(api: ConsoleApi, pageSize: number, lists: InboxLists, tab: Tab, order: TaskOrder = 'opened'): Promise<InboxLists | string> {
  const src = sources(api, pageSize, order);
  if (tab === 'cases') {
    const r = await loadMore(lists.cases, src.cases, caseKey);
    return r.ok ? { ...lists, cases: r.value, byId: new Map([...lists.byId, ...r.value.items.map((c): [string, CaseRecord] => [c.id, c])]) } : r.message;
  }
  const r = await loadMore(lists[tab], src[tab], taskKey);
  return r.ok ? { ...lists, [tab]: r.value, byId: await withCasesOf(api, r.value.items, lists.byId) } : r.message;
}
