// The process map at /work/reports/process-map (docs/reports.md, Process map): for a case type, the paths its
// cases took (GET /api/reports/process-map) drawn over its playbook, filtered like the dashboards (time window,
// case type, version, queue, channel); an Edges table beside the canvas with a button per edge, which (as a
// click on the canvas) lists that edge's cases (GET /api/reports/process-map/cases) with links into the console.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseType, StateNode } from '../../../schemas/generated/case-type.ts';
import { navigate, useLocationSearch } from '../app/router.ts';
import { formatDateTime, formatNumber } from '../i18n/index.ts';
import { useI18n, useWords } from '../i18n/use-words.ts';
import { titledOptions } from '../model/pick-options.ts';
import { queueTitle } from '../model/titles.ts';
import { apiCaller, type ConsoleApi } from './console-api.ts';
import { FilterSelect } from './FilterSelect.tsx';
import { ProcessMapCanvas } from './ProcessMapCanvas.tsx';
import { channelWords } from './reasons-report.ts';
import { duration, edgeKey, edgeLabel, eventTitle, mapFiltersSearch, parseMapFilters, stateTitle, windowFrom, WINDOWS, type MapCase, type MapEdgeKey, type MapFilters, type ProcessMap } from './process-map.ts';
import type { ConsoleContext } from './use-console-context.ts';

const CHANNELS = ['email', 'web', 'phone', 'letter', 'chat', 'api'];
const PAGE = 25;

/** The queues of a case type: those it declares and those its states send their tasks to, in document order. */
function queuesOf(def: CaseType | undefined): string[] {
  const out = new Set<string>(Object.keys(def?.queues ?? {}));
  const visit = (states: Record<string, StateNode | undefined> | undefined) => {
    for (const node of Object.values(states ?? {})) {
      const queue = (node?.task as { queue?: unknown } | undefined)?.queue;
      if (typeof queue === 'string') out.add(queue);
      visit(node?.states);
    }
  };
  visit(def?.playbook.states);
  return [...out];
}

function query(values: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') q.set(k, v);
  return `?${q.toString()}`;
}

