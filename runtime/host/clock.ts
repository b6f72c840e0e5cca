// Time for the host: the engine takes `now` as an argument; the host reads it from a Clock.
import type { Instant } from '../engine/index.ts';

export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that moves only when told: for tests and simulations. */
export interface ManualClock extends Clock {
  set(instant: Instant): void;
  advance(ms: number): Instant;
}

export function createManualClock(start: Instant): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current).toISOString(),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (ms) => {
      current += ms;
      return new Date(current).toISOString();
    },
  };
}
