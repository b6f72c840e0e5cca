// Task due dates and overdue escalation (issue 21, item 3; docs/task-due.md): `due` in business time by
// the task's calendar, one durable timer per task with `onOverdue`, its actions run once through the
// one interpreter, nothing when the task closed first, and a replay comes out the same.
import { describe, expect, it } from 'vitest';
import { compileCaseType, dueTimers, fireTimer, MAX_NOTE_TEXT, migrateCase, recordNote, replayHistory } from '../../../runtime/engine/index.ts';
import type { Case, HistoryEntry } from '../../../runtime/engine/index.ts';
import { accepted, caseType, fire, send, start, stored } from './engine-fixtures.ts';

const office = { timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']] as [string, string][], tue: [['09:00', '17:00']] as [string, string][], fri: [['09:00', '17:00']] as [string, string][] } };

const def = caseType(
  {
    initial: 'calling',
    states: {
      calling: {
        task: {
          title: 'Call the customer',
          queue: 'front',
          due: 'PT4H',
          calendar: 'office',
          onOverdue: [
            { type: 'priority', value: 'urgent' },
            { type: 'assign', queue: 'supervisors' },
            { type: 'notify', to: 'role:supervisor', template: 'overdue' },
            { type: 'set', path: '/escalated', value: true },
            { type: 'note', text: 'Escalated to the supervisors' },
          ],
        },
        on: { DONE: 'closed' },
      },
      closed: { type: 'final' },
    },
  },
  {
    events: { DONE: {} },
    calendars: { office },
    roles: { agent: { title: 'Agent' }, supervisor: { title: 'Supervisor' } },
    queues: { front: { role: 'agent' }, supervisors: { role: 'supervisor' } },
  },
);

// Friday 9 January 2026, 15:00 in Amsterdam (14:00 UTC): 2 working hours left that day, 2 on Monday.
const FRI_15 = '2026-01-09T14:00:00.000Z';
const MON_11 = '2026-01-12T10:00:00.000Z';

describe('task due dates', () => {
  it('computes dueAt in business time and sets one overdue timer at it', () => {
    const created = start(def, {}, FRI_15);
    const task = created.case.tasks[0];
    expect(task?.dueAt).toBe(MON_11);
    expect(created.case.timers).toEqual([{ id: 'task.calling.overdue', event: 'task.calling.overdue', dueAt: MON_11 }]);
    expect(task?.escalatedAt).toBeUndefined();
  });

  it('sets no timer for a task without onOverdue', () => {
    const plain = caseType({ initial: 'a', states: { a: { task: { title: 'Plain', due: 'PT1H' } } } });
    expect(start(plain).case.timers).toEqual([]);
    expect(start(plain).case.tasks[0]?.dueAt).toBe('2026-01-05T10:00:00.000Z');
  });
});

describe('overdue escalation', () => {
  it('is not due before the task is, and then fires once: task marked, actions run, history says so', () => {
    const created = start(def, {}, FRI_15);
    expect(dueTimers(created.case, '2026-01-12T09:59:59.999Z')).toEqual([]);
    expect(fireTimer(compileCaseType(def), stored(created.case), 'task.calling.overdue', '2026-01-12T09:00:00.000Z')).toMatchObject({ ok: false, code: 'event.not_accepted' });

    const fired = fire(def, created.case, 'task.calling.overdue', MON_11);
    const task = fired.case.tasks[0];
    expect(task).toMatchObject({ title: 'Call the customer', escalatedAt: MON_11, queue: 'supervisors', role: 'supervisor' });
    expect(fired.case.priority).toBe('urgent');
    expect(fired.case.queue).toBe('supervisors');
    expect(fired.case.data).toEqual({ escalated: true });
    expect(fired.case.timers).toEqual([]);
    expect(fired.effects).toEqual([{ type: 'notify', key: 'C1:2:1', to: 'role:supervisor', template: 'overdue' }]);
    expect(fired.history).toMatchObject({
      actor: 'system',
      event: { type: 'task.calling.overdue', data: { task: 'C1:calling:1', title: 'Call the customer', dueAt: MON_11, priority: 'urgent', queue: 'supervisors', notified: 'role:supervisor' } },
      notes: ['Escalated to the supervisors'],
    });
    // the timer is consumed: it cannot fire a second time
    expect(fireTimer(compileCaseType(def), stored(fired.case), 'task.calling.overdue', '2026-01-13T10:00:00.000Z')).toMatchObject({ ok: false });
    expect(dueTimers(fired.case, '2027-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('does not escalate a task closed before its due time: the timer goes with it', () => {
    const created = start(def, {}, FRI_15);
    const done = send(def, created.case, 'DONE', undefined, '2026-01-09T15:00:00.000Z');
    expect(done.case.timers).toEqual([]);
    expect(done.effects).toContainEqual({ type: 'cancelTimer', id: 'task.calling.overdue' });
    expect(dueTimers(done.case, '2027-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('replays the same: two runs give the same case and history, and a replay follows the recorded path', () => {
    const run = (): { kase: Case; history: HistoryEntry[] } => {
      const created = start(def, {}, FRI_15);
      const fired = fire(def, created.case, 'task.calling.overdue', MON_11);
      const done = send(def, fired.case, 'DONE', undefined, '2026-01-12T11:00:00.000Z');
      return { kase: done.case, history: [created.history, fired.history, done.history] };
    };
    const a = run();
    const b = run();
    expect(stored(b)).toEqual(stored(a));
    const replay = replayHistory(compileCaseType(def), { id: 'C1', history: a.history, until: '2026-01-12T11:00:00.000Z' });
    expect(replay.divergence).toBeNull();
    expect(replay.closed).toBe(true);
  });

  it('a stale timer (the task escalated already) changes nothing but the timer', () => {
    const created = start(def, {}, FRI_15);
    const fired = fire(def, created.case, 'task.calling.overdue', MON_11);
    const again = { ...fired.case, timers: [{ id: 'task.calling.overdue', event: 'task.calling.overdue', dueAt: MON_11 }] };
    const stale = accepted(fireTimer(compileCaseType(def), stored(again), 'task.calling.overdue', MON_11));
    expect(stale.case.tasks).toEqual(fired.case.tasks);
    expect(stale.case.priority).toBe('urgent');
    expect(stale.effects).toEqual([]);
    expect(stale.case.timers).toEqual([]);
  });
});

describe('agent notes', () => {
  const ann = { id: 'ann', roles: ['agent'] };

  it('records a note as a history entry with its author and time, changing nothing else', () => {
    const created = start(def, {}, FRI_15);
    const noted = accepted(recordNote(stored(created.case), '  Customer asked for a call after 17:00.  ', '2026-01-09T14:30:00.000Z', { ...ann, partner: 'acme' }));
    expect(noted.history).toEqual({
      seq: 2,
      at: '2026-01-09T14:30:00.000Z',
      actor: 'ann',
      partner: 'acme',
      event: { type: 'note.added', data: { text: 'Customer asked for a call after 17:00.' } },
      from: 'calling',
      to: 'calling',
      patch: [],
      notes: [],
    });
    expect(noted.effects).toEqual([]);
    expect({ ...noted.case, revision: 1, updatedAt: FRI_15 }).toEqual(created.case);
  });

  it('refuses an empty or over-long note', () => {
    const kase = start(def, {}, FRI_15).case;
    expect(recordNote(kase, '   ', FRI_15, ann)).toMatchObject({ ok: false, code: 'data.invalid', problems: [{ pointer: '/text' }] });
    expect(recordNote(kase, 'x'.repeat(MAX_NOTE_TEXT + 1), FRI_15, ann)).toMatchObject({ ok: false, code: 'data.invalid' });
    expect(recordNote(kase, 'x'.repeat(MAX_NOTE_TEXT), FRI_15, ann).ok).toBe(true);
  });
});

describe('a playbook reacting to an overdue task', () => {
  it('takes a transition on task.<state>.overdue after the escalation actions ran', () => {
    const reacting = caseType(
      {
        initial: 'calling',
        states: {
          calling: { task: { title: 'Call', due: 'PT1H', onOverdue: [{ type: 'priority', value: 'high' }] }, on: { 'task.calling.overdue': 'supervising', DONE: 'closed' } },
          supervising: { task: { title: 'Supervisor calls' }, on: { DONE: 'closed' } },
          closed: { type: 'final' },
        },
      },
      { events: { DONE: {} } },
    );
    const fired = fire(reacting, start(reacting).case, 'task.calling.overdue', '2026-01-05T10:00:00.000Z');
    expect(fired.case.state).toBe('supervising');
    expect(fired.case.priority).toBe('high');
    expect(fired.case.tasks.map((t) => t.title)).toEqual(['Supervisor calls']);
    expect(fired.history).toMatchObject({ from: 'calling', to: 'supervising', event: { type: 'task.calling.overdue' } });
  });
});

describe('overdue timers across a migration', () => {
  it('keeps a kept task its overdue timer, and a version without onOverdue takes it away', () => {
    const v1 = compileCaseType({ ...def, version: 1 });
    const v2 = compileCaseType({ ...def, version: 2 });
    const created = start(v1, {}, FRI_15).case;
    const same = migrateCase({ caseType: 'test-case', from: 1, to: 2 }, v1, v2, created, '2026-01-09T15:00:00.000Z', { planId: 'p1' });
    if (!same.ok) throw new Error(JSON.stringify(same.blocks));
    expect(same.case.timers).toEqual([{ id: 'task.calling.overdue', event: 'task.calling.overdue', dueAt: MON_11 }]);
    expect(same.effects.filter((e) => e.type === 'setTimer')).toEqual([]);
    const plainDef = structuredClone(def);
    delete (plainDef.playbook.states as Record<string, { task?: { onOverdue?: unknown } }>).calling!.task!.onOverdue;
    const v3 = compileCaseType({ ...plainDef, version: 3 });
    const dropped = migrateCase({ caseType: 'test-case', from: 1, to: 3 }, v1, v3, created, '2026-01-09T15:00:00.000Z', { planId: 'p2' });
    if (!dropped.ok) throw new Error(JSON.stringify(dropped.blocks));
    expect(dropped.case.timers).toEqual([]);
    expect(dropped.effects).toContainEqual({ type: 'cancelTimer', id: 'task.calling.overdue' });
  });
});
