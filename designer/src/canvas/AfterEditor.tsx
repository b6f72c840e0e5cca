import type { AfterDelay, CaseType } from '../../../schemas/generated/case-type.ts';
import { listStates } from '../model/states.ts';

function withTarget(a: AfterDelay, target: string): AfterDelay {
  const { target: _old, ...rest } = a;
  return target ? { ...rest, target } : rest;
}

/** Durable delays of a state: after a duration, go to a state. */
export function AfterEditor({ def, id, after = [], onChange }: { def: CaseType; id: string; after: AfterDelay[] | undefined; onChange: (a: AfterDelay[] | undefined, key?: string) => void }) {
  const set = (list: AfterDelay[], key?: string) => onChange(list.length > 0 ? list : undefined, key);
  const states = listStates(def).filter((s) => s.id !== id);
  return (
    <fieldset>
      <legend>Delays (after a time, without an event)</legend>
      {after.map((a, i) => (
        <div key={i} role="group" aria-label={`Delay ${i + 1}`} className="action-row">
          <label htmlFor={`after-${i}-delay`}>Delay {i + 1} duration (e.g. P14D, PT4H)</label>
          <input id={`after-${i}-delay`} value={a.delay} onChange={(e) => set(after.map((x, j) => (j === i ? { ...x, delay: e.target.value } : x)), `after:${i}:delay`)} />
          <label htmlFor={`after-${i}-target`}>Delay {i + 1} goes to</label>
          <select id={`after-${i}-target`} value={a.target ?? ''} onChange={(e) => set(after.map((x, j) => (j === i ? withTarget(x, e.target.value) : x)))}>
            <option value="">stays</option>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => set(after.filter((_, j) => j !== i))}>
            Remove delay {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set([...after, { delay: 'P1D' }])}>
        Add delay
      </button>
    </fieldset>
  );
}
