// The inbox: my tasks, my queues' unclaimed tasks, all open cases; sorted by SLA due, priority or age;
// filtered by case type, state and queue; claim and release.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import { getAt } from '../form/data-path.ts';
import { SlaBadges } from './SlaBadges.tsx';
import { myQueues, type WorkContext } from './use-work-context.ts';
import type { CaseRecord, TaskItem, WorkApi } from './work-api.ts';
import { mostUrgentSla, sortRows, stateIds, stateLabel, type SortKey } from './work-model.ts';

type Tab = 'mine' | 'queues' | 'cases';

interface Row {
  caseId: string;
  createdAt: string;
  priority: string;
  slas: CaseRecord['slas'];
  kase: CaseRecord;
  task: TaskItem | null;
}

const TABS: [Tab, string][] = [
  ['mine', 'My tasks'],
  ['queues', "My queues' unclaimed tasks"],
  ['cases', 'All open cases'],
];

function customerName(kase: CaseRecord, def: CaseType | undefined): string {
  const pointer = def?.customer?.name;
  const value = pointer === undefined ? undefined : getAt(kase.data, pointer);
  return typeof value === 'string' ? value : '—';
}

function age(from: string, now: number): string {
  const min = Math.max(0, Math.round((now - Date.parse(from)) / 60000));
  if (min < 60) return `${min} min`;
  if (min < 48 * 60) return `${Math.floor(min / 60)} h ${min % 60} min`;
  return `${Math.floor(min / 1440)} d`;
}

export function Inbox({ api, ctx }: { api: WorkApi; ctx: WorkContext }) {
  const [tab, setTab] = useState<Tab>('mine');
  const [sort, setSort] = useState<SortKey>('sla');
  const [filter, setFilter] = useState({ caseType: '', state: '', queue: '' });
  const [data, setData] = useState<{ cases: CaseRecord[]; tasks: TaskItem[]; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queues = useMemo(() => myQueues(ctx), [ctx]);

  const load = useCallback(async () => {
    const [cases, tasks] = await Promise.all([api.cases({ limit: '200' }), api.tasks({})]);
    if (!cases.ok) return setError(cases.message);
    if (!tasks.ok) return setError(tasks.message);
    setError(null);
    setData({ cases: cases.value.items, tasks: tasks.value, at: Date.now() });
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const claimOrRelease = async (task: TaskItem, claim: boolean) => {
    const r = claim ? await api.claim(task.id) : await api.release(task.id);
    if (!r.ok) setError(r.message);
    await load();
  };

  const rows = useMemo((): Row[] => {
    if (!data) return [];
    const byId = new Map(data.cases.map((c) => [c.id, c]));
    const holds = (t: TaskItem) => queues.has(t.queue ?? '') || (t.queue === null && t.role !== null && (ctx.me.roles.includes(t.role) || ctx.me.roles.includes('admin')));
    let out: Row[];
    if (tab === 'cases') {
      out = data.cases.filter((c) => c.closedAt === null).map((c) => ({ caseId: c.id, createdAt: c.createdAt, priority: c.priority, slas: c.slas, kase: c, task: null }));
    } else {
      const tasks = data.tasks.filter((t) => (tab === 'mine' ? t.assignee === ctx.me.name : t.assignee === null && holds(t)));
      out = tasks.flatMap((t) => {
        const c = byId.get(t.caseId);
        return c ? [{ caseId: c.id, createdAt: c.createdAt, priority: c.priority, slas: c.slas, kase: c, task: t }] : [];
      });
    }
    out = out.filter(
      (r) =>
        (filter.caseType === '' || r.kase.caseType === filter.caseType) &&
        (filter.state === '' || stateIds(r.kase.state).includes(filter.state)) &&
        (filter.queue === '' || (r.task?.queue ?? r.kase.queue) === filter.queue),
    );
    return sortRows(out, sort);
  }, [data, tab, sort, filter, queues, ctx]);

  const types = [...ctx.types.values()];
  const stateOptions = useMemo(() => [...new Set((data?.cases ?? []).flatMap((c) => stateIds(c.state)))].sort(), [data]);
  const queueOptions = useMemo(() => [...new Set(types.flatMap((d) => Object.keys(d.queues ?? {})))].sort(), [types]);

  return (
    <section aria-labelledby="inbox-title">
      <div className="page-header">
        <h1 id="inbox-title">Inbox</h1>
        <div className="button-row">
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
          <button type="button" onClick={() => navigate('/work/new')}>
            New case
          </button>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Work lists">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="work-filters">
        <span className="filter">
          <label htmlFor="inbox-sort">Sort by</label>{' '}
          <select id="inbox-sort" value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="sla">SLA due</option>
            <option value="priority">Priority</option>
            <option value="age">Age (oldest first)</option>
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-case-type">Case type</label>{' '}
          <select id="inbox-case-type" value={filter.caseType} onChange={(e) => setFilter({ ...filter, caseType: e.target.value })}>
            <option value="">All</option>
            {types.map((d) => (
              <option key={d.key} value={d.key}>
                {d.title}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-state">State</label>{' '}
          <select id="inbox-state" value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value })}>
            <option value="">All</option>
            {stateOptions.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor="inbox-queue">Queue</label>{' '}
          <select id="inbox-queue" value={filter.queue} onChange={(e) => setFilter({ ...filter, queue: e.target.value })}>
            <option value="">All</option>
            {queueOptions.map((q) => (
              <option key={q} value={q}>
                {q}
                {queues.has(q) ? ' (mine)' : ''}
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
      {!data ? (
        <p role="status">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">{tab === 'mine' ? 'No tasks are claimed by you.' : tab === 'queues' ? 'No unclaimed tasks wait in your queues.' : 'No open cases.'}</p>
      ) : (
        <table className="work-table" aria-label={TABS.find(([id]) => id === tab)?.[1]}>
          <thead>
            <tr>
              <th>Case</th>
              <th>Customer</th>
              <th>{tab === 'cases' ? 'Type' : 'Task'}</th>
              <th>State</th>
              <th>Priority</th>
              <th>Queue</th>
              <th>Assignee</th>
              <th>SLA</th>
              <th>Age</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const def = ctx.types.get(r.kase.caseType);
              return (
                <tr key={r.task?.id ?? r.caseId} data-case={r.caseId} data-due={mostUrgentSla(r.slas)?.remainingMs ?? ''} data-created={r.createdAt}>
                  <td>
                    <a
                      href={`/work/cases/${r.caseId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/work/cases/${encodeURIComponent(r.caseId)}`);
                      }}
                    >
                      {r.caseId}
                    </a>
                  </td>
                  <td>{customerName(r.kase, def)}</td>
                  <td>{r.task ? r.task.title : (def?.title ?? r.kase.caseType)}</td>
                  <td>{stateLabel(r.kase.state, def)}</td>
                  <td className={`priority priority-${r.priority}`}>{r.priority}</td>
                  <td>{r.task?.queue ?? r.kase.queue ?? '—'}</td>
                  <td>{r.task ? (r.task.assignee ?? 'unclaimed') : (r.kase.assignee ?? '—')}</td>
                  <td>
                    <SlaBadges slas={r.slas.filter((s) => s.closedAt === null)} />
                  </td>
                  <td>{age(r.createdAt, data.at)}</td>
                  <td>
                    {r.task && r.task.assignee === null ? (
                      <button type="button" onClick={() => void claimOrRelease(r.task as TaskItem, true)}>
                        Claim
                      </button>
                    ) : r.task && r.task.assignee === ctx.me.name ? (
                      <button type="button" onClick={() => void claimOrRelease(r.task as TaskItem, false)}>
                        Release
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
