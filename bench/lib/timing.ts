// Timing helpers: run work repeatedly for a time budget and report the rate.
import { readFileSync } from 'node:fs';
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

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux; the
 * kernel reports it in USER_HZ ticks of 10 ms); null where /proc is not there.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
