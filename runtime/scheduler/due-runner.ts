// The loop shared by the timer scheduler and the outbox dispatcher: run what is due now, then sleep on one
// Alarm until the next due time. Runs never overlap: a run asked for while one is in progress makes that
// run go round once more (`again`) and returns its promise. A store fault (disk full, locked) does not stop
// the loop: it logs and tries again shortly.
import type { Instant } from '../engine/index.ts';
import type { Clock } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { createAlarm } from './alarm.ts';

/** After a failed run (the store was unavailable), the next attempt is this far off. */
const RETRY_AFTER_FAULT_MS = 1000;

export interface DueRunnerOptions {
  /** Names the loop in log lines, e.g. 'timer scheduler'. */
  name: string;
  clock: Clock;
  logger: Logger;
  /** Does everything due at the clock's now; returns how many items it handled. */
  runBatch: () => Promise<number>;
  /** The earliest time something falls due, or null when nothing is pending. */
  nextDue: () => Promise<Instant | null>;
  /**
   * Where other hosts share the store: look again at least this often, whatever `nextDue` said (a
   * safety net under the store's notices, which a broken connection can lose). Absent: only when due.
   */
  pollMs?: number;
}

export interface DueRunner {
  /** Runs what is due now, then sleeps until the next due time. */
  start(): Promise<void>;
  /** Stops waking up; resolves when a run in progress has finished. */
  stop(): Promise<void>;
  /** Runs everything due now (coalesced with a run in progress); returns how many items were handled. */
  runDue(): Promise<number>;
  /** Something falls due at `at`: wake then unless already armed earlier (ignored when stopped). */
  wakeAt(at: Instant): void;
}

export function createDueRunner(options: DueRunnerOptions): DueRunner {
  const { name, clock, logger, runBatch, nextDue } = options;
  let running: Promise<number> | null = null;
  let again = false;
  let started = false;
  const alarm = createAlarm(clock, () => void runner.runDue());

  async function arm(): Promise<void> {
    if (!started) return;
    const next = await nextDue();
    if (next !== null) alarm.armAt(next);
    if (options.pollMs !== undefined) alarm.armAt(new Date(Date.parse(clock.now()) + options.pollMs).toISOString());
  }

  const runner: DueRunner = {
    async start() {
      started = true;
      await runner.runDue();
    },
    async stop() {
      started = false;
      alarm.clear();
      if (running !== null) await running;
    },
    async runDue() {
      if (running !== null) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        let failed = false;
        try {
          do {
            again = false;
            total += await runBatch();
          } while (again);
        } catch (error) {
          failed = true;
          logger.error(`${name} failed; retrying soon`, { error: String(error) });
        } finally {
          running = null;
        }
        alarm.clear();
        try {
          // after a failed run, not at once again (what failed is likely still due): RETRY_AFTER_FAULT_MS
          if (!failed) await arm();
        } catch (error) {
          failed = true;
          logger.error(`${name} cannot read the next due time; retrying soon`, { error: String(error) });
        }
        if (failed && started) alarm.armAt(new Date(Date.parse(clock.now()) + RETRY_AFTER_FAULT_MS).toISOString());
        return total;
      })();
      return running;
    },
    wakeAt(at) {
      if (started) alarm.armAt(at);
    },
  };
  return runner;
}
