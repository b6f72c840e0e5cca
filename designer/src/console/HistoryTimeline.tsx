// The history timeline: who, when, which event, the state change and what changed (from the JSON Patch).
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { HistoryEntry } from '../../../runtime/engine/index.ts';
import { fieldLabel } from '../model/field-label.ts';
import { stateLabel } from './console-model.ts';
import { patchLines } from '../model/change-words.ts';

export function HistoryTimeline({ items, def }: { items: readonly HistoryEntry[]; def: CaseType }) {
  return (
    <ol className="timeline" aria-label="History">
      {[...items].reverse().map((h) => (
        <li key={h.seq} data-seq={h.seq}>
          <div className="timeline-head">
            <strong>{def.events?.[h.event.type]?.title ?? h.event.type}</strong> <span className="muted">by {h.actor}</span>{' '}
            <time dateTime={h.at} className="muted">
              {new Date(h.at).toLocaleString()}
            </time>
          </div>
          <div className="muted">
            {h.from === null ? `opened in ${stateLabel(h.to, def)}` : JSON.stringify(h.from) === JSON.stringify(h.to) ? `stayed in ${stateLabel(h.to, def)}` : `${stateLabel(h.from, def)} → ${stateLabel(h.to, def)}`}
          </div>
          {h.patch.length > 0 ? (
            <ul className="changes">
              {h.patch
                .flatMap((op) => patchLines(op, (p) => fieldLabel(def, p)))
                .map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
            </ul>
          ) : null}
          {h.notes.map((n, i) => (
            <p key={i} className="note">
              {n}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
