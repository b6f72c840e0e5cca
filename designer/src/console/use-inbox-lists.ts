// The inbox's lists as React state: loaded on mount, refreshed, and paged on "Load more".
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleApi } from './console-api.ts';
import { useWords } from '../i18n/use-words.ts';
import { loadInbox, loadMoreOf, PAGE_SIZE, type InboxLists, type Tab, type TaskOrder } from './inbox-lists.ts';

export function useInboxLists(api: ConsoleApi, taskOrder: TaskOrder = 'opened') {
  const { t } = useWords();
  const [lists, setLists] = useState<InboxLists | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef<InboxLists | null>(null);
  latest.current = lists;

  // only the newest run's answer counts: a slower, older one (another sort order) never overwrites it
  const runs = useRef(0);

  const run = useCallback(async (work: (now: InboxLists | null) => Promise<InboxLists | string>) => {
    const mine = ++runs.current;
    setBusy(true);
    const out = await work(latest.current);
    if (mine !== runs.current) return;
    setBusy(false);
    if (typeof out === 'string') return setError(out);
    setError(null);
    setLists(out);
  }, []);

  /** Reloads every list, keeping as many items of each as were loaded. */
  const refresh = useCallback(() => run((now) => loadInbox(api, PAGE_SIZE, now, Date.now(), taskOrder)), [run, api, taskOrder]);

  /** The next page of one list. */
  const more = useCallback(
    (tab: Tab) => run(async (now) => (now ? loadMoreOf(api, PAGE_SIZE, now, tab, taskOrder) : t('console.inbox.notLoaded'))),
    [run, api, t, taskOrder],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { lists, error, busy, refresh, more, setError };
}
