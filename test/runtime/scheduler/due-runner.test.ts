import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Instant } from '../../../runtime/engine/index.ts';
import { createManualClock, type ManualClock } from '../../../runtime/host/clock.ts';
import type { Logger } from '../../../runtime/host/logger.ts';
import { createDueRunner, type DueRunner } from '../../../runtime/scheduler/due-runner.ts';

const T0 = '2026-01-05T09:00:00.000Z';

interface Given {
  runner: DueRunner;
  clock: ManualClock;
  /** Clock times at which runBatch was called. */
  batches: Instant[];
  /** Error lines logged, as `message: error`. */
  errors: string[];
}

/** A runner whose batches do what `batch` says and whose next due time comes from `due` (in call order). */
function given(batch: (call: number) => Promise<number>, due: (Instant | null | Error)[] = []): Given {
  const clock = createManualClock(T0);
  const batches: Instant[] = [];
  const errors: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (message, fields) => errors.push(`${message}: ${String(fields?.error)}`),
  };
  const runner = createDueRunner({
    name: 'test loop',
    clock,
    logger,
    runBatch: () => {
      batches.push(clock.now());
      return batch(batches.length);
    },
    nextDue: () => {
      const next = due.shift() ?? null;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  });
  return { runner, clock, batches, errors };
}

/** Moves the clock and the fake setTimeout together. */
async function advance(clock: ManualClock, ms: number): Promise<void> {
  clock.advance(ms);
  await vi.advanceTimersByTimeAsync(ms);
}

describe('createDueRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs what is due on start, then sleeps until the next due time and runs again', async () => {
    // given a next due time 30 minutes off, then nothing
    const g = given(() => Promise.resolve(1), ['2026-01-05T09:30:00.000Z']);
    // when it starts and 30 minutes pass
    await g.runner.start();
    expect(g.batches).toEqual([T0]);
    await advance(g.clock, 29 * 60_000);
    expect(g.batches).toEqual([T0]);
    await advance(g.clock, 60_000);
    // then it ran at start and at the due time, and nothing after
    expect(g.batches).toEqual([T0, '2026-01-05T09:30:00.000Z']);
    await advance(g.clock, 3_600_000);
    expect(g.batches).toHaveLength(2);
    await g.runner.stop();
  });

  it('coalesces a run asked for during a run: one more batch, and both callers get the total of both', async () => {
    // given a started runner whose next batch waits until released
    let release: (n: number) => void = () => {};
    const g = given((call) => (call === 2 ? new Promise<number>((ok) => (release = ok)) : Promise.resolve(2)));
    await g.runner.start();
    // when runDue is asked for while that batch is in progress
    const first = g.runner.runDue();
    const second = g.runner.runDue();
    release(3);
    // then the one run went round once more, and both callers get its total
    expect([await first, await second]).toEqual([5, 5]);
    expect(g.batches).toEqual([T0, T0, T0]);
    await g.runner.stop();
  });

  it('logs a failed batch and tries again one second later', async () => {
    // given a store fault in the first batch
    const g = given((call) => (call === 1 ? Promise.reject(new Error('disk I/O error')) : Promise.resolve(1)));
    // when it starts
    await g.runner.start();
    // then the fault is logged and the batch runs again after a second
    expect(g.errors).toEqual(['test loop failed; retrying soon: Error: disk I/O error']);
    await advance(g.clock, 999);
    expect(g.batches).toHaveLength(1);
    await advance(g.clock, 1);
    expect(g.batches).toEqual([T0, '2026-01-05T09:00:01.000Z']);
    await g.runner.stop();
  });

  it('logs a failed read of the next due time and tries again one second later', async () => {
    const g = given(() => Promise.resolve(0), [new Error('database is locked')]);
    await g.runner.start();
    expect(g.errors).toEqual(['test loop cannot read the next due time; retrying soon: Error: database is locked']);
    await advance(g.clock, 1000);
    expect(g.batches).toEqual([T0, '2026-01-05T09:00:01.000Z']);
    await g.runner.stop();
  });

  it('wakes at a time it is told of while started, and not at all once stopped', async () => {
    const g = given(() => Promise.resolve(0));
    await g.runner.start();
    g.runner.wakeAt('2026-01-05T09:10:00.000Z');
    await advance(g.clock, 10 * 60_000);
    expect(g.batches).toEqual([T0, '2026-01-05T09:10:00.000Z']);
    await g.runner.stop();
    g.runner.wakeAt('2026-01-05T09:20:00.000Z');
    await advance(g.clock, 3_600_000);
    expect(g.batches).toHaveLength(2);
  });
});
