// The inbox's paging: the pages of a list followed by their cursor, "Load more", a refresh that keeps
// what was loaded, the cases of tasks on pages not loaded, the rows of each tab and the line under them.
import { describe, expect, it } from 'vitest';
import { appendPage, listSummary, loadMore, loadPages, type Page } from '../../../designer/src/console/paging.ts';
import { loadInbox, loadMoreOf, type InboxLists } from '../../../designer/src/console/inbox-lists.ts';
import { inboxRows } from '../../../designer/src/console/inbox-rows.ts';
import type { CaseRecord, Result, TaskItem, ConsoleApi } from '../../../designer/src/console/console-api.ts';

/** A list served in pages of `limit`, the cursor being the offset, as the API serves its lists. */
function serve<T>(all: readonly T[], query: Record<string, string>): Result<Page<T>> {
  const from = Number(query.cursor || '0');
  const to = from + Number(query.limit);
  return { ok: true, value: { items: all.slice(from, to), nextCursor: to < all.length ? String(to) : null } };
}

const kase = (n: number, closed = false): CaseRecord =>
  ({ id: `C-${n}`, caseType: 'complaint', state: 'triage', priority: 'normal', queue: null, channel: n === 3 ? 'phone' : n === 1 ? null : 'api', createdAt: `2026-01-05T09:${String(n).padStart(2, '0')}:00Z`, closedAt: closed ? '2026-01-06T09:00:00Z' : null, slas: [], tasks: [], data: {} }) as unknown as CaseRecord;
const task = (n: number, caseN: number, assignee: string | null, queue = 'triage'): TaskItem =>
  ({ id: `T-${n}`, caseId: `C-${caseN}`, title: 'Classify', queue, role: null, assignee, dueAt: null }) as unknown as TaskItem;

/** The API over fixed cases and tasks (`status=open`: only the cases not closed); `calls` records each request. */
function fakeApi(cases: CaseRecord[], tasks: TaskItem[]) {
  const calls: string[] = [];
  const api = {
    async cases(q: Record<string, string>) {
      calls.push(`cases ${q.status ?? 'all'} ${q.cursor || '-'}`);
      return serve(q.status === 'open' ? cases.filter((c) => c.closedAt === null) : cases, q);
    },
    async tasks(q: Record<string, string>) {
      calls.push(`tasks ${q.assignee ? 'mine' : 'queues'} ${q.cursor || '-'}`);
      return serve(tasks.filter((t) => (q.assignee === 'me' ? t.assignee === 'alice' : t.assignee === null)), q);
    },
    async getCase(id: string): Promise<Result<CaseRecord>> {
      calls.push(`case ${id}`);
      const found = cases.find((c) => c.id === id);
      return found ? { ok: true, value: found } : { ok: false, status: 404, code: 'case.not_found', message: 'no such case', problems: [] };
    },
  } as unknown as ConsoleApi;
  return { api, calls };
}

const byId = (x: { id: string }) => x.id;

describe('paging', () => {
  it('appends a page without repeating what is loaded, and follows the cursor to the end', async () => {
    expect(appendPage({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: '2' }, { items: [{ id: 'b' }, { id: 'c' }], nextCursor: null }, byId)).toEqual({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], nextCursor: null });
    const all = [1, 2, 3, 4, 5].map((n) => ({ id: String(n) }));
    const fetch = async (cursor: string | null) => serve(all, { limit: '2', cursor: cursor ?? '' });
    const first = await loadPages(fetch, 0, byId);
    expect(first).toEqual({ ok: true, value: { items: all.slice(0, 2), nextCursor: '2' } });
    const second = await loadMore(first.ok ? first.value : { items: [], nextCursor: null }, fetch, byId);
    expect(second).toEqual({ ok: true, value: { items: all.slice(0, 4), nextCursor: '4' } });
    // a reload of 3 items takes two pages; of everything, three
    expect(await loadPages(fetch, 3, byId)).toEqual({ ok: true, value: { items: all.slice(0, 4), nextCursor: '4' } });
    expect(await loadPages(fetch, 99, byId)).toEqual({ ok: true, value: { items: all, nextCursor: null } });
  });

  it('stops at the first failed page, also after pages that loaded', async () => {
    const failure: Result<Page<{ id: string }>> = { ok: false, status: 500, code: 'http.500', message: 'down', problems: [] };
    expect(await loadPages(async () => failure, 0, byId)).toBe(failure);
    // the second page fails: the failure comes back, not the first page as if it were all
    const all = [1, 2, 3, 4, 5].map((n) => ({ id: String(n) }));
    const cursors: (string | null)[] = [];
    const secondFails = async (cursor: string | null) => {
      cursors.push(cursor);
      return cursor === null ? serve(all, { limit: '2', cursor: '' }) : failure;
    };
    expect(await loadPages(secondFails, 99, byId)).toBe(failure);
    expect(cursors).toEqual([null, '2']);
  });

  it('says how much of the list is shown, and that sorting sees only the loaded part while there is more', () => {
    expect(listSummary(3, 50, true, 'cases')).toBe('Showing 3 of the first 50 cases. Sorting and filters apply to these 50 only: load more to include the rest.');
    expect(listSummary(3, 7, false, 'cases')).toBe('Showing 3 of 7 cases, all there are.');
  });
});

