// The interval ladder's due instants: derived from start, pauses and the calendar, never stored.
import { describe, expect, it } from 'vitest';
import type { Sla } from '../../../schemas/generated/case-type.ts';
import { updateSlas } from '../../../runtime/engine/sla.ts';
import { slaView } from '../../../runtime/engine/sla-explain.ts';
import type { SlaInstance } from '../../../runtime/engine/types.ts';
import { H, MIN, calendars, caseType, firstResponse, step } from './sla-fixtures.ts';

function startedAt(sla: Sla, now: string): SlaInstance {
  const def = caseType({ s: sla });
  const [record] = updateSlas(
    def,
    calendars,
    [],
    step({ event: 'case.created', now, entered: ['triage'] }),
  ).instances;
  if (!record) throw new Error('the SLA did not start');
  return record;
}

function dueInstants(sla: Sla, record: SlaInstance, now: string) {
  const view = slaView(caseType({ s: sla }), calendars, record, now);
  return { warnAt: view.warnAt, goalAt: view.goalAt, deadlineAt: view.deadlineAt };
}

describe('the ladder in the office calendar', () => {
  it('counts PT4H / PT8H in working hours from Monday 10:00, warning at 75 % of the goal', () => {
    // given firstResponse started Mon 10:00 local
    const record = startedAt(firstResponse, '2026-01-05T09:00:00.000Z');
    // then warning Mon 13:00, goal Mon 14:00, deadline Tue 10:00 (7 h on Monday, 1 h on Tuesday)
    expect(dueInstants(firstResponse, record, '2026-01-05T09:00:00.000Z')).toEqual({
      warnAt: '2026-01-05T12:00:00.000Z',
      goalAt: '2026-01-05T13:00:00.000Z',
      deadlineAt: '2026-01-06T09:00:00.000Z',
    });
  });

  it('skips the weekend and the Friday lunch break from Friday 16:00', () => {
    // given a PT16H deadline started Fri 16:00 local
    const sla: Sla = { ...firstResponse, deadline: 'PT16H' };
    const record = startedAt(sla, '2026-01-09T15:00:00.000Z');
    // then warning Mon 11:00 (1 h Fri + 2 h), goal Mon 12:00, deadline Tue 16:00 (1 h Fri + 8 h Mon + 7 h Tue)
    expect(dueInstants(sla, record, '2026-01-09T15:00:00.000Z')).toEqual({
      warnAt: '2026-01-12T10:00:00.000Z',
      goalAt: '2026-01-12T11:00:00.000Z',
      deadlineAt: '2026-01-13T15:00:00.000Z',
    });
  });

  it('reads days as working days: P2D from Thursday 10:00 ends Monday 10:00', () => {
    const sla: Sla = { start: { event: ['case.created'] }, deadline: 'P2D', calendar: 'office' };
    const record = startedAt(sla, '2026-01-08T09:00:00.000Z');
    // then the default warning is 75 % of the 15 business hours (11 h 15 min): Fri 14:15 local
    expect(dueInstants(sla, record, '2026-01-08T09:00:00.000Z')).toEqual({
      warnAt: '2026-01-09T13:15:00.000Z',
      goalAt: null,
      deadlineAt: '2026-01-12T09:00:00.000Z',
    });
  });
});

describe('warnAt', () => {
  it('as a percentage of the goal, measured in business time (Friday lunch excluded)', () => {
    // given goal PT4H from Fri 10:00 local: Fri 10-12 and 13-15, goal Fri 15:00
    const sla: Sla = { ...firstResponse, warnAt: '75%' };
    const record = startedAt(sla, '2026-01-09T09:00:00.000Z');
    // then 3 business hours: Fri 14:00 (wall-clock 75 % would say 13:45)
    expect(dueInstants(sla, record, '2026-01-09T09:00:00.000Z').warnAt).toBe('2026-01-09T13:00:00.000Z');
  });

  it('as another percentage: 50 % of PT4H from Monday 10:00 is Monday 12:00', () => {
    const sla: Sla = { ...firstResponse, warnAt: '50%' };
    const record = startedAt(sla, '2026-01-05T09:00:00.000Z');
    expect(dueInstants(sla, record, '2026-01-05T09:00:00.000Z').warnAt).toBe('2026-01-05T11:00:00.000Z');
  });

  it('as a percentage of the deadline when there is no goal: 75 % of PT8H is 6 h', () => {
    const sla: Sla = { start: { event: ['case.created'] }, deadline: 'PT8H', calendar: 'office' };
    const record = startedAt(sla, '2026-01-05T09:00:00.000Z');
    expect(dueInstants(sla, record, '2026-01-05T09:00:00.000Z')).toEqual({
      warnAt: '2026-01-05T15:00:00.000Z',
      goalAt: null,
      deadlineAt: '2026-01-06T09:00:00.000Z',
    });
  });

  it('as a duration: PT1H30M from Monday 16:00 is Tuesday 09:30', () => {
    const sla: Sla = { ...firstResponse, warnAt: 'PT1H30M' };
    const record = startedAt(sla, '2026-01-05T15:00:00.000Z');
    expect(dueInstants(sla, record, '2026-01-05T15:00:00.000Z').warnAt).toBe('2026-01-06T08:30:00.000Z');
  });
});

