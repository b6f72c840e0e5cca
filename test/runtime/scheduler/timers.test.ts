// Durable timers: fire through the event path, in due order, once, also after a restart.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCaseType } from '../../../schemas/index.ts';
import { createManualClock, openHost, publishFixtures, subtaskType, T0, tempDb, ticketType } from './fixtures.ts';

const admin = { id: 'alice', roles: ['admin'] };

describe('timer scheduler', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    vi.useRealTimers();
  });

  it('uses fixture case types that the validator accepts', () => {
    expect(validateCaseType(ticketType('http://127.0.0.1:9/x')).filter((p) => p.severity === 'error')).toEqual([]);
    expect(validateCaseType(subtaskType).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('fires the other due timers when one cannot fire (its stored version no longer compiles)', async () => {
    // given two tickets with timers due at +1 h, the first of a version stored under older rules
    const db = tempDb();
    const clock = createManualClock(T0);
    const first = openHost(db.file, clock);
    await publishFixtures(first.store);
    await first.store.publish('default', 'legacy', { ...ticketType('http://127.0.0.1:9/x'), key: 'legacy' }, T0);
    expect((await first.host.service.createCase('default', { caseType: 'legacy', id: 'a-legacy' }, admin)).ok).toBe(true);
    expect((await first.host.service.createCase('default', { caseType: 'ticket', id: 'b-ticket' }, admin)).ok).toBe(true);
    await first.store.close();
    const raw = new Database(db.file);
    const legacy = { ...ticketType('http://127.0.0.1:9/x'), key: 'legacy', data: { type: 'object', properties: { note: { type: 'string', pattern: '^(?=x)x$' } } } };
    raw.prepare("UPDATE case_types SET definition = ? WHERE key = 'legacy'").run(JSON.stringify({ ...legacy, version: 1 }));
    raw.close();
    // when a host that compiles case types afresh runs the timers due at +1 h
    const t = openHost(db.file, clock);
    cleanups.push(db.dispose, () => t.store.close());
    clock.advance(60 * 60_000);
    await t.host.scheduler.runDue();
    // then the ticket's timer fired although the legacy one, due first, could not
    expect((await t.store.history('default', 'b-ticket', 10, null)).items.map((e) => e.event.type)).toEqual(['case.created', 'timer.first']);
    expect((await t.store.history('default', 'a-legacy', 10, null)).items.map((e) => e.event.type)).toEqual(['case.created']);
  });

  it('fires nothing before the due time, then each due timer once', async () => {
    // given a ticket created at T0 (timers at +1h and +2h)
    const db = tempDb();
    const clock = createManualClock(T0);
    const t = openHost(db.file, clock);
    cleanups.push(db.dispose, () => t.store.close());
    await publishFixtures(t.store);
    const created = await t.host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin);
    expect(created.ok).toBe(true);
    // when the scheduler runs at +30 min, then at +1 h, twice
    clock.advance(30 * 60_000);
    expect(await t.host.scheduler.runDue()).toBe(0);
    clock.advance(30 * 60_000);
    const fired = await Promise.all([t.host.scheduler.runDue(), t.host.scheduler.runDue()]);
    // then timer.first fired once, through the same path as any event
    expect(fired[0]).toBe(1);
    const history = await t.store.history('default', 'k1', 10, null);
    expect(history.items.map((e) => [e.seq, e.event.type, e.actor, e.at, e.notes])).toEqual([
      [1, 'case.created', 'alice', T0, []],
      [2, 'timer.first', 'system', '2026-01-05T10:00:00.000Z', ['one hour passed']],
    ]);
    expect(await t.store.nextTimerDue()).toBe('2026-01-05T11:00:00.000Z');
  });

  it('fires timers that fell due while the host was down, in due order, once, on start', async () => {
    // given a ticket created at T0, and the host closed
    const db = tempDb();
    cleanups.push(db.dispose);
    const clock = createManualClock(T0);
    const before = openHost(db.file, clock);
    await publishFixtures(before.store);
    await before.host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin);
    await before.host.service.createCase('default', { caseType: 'ticket', id: 'k2' }, admin);
    await before.host.stop();
    await before.store.close();
    // when it starts again three hours later
    clock.advance(3 * 3600_000);
    const after = openHost(db.file, clock);
    cleanups.push(() => after.host.stop(), () => after.store.close());
    await after.host.start();
    // then both timers of both cases fired, in due order, and the cases moved to `late`
    for (const id of ['k1', 'k2']) {
      const history = await after.store.history('default', id, 10, null);
      expect(history.items.map((e) => [e.seq, e.event.type, e.to])).toEqual([
        [1, 'case.created', 'open'],
        [2, 'timer.first', 'open'],
        [3, 'timer.second', 'late'],
      ]);
    }
    // and a second start (another restart) fires nothing again
    await after.host.stop();
    await after.store.close();
    const third = openHost(db.file, clock);
    cleanups.push(() => third.host.stop(), () => third.store.close());
    await third.host.start();
    expect((await third.store.history('default', 'k1', 10, null)).items.length).toBe(3);
    expect(await third.store.nextTimerDue()).toBeNull();
  });

  it('sleeps until the next due time with one setTimeout, re-armed when a commit sets an earlier timer', async () => {
    // given a started host with no timers, and faked setTimeout only (SQLite's commits use setImmediate)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = tempDb();
    const clock = createManualClock(T0);
    const t = openHost(db.file, clock);
    cleanups.push(db.dispose, () => t.store.close(), () => t.host.stop());
    await publishFixtures(t.store);
    await t.host.start();
    expect(vi.getTimerCount()).toBe(0);
    // when a ticket is created (timer due at +1 h)
    await t.host.service.createCase('default', { caseType: 'ticket', id: 'k1' }, admin);
    // then one timer is armed; nothing fires before it
    expect(vi.getTimerCount()).toBe(1);
    clock.advance(3600_000);
    await vi.advanceTimersByTimeAsync(3600_000);
    await vi.waitFor(async () => expect((await t.store.history('default', 'k1', 10, null)).items.length).toBe(2));
    expect((await t.store.history('default', 'k1', 10, null)).items[1]?.event.type).toBe('timer.first');
  });
});
