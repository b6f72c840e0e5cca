// updateSlas: records start, pause, resume, stop, cancel and reset as the case moves, with the
// timer changes that go with them.
import { describe, expect, it } from 'vitest';
import type { Sla } from '../../../schemas/generated/case-type.ts';
import { compileSlaCalendars, fireSlaTimer, updateSlas } from '../../../runtime/engine/sla.ts';
import type { SlaUpdate } from '../../../runtime/engine/sla.ts';
import type { SlaInstance } from '../../../runtime/engine/types.ts';
import { calendars, caseType, firstResponse, step } from './sla-fixtures.ts';
import type { StepGiven } from './sla-fixtures.ts';

const MON_10 = '2026-01-05T09:00:00.000Z'; // local Mon 10:00

function run(sla: Sla, steps: StepGiven[], from: SlaInstance[] = []): SlaUpdate {
  const def = caseType({ firstResponse: sla });
  let update: SlaUpdate = { instances: from, setTimers: [], cancelTimers: [] };
  for (const given of steps) update = updateSlas(def, calendars, update.instances, step(given));
  return update;
}

const created: StepGiven = { event: 'case.created', now: MON_10, entered: ['triage'] };

const running: SlaInstance = {
  id: 'firstResponse#1',
  name: 'firstResponse',
  status: 'running',
  startedAt: MON_10,
  pauses: [],
  closedAt: null,
  rungs: [],
  urgency: 0,
};

describe('start', () => {
  it('opens record #1 when the start condition matches, with a timer for its first rung', () => {
    expect(run(firstResponse, [created])).toEqual({
      instances: [running],
      setTimers: [
        {
          id: 'sla.firstResponse#1.warning',
          event: 'sla.firstResponse.warning',
          dueAt: '2026-01-05T12:00:00.000Z',
        },
      ],
      cancelTimers: [],
    });
  });

  it('opens nothing while the start condition does not match', () => {
    expect(run(firstResponse, [{ event: 'NOTE', now: MON_10, active: ['triage'] }])).toEqual({
      instances: [],
      setTimers: [],
      cancelTimers: [],
    });
  });

  it('does not start again once the record closed (only reset does)', () => {
    const sla: Sla = { ...firstResponse, start: { in: ['triage'] }, stop: { event: ['REPLY'] } };
    const result = run(sla, [
      { event: 'case.created', now: MON_10, entered: ['triage'] },
      { event: 'REPLY', now: '2026-01-05T10:00:00.000Z', active: ['triage'] },
      { event: 'NOTE', now: '2026-01-05T11:00:00.000Z', active: ['triage'] },
    ]);
    expect(result.instances.map((r) => [r.id, r.status])).toEqual([['firstResponse#1', 'met']]);
  });

  it('starts paused when the pause condition holds at the start', () => {
    const result = run(firstResponse, [
      { event: 'case.created', now: MON_10, entered: ['waitingForCustomer'] },
    ]);
    expect(result).toEqual({
      instances: [
        {
          ...running,
          status: 'paused',
          pauses: [{ from: MON_10, to: null, reason: { part: 'in', name: 'waitingForCustomer' } }],
        },
      ],
      setTimers: [],
      cancelTimers: [],
    });
  });
});

