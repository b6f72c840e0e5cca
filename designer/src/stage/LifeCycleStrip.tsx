// The worker console's life-cycle strip: the case type's stages (model/stages.ts, as the designer's stage view)
// with where this case is — the current stage and step highlighted and read out, the stages it has been in
// marked done. Read-only. Shows the primary stages, and any other stage the case is in or has been in.
import { useMemo } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { casePosition, lifeCycle, type LifeCycleValue } from '../model/stages.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  def: CaseType;
  state: LifeCycleValue;
  /** The case's history (from and to state values), when loaded; the strip falls back on the state alone. */
  history: readonly { from: LifeCycleValue | null; to: LifeCycleValue }[];
}

export function LifeCycleStrip({ def, state, history }: Props) {
  const words = useWords();
  const { t } = words;
  const stages = useMemo(() => lifeCycle(def, words), [def, words]);
  const visited = history.length > 0 ? history.flatMap((h) => (h.from === null ? [h.to] : [h.from, h.to])) : null;
  const { stage, steps, done } = casePosition(stages, state, visited);
  const shown = stages.filter((s) => s.path === 'primary' || s.id === stage?.id || done.has(s.id));
  const now = stage
    ? t('stage.current', { stage: stage.title }) + (steps.length > 0 ? t('stage.steps', { count: steps.length, steps: steps.map((s) => s.title).join(', ') }) : '')
    : t('stage.nowhere');
  return (
    <section className="life-cycle-strip" aria-label={t('stage.label')}>
      <ol>
        {shown.map((s) => {
          const current = s.id === stage?.id;
          const past = !current && done.has(s.id);
          return (
            <li key={s.id} className={current ? 'current' : past ? 'done' : 'upcoming'} aria-current={current ? 'step' : undefined}>
              {past ? <span aria-hidden="true">✓ </span> : null}
              {s.title}
              {current ? <span className="visually-hidden">{t('stage.currentMark')}</span> : past ? <span className="visually-hidden">{t('stage.doneMark')}</span> : null}
            </li>
          );
        })}
      </ol>
      <p className="life-cycle-now" aria-live="polite">
        {now}
      </p>
    </section>
  );
}
