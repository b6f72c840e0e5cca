// Fires due timers through the case service (the same path as any event), in due order, each once:
// the store marks a timer fired in the same transaction as its event, and where hosts share the store
// each claims its timers with a lease (another host fires them if it dies). Timers that fell due while the
// host was down fire on start. Between due times it sleeps (one setTimeout).
import type { Instant } from '../engine/index.ts';
import type { CaseService } from '../host/case-service.ts';
import type { Clock } from '../host/clock.ts';
import { silentLogger, type Logger } from '../host/logger.ts';
import type { CaseStore } from '../store/case-store.ts';
import { createDueRunner } from './due-runner.ts';

export interface TimerScheduler {
  /** Fires what is due now, then sleeps until the next due time. */
  start(): Promise<void>;
  /** Stops waking up; resolves when a run in progress has finished. */
  stop(): Promise<void>;
  /** Fires every timer due at the clock's now, in due order; returns how many fired. */
  runDue(): Promise<number>;
  /** A commit set a timer due at `at`: wake earlier if needed. */
  notify(at: Instant): void;
}

export interface TimerSchedulerOptions {
  store: CaseStore;
  service: CaseService;
  clock: Clock;
  logger?: Logger;
  batchSize?: number;
  /** How long a claimed timer stays this host's before another host may fire it (default 30 s). */
  leaseMs?: number;
  /** Where other hosts share the store: look for due timers at least this often (see due-runner.ts). */
  pollMs?: number;
}

export function createTimerScheduler(options: TimerSchedulerOptions): TimerScheduler {
  const { store, service, clock } = options;
  const logger = options.logger ?? silentLogger;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 30_000;

  async function fireDue(): Promise<number> {
    let fired = 0;
    const failures: unknown[] = [];
    for (;;) {
      const batch = await store.claimDueTimers(clock.now(), batchSize, leaseMs);
      let progress = false;
      for (const timer of batch) {
        let result: Awaited<ReturnType<CaseService['fireTimer']>>;
        try {
          result = await service.fireTimer(timer);
        } catch (error) {
          // one timer that cannot fire (its case type version cannot be compiled, a fault) must not
          // hold up the timers behind it: the others go on, and the run counts as failed (retried later)
          failures.push(error);
          logger.error('timer could not fire', { caseId: timer.caseId, timerId: timer.timerId, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        if (result.ok) {
          fired += 1;
          progress = true;
        } else if (result.code !== 'case.conflict') {
          progress = true;
          if (result.code !== 'timer.gone') logger.warn('timer not fired', { caseId: timer.caseId, timerId: timer.timerId, code: result.code });
        }
      }
      if (batch.length < batchSize || !progress) {
        if (failures.length > 0) throw new AggregateError(failures, `${String(failures.length)} timer(s) could not fire; ${String(fired)} fired`);
        return fired;
      }
    }
  }

  const runner = createDueRunner({
    name: 'timer scheduler',
    clock,
    logger,
    runBatch: fireDue,
    nextDue: () => store.nextTimerDue(),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  return {
    start: runner.start,
    stop: runner.stop,
    runDue: runner.runDue,
    notify: runner.wakeAt,
  };
}