export function ProcessMapPage({ token, api, ctx }: { token: string; api: ConsoleApi; ctx: ConsoleContext }) {
  const words = useWords();
  const i18n = useI18n();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`processMap.${key}`, values);
  const call = useMemo(() => apiCaller(token, (key, values) => i18n.t(key, values ?? {})), [token, i18n]);
  const types = useMemo(() => [...ctx.types.values()], [ctx.types]);
  // the filters live in the address (a link from the reports area names the case type; Back undoes a change)
  const search = useLocationSearch();
  const asked = useMemo(() => parseMapFilters(search), [search]);
  const caseType = asked.caseType === '' ? (types[0]?.key ?? '') : asked.caseType;
  const { days, version, queue, channel } = asked;
  const set = (change: Partial<MapFilters>) => navigate(`/work/reports/process-map${mapFiltersSearch({ ...asked, caseType, ...change })}`);
  const [latest, setLatest] = useState<Record<string, number>>({});
  const [design, setDesign] = useState<CaseType | null>(null);
  const [map, setMap] = useState<ProcessMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<MapEdgeKey | null>(null);
  const [cases, setCases] = useState<{ items: MapCase[]; nextCursor: string | null } | null>(null);
  // the latest request for an edge's cases: a reply to an earlier one (another edge, other filters) is dropped
  const casesRequest = useRef(0);
  // the window's start, fixed when the filters change (not on every render)
  const from = useMemo(() => windowFrom(days, Date.now()), [days, caseType, version, queue, channel]);
  const filters = useMemo(() => ({ caseType, from, version, queue, channel }), [caseType, from, version, queue, channel]);
  const def = design ?? ctx.types.get(caseType);

  useEffect(() => {
    void api.caseTypes().then((r) => {
      if (r.ok) setLatest(Object.fromEntries(r.value.flatMap((s) => (s.latestVersion === null ? [] : [[s.key, s.latestVersion]]))));
    });
  }, [api]);

  // the design the map is set against: the version asked for, else the latest
  useEffect(() => {
    setDesign(null);
    if (caseType === '' || version === '') return;
    let live = true;
    void api.caseType(caseType, Number(version)).then((r) => {
      if (live && r.ok) setDesign(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, caseType, version]);

  useEffect(() => {
    if (caseType === '') return;
    let live = true;
    casesRequest.current += 1;
    setMap(null);
    setPicked(null);
    setCases(null);
    void call<ProcessMap>('GET', `/api/reports/process-map${query(filters)}`).then((r) => {
      if (!live) return;
      if (r.ok) {
        setMap(r.value);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [call, filters, caseType]);

  const loadCases = (edge: MapEdgeKey, cursor: string | null) => {
    const request = ++casesRequest.current;
    void call<{ items: MapCase[]; nextCursor: string | null }>('GET', `/api/reports/process-map/cases${query({ ...filters, ...edge, limit: String(PAGE), cursor: cursor ?? undefined })}`).then((r) => {
      if (request !== casesRequest.current) return;
      if (!r.ok) return setError(r.message);
      setCases((before) => ({ items: [...(cursor === null ? [] : (before?.items ?? [])), ...r.value.items], nextCursor: r.value.nextCursor }));
    });
  };
  const pick = (edge: MapEdgeKey) => {
    setPicked(edge);
    setCases(null);
    loadCases(edge, null);
  };

  const state = (key: string) => (def ? stateTitle(def, key) : key);
  const event = (name: string) => (def ? eventTitle(def, name, words) : name);
  const versions = Array.from({ length: latest[caseType] ?? 0 }, (_, i) => String(i + 1));
  const queues = queuesOf(def);
  const empty = map !== null && map.edges.length === 0 && map.starts.length === 0;

  return (
    <section aria-labelledby="process-map-title" className="process-map">
      <h1 id="process-map-title">{t('title')}</h1>
      <div className="work-filters">
        <FilterSelect id="pm-window" label={t('window')} value={days} onChange={(v) => set({ days: v })} options={WINDOWS.map((d) => ({ value: d, label: d === '' ? t('allTime') : t('lastDays', { count: Number(d) }) }))} />
        <FilterSelect
          id="pm-case-type"
          label={t('caseType')}
          value={caseType}
          onChange={(v) => set({ caseType: v, version: '', queue: '' })}
          options={titledOptions(types.map((d) => ({ value: d.key, title: d.title })))}
        />
        <FilterSelect id="pm-version" label={t('version')} value={version} onChange={(v) => set({ version: v })} options={[{ value: '', label: t('allVersions') }, ...versions.map((v) => ({ value: v, label: t('versionN', { n: v }) }))]} />
        <FilterSelect id="pm-queue" label={t('queue')} value={queue} onChange={(v) => set({ queue: v })} options={[{ value: '', label: t('allQueues') }, ...queues.map((q) => ({ value: q, label: queueTitle([def, ...types], q) }))]} />
        <FilterSelect id="pm-channel" label={t('channel')} value={channel} onChange={(v) => set({ channel: v })} options={[{ value: '', label: t('allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: channelWords(c, words) }))]} />
      </div>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {map === null || def === undefined ? (
        error ? null : <p role="status">{words.t('common.loading')}</p>
      ) : empty ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          {map.slowest ? (
            <p className="pm-slowest-sentence">
              {t('slowest', { event: event(map.slowest.event), source: state(map.slowest.source), target: state(map.slowest.target), median: duration(map.slowest.medianMs, words) })}
            </p>
          ) : null}
          <div className="pm-layout">
            <ProcessMapCanvas def={def} map={map} picked={picked ? edgeKey(picked) : null} onPick={pick} />
            <table className="work-table pm-edges" aria-label={t('edges')}>
              <caption>{t('edges')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('from')}</th>
                  <th scope="col">{t('event')}</th>
                  <th scope="col">{t('to')}</th>
                  <th scope="col">{t('taken')}</th>
                  <th scope="col">{t('cases')}</th>
                  <th scope="col">{t('median')}</th>
                  <th scope="col">{t('p90')}</th>
                  <th scope="col">{t('marks')}</th>
                </tr>
              </thead>
              <tbody>
                {map.edges.map((e) => {
                  const key = edgeKey(e);
                  const marks = [e.loop ? t('loop') : '', map.slowest && edgeKey(map.slowest) === key ? t('slowestMark') : '', e.designed ? '' : t('notDesigned')].filter(Boolean).join(', ');
                  return (
                    <tr key={key} className={picked !== null && edgeKey(picked) === key ? 'pm-picked-row' : undefined}>
                      <td>{state(e.source)}</td>
                      <td>
                        <button type="button" className="link" aria-label={t('showCases', { event: event(e.event), source: state(e.source), target: state(e.target) })} title={edgeLabel(e, words)} onClick={() => pick(e)}>
                          {event(e.event)}
                        </button>
                      </td>
                      <td>{state(e.target)}</td>
                      <td data-count={e.count}>{formatNumber(e.count, words.language)}</td>
                      <td>{formatNumber(e.cases, words.language)}</td>
                      <td>{duration(e.medianMs, words)}</td>
                      <td>{duration(e.p90Ms, words)}</td>
                      <td>{marks}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h2>{t('neverTaken')}</h2>
          {map.neverTaken.length === 0 ? (
            <p className="muted">{t('allTaken')}</p>
          ) : (
            <ul aria-label={t('neverTaken')}>
              {map.neverTaken.map((e) => (
                <li key={edgeKey(e)}>{t('transition', { event: event(e.event), source: state(e.source), target: state(e.target) })}</li>
              ))}
            </ul>
          )}
          {picked ? (
            <section aria-labelledby="pm-cases-title">
              <h2 id="pm-cases-title">{t('casesOf', { event: event(picked.event), source: state(picked.source), target: state(picked.target) })}</h2>
              {cases === null ? (
                <p role="status">{words.t('common.loading')}</p>
              ) : (
                <>
                  <table className="work-table" aria-label={t('casesTable')}>
                    <thead>
                      <tr>
                        <th scope="col">{t('case')}</th>
                        <th scope="col">{t('when')}</th>
                        <th scope="col">{t('howLong')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {cases.items.map((c) => (
                        <tr key={`${c.caseId}:${c.seq}`}>
                          <td>
                            <a
                              href={`/work/cases/${encodeURIComponent(c.caseId)}`}
                              onClick={(ev) => {
                                ev.preventDefault();
                                navigate(`/work/cases/${encodeURIComponent(c.caseId)}`);
                              }}
                            >
                              {c.reference ?? t('unnumbered')}
                            </a>
                          </td>
                          <td>{formatDateTime(c.at, words.language)}</td>
                          <td>{duration(c.ms, words)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {cases.nextCursor ? (
                    <button type="button" onClick={() => loadCases(picked, cases.nextCursor)}>
                      {t('more')}
                    </button>
                  ) : null}
                </>
              )}
            </section>
          ) : (
            <p className="muted">{t('pickHint')}</p>
          )}
        </>
      )}
    </section>
  );
}
