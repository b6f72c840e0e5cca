// The accuracy of the contact-reason suggestions of a case type on the reports page (GET /api/reports/suggestions):
// how many were suggested, accepted and corrected, the share kept, and the same by suggested value.
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ConsoleApi } from './console-api.ts';
import { fieldLabel } from '../model/field-label.ts';
import { formatNumber } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { percent } from './reasons-report.ts';
import { suggestionsSummary, type SuggestionsReport as Report } from './suggestion-words.ts';

export function SuggestionsReport({ api, def }: { api: ConsoleApi; def: CaseType }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.suggest.${key}`, values);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setReport(null);
    void api.suggestions({ caseType: def.key }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReport(r.value);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, def.key]);
  const n = (v: number) => formatNumber(v, words.language);
  return (
    <section aria-labelledby="suggestions-title" className="card">
      <h2 id="suggestions-title">{t('title')}</h2>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : report === null ? (
        <p role="status">{words.t('common.loading')}</p>
      ) : (
        <>
          {suggestionsSummary(report, words).map((line) => (
            <p key={line}>{line}</p>
          ))}
          {report.items.length > 0 ? (
            <table className="work-table">
              <caption>{t('caption', { field: fieldLabel(def, report.field) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('value')}</th>
                  <th scope="col">{t('suggested')}</th>
                  <th scope="col">{t('accepted')}</th>
                  <th scope="col">{t('corrected')}</th>
                  <th scope="col">{t('right')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.value}>
                    <th scope="row">{item.value}</th>
                    <td>{n(item.suggested)}</td>
                    <td>{n(item.accepted)}</td>
                    <td>{n(item.corrected)}</td>
                    <td>{item.accuracy === null ? '—' : percent(item.accuracy, words)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}
