import { describe, expect, it } from 'vitest';
import { compileCaseType, dueTimers, fireTimer } from '../../../runtime/engine/index.ts';
import { caseType, fire, send, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'waiting',
    states: {
      waiting: {
        on: { REPLIED: 'working' },
        after: [
          { id: 'noReply', delay: 'P14D', target: 'closed', actions: [{ type: 'note', text: 'No reply in 14 days' }] },
          { delay: 'PT4H', calendar: 'office', actions: [{ type: 'notify', to: 'customer', template: 'reminder' }] },
          { delay: 'PT1H', guard: 'urgent', target: 'working' },
        ],
      },
      working: {},
      closed: { type: 'final' },
    },
  },
  {
    events: { REPLIED: {} },
    rules: { urgent: { schema: { required: ['urgent'] } } },
    calendars: { office: { timezone: 'Europe/Amsterdam', hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } },
  },
);

// Friday 16:00 Amsterdam (15:00Z): four business hours end Monday 12:00 Amsterdam (11:00Z).
const FRIDAY = '2026-01-09T15:00:00.000Z';

describe('after (durable delays)', () => {
  it('sets one timer per entry on entry, with calendar time where a calendar is named', () => {
    const created = start(def, {}, FRIDAY);
    const timers = [
      { id: 'timer.noReply', event: 'timer.noReply', dueAt: '2026-01-23T15:00:00.000Z' },
      { id: 'timer.waiting.1', event: 'timer.waiting.1', dueAt: '2026-01-12T11:00:00.000Z' },
      { id: 'timer.waiting.2', event: 'timer.waiting.2', dueAt: '2026-01-09T16:00:00.000Z' },
    ];
    expect(created.case.timers).toEqual(timers);
    expect(created.effects).toEqual(timers.map((timer) => ({ type: 'setTimer', timer })));
  });

  it('lists due timers by due time, then id', () => {
    const kase = start(def, {}, FRIDAY).case;
    expect(dueTimers(kase, '2026-01-12T11:00:00.000Z').map((t) => t.id)).toEqual(['timer.waiting.2', 'timer.waiting.1']);
    expect(dueTimers(kase, '2026-01-09T15:59:59.999Z')).toEqual([]);
    const tied = { ...kase, timers: [{ id: 'b', event: 'timer.b', dueAt: FRIDAY }, { id: 'a', event: 'timer.a', dueAt: FRIDAY }] };
    expect(dueTimers(tied, FRIDAY).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('cancels the pending timers of a state on exit', () => {
    const next = send(def, start(def, {}, FRIDAY).case, 'REPLIED', undefined, '2026-01-09T15:30:00.000Z');
    expect(next.case.timers).toEqual([]);
    expect(next.effects).toEqual([
      { type: 'cancelTimer', id: 'timer.noReply' },
      { type: 'cancelTimer', id: 'timer.waiting.1' },
      { type: 'cancelTimer', id: 'timer.waiting.2' },
    ]);
  });

  it('fires a timer as the event timer.<id>: its actions and target run, the other timers are cancelled', () => {
    const fired = fire(def, start(def, {}, FRIDAY).case, 'timer.noReply', '2026-01-23T15:00:00.000Z');
    expect(fired.case.state).toBe('closed');
    expect(fired.case.closedAt).toBe('2026-01-23T15:00:00.000Z');
    expect(fired.case.timers).toEqual([]);
    expect(fired.effects).toEqual([
      { type: 'cancelTimer', id: 'timer.waiting.1' },
      { type: 'cancelTimer', id: 'timer.waiting.2' },
    ]);
    expect(fired.history).toMatchObject({ seq: 2, actor: 'system', event: { type: 'timer.noReply' }, from: 'waiting', to: 'closed', notes: ['No reply in 14 days'] });
  });

  it('fires a targetless timer: its actions run, the state and its other timers stay', () => {
    const fired = fire(def, start(def, {}, FRIDAY).case, 'timer.waiting.1', '2026-01-12T11:00:00.000Z');
    expect(fired.case.state).toBe('waiting');
    expect(fired.case.timers.map((t) => t.id)).toEqual(['timer.noReply', 'timer.waiting.2']);
    expect(fired.effects).toEqual([{ type: 'notify', key: 'C1:2:1', to: 'customer', template: 'reminder' }]);
  });

  it('consumes a timer whose guard fails, and nothing else happens', () => {
    const fired = fire(def, start(def, {}, FRIDAY).case, 'timer.waiting.2', '2026-01-09T16:00:00.000Z');
    expect(fired.case.state).toBe('waiting');
    expect(fired.case.timers.map((t) => t.id)).toEqual(['timer.noReply', 'timer.waiting.1']);
    expect(fired.effects).toEqual([]);
  });

  it('takes the guarded timer when its rule holds', () => {
    const fired = fire(def, start(def, { urgent: true }, FRIDAY).case, 'timer.waiting.2', '2026-01-09T16:00:00.000Z');
    expect(fired.case.state).toBe('working');
    expect(fired.case.timers).toEqual([]);
  });

  it('rejects a timer that is not due yet, keeping it pending', () => {
    const kase = start(def, {}, FRIDAY).case;
    expect(fireTimer(compileCaseType(def), kase, 'timer.waiting.2', '2026-01-09T15:59:59.000Z')).toEqual({
      ok: false,
      code: 'event.not_accepted',
      message: 'Timer "timer.waiting.2" is due at 2026-01-09T16:00:00.000Z, not yet at 2026-01-09T15:59:59.000Z: fire it when it falls due.',
      problems: [],
    });
  });

  it('rejects a timer that is not pending', () => {
    const kase = start(def, {}, FRIDAY).case;
    expect(fireTimer(compileCaseType(def), kase, 'timer.nope', FRIDAY)).toEqual({
      ok: false,
      code: 'event.not_accepted',
      message: 'The case has no pending timer "timer.nope".',
      problems: [],
    });
  });
});
