// One card of the reports area: a titled region with its chart, the table(s) of the same figures, a
// "Download <title> as CSV" button (the first table), and its loading, error (a 422's message) and empty states.
import { useEffect, useState, type ReactNode } from 'react';
import type { Result } from '../api-result.ts';
import { useWords } from '../../i18n/use-words.ts';
import { ReportChart } from './ReportChart.tsx';
import type { ChartData, ReportTable } from './report-rows.ts';
import { csvFileName, toCsv } from './report-csv.ts';

/** A report route's answer as a card shows it; `missing` when the server has no such route (404). */
export type ReportState<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string; missing: boolean }
  | { status: 'ready'; value: T };

/** The answer of a report route, loaded again when `key` (the route and its query) changes. */
export function useReport<T>(load: () => Promise<Result<T>>, key: string): ReportState<T> {
  const [state, setState] = useState<ReportState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    void load().then((r) => {
      if (live)
        setState(
          r.ok
            ? { status: 'ready', value: r.value }
            : { status: 'failed', message: r.message, missing: r.status === 404 },
        );
    });
    return () => {
      live = false;
    };
    // `load` is a new closure on every render; `key` (the route and its query) names what it loads
  }, [key]);
  return state;
}

export interface CardTable {
  caption: string;
  table: ReportTable;
}

export interface CardBody {
  chart?: ChartData;
  /** A line above the tables (a summary in words). */
  summary?: string;
  tables: CardTable[];
  /** When true, the empty state is shown instead of chart and tables. */
  empty: boolean;
}

interface Props<T> {
  id: string;
  title: string;
  state: ReportState<T>;
  body: (value: T) => CardBody;
  emptyText: string;
  /** The window's days, for the CSV's file name. */
  days: { firstDay: string; lastDay: string };
  /** Controls of the card itself (the reasons' field). */
  controls?: ReactNode;
}

/** A cell that is a figure (a count, a percentage, none): aligned right, text stays left. */
const FIGURE = /^(?:[\d.,\s\u00a0]+%?|—)$/;

export function ReportTableView({ caption, table }: CardTable) {
  return (
    <table className="work-table report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j} className={FIGURE.test(cell) ? 'report-figure' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Saves text as a file in the browser. */
function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReportCard<T>({ id, title, state, body, emptyText, days, controls }: Props<T>) {
  const { t } = useWords();
  const content = state.status === 'ready' ? body(state.value) : null;
  const main = content?.tables[0];
  return (
    <section className="card report-card" aria-labelledby={`${id}-title`}>
      <header className="report-card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {main && !content.empty ? (
          <button
            type="button"
            className="secondary"
            aria-label={t('console.reports.download', { title })}
            onClick={() =>
              save(
                toCsv(main.table.columns, main.table.rows),
                csvFileName(title, days.firstDay, days.lastDay),
              )
            }
          >
            {t('console.reports.downloadShort')}
          </button>
        ) : null}
      </header>
      {controls}
      {state.status === 'loading' ? (
        <p role="status">{t('common.loading')}</p>
      ) : state.status === 'failed' ? (
        <p className="error-box" role="alert">
          {state.message}
        </p>
      ) : content === null || content.empty ? (
        <p className="muted report-empty">{emptyText}</p>
      ) : (
        <>
          {content.chart ? <ReportChart chart={content.chart} /> : null}
          {content.summary ? <p>{content.summary}</p> : null}
          {content.tables.map((tb) => (
            // a wide table scrolls sideways on a narrow screen: focusable, so that the keyboard scrolls it too
            <div className="report-table-wrap" key={tb.caption} tabIndex={0} role="region" aria-label={tb.caption}>
              <ReportTableView {...tb} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
