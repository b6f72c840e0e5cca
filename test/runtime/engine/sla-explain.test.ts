// slaView and explainSla: the derived figures and one plain sentence, in the calendar's local time.
import { describe, expect, it } from 'vitest';
import type { Sla } from '../../../schemas/generated/case-type.ts';
import { fireSlaTimer, updateSlas } from '../../../runtime/engine/sla.ts';
import type { SlaUpdate } from '../../../runtime/engine/sla.ts';
import { explainSla, formatSpan, slaView, slaViews } from '../../../runtime/engine/sla-explain.ts';
import type { SlaInstance } from '../../../runtime/engine/types.ts';
import { H, MIN, calendars, caseType, firstResponse, step } from './sla-fixtures.ts';
import type { StepGiven } from './sla-fixtures.ts';

const MON_10 = '2026-01-05T09:00:00.000Z'; // local Mon 10:00

/** Runs steps; a step `{ fire: true }` fires the pending SLA timer at its due time. */
function run(sla: Sla, steps: (StepGiven | { fire: true })[]): SlaInstance {
  const def = caseType({ firstResponse: sla });
  let update: SlaUpdate = { instances: [], setTimers: [], cancelTimers: [] };
  let pending = update.setTimers;
  for (const given of steps) {
    if ('fire' in given) {
      const timer = pending[0];
      const fired = timer ? fireSlaTimer(def, calendars, update.instances, timer.id, timer.dueAt) : null;
      if (!fired) throw new Error('no timer to fire');
      update = fired;
    } else {
      update = updateSlas(def, calendars, update.instances, step(given));
    }
    if (update.setTimers.length > 0 || update.cancelTimers.length > 0) pending = update.setTimers;
  }
  const [record] = update.instances;
  if (!record) throw new Error('no record');
  return record;
}

const explain = (sla: Sla, record: SlaInstance, now: string) =>
  explainSla(caseType({ firstResponse: sla }), calendars, record, now);
const created: StepGiven = { event: 'case.created', now: MON_10, entered: ['triage'] };
const fire = { fire: true } as const;

describe('explainSla', () => {
  it('running', () => {
    const record = run(firstResponse, [created]);
    expect(explain(firstResponse, record, '2026-01-05T10:00:00.000Z')).toBe(
      "Running, due Tue 10:00 (goal Mon 14:00), 7 h left: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
    );
  });

  it('warning and missed goal', () => {
    const warned = run(firstResponse, [created, fire]);
    const missed = run(firstResponse, [created, fire, fire]);
    expect([
      explain(firstResponse, warned, '2026-01-05T12:00:00.000Z'),
      explain(firstResponse, missed, '2026-01-05T13:00:00.000Z'),
    ]).toEqual([
      "Warning since Mon 13:00, due Tue 10:00 (goal Mon 14:00), 5 h left: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
      "Goal missed at Mon 14:00, due Tue 10:00, 4 h left: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
    ]);
  });

  it('breached after a pause, from Friday 16:00 with PT16H', () => {
    // given created Fri 16:00 local, waiting for the customer Mon 10:00-13:00 local
    const sla: Sla = { ...firstResponse, goal: undefined, deadline: 'PT16H' };
    const record = run(sla, [
      { event: 'case.created', now: '2026-01-09T15:00:00.000Z', entered: ['triage'] },
      { event: 'ASK_CUSTOMER', now: '2026-01-12T09:00:00.000Z', entered: ['waitingForCustomer'] },
      { event: 'CUSTOMER_REPLIED', now: '2026-01-12T12:00:00.000Z', entered: ['triage'] },
      fire, // warning, Tue 15:00 local
      fire, // breach
    ]);
    expect(explain(sla, record, '2026-01-14T11:00:00.000Z')).toBe(
      "Breached at Wed 11:00: deadline PT16H in 'office' from Fri 16:00, paused 3 h while in 'Waiting for customer' (Mon 10:00–13:00).",
    );
  });

  it('breached with passed-deadline reminders', () => {
    const sla: Sla = { ...firstResponse, passedDeadline: { every: 'PT2H' } };
    const record = run(sla, [created, fire, fire, fire, fire, fire]);
    expect(explain(sla, record, '2026-01-06T13:30:00.000Z')).toBe(
      "Breached at Tue 10:00, reminded 2 times since (last Tue 14:00): goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
    );
  });

  it('paused, with the open pause up to now', () => {
    const record = run(firstResponse, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] },
    ]);
    expect(explain(firstResponse, record, '2026-01-05T11:00:00.000Z')).toBe(
      "Paused since Mon 11:00, 7 h left: goal PT4H, deadline PT8H in 'office' from Mon 10:00, paused 1 h while in 'Waiting for customer' (Mon 11:00–now).",
    );
  });

  it('paused past a rung says which rung was reached', () => {
    const record = run(firstResponse, [
      created,
      fire,
      { event: 'ASK', now: '2026-01-05T12:30:00.000Z', entered: ['waitingForCustomer'] },
    ]);
    expect(explain(firstResponse, record, '2026-01-05T12:30:00.000Z')).toBe(
      "Paused since Mon 13:30, 4 h 30 min left (warned at Mon 13:00): goal PT4H, deadline PT8H in 'office' from Mon 10:00, paused 0 min while in 'Waiting for customer' (Mon 13:30–now).",
    );
  });

  it('met, met late and cancelled', () => {
    const met = run(firstResponse, [
      created,
      { event: 'START', now: '2026-01-05T10:30:00.000Z', entered: ['investigating'] },
    ]);
    const late = run(firstResponse, [
      created,
      { event: 'START', now: '2026-01-06T09:30:00.000Z', entered: ['investigating'] },
    ]);
    const cancelled = run(firstResponse, [
      created,
      fire,
      fire,
      { event: 'CLOSE', now: '2026-01-05T14:00:00.000Z', entered: ['resolved'], caseClosed: true },
    ]);
    expect([met, late, cancelled].map((r) => explain(firstResponse, r, '2026-01-07T09:00:00.000Z'))).toEqual([
      "Met at Mon 11:30, 6 h 30 min before the deadline: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
      "Met late at Tue 10:30, 30 min after the deadline at Tue 10:00: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
      "Cancelled at Mon 15:00 (goal missed at Mon 14:00): goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
    ]);
  });

  it('lists several pauses with their reasons: an event, a rule', () => {
    const sla: Sla = {
      ...firstResponse,
      start: { event: ['case.created', 'CUSTOMER_REPLIED'] },
      pause: { event: ['ASK_CUSTOMER'], rule: 'awaitingInfo' },
    };
    const record = run(sla, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', active: ['triage'] },
      { event: 'CUSTOMER_REPLIED', now: '2026-01-05T11:00:00.000Z', active: ['triage'] },
      { event: 'NOTE', now: '2026-01-05T12:00:00.000Z', active: ['triage'], rules: ['awaitingInfo'] },
      { event: 'NOTE', now: '2026-01-05T12:30:00.000Z', active: ['triage'] },
    ]);
    expect(explain(sla, record, '2026-01-05T13:00:00.000Z')).toBe(
      "Running, due Tue 11:30 (goal Mon 15:30), 5 h 30 min left: goal PT4H, deadline PT8H in 'office' from Mon 10:00, paused 1 h 30 min in 2 pauses: 1 h after ASK_CUSTOMER (Mon 11:00–12:00); 30 min while 'Information requested' held (Mon 13:00–13:30).",
    );
  });

  it('in elapsed time, in UTC with dates, when there is no calendar', () => {
    const sla: Sla = { start: { event: ['case.created'] }, deadline: 'P30D' };
    const record = run(sla, [created]);
    expect(explain(sla, record, '2026-01-05T10:00:00.000Z')).toBe(
      'Running, due Wed 4 Feb 09:00 UTC, 29 d 23 h left: deadline P30D from Mon 5 Jan 09:00 UTC.',
    );
  });
});