describe('startFrom', () => {
  const sla: Sla = { ...firstResponse, startFrom: '/receivedAt' };

  it('starts the clock at the field when it is in the past (Fri 16:00 local), rungs counted from there', () => {
    const result = run(sla, [{ ...created, data: { receivedAt: '2026-01-02T16:00:00+01:00' } }]);
    expect(result.instances.map((r) => r.startedAt)).toEqual(['2026-01-02T15:00:00.000Z']);
    // 3 business hours: Fri 16-17 and Mon 9-11 local
    expect(result.setTimers).toEqual([
      {
        id: 'sla.firstResponse#1.warning',
        event: 'sla.firstResponse.warning',
        dueAt: '2026-01-05T10:00:00.000Z',
      },
    ]);
  });

  it('starts at now when the field is in the future, missing or not a date-time', () => {
    const future = run(sla, [{ ...created, data: { receivedAt: '2026-01-06T09:00:00.000Z' } }]);
    const missing = run(sla, [created]);
    const unreadable = run(sla, [{ ...created, data: { receivedAt: 'yesterday' } }]);
    expect([future, missing, unreadable].map((u) => u.instances[0]?.startedAt)).toEqual([
      MON_10,
      MON_10,
      MON_10,
    ]);
  });

  it('lets rungs already past fall due at once, each recorded at its derived instant', () => {
    // given received Thu 1 Jan 09:00 local, created Mon 5 Jan 10:00 local: the whole ladder is past
    const def = caseType({ firstResponse: sla });
    let update = run(sla, [{ ...created, data: { receivedAt: '2026-01-01T08:00:00.000Z' } }]);
    const fired: string[] = [];
    for (let timer = update.setTimers[0]; timer; timer = update.setTimers[0]) {
      const result = fireSlaTimer(def, calendars, update.instances, timer.id, MON_10);
      if (!result) break;
      fired.push(`${result.rung}@${result.at}`);
      update = result;
    }
    // then warning Thu 12:00, goal Thu 13:00, breach Thu 17:00 local; no passedDeadline configured
    expect(fired).toEqual([
      'warning@2026-01-01T11:00:00.000Z',
      'goalMissed@2026-01-01T12:00:00.000Z',
      'breached@2026-01-01T16:00:00.000Z',
    ]);
    expect(update.instances.map((r) => [r.status, r.urgency])).toEqual([['breached', 3]]);
  });
});

describe('stop', () => {
  it('closes as met before the deadline and cancels the pending timer', () => {
    const result = run(firstResponse, [
      created,
      { event: 'START_WORK', now: '2026-01-05T10:30:00.000Z', entered: ['investigating', 'collect'] },
    ]);
    expect(result).toEqual({
      instances: [{ ...running, status: 'met', closedAt: '2026-01-05T10:30:00.000Z' }],
      setTimers: [],
      cancelTimers: ['sla.firstResponse#1.warning'],
    });
  });

  it('closes as met exactly at the deadline when the breach has not been reached', () => {
    const result = run(firstResponse, [
      created,
      { event: 'START_WORK', now: '2026-01-06T09:00:00.000Z', entered: ['investigating'] },
    ]);
    expect(result.instances.map((r) => r.status)).toEqual(['met']);
  });

  it('closes as met-late after the deadline, even when no rung timer fired', () => {
    const result = run(firstResponse, [
      created,
      { event: 'START_WORK', now: '2026-01-06T09:30:00.000Z', entered: ['investigating'] },
    ]);
    expect(result.instances.map((r) => [r.status, r.closedAt, r.urgency])).toEqual([
      ['met-late', '2026-01-06T09:30:00.000Z', 0],
    ]);
  });

  it('closes as met-late at the deadline once the breach rung was reached', () => {
    const breached: SlaInstance = {
      ...running,
      status: 'breached',
      urgency: 3,
      rungs: [{ rung: 'breached', at: '2026-01-06T09:00:00.000Z' }],
    };
    const result = run(
      firstResponse,
      [{ event: 'START_WORK', now: '2026-01-06T09:00:00.000Z', entered: ['investigating'] }],
      [breached],
    );
    expect(result.instances.map((r) => r.status)).toEqual(['met-late']);
  });

  it('counts the deadline after pauses: stopped Tue 12:00 local after a 4 h pause is met', () => {
    const result = run(firstResponse, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] },
      { event: 'CUSTOMER_REPLIED', now: '2026-01-05T14:00:00.000Z', entered: ['triage'] },
      { event: 'START_WORK', now: '2026-01-06T11:00:00.000Z', entered: ['investigating'] },
    ]);
    expect(result.instances).toEqual([
      {
        ...running,
        status: 'met',
        closedAt: '2026-01-06T11:00:00.000Z',
        pauses: [
          {
            from: '2026-01-05T10:00:00.000Z',
            to: '2026-01-05T14:00:00.000Z',
            reason: { part: 'in', name: 'waitingForCustomer' },
          },
        ],
      },
    ]);
  });
});

