// One setTimeout, armed for the earliest known due time and re-armed when an earlier one appears.
// Never a hot poll: with nothing due, nothing runs.
import type { Instant } from '../engine/index.ts';
import type { Clock } from '../host/clock.ts';

const MAX_DELAY_MS = 2_147_483_647;

export interface Alarm {
  /** Wakes at `at` (or now if it is past), unless already armed for an earlier time. */
  armAt(at: Instant): void;
  /** Forgets the armed time (the next armAt sets it afresh). */
  clear(): void;
  armedAt(): Instant | null;
}

export function createAlarm(clock: Clock, wake: () => void): Alarm {
  let timeout: ReturnType<typeof setTimeout> | null = null;
  let armed: Instant | null = null;
  const clear = () => {
    if (timeout !== null) clearTimeout(timeout);
    timeout = null;
    armed = null;
  };
  return {
    armAt(at) {
      if (armed !== null && Date.parse(armed) <= Date.parse(at)) return;
      clear();
      armed = at;
      const delay = Math.min(MAX_DELAY_MS, Math.max(0, Date.parse(at) - Date.parse(clock.now())));
      timeout = setTimeout(() => {
        timeout = null;
        armed = null;
        wake();
      }, delay);
      timeout.unref();
    },
    clear,
    armedAt: () => armed,
  };
}
