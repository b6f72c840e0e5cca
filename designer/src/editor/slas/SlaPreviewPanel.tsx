// For a chosen start instant: when warning, goal, deadline (and the first repeats) fall in local time,
// each with its explanation, computed by the engine's calendar and SLA ladder code.
import { useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { previewSla } from '../../model/sla-preview.ts';
import { zonedInputToInstant } from '../../model/zoned-input.ts';

export function SlaPreviewPanel({ def, sla }: { def: CaseType; sla: string }) {
  const calendar = def.slas?.[sla]?.calendar;
  const zone = (calendar !== undefined ? def.calendars?.[calendar]?.timezone : undefined) ?? 'UTC';
  const [local, setLocal] = useState('2026-01-09T16:00');
  const start = zonedInputToInstant(local, zone);
  const preview = start === null ? { ok: false as const, message: 'Pick a start date and time.' } : previewSla(def, sla, start);
  return (
    <section className="sla-preview" aria-label="SLA preview">
      <h3>Preview</h3>
      <label>
        Clock starts at ({zone}){' '}
        <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} aria-label="Preview start" />
      </label>
      {preview.ok ? (
        <table className="sla-preview-table">
          <thead>
            <tr>
              <th>Rung</th>
              <th>Falls at ({preview.zone})</th>
              <th>Why</th>
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