describe('cancel and case closed', () => {
  const sla: Sla = {
    ...firstResponse,
    cancel: { event: ['WITHDRAW'] },
    stop: { event: ['WITHDRAW', 'REPLY'] },
  };

  it('cancel wins over stop in the same step', () => {
    const result = run(sla, [
      created,
      { event: 'WITHDRAW', now: '2026-01-05T10:00:00.000Z', entered: ['closed'], caseClosed: true },
    ]);
    expect(result).toEqual({
      instances: [{ ...running, status: 'cancelled', closedAt: '2026-01-05T10:00:00.000Z' }],
      setTimers: [],
      cancelTimers: ['sla.firstResponse#1.warning'],
    });
  });

  it('a case closed without meeting the stop condition cancels its open records', () => {
    const sla2: Sla = { ...firstResponse, stop: { enter: ['investigating'] } };
    const result = run(sla2, [
      created,
      { event: 'CLOSE', now: '2026-01-05T10:00:00.000Z', entered: ['closed'], caseClosed: true },
    ]);
    expect(result.instances.map((r) => [r.status, r.closedAt])).toEqual([
      ['cancelled', '2026-01-05T10:00:00.000Z'],
    ]);
  });

  it('a case closed by entering a stop state meets the SLA', () => {
    const result = run(firstResponse, [
      created,
      { event: 'CLOSE', now: '2026-01-05T10:00:00.000Z', entered: ['closed'], caseClosed: true },
    ]);
    expect(result.instances.map((r) => r.status)).toEqual(['met']);
  });

  it('closing a paused record ends its pause', () => {
    const result = run(sla, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] },
      { event: 'WITHDRAW', now: '2026-01-05T11:00:00.000Z', entered: ['closed'], caseClosed: true },
    ]);
    expect(result.instances.map((r) => [r.status, r.pauses.map((p) => [p.from, p.to])])).toEqual([
      ['cancelled', [['2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z']]],
    ]);
  });
});

describe('reset', () => {
  const sla: Sla = { ...firstResponse, stop: { enter: ['resolved'] }, reset: { event: ['REOPEN'] } };

  it('closes the open record as cancelled, keeping its rungs, and starts the next one now', () => {
    const goalMissed: SlaInstance = {
      ...running,
      status: 'missed-goal',
      urgency: 2,
      rungs: [
        { rung: 'warning', at: '2026-01-05T12:00:00.000Z' },
        { rung: 'goalMissed', at: '2026-01-05T13:00:00.000Z' },
      ],
    };
    const result = run(
      sla,
      [{ event: 'REOPEN', now: '2026-01-05T14:00:00.000Z', entered: ['triage'] }],
      [goalMissed],
    );
    expect(result).toEqual({
      instances: [
        { ...goalMissed, status: 'cancelled', closedAt: '2026-01-05T14:00:00.000Z' },
        { ...running, id: 'firstResponse#2', startedAt: '2026-01-05T14:00:00.000Z' },
      ],
      // Mon 15:00 local + 3 business hours = Tue 10:00 local
      setTimers: [
        {
          id: 'sla.firstResponse#2.warning',
          event: 'sla.firstResponse.warning',
          dueAt: '2026-01-06T09:00:00.000Z',
        },
      ],
      cancelTimers: ['sla.firstResponse#1.breached'],
    });
  });

  it('starts a fresh record after a met one (a reopened case gets a new clock)', () => {
    const result = run(sla, [
      created,
      { event: 'RESOLVE', now: '2026-01-05T10:00:00.000Z', entered: ['resolved'] },
      { event: 'REOPEN', now: '2026-01-07T09:00:00.000Z', entered: ['triage'] },
    ]);
    expect(result.instances.map((r) => [r.id, r.status, r.startedAt, r.closedAt])).toEqual([
      ['firstResponse#1', 'met', MON_10, '2026-01-05T10:00:00.000Z'],
      ['firstResponse#2', 'running', '2026-01-07T09:00:00.000Z', null],
    ]);
  });

  it('does nothing before the first record started', () => {
    const late: Sla = { ...sla, start: { event: ['SUBMIT'] } };
    expect(run(late, [{ event: 'REOPEN', now: MON_10, entered: ['triage'] }]).instances).toEqual([]);
  });
});

