// The reports area at /work/reports, the page a team lead opens every morning: the filters (kept in the
// address, so a link reopens the same view) over a grid of cards, each a chart with its table, from the report
// routes of docs/reports.md. Loaded lazily by the console (it carries the charting library).
import { useMemo, useState } from 'react';
import type { ConsoleApi } from '../console-api.ts';
import type { ConsoleContext } from '../use-console-context.ts';
import { navigate, useLocationSearch } from '../../app/router.ts';
import { useI18n, useWords } from '../../i18n/use-words.ts';
import { formatDate } from '../../i18n/index.ts';
import { SuggestionsReport } from '../SuggestionsReport.tsx';
import { createReportsApi } from './report-api.ts';
import {
  filtersSearch,
  parseFilters,
  reportQuery,
  reportWindow,
  type ReportFilters,
} from './report-query.ts';
import { mapFiltersSearch } from '../process-map.ts';
import { ReportFiltersBar } from './ReportFiltersBar.tsx';
import { ReportCards } from './ReportCards.tsx';
import './reports.css';

export default function ReportsPage({
  api,
  ctx,
  token,
}: {
  api: ConsoleApi;
  ctx: ConsoleContext;
  token: string;
}) {
  const i18n = useI18n();
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.reports.${key}`, values);
  const reports = useMemo(
    () => createReportsApi(token, (key, values) => i18n.t(key, values ?? {})),
    [token, i18n],
  );
  const search = useLocationSearch();
  const filters = useMemo(() => parseFilters(search), [search]);
  // the presets are counted back from when the page opened: the figures do not move while it is read
  const [now] = useState(() => Date.now());
  const days = reportWindow(filters, now);
  const query = reportQuery(filters, now);
  const types = useMemo(() => [...ctx.types.values()], [ctx.types]);
  const def = ctx.types.get(filters.caseType);
  const otherTenants = ctx.me.tenant === 'default' && ctx.me.roles.includes('admin');
  const change = (next: ReportFilters) => navigate(`/work/reports${filtersSearch(next)}`);
  // the process map opens on the same case type, version, queue, channel and (a preset) window
  const mapPath = `/work/reports/process-map${mapFiltersSearch({ days: filters.window === 'custom' ? '30' : filters.window, caseType: filters.caseType, version: filters.version, queue: filters.queue, channel: filters.channel })}`;
  const readable = (day: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(`${day}T12:00:00Z`, words.language, 'UTC') : day;
  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="reports-head">
        <h1 id="reports-title">{t('areaTitle')}</h1>
        <a
          href={mapPath}
          onClick={(e) => {
            e.preventDefault();
            navigate(mapPath);
          }}
        >
          {t('processMap')}
        </a>
      </div>
      <ReportFiltersBar
        filters={filters}
        onChange={change}
        types={types}
        otherTenants={otherTenants}
        days={days}
      />
      <p className="muted" role="status" aria-live="polite">
        {t('windowSummary', { from: readable(days.firstDay), to: readable(days.lastDay) })}
      </p>
      <div className="report-grid">
        <ReportCards
          reports={reports}
          query={query}
          filters={filters}
          types={types}
          days={days}
          onField={(field) => change({ ...filters, field })}
        />
        {def?.suggest !== undefined ? <SuggestionsReport api={api} def={def} /> : null}
      </div>
    </section>
  );
}
