// SLA badges (running, paused, warning, breached, closed) with the business time left.
import type { SlaView } from '../../../runtime/engine/index.ts';
import { slaBadge } from './console-model.ts';

export function SlaBadges({ slas, explain = false }: { slas: readonly SlaView[]; explain?: boolean }) {
  if (slas.length === 0) return <span className="muted">no SLA</span>;
  return (
    <span className="sla-badges">
      {slas.map((s) => {
        const b = slaBadge(s);
        return (
          <span key={s.id} className={`sla-badge sla-${b.kind}`} title={s.text} data-sla={s.name} data-status={s.status}>
            {b.label}
            {explain ? <span className="sla-text">{s.text}</span> : null}
          </span>
        );
      })}
    </span>
  );
}
