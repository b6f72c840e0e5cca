import { describe, expect, it } from 'vitest';
import type { Action } from '../../../schemas/generated/case-type.ts';
import { caseType, send, start } from './engine-fixtures.ts';

const note = (text: string): Action => ({ type: 'note', text });

// Entry, exit and transition actions run in XState's order (SCXML): exits innermost first, then the
// transition's actions, then entries outermost first.
const def = caseType(
  {
    initial: 'a',
    entry: [note('root entry')],
    states: {
      a: {
        initial: 'a1',
        entry: [note('a entry')],
        exit: [note('a exit')],
        states: { a1: { entry: [note('a1 entry')], exit: [note('a1 exit')], on: { GO: { target: 'b2', actions: [note('transition')] } } } },
      },
      b: {
        initial: 'b1',
        entry: [note('b entry')],
        exit: [note('b exit')],
        states: { b1: { entry: [note('b1 entry')] }, b2: { entry: [note('b2 entry')], on: { STAY: { actions: [note('internal')] } } } },
      },
    },
  },
  { events: { GO: {}, STAY: {} } },
);

describe('action order', () => {
  it('runs the root and initial entries in document order on creation', () => {
    expect(start(def).history.notes).toEqual(['root entry', 'a entry', 'a1 entry']);
  });

  it('runs exits innermost first, then transition actions, then entries outermost first', () => {
    const next = send(def, start(def).case, 'GO');
    expect(next.history.notes).toEqual(['a1 exit', 'a exit', 'transition', 'b entry', 'b2 entry']);
    expect(next.case.state).toEqual({ b: 'b2' });
  });

  it('runs only the actions of a targetless transition: nothing is exited or entered', () => {
    const there = send(def, start(def).case, 'GO').case;
    const next = send(def, there, 'STAY');
    expect(next.history.notes).toEqual(['internal']);
    expect(next.history.from).toEqual({ b: 'b2' });
    expect(next.history.to).toEqual({ b: 'b2' });
  });
});

describe('self-targeting transitions', () => {
  it('do not leave the state (XState v5): no exit or entry, the task and timers stay', () => {
    const self = caseType(
      {
        initial: 'w',
        states: {
          w: { entry: [note('enter')], exit: [note('exit')], after: [{ delay: 'PT1H' }], task: { title: 'T' }, on: { AGAIN: { target: 'w', actions: [note('again')] } } },
        },
      },
      { events: { AGAIN: {} } },
    );
    const created = start(self);
    const next = send(self, created.case, 'AGAIN');
    expect(next.history.notes).toEqual(['again']);
    expect(next.effects).toEqual([]);
    expect(next.case.tasks).toEqual(created.case.tasks);
    expect(next.case.timers).toEqual([{ id: 'timer.w.0', event: 'timer.w.0', dueAt: '2026-01-05T10:00:00.000Z' }]);
  });
});
