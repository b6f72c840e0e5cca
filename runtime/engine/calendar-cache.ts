// Caches kept per business calendar (weakly, so a dropped compiled type frees them), with one shared
// cache for plain elapsed time (no calendar).
import type { BusinessCalendar } from './calendar.ts';

export function perCalendar<C>(create: () => C): (cal: BusinessCalendar | undefined) => C {
  const byCalendar = new WeakMap<BusinessCalendar, C>();
  const elapsed = create();
  return (cal) => {
    if (!cal) return elapsed;
    let cache = byCalendar.get(cal);
    if (cache === undefined) {
      cache = create();
      byCalendar.set(cal, cache);
    }
    return cache;
  };
}
