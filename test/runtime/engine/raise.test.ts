import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, PlaybookLoopError } from '../../../runtime/engine/index.ts';
import { caseType, send, start } from './engine-fixtures.ts';

describe('raise', () => {
  it('processes a chain of raised events after the current one, in the same step and history entry', () => {
    const def = caseType(
      {
        initial: 'a',
        states: {
          a: { on: { START: { target: 'b', actions: [{ type: 'raise', event: 'STEP' }, { type: 'note', text: 'a→b' }] } } },
          b: { entry: [{ type: 'note', text: 'enter b' }], on: { STEP: { target: 'c', actions: [{ type: 'raise', event: 'FINISH' }] } } },
          c: { entry: [{ type: 'note', text: 'enter c' }], on: { FINISH: 'd' } },
          d: { entry: [{ type: 'note', text: 'enter d' }] },
        },
      },
      { events: { START: {}, STEP: {}, FINISH: {} } },
    );
    const next = send(def, start(def).case, 'START');
    expect(next.case.state).toBe('d');
    // the raised STEP waits until START's transition (its actions and b's entry) is done
    expect(next.history.notes).toEqual(['a→b', 'enter b', 'enter c', 'enter d']);
    expect(next.history).toMatchObject({ seq: 2, event: { type: 'START' }, from: 'a', to: 'd' });
  });

  it('processes an event raised by an initial entry action during creation', () => {
    const def = caseType(
      { initial: 'a', states: { a: { entry: [{ type: 'raise', event: 'AUTO' }], on: { AUTO: 'b' } }, b: { entry: [{ type: 'note', text: 'in b' }] } } },
      { events: { AUTO: {} } },
    );
    const created = start(def);
    expect(created.case.state).toBe('b');
    expect(created.history).toMatchObject({ seq: 1, event: { type: 'case.created' }, from: null, to: 'b', notes: ['in b'] });
  });

  it('drops a raised event no state handles', () => {
    const def = caseType(
      { initial: 'a', states: { a: { on: { START: { target: 'b', actions: [{ type: 'raise', event: 'NOBODY' }] } } }, b: {} } },
      { events: { START: {}, NOBODY: {} } },
    );
    expect(send(def, start(def).case, 'START').case.state).toBe('b');
  });

  it('throws PlaybookLoopError when raised events ping-pong forever', () => {
    const def = caseType(
      {
        initial: 'a',
        states: {
          a: { on: { PING: { target: 'b', actions: [{ type: 'raise', event: 'PONG' }] } } },
          b: { on: { PONG: { target: 'a', actions: [{ type: 'raise', event: 'PING' }] } } },
        },
      },
      { key: 'ping-pong', events: { PING: {}, PONG: {} } },
    );
    expect(() => applyEvent(compileCaseType(def), start(def).case, { type: 'PING' }, '2026-01-05T10:00:00.000Z')).toThrow(PlaybookLoopError);
  });
});