describe('pause and resume', () => {
  it('`in` pauses while the state is active and resumes when it is left, moving the timer', () => {
    const paused = run(firstResponse, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] },
    ]);
    expect([paused.instances.map((r) => r.status), paused.setTimers, paused.cancelTimers]).toEqual([
      ['paused'],
      [],
      ['sla.firstResponse#1.warning'],
    ]);
    const resumed = run(
      firstResponse,
      [{ event: 'CUSTOMER_REPLIED', now: '2026-01-05T14:30:00.000Z', entered: ['triage'] }],
      paused.instances,
    );
    expect(resumed).toEqual({
      instances: [
        {
          ...running,
          pauses: [
            {
              from: '2026-01-05T10:00:00.000Z',
              to: '2026-01-05T14:30:00.000Z',
              reason: { part: 'in', name: 'waitingForCustomer' },
            },
          ],
        },
      ],
      setTimers: [
        {
          id: 'sla.firstResponse#1.warning',
          event: 'sla.firstResponse.warning',
          dueAt: '2026-01-06T08:30:00.000Z',
        },
      ],
      cancelTimers: [],
    });
  });

  it('`rule` pauses while the rule holds', () => {
    const sla: Sla = { ...firstResponse, pause: { rule: 'awaitingInfo' } };
    const result = run(sla, [
      created,
      { event: 'ASK', now: '2026-01-05T10:00:00.000Z', active: ['triage'], rules: ['awaitingInfo'] },
      { event: 'NOTE', now: '2026-01-05T11:00:00.000Z', active: ['triage'], rules: ['awaitingInfo'] },
      { event: 'ANSWER', now: '2026-01-05T12:00:00.000Z', active: ['triage'] },
    ]);
    expect(result.instances.map((r) => [r.status, r.pauses])).toEqual([
      [
        'running',
        [
          {
            from: '2026-01-05T10:00:00.000Z',
            to: '2026-01-05T12:00:00.000Z',
            reason: { part: 'rule', name: 'awaitingInfo' },
          },
        ],
      ],
    ]);
  });

  it('`event` latches the pause until the start condition matches again', () => {
    const sla: Sla = {
      ...firstResponse,
      start: { event: ['case.created', 'CUSTOMER_REPLIED'] },
      pause: { event: ['ASK_CUSTOMER'] },
    };
    const asked = run(sla, [
      created,
      { event: 'ASK_CUSTOMER', now: '2026-01-05T10:00:00.000Z', active: ['triage'] },
    ]);
    const noted = run(
      sla,
      [{ event: 'NOTE', now: '2026-01-05T11:00:00.000Z', active: ['triage'] }],
      asked.instances,
    );
    const replied = run(
      sla,
      [{ event: 'CUSTOMER_REPLIED', now: '2026-01-05T12:00:00.000Z', active: ['triage'] }],
      noted.instances,
    );
    expect([asked, noted, replied].map((u) => u.instances[0]?.status)).toEqual([
      'paused',
      'paused',
      'running',
    ]);
    expect(replied.instances[0]?.pauses).toEqual([
      {
        from: '2026-01-05T10:00:00.000Z',
        to: '2026-01-05T12:00:00.000Z',
        reason: { part: 'event', name: 'ASK_CUSTOMER' },
      },
    ]);
  });

  it('`enter` latches too', () => {
    const sla: Sla = {
      ...firstResponse,
      start: { event: ['case.created', 'RESUME'] },
      pause: { enter: ['waitingForCustomer'] },
    };
    const result = run(sla, [
      created,
      { event: 'ASK', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] },
      { event: 'BACK', now: '2026-01-05T11:00:00.000Z', entered: ['triage'] },
    ]);
    expect(result.instances.map((r) => [r.status, r.pauses[0]?.reason])).toEqual([
      ['paused', { part: 'enter', name: 'waitingForCustomer' }],
    ]);
  });

  it('keeps the status `paused` past a rung, and returns to the rung status on resume', () => {
    const warned: SlaInstance = {
      ...running,
      status: 'warning',
      urgency: 1,
      rungs: [{ rung: 'warning', at: '2026-01-05T12:00:00.000Z' }],
    };
    const paused = run(
      firstResponse,
      [{ event: 'ASK', now: '2026-01-05T12:30:00.000Z', entered: ['waitingForCustomer'] }],
      [warned],
    );
    const resumed = run(
      firstResponse,
      [{ event: 'REPLIED', now: '2026-01-05T13:30:00.000Z', entered: ['triage'] }],
      paused.instances,
    );
    expect([paused, resumed].map((u) => [u.instances[0]?.status, u.instances[0]?.urgency])).toEqual([
      ['paused', 1],
      ['warning', 1],
    ]);
    // the goal moved from Mon 14:00 to Mon 15:00 local
    expect(resumed.setTimers).toEqual([
      {
        id: 'sla.firstResponse#1.goalMissed',
        event: 'sla.firstResponse.goalMissed',
        dueAt: '2026-01-05T14:00:00.000Z',
      },
    ]);
  });
});

