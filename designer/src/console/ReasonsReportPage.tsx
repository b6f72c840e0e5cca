// The contact reasons report at /work/reports: for a case type and one of its choice fields (the reason by
// default), the most frequent values with their share and the channels their cases came in by, and every
// case counted by channel (GET /api/reports/reasons).
import { useEffect, useMemo, useState } from 'react';
import type { ConsoleApi } from './console-api.ts';
import type { ConsoleContext } from './use-console-context.ts';
import { FilterSelect } from './FilterSelect.tsx';
import { channelWords, percent, reasonFields, reasonRow, type ReasonsReport } from './reasons-report.ts';
import { titledOptions } from '../model/pick-options.ts';
import { formatNumber } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { SuggestionsReport } from './SuggestionsReport.tsx';

export function ReasonsReportPage({ api, ctx }: { api: ConsoleApi; ctx: ConsoleContext }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.reports.${key}`, values);
  const types = useMemo(() => [...ctx.types.values()], [ctx.types]);
  const [caseType, setCaseType] = useState(types[0]?.key ?? '');
  const def = ctx.types.get(caseType);
  const fields = useMemo(() => (def ? reasonFields(def) : []), [def]);
  const [chosen, setChosen] = useState('');
  const field = fields.some((f) => f.value === chosen) ? chosen : (fields[0]?.value ?? '');
  const [report, setReport] = useState<ReasonsReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (caseType === '' || field === '') return;
    let live = true;
    setReport(null);
    void api.reasons({ caseType, field }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReport(r.value);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, caseType, field]);

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('title')}</h1>
      <div className="work-filters">
        <FilterSelect id="reports-case-type" label={t('caseType')} value={caseType} onChange={setCaseType} options={titledOptions(types.map((d) => ({ value: d.key, title: d.title })))} />
        {fields.length > 0 ? <FilterSelect id="reports-field" label={t('field')} value={field} onChange={setChosen} options={fields} /> : null}
      </div>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {fields.length === 0 ? (
        <p className="muted">{t('noField')}</p>
      ) : report === null ? (
        error ? null : <p role="status">{words.t('common.loading')}</p>
      ) : report.total === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <table className="work-table">
            <caption>{t('reasonsCaption', { field: fields.find((f) => f.value === field)?.label ?? '', total: formatNumber(report.total, words.language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('value')}</th>
                <th scope="col">{t('cases')}</th>
                <th scope="col">{t('share')}</th>
                <th scope="col">{t('byChannel')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item, i) => {
                const row = reasonRow(item, words);
                return (
                  <tr key={i}>
                    <th scope="row">{row.value}</th>
                    <td>{row.count}</td>
                    <td>{row.share}</td>
                    <td>{row.channels}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table className="work-table">
            <caption>{t('channelsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('cases')}</th>
                <th scope="col">{t('share')}</th>
              </tr>
            </thead>
            <tbody>
              {report.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{channelWords(c.channel, words)}</th>
                  <td>{formatNumber(c.count, words.language)}</td>
                  <td>{percent(c.share, words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {def?.suggest !== undefined ? <SuggestionsReport api={api} def={def} /> : null}
    </section>
  );
}
