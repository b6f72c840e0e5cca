// SLA badges (running, paused, warning, breached, closed) with the business time left.
import type { SlaView } from '../../../runtime/engine/index.ts';
import { slaBadge, slaExplanation } from './console-model.ts';
import { useWords } from '../i18n/use-words.ts';

export function SlaBadges({ slas, explain = false }: { slas: readonly SlaView[]; explain?: boolean }) {
  const words = useWords();
  if (slas.length === 0) return <span className="muted">{words.t('console.sla.none')}</span>;
  return (
    <span className="sla-badges">
      {slas.map((s) => {
        const b = slaBadge(s, words);
        const text = slaExplanation(s, words);
        return (
          <span key={s.id} className={`sla-badge sla-${b.kind}`} title={text} data-sla={s.name} data-status={s.status}>
            {b.label}
            {explain ? <span className="sla-text">{text}</span> : null}
          </span>
        );
      })}
    </span>
  );
}
