import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, PlaybookLoopError } from '../../../runtime/engine/index.ts';
import { caseType, send, start } from './engine-fixtures.ts';

const rules = {
  small: { schema: { properties: { amount: { maximum: 100 } }, required: ['amount'] } },
  large: { schema: { properties: { amount: { exclusiveMinimum: 100 } }, required: ['amount'] } },
  counted: { schema: { properties: { n: { minimum: 3 } }, required: ['n'] } },
};

describe('always (eventless transitions)', () => {
  it('routes on entry and settles in the same event', () => {
    const def = caseType(
      {
        initial: 'intake',
        states: {
          intake: { on: { SUBMIT: 'routing' } },
          routing: {
            always: [
              { target: 'autoApproved', guard: 'small', actions: [{ type: 'note', text: 'small' }] },
              { target: 'review', guard: 'large' },
            ],
          },
          autoApproved: { always: { target: 'closed', actions: [{ type: 'note', text: 'closing' }] } },
          review: {},
          closed: { type: 'final' },
        },
      },
      { rules, events: { SUBMIT: { data: { type: 'object', properties: { amount: { type: 'number' } } } } } },
    );
    const small = send(def, start(def).case, 'SUBMIT', { amount: 40 });
    expect(small.case.state).toBe('closed');
    expect(small.history.notes).toEqual(['small', 'closing']);
    expect(small.history).toMatchObject({ from: 'intake', to: 'closed' });
    expect(send(def, start(def).case, 'SUBMIT', { amount: 400 }).case.state).toBe('review');
  });

  it('loops through a counter until its guard turns false, then settles', () => {
    const def = caseType(
      {
        initial: 'counting',
        states: {
          counting: {
            initial: 'tick',
            states: {
              tick: { entry: [{ type: 'note', text: 'tick' }], always: { target: 'tock' } },
              tock: {},
            },
            always: [{ target: 'done', guard: 'counted' }],
            on: { INC: { target: 'tick', actions: [{ type: 'set', path: '/n', value: 3 }] } },
          },
          done: {},
        },
      },
      { rules, events: { INC: {} } },
    );
    const created = start(def);
    expect(created.case.state).toEqual({ counting: 'tock' });
    const next = send(def, created.case, 'INC');
    expect(next.case.state).toBe('done');
    expect(next.history.notes).toEqual(['tick']);
  });

  it('throws PlaybookLoopError when always transitions never settle', () => {
    const def = caseType(
      { initial: 'idle', states: { idle: { on: { GO: 'ping' } }, ping: { always: { target: 'pong' } }, pong: { always: { target: 'ping' } } } },
      { key: 'loop-case', events: { GO: {} } },
    );
    const kase = start(def).case;
    expect(() => applyEvent(compileCaseType(def), kase, { type: 'GO' }, '2026-01-05T10:00:00.000Z')).toThrow(PlaybookLoopError);
    expect(() => applyEvent(compileCaseType(def), kase, { type: 'GO' }, '2026-01-05T10:00:00.000Z')).toThrow(
      'The playbook of case type "loop-case" did not settle while processing "GO": more than 1000 transitions in a row.',
    );
  });
});
