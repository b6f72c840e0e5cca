// The inbox: my tasks, my queues' unclaimed tasks, all open cases; sorted by SLA due, priority or age;
// filtered by case type, state, queue and channel; claim and release. Each list is paged: "Load more" follows the
// API's cursor, and the line under the list says what sorting and filters can see.
import { useContext, useMemo, useState } from 'react';
import { SignedInUser } from '../app/signed-in-user.ts';
import { navigate } from '../app/router.ts';
import { InboxTable } from './InboxTable.tsx';
import { inboxRows, type InboxFilter } from './inbox-rows.ts';
import { listSummary } from './paging.ts';
import type { Tab } from './inbox-lists.ts';
import { useInboxLists } from './use-inbox-lists.ts';
import { myQueues, type ConsoleContext } from './use-console-context.ts';
import type { TaskItem, ConsoleApi } from './console-api.ts';
import { stateIds, type SortKey } from './console-model.ts';
import { FilterSelect } from './FilterSelect.tsx';
import { CHANNELS } from '../../../runtime/engine/index.ts';
import { titledOptions } from '../model/pick-options.ts';
import { queueTitle, stateTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';
import { OffersPanel } from './OffersPanel.tsx';

/** Each tab's title, what its list holds (as counted under it) and what it says when empty: keys of console.inbox. */
const TABS: [Tab, { title: string; noun: string; empty: string }][] = [
  ['mine', { title: 'tabMine', noun: 'nounMine', empty: 'emptyMine' }],
  ['queues', { title: 'tabQueues', noun: 'nounQueues', empty: 'emptyQueues' }],
  ['cases', { title: 'tabCases', noun: 'nounCases', empty: 'emptyCases' }],
];

export function Inbox({ api, ctx }: { api: ConsoleApi; ctx: ConsoleContext }) {
  const forPartner = useContext(SignedInUser)?.partner !== undefined;
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.inbox.${key}`, values);
  const [tab, setTab] = useState<Tab>('mine');
  const [sort, setSort] = useState<SortKey>('sla');
  const [filter, setFilter] = useState<InboxFilter>({ caseType: '', state: '', queue: '', channel: '' });
  // sorted by due time, the task lists come from the server in that order, so each page holds the soonest due
  const { lists: data, error, busy, refresh, more, setError } = useInboxLists(api, sort === 'due' ? 'due' : 'opened');
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
  const types = useMemo(() => [...ctx.types.values()], [ctx.types]);
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
          {forPartner ? null : (
            <button type="button" onClick={() => navigate('/work/new')}>
              {t('newCase')}
            </button>
          )}
        </div>
      </div>
      <OffersPanel onTaken={() => void refresh()} />
      <div className="tabs" role="tablist" aria-label={t('lists')}>
        {TABS.map(([id, keys]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(keys.title)}
          </button>
        ))}
      </div>
      <div className="work-filters">
        <FilterSelect
          id="inbox-sort"
          label={t('sortBy')}
          value={sort}
          onChange={(v) => setSort(v as SortKey)}
          options={[
            { value: 'sla', label: t('sortSla') },
            { value: 'priority', label: t('sortPriority') },
            { value: 'age', label: t('sortAge') },
            { value: 'due', label: words.t('due.sortDue') },
          ]}
        />
        <FilterSelect
          id="inbox-case-type"
          label={t('caseType')}
          value={filter.caseType}
          onChange={(caseType) => setFilter({ ...filter, caseType })}
          options={[{ value: '', label: t('all') }, ...titledOptions(types.map((d) => ({ value: d.key, title: d.title })))]}
        />
        <FilterSelect
          id="inbox-state"
          label={t('state')}
          value={filter.state}
          onChange={(state) => setFilter({ ...filter, state })}
          options={[{ value: '', label: t('all') }, ...stateOptions.map((s) => ({ value: s, label: stateTitle(types, s) }))]}
        />
        <FilterSelect
          id="inbox-queue"
          label={t('queue')}
          value={filter.queue}
          onChange={(queue) => setFilter({ ...filter, queue })}
          options={[{ value: '', label: t('all') }, ...queueOptions.map((q) => ({ value: q, label: `${queueTitle(types, q)}${queues.has(q) ? t('mine') : ''}` }))]}
        />
        <FilterSelect
          id="inbox-channel"
          label={t('channel')}
          value={filter.channel}
          onChange={(channel) => setFilter({ ...filter, channel })}
          options={[{ value: '', label: t('all') }, ...CHANNELS.map((c) => ({ value: c, label: words.t(`console.channel.${c}`) }))]}
        />
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
