// Timing helpers: run work repeatedly for a time budget and report the rate.
import { performance } from 'node:perf_hooks';

/**
 * Calls `once` (which returns how many steps it did) until `ms` have passed; at least once.
 * Returns steps per second.
 */
export function rateFor(ms: number, once: () => number): { perSecond: number; steps: number; elapsedMs: number } {
  const start = performance.now();
  let steps = 0;
  let elapsed: number;
  do {
    steps += once();
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { perSecond: (steps * 1000) / elapsed, steps, elapsedMs: elapsed };
}

/** The asynchronous variant of `rateFor`. */
export async function rateForAsync(ms: number, once: () => Promise<number>): Promise<{ perSecond: number; steps: number; elapsedMs: number }> {
  const start = performance.now();
  let steps = 0;
  let elapsed: number;
  do {
    steps += await once();
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { perSecond: (steps * 1000) / elapsed, steps, elapsedMs: elapsed };
}

export const now = (): number => performance.now();
