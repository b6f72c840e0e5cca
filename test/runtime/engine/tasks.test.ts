import { describe, expect, it } from 'vitest';
import { caseType, send, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'triage',
    states: {
      triage: { task: { title: 'Classify', queue: 'triage', form: 'intake', due: 'PT4H' }, on: { NEXT: { target: 'collect', actions: [{ type: 'assign', queue: 'billing' }] } } },
      investigating: {
        initial: 'collect',
        states: {
          collect: { task: { title: 'Collect', role: 'investigator' }, on: { NEXT: 'analyse' } },
          analyse: { task: { title: 'Analyse' }, on: { NEXT: 'done' } },
        },
      },
      done: { type: 'final' },
    },
  },
  { events: { NEXT: {} }, queues: { triage: { role: 'intake-agent' }, billing: { role: 'biller' } } },
);

describe('tasks', () => {
  it('opens the task of the initial state with its queue, role from the queue, form and due time', () => {
    const created = start(def);
    const task = {
      id: 'C1:triage:1',
      state: 'triage',
      title: 'Classify',
      queue: 'triage',
      role: 'intake-agent',
      form: 'intake',
      openedAt: '2026-01-05T09:00:00.000Z',
      dueAt: '2026-01-05T13:00:00.000Z',
      assignee: null,
    };
    expect(created.case.tasks).toEqual([task]);
    expect(created.case.queue).toBe('triage');
    expect(created.effects).toEqual([{ type: 'openTask', task }]);
  });

  it('closes the task on exit and opens the next one, routed by the assign on the way', () => {
    const next = send(def, start(def).case, 'NEXT');
    const task = {
      id: 'C1:collect:2',
      state: 'collect',
      title: 'Collect',
      queue: 'billing',
      role: 'investigator',
      form: null,
      openedAt: '2026-01-05T10:00:00.000Z',
      dueAt: null,
      assignee: null,
    };
    expect(next.effects).toEqual([
      { type: 'closeTask', id: 'C1:triage:1', state: 'triage' },
      { type: 'openTask', task },
    ]);
    expect(next.case.tasks).toEqual([task]);
    expect(next.case.seq).toBe(2);
  });

  it('mints task ids from the case counter and closes every task when the case closes', () => {
    const a = send(def, start(def).case, 'NEXT');
    const b = send(def, a.case, 'NEXT', undefined, '2026-01-05T11:00:00.000Z');
    expect(b.case.tasks.map((t) => [t.id, t.role])).toEqual([['C1:analyse:3', 'biller']]);
    const c = send(def, b.case, 'NEXT', undefined, '2026-01-05T12:00:00.000Z');
    expect(c.case.tasks).toEqual([]);
    expect(c.effects).toEqual([{ type: 'closeTask', id: 'C1:analyse:3', state: 'analyse' }]);
  });
});

describe('task due times', () => {
  it('counts a task due in its calendar: PT4H from Friday 16:00 Amsterdam is Monday 12:00', () => {
    const office = caseType(
      { initial: 'todo', states: { todo: { task: { title: 'Call back', due: 'PT4H', calendar: 'office' } } } },
      { calendars: { office: { timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } } },
    );
    expect(start(office, {}, '2026-01-09T15:00:00.000Z').case.tasks[0]?.dueAt).toBe('2026-01-12T11:00:00.000Z');
  });
});
