// For a chosen start instant: when warning, goal, deadline (and the first repeats) fall in local time,
// each with its explanation, computed by the engine's calendar and SLA ladder code.
import { useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { previewSla } from '../../model/sla-preview.ts';
import { zonedInputToInstant } from '../../model/zoned-input.ts';
import { useWords } from '../../i18n/use-words.ts';

export function SlaPreviewPanel({ def, sla }: { def: CaseType; sla: string }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`slas.preview.${key}`, values);
  const calendar = def.slas?.[sla]?.calendar;
  const zone = (calendar !== undefined ? def.calendars?.[calendar]?.timezone : undefined) ?? 'UTC';
  const [local, setLocal] = useState('2026-01-09T16:00');
  const start = zonedInputToInstant(local, zone);
  const preview = start === null ? { ok: false as const, message: t('pickStart') } : previewSla(def, sla, start, words);
  return (
    <section className="sla-preview" aria-label={t('label')}>
      <h3>{t('heading')}</h3>
      <label>
        {t('clockStarts', { zone })}{' '}
        <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} aria-label={t('start')} />
      </label>
      {preview.ok ? (
        <table className="sla-preview-table">
          <thead>
            <tr>
              <th>{t('rung')}</th>
              <th>{t('fallsAt', { zone: preview.zone })}</th>
              <th>{t('why')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.label} data-rung={r.rung}>
                <td>{r.label}</td>
                <td>{r.local}</td>
                <td>{r.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p role="alert" className="error">{preview.message}</p>
      )}
    </section>
  );
}