describe('an SLA without a calendar', () => {
  it('reads P30D as 30 × 24 h of elapsed time', () => {
    const sla: Sla = { start: { event: ['case.created'] }, deadline: 'P30D' };
    const record = startedAt(sla, '2026-01-05T09:00:00.000Z');
    const view = slaView(caseType({ s: sla }), calendars, record, '2026-01-06T09:00:00.000Z');
    // then the deadline is 30 days later, the warning at 22.5 days, and a weekend counts
    expect([view.warnAt, view.goalAt, view.deadlineAt]).toEqual([
      '2026-01-27T21:00:00.000Z',
      null,
      '2026-02-04T09:00:00.000Z',
    ]);
    expect([view.elapsedMs, view.remainingMs]).toEqual([24 * H, 29 * 24 * H]);
  });
});

describe('pauses', () => {
  const def = caseType({ s: firstResponse });
  const ask = step({
    event: 'ASK_CUSTOMER',
    now: '2026-01-05T10:00:00.000Z',
    entered: ['waitingForCustomer'],
  });
  const reply = step({ event: 'CUSTOMER_REPLIED', now: '2026-01-05T14:30:00.000Z', entered: ['triage'] });

  it('extend every due instant by the business time paused', () => {
    // given started Mon 10:00, paused Mon 11:00-15:30 local (4 h 30 min)
    const created = updateSlas(
      def,
      calendars,
      [],
      step({ event: 'case.created', now: '2026-01-05T09:00:00.000Z', entered: ['triage'] }),
    );
    const paused = updateSlas(def, calendars, created.instances, ask);
    const resumed = updateSlas(def, calendars, paused.instances, reply);
    const [record] = resumed.instances;
    if (!record) throw new Error('no record');
    // then each rung moves 4 h 30 min of working time later
    const view = slaView(def, calendars, record, '2026-01-05T15:00:00.000Z');
    expect([view.warnAt, view.goalAt, view.deadlineAt]).toEqual([
      '2026-01-06T08:30:00.000Z',
      '2026-01-06T09:30:00.000Z',
      '2026-01-06T13:30:00.000Z',
    ]);
    // and at Mon 16:00 local: 1 h before and 30 min after the pause ran, 4 h 30 min paused
    expect([view.elapsedMs, view.remainingMs, view.pausedMs]).toEqual([
      90 * MIN,
      6 * H + 30 * MIN,
      4 * H + 30 * MIN,
    ]);
  });

  it('add back only business time: a pause from Friday 16:00 to Monday 10:00 adds 2 h', () => {
    // given started Fri 10:00 local (deadline PT8H: Fri 10-12, 13-17, Mon 9-11), paused Fri 16:00 - Mon 10:00
    const record: SlaInstance = {
      id: 's#1',
      name: 's',
      status: 'running',
      startedAt: '2026-01-09T09:00:00.000Z',
      pauses: [{ from: '2026-01-09T15:00:00.000Z', to: '2026-01-12T09:00:00.000Z' }],
      closedAt: null,
      rungs: [],
      urgency: 0,
    };
    // then the deadline moves from Mon 11:00 to Mon 13:00 local
    expect(dueInstants(firstResponse, record, '2026-01-12T09:00:00.000Z').deadlineAt).toBe(
      '2026-01-12T12:00:00.000Z',
    );
  });

  it('while a pause lasts, project the due instants as if the clock resumed now', () => {
    const created = updateSlas(
      def,
      calendars,
      [],
      step({ event: 'case.created', now: '2026-01-05T09:00:00.000Z', entered: ['triage'] }),
    );
    const [record] = updateSlas(def, calendars, created.instances, ask).instances;
    if (!record) throw new Error('no record');
    // when viewed at Mon 12:00 local, one hour into the pause
    const view = slaView(def, calendars, record, '2026-01-05T11:00:00.000Z');
    // then every rung is one hour later than planned, and the clock stands at 1 h used
    expect([view.warnAt, view.goalAt, view.deadlineAt, view.elapsedMs, view.pausedMs]).toEqual([
      '2026-01-05T13:00:00.000Z',
      '2026-01-05T14:00:00.000Z',
      '2026-01-06T10:00:00.000Z',
      1 * H,
      1 * H,
    ]);
  });
});

describe('daylight saving time', () => {
  it('counts working hours in local time across the change to summer time (29 March 2026)', () => {
    // given PT8H from Fri 27 March 16:00 local (CET, 15:00Z)
    const sla: Sla = { start: { event: ['case.created'] }, deadline: 'PT8H', calendar: 'office' };
    const record = startedAt(sla, '2026-03-27T15:00:00.000Z');
    // then 1 h on Friday and 7 h on Monday: Mon 30 March 16:00 local, which is CEST (14:00Z)
    expect(dueInstants(sla, record, '2026-03-27T15:00:00.000Z').deadlineAt).toBe('2026-03-30T14:00:00.000Z');
  });
});