describe('purity', () => {
  it('leaves its inputs untouched', () => {
    const input: SlaInstance[] = [running];
    const frozen = JSON.stringify(input);
    run(
      firstResponse,
      [{ event: 'ASK', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] }],
      input,
    );
    expect(JSON.stringify(input)).toBe(frozen);
  });
});

describe('compileSlaCalendars', () => {
  it('compiles every calendar of the case type by name, ready for updateSlas', () => {
    const def = caseType({ firstResponse });
    const compiled = compileSlaCalendars(def);
    expect(Object.keys(compiled)).toEqual(['office']);
    const result = updateSlas(def, compiled, [], step(created));
    expect(result.setTimers.map((t) => t.dueAt)).toEqual(['2026-01-05T12:00:00.000Z']);
  });

  it('says which calendar is missing when one was not passed', () => {
    expect(() => updateSlas(caseType({ firstResponse }), {}, [], step(created))).toThrow(
      "SLA 'firstResponse' (/slas/firstResponse/calendar) names calendar 'office', which was not compiled: pass every calendar of the case type, compiled with compileCalendar.",
    );
  });
});

describe('several SLAs', () => {
  it('run side by side, each with its own record and timer, in definition order', () => {
    const resolution: Sla = { title: 'Resolution', start: { event: ['case.created'] }, deadline: 'P30D' };
    const def = caseType({ firstResponse, resolution });
    const result = updateSlas(def, calendars, [], step(created));
    expect([result.instances.map((r) => r.id), result.setTimers]).toEqual([
      ['firstResponse#1', 'resolution#1'],
      [
        {
          id: 'sla.firstResponse#1.warning',
          event: 'sla.firstResponse.warning',
          dueAt: '2026-01-05T12:00:00.000Z',
        },
        {
          id: 'sla.resolution#1.warning',
          event: 'sla.resolution.warning',
          dueAt: '2026-01-27T21:00:00.000Z',
        },
      ],
    ]);
  });
});
