// The inbox: my tasks, my queues' unclaimed tasks, all open cases; sorted by SLA due, priority or age;
// filtered by case type, state and queue; claim and release. Each list is paged: "Load more" follows the
// API's cursor, and the line under the list says what sorting and filters can see.
import { useMemo, useState } from 'react';
import { navigate } from '../app/router.ts';
import { InboxTable } from './InboxTable.tsx';
import { inboxRows, type InboxFilter } from './inbox-rows.ts';
import { listSummary } from './paging.ts';
import type { Tab } from './inbox-lists.ts';
import { useInboxLists } from './use-inbox-lists.ts';
import { myQueues, type ConsoleContext } from './use-console-context.ts';
import type { TaskItem, ConsoleApi } from './console-api.ts';
import { stateIds, type SortKey } from './console-model.ts';
import { queueTitle, stateTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';

/** Each tab's title, what its list holds (as counted under it) and what it says when empty: keys of console.inbox. */
const TABS: [Tab, { title: string; noun: string; empty: string }][] = [
  ['mine', { title: 'tabMine', noun: 'nounMine', empty: 'emptyMine' }],
  ['queues', { title: 'tabQueues', noun: 'nounQueues', empty: 'emptyQueues' }],
  ['cases', { title: 'tabCases', noun: 'nounCases', empty: 'emptyCases' }],
];

export function Inbox({ api, ctx }: { api: ConsoleApi; ctx: ConsoleContext }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.inbox.${key}`, values);
  const [tab, setTab] = useState<Tab>('mine');
  const [sort, setSort] = useState<SortKey>('sla');
  const [filter, setFilter] = useState<InboxFilter>({ caseType: '', state: '', queue: '' });
  const { lists: data, error, busy, refresh, more, setError } = useInboxLists(api);
  const queues = useMemo(() => myQueues(ctx), [ctx]);

  const claimOrRelease = async (task: TaskItem, claim: boolean) => {
    const r = claim ? await api.claim(task.id) : await api.release(task.id);
    await refresh();
    if (!r.ok) setError(r.message);
  };

  const view = useMemo(() => {
    if (!data) return null;
    const mayClaim = (t: TaskItem) => queues.has(t.queue ?? '') || (t.queue === null && t.role !== null && (ctx.me.roles.includes(t.role) || ctx.me.roles.includes('admin')));
    return inboxRows(data, { tab, sort, filter, mayClaim });
  }, [data, tab, sort, filter, queues, ctx]);

  const current = TABS.find(([id]) => id === tab)?.[1] ?? { title: 'tabMine', noun: 'nounMine', empty: 'emptyMine' };
  const types = [...ctx.types.values()];
  const stateOptions = useMemo(() => [...new Set([...(data?.byId.values() ?? [])].flatMap((c) => stateIds(c.state)))].sort(), [data]);
  const queueOptions = useMemo(() => [...new Set(types.flatMap((d) => Object.keys(d.queues ?? {})))].sort(), [types]);

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-header">
        <h1 id="inbox-title">{t('title')}</h1>
        <div className="button-row">
          <button type="button" onClick={() => void refresh()} disabled={busy}>
            {t('refresh')}
          </button>
          <button type="button" onClick={() => navigate('/work/new')}>
            {t('newCase')}
          </button>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('lists')}>
        {TABS.map(([id, keys]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(keys.title)}
          </button>
        ))}
      </div>
      <div className="work-filters">
        <span className="filter">
          <label htmlFor="inbox-sort">{t('sortBy')}</label>{' '}
          <select id="inbox-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="sla">{t('sortSla')}</option>
            <option value="priority">{t('sortPriority')}</option>
            <option value="age">{t('sortAge')}</option>
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-case-type">{t('caseType')}</label>{' '}
          <select id="inbox-case-type" value={filter.caseType} onChange={(e) => setFilter({ ...filter, caseType: e.target.value })}>
            <option value="">{t('all')}</option>
            {types.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-state">{t('state')}</label>{' '}
          <select id="inbox-state" value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value })}>
            <option value="">{t('all')}</option>
            {stateOptions.map((s) => (
              <option key={s} value={s}>
                {stateTitle(types, s)}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-queue">{t('queue')}</label>{' '}
          <select id="inbox-queue" value={filter.queue} onChange={(e) => setFilter({ ...filter, queue: e.target.value })}>
            <option value="">{t('all')}</option>
            {queueOptions.map((q) => (
              <option key={q} value={q}>
                {queueTitle(types, q)}
                {queues.has(q) ? t('mine') : ''}
              </option>
            ))}
          </select>
        </span>
      </div>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {!view || !data ? (
        <p role="status">{words.t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite" data-testid="list-summary">
            {listSummary(view.rows.length, view.loaded, view.more, t(current.noun), words)}
          </p>
          {view.rows.length === 0 ? (
            <p className="muted">{t(current.empty)}</p>
          ) : (
            <InboxTable label={t(current.title)} casesTab={tab === 'cases'} rows={view.rows} ctx={ctx} at={data.at} claimOrRelease={(t, claim) => void claimOrRelease(t, claim)} />
          )}
          {view.more ? (
            <button type="button" onClick={() => void more(tab)} disabled={busy}>
              {t('loadMore')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
