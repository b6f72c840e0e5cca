// The simulated child cases (linked-sim.ts): which case the panel shows (this one or a child), and the
// case types of children that could not be simulated. The child's events, state and history are drawn by
// the simulator's own views (SimEvents, SimCaseState) on the child.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { stateLabel } from '../../../runtime/engine/index.ts';
import type { Simulation } from './simulator.ts';
import { current } from './simulator.ts';
import { familyOf } from './linked-sim.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  sim: Simulation;
  /** The definitions of the children's case types by key (the draft for its own key). */
  defs: (key: string) => CaseType | null;
  /** The child shown (its case id), or null for this case. */
  shown: string | null;
  onShow: (childId: string | null) => void;
  /** The case types of children still loading. */
  loading: boolean;
}

export function SimLinked({ sim, defs, shown, onShow, loading }: Props) {
  const { t } = useWords();
  const family = familyOf(sim);
  if (family.children.length === 0 && family.missing.length === 0 && !loading) return null;
  const main = current(sim).case;
  return (
    <section className="sim-linked" aria-labelledby="sim-linked-title">
      <h3 id="sim-linked-title">{t('sim.linked.heading')}</h3>
      <p className="muted">{t('sim.linked.intro')}</p>
      {loading ? <p role="status">{t('sim.linked.loading')}</p> : null}
      {family.children.length > 0 ? (
        <p>
          <label htmlFor="sim-linked-show">{t('sim.linked.show')}</label>{' '}
          <select id="sim-linked-show" value={shown ?? ''} onChange={(e) => onShow(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('sim.linked.main', { state: stateLabel(main.state) })}</option>
            {family.children.map((child, i) => {
              const def = defs(child.key);
              const state = child.case.closedAt !== null ? t('sim.linked.closed') : stateLabel(child.case.state);
              return (
                <option key={child.case.id} value={child.case.id}>
                  {t('sim.linked.child', { n: i + 1, title: def?.title ?? child.key, state })}
                </option>
              );
            })}
          </select>
        </p>
      ) : null}
      {family.missing.map((key) => (
        <p key={key} role="note" className="muted">
          {t('sim.linked.missing', { caseType: key })}
        </p>
      ))}
    </section>
  );
}
