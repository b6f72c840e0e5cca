// Cursor paging of the API's lists (`{ items, nextCursor }`, docs/api-decisions.md) for the worker console: load a
// page more, reload as many as were loaded, and say how much of a list is on screen. Pure, unit-tested.
import type { Result } from './api-result.ts';
import { ENGLISH, type Words } from '../i18n/index.ts';

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null once the list is loaded to its end. */
  nextCursor: string | null;
}

export type FetchPage<T> = (cursor: string | null) => Promise<Result<Page<T>>>;

const EMPTY_PAGE: Page<never> = { items: [], nextCursor: null };

/** Adds a page to what is loaded; an item already there (the list moved between pages) is not shown twice. */
export function appendPage<T>(loaded: Page<T>, page: Page<T>, key: (item: T) => string): Page<T> {
  const seen = new Set(loaded.items.map(key));
  return { items: [...loaded.items, ...page.items.filter((item) => !seen.has(key(item)))], nextCursor: page.nextCursor };
}

/** The next page after what is loaded (nothing to do at the end of the list). */
export async function loadMore<T>(loaded: Page<T>, fetch: FetchPage<T>, key: (item: T) => string): Promise<Result<Page<T>>> {
  if (loaded.nextCursor === null) return { ok: true, value: loaded };
  const r = await fetch(loaded.nextCursor);
  return r.ok ? { ok: true, value: appendPage(loaded, r.value, key) } : r;
}

/** The list from its start, page by page until at least `want` items (a refresh keeps what was loaded). */
export async function loadPages<T>(fetch: FetchPage<T>, want: number, key: (item: T) => string): Promise<Result<Page<T>>> {
  let loaded: Page<T> = EMPTY_PAGE;
  let cursor: string | null = null;
  do {
    const r = await fetch(cursor);
    if (!r.ok) return r;
    loaded = appendPage(loaded, r.value, key);
    cursor = r.value.nextCursor;
  } while (cursor !== null && loaded.items.length < want);
  return { ok: true, value: loaded };
}

/**
 * What a list says under it: how many rows are shown of how many items loaded, and, while the server
 * has more, that sorting and filters only see the loaded items.
 */
export function listSummary(shown: number, loaded: number, more: boolean, noun: string, { t }: Words = ENGLISH): string {
  return t(more ? 'console.inbox.summaryMore' : 'console.inbox.summaryAll', { shown, loaded, noun });
}
