// The worker console's life-cycle strip: the case type's stages (model/stages.ts, as the designer's stage view)
// with where this case is — the current stage and step highlighted and read out, the stages it has been in
// marked done. Read-only. Shows the primary stages, and any other stage the case is in or has been in.
import { useMemo } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { casePosition, lifeCycle, type LifeCycleValue } from '../model/stages.ts';

interface Props {
  def: CaseType;
  state: LifeCycleValue;
  /** The case's history (from and to state values), when loaded; the strip falls back on the state alone. */
  history: readonly { from: LifeCycleValue | null; to: LifeCycleValue }[];
}

export function LifeCycleStrip({ def, state, history }: Props) {
  const stages = useMemo(() => lifeCycle(def), [def]);
  const visited = history.length > 0 ? history.flatMap((h) => (h.from === null ? [h.to] : [h.from, h.to])) : null;
  const { stage, steps, done } = casePosition(stages, state, visited);
  const shown = stages.filter((s) => s.path === 'primary' || s.id === stage?.id || done.has(s.id));
  const now = stage
    ? `Current stage: ${stage.title}${steps.length > 0 ? `, step${steps.length > 1 ? 's' : ''}: ${steps.map((s) => s.title).join(', ')}` : ''}`
    : 'The case is in no stage of this life cycle.';
  return (
    <section className="life-cycle-strip" aria-label="Life cycle">
      <ol>
        {shown.map((s) => {
          const current = s.id === stage?.id;
          const past = !current && done.has(s.id);
          return (
            <li key={s.id} className={current ? 'current' : past ? 'done' : 'upcoming'} aria-current={current ? 'step' : undefined}>
              {past ? <span aria-hidden="true">✓ </span> : null}
              {s.title}
              {current ? <span className="visually-hidden"> (current stage)</span> : past ? <span className="visually-hidden"> (done)</span> : null}
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