describe('the inbox lists, in pages of 2', () => {
  const cases = [1, 2, 3, 4, 5].map((n) => kase(n, n === 2));
  const tasks = [task(1, 1, 'alice'), task(2, 5, null), task(3, 4, null, 'elsewhere'), task(4, 3, null)];
  const open = { tab: 'cases' as const, sort: 'age' as const, filter: { caseType: '', state: '', queue: '', channel: '' }, mayClaim: (t: TaskItem) => t.queue === 'triage' };

  it('loads a page of each list, the open cases only, with the cases of tasks whose case is on a later page', async () => {
    const { api, calls } = fakeApi(cases, tasks);
    const lists = (await loadInbox(api, 2, null, 0)) as InboxLists;
    // the closed C-2 is not on the page: a page of 2 is 2 open cases
    expect(calls.filter((c) => c.startsWith('cases'))).toEqual(['cases open -']);
    expect(lists.cases.items.map(byId)).toEqual(['C-1', 'C-3']);
    expect(lists.queues.items.map(byId)).toEqual(['T-2', 'T-3']);
    expect(calls.filter((c) => c.startsWith('case '))).toEqual(['case C-5', 'case C-4']);
    expect(inboxRows(lists, open)).toMatchObject({ loaded: 2, more: true });
    expect(inboxRows(lists, open).rows.map((r) => r.caseId)).toEqual(['C-1', 'C-3']);
    const queue = inboxRows(lists, { ...open, tab: 'queues' });
    expect([queue.rows.map((r) => r.task?.id), queue.loaded, queue.more]).toEqual([['T-2'], 2, true]);
    expect(inboxRows(lists, { ...open, tab: 'mine' }).rows.map((r) => r.task?.id)).toEqual(['T-1']);
    // by channel: C-3 came by phone, C-1 through the API (a case stored without one counts as api)
    const byChannel = (channel: string) => inboxRows(lists, { ...open, filter: { ...open.filter, channel } }).rows.map((r) => r.caseId);
    expect([byChannel('phone'), byChannel('api'), byChannel('letter')]).toEqual([['C-3'], ['C-1'], []]);
  });

  it('loads more of one list, then a refresh reloads as many as were loaded', async () => {
    const { api, calls } = fakeApi(cases, tasks);
    let lists = (await loadInbox(api, 2, null, 0)) as InboxLists;
    lists = (await loadMoreOf(api, 2, lists, 'cases')) as InboxLists;
    expect([lists.cases.items.length, lists.cases.nextCursor]).toEqual([4, null]);
    expect(inboxRows(lists, open)).toMatchObject({ loaded: 4, more: false });
    expect(inboxRows(lists, open).rows.map((r) => r.caseId)).toEqual(['C-1', 'C-3', 'C-4', 'C-5']);
    lists = (await loadMoreOf(api, 2, lists, 'queues')) as InboxLists;
    expect(inboxRows(lists, { ...open, tab: 'queues' }).rows.map((r) => r.task?.id)).toEqual(['T-4', 'T-2']); // oldest case first
    calls.length = 0;
    const again = (await loadInbox(api, 2, lists, 1)) as InboxLists;
    expect([again.cases.items.length, again.queues.items.length, again.mine.items.length]).toEqual([4, 3, 1]);
    expect(calls.filter((c) => c.startsWith('cases'))).toEqual(['cases open -', 'cases open 2']);
    expect(calls.filter((c) => c.startsWith('case '))).toEqual([]);
  });

  it('gives the first problem instead of lists', async () => {
    const { api } = fakeApi(cases, tasks);
    const broken = { ...api, cases: async () => ({ ok: false, status: 401, code: 'http.401', message: 'sign in again', problems: [] }) } as ConsoleApi;
    expect(await loadInbox(broken, 2, null, 0)).toBe('sign in again');
  });
});