describe('slaView', () => {
  it('gives the derived figures of a record and its sentence', () => {
    const record = run(firstResponse, [created, fire]);
    expect(slaView(caseType({ firstResponse }), calendars, record, '2026-01-05T12:30:00.000Z')).toEqual({
      id: 'firstResponse#1',
      name: 'firstResponse',
      title: 'First response',
      status: 'warning',
      urgency: 1,
      startedAt: MON_10,
      closedAt: null,
      warnAt: '2026-01-05T12:00:00.000Z',
      goalAt: '2026-01-05T13:00:00.000Z',
      deadlineAt: '2026-01-06T09:00:00.000Z',
      nextRung: 'goalMissed',
      nextAt: '2026-01-05T13:00:00.000Z',
      elapsedMs: 3 * H + 30 * MIN,
      remainingMs: 4 * H + 30 * MIN,
      pausedMs: 0,
      text: "Warning since Mon 13:00, due Tue 10:00 (goal Mon 14:00), 4 h 30 min left: goal PT4H, deadline PT8H in 'office' from Mon 10:00.",
    });
  });

  it('lists the views of all records in order (slaViews)', () => {
    const record = run(firstResponse, [created]);
    const second = { ...record, id: 'firstResponse#2' };
    const views = slaViews(caseType({ firstResponse }), calendars, [record, second], MON_10);
    expect(views.map((v) => [v.id, v.status, v.remainingMs])).toEqual([
      ['firstResponse#1', 'running', 8 * H],
      ['firstResponse#2', 'running', 8 * H],
    ]);
  });

  it('freezes the figures of a closed record at its close', () => {
    const record = run(firstResponse, [
      created,
      { event: 'START', now: '2026-01-05T10:30:00.000Z', entered: ['investigating'] },
    ]);
    const view = slaView(caseType({ firstResponse }), calendars, record, '2026-02-01T09:00:00.000Z');
    expect([view.elapsedMs, view.remainingMs, view.nextRung, view.nextAt]).toEqual([
      90 * MIN,
      6 * H + 30 * MIN,
      null,
      null,
    ]);
  });

  it('explains an unknown SLA name in plain words', () => {
    const record = run(firstResponse, [created]);
    expect(() => slaView(caseType({}), calendars, record, MON_10)).toThrow(
      "SLA record 'firstResponse#1' names SLA 'firstResponse', which case type 'complaint' does not define: explain a case with the case-type version it was created with.",
    );
  });
});

describe('formatSpan', () => {
  it('writes business time in hours and minutes, and days for elapsed time', () => {
    expect([
      formatSpan(16 * H, false),
      formatSpan(2 * H + 30 * MIN, false),
      formatSpan(45_000, false),
      formatSpan(30 * 24 * H, true),
      formatSpan(0, true),
    ]).toEqual(['16 h', '2 h 30 min', '45 s', '30 d', '0 min']);
  });

  it('words the units it is given, the same way', () => {
    const units = { d: 'dg', h: 'u', min: 'mi', s: 'sec' };
    expect([
      formatSpan(16 * H, false, units),
      formatSpan(2 * H + 30 * MIN, false, units),
      formatSpan(45_000, false, units),
      formatSpan(30 * 24 * H + H + 1000, true, units),
      formatSpan(0, true, units),
      formatSpan(-(90 * MIN), false, units),
    ]).toEqual(['16 u', '2 u 30 mi', '45 sec', '30 dg 1 u 1 sec', '0 mi', '1 u 30 mi']);
  });
});
