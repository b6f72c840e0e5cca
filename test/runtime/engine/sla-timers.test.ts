// fireSlaTimer: each rung of the ladder in turn, repeats after the deadline, and stale timers.
import { describe, expect, it } from 'vitest';
import type { Sla } from '../../../schemas/generated/case-type.ts';
import { fireSlaTimer, updateSlas } from '../../../runtime/engine/sla.ts';
import type { SlaRungReached, SlaUpdate } from '../../../runtime/engine/sla.ts';
import type { SlaInstance } from '../../../runtime/engine/types.ts';
import { calendars, caseType, firstResponse, step } from './sla-fixtures.ts';

const MON_10 = '2026-01-05T09:00:00.000Z'; // local Mon 10:00

function start(sla: Sla): SlaUpdate {
  return updateSlas(
    caseType({ firstResponse: sla }),
    calendars,
    [],
    step({ event: 'case.created', now: MON_10, entered: ['triage'] }),
  );
}

/** Fires the pending timer of `update` at its due time. */
function fireNext(sla: Sla, update: SlaUpdate): SlaRungReached {
  const timer = update.setTimers[0];
  if (!timer) throw new Error('no pending timer');
  const result = fireSlaTimer(
    caseType({ firstResponse: sla }),
    calendars,
    update.instances,
    timer.id,
    timer.dueAt,
  );
  if (!result) throw new Error(`timer ${timer.id} was stale`);
  return result;
}

const summary = (r: SlaRungReached) => ({
  rung: r.rung,
  repeat: r.repeat,
  at: r.at,
  status: r.instances[0]?.status,
  urgency: r.urgency,
  actions: r.actions.map((a) => a.type),
  next: r.setTimers.map((t) => `${t.id}@${t.dueAt}`),
  cancelTimers: r.cancelTimers,
});

describe('the rungs in turn', () => {
  it('warning, goal missed, breached: each raises urgency, sets the status and yields its actions', () => {
    const sla: Sla = { ...firstResponse, passedDeadline: { every: 'PT2H', times: 2 } };
    const warned = fireNext(sla, start(sla));
    const missed = fireNext(sla, warned);
    const breached = fireNext(sla, missed);
    const again1 = fireNext(sla, breached);
    const again2 = fireNext(sla, again1);
    expect([warned, missed, breached, again1, again2].map(summary)).toEqual([
      {
        rung: 'warning',
        repeat: 0,
        at: '2026-01-05T12:00:00.000Z',
        status: 'warning',
        urgency: 1,
        actions: ['note'],
        next: ['sla.firstResponse#1.goalMissed@2026-01-05T13:00:00.000Z'],
        cancelTimers: [],
      },
      {
        rung: 'goalMissed',
        repeat: 0,
        at: '2026-01-05T13:00:00.000Z',
        status: 'missed-goal',
        urgency: 2,
        actions: ['notify'],
        next: ['sla.firstResponse#1.breached@2026-01-06T09:00:00.000Z'],
        cancelTimers: [],
      },
      {
        rung: 'breached',
        repeat: 0,
        at: '2026-01-06T09:00:00.000Z',
        status: 'breached',
        urgency: 3,
        actions: ['set', 'raise'],
        // Tue 12:00 local: two working hours after the deadline
        next: ['sla.firstResponse#1.passedDeadline.1@2026-01-06T11:00:00.000Z'],
        cancelTimers: [],
      },
      {
        rung: 'passedDeadline',
        repeat: 1,
        at: '2026-01-06T11:00:00.000Z',
        status: 'breached',
        urgency: 4,
        actions: ['notify'],
        next: ['sla.firstResponse#1.passedDeadline.2@2026-01-06T13:00:00.000Z'],
        cancelTimers: [],
      },
      {
        rung: 'passedDeadline',
        repeat: 2,
        at: '2026-01-06T13:00:00.000Z',
        status: 'breached',
        urgency: 5,
        actions: ['notify'],
        next: [],
        cancelTimers: [],
      },
    ]);
    expect(again2.instances[0]?.rungs).toEqual([
      { rung: 'warning', at: '2026-01-05T12:00:00.000Z' },
      { rung: 'goalMissed', at: '2026-01-05T13:00:00.000Z' },
      { rung: 'breached', at: '2026-01-06T09:00:00.000Z' },
      { rung: 'passedDeadline', at: '2026-01-06T11:00:00.000Z' },
      { rung: 'passedDeadline', at: '2026-01-06T13:00:00.000Z' },
    ]);
  });

  it('passedDeadline without times repeats in working time until the record closes', () => {
    const sla: Sla = { ...firstResponse, passedDeadline: { every: 'PT3H' } };
    let update: SlaUpdate = start(sla);
    for (let i = 0; i < 3; i++) update = fireNext(sla, update); // warning, goal, breach (Tue 10:00 local)
    const due: string[] = [];
    for (let i = 0; i < 3; i++) {
      update = fireNext(sla, update);
      due.push(update.setTimers.map((t) => `${t.id}@${t.dueAt}`).join());
    }
    // Tue 13:00, Tue 16:00, Wed 11:00, Wed 14:00 local
    expect(due).toEqual([
      'sla.firstResponse#1.passedDeadline.2@2026-01-06T15:00:00.000Z',
      'sla.firstResponse#1.passedDeadline.3@2026-01-07T10:00:00.000Z',
      'sla.firstResponse#1.passedDeadline.4@2026-01-07T13:00:00.000Z',
    ]);
    const closed = updateSlas(
      caseType({ firstResponse: sla }),
      calendars,
      update.instances,
      step({ event: 'START', now: '2026-01-07T11:00:00.000Z', entered: ['investigating'] }),
    );
    expect([closed.instances[0]?.status, closed.setTimers, closed.cancelTimers]).toEqual([
      'met-late',
      [],
      ['sla.firstResponse#1.passedDeadline.4'],
    ]);
  });

  it('passedDeadline every P1D lands on the same local time each working day', () => {
    const sla: Sla = { ...firstResponse, passedDeadline: { every: 'P1D' } };
    let update: SlaUpdate = start(sla);
    for (let i = 0; i < 5; i++) update = fireNext(sla, update); // ... breach Tue, Wed, Thu 10:00 local
    // Thu 10:00 + P1D is Fri 10:00 local
    expect(update.setTimers).toEqual([
      {
        id: 'sla.firstResponse#1.passedDeadline.3',
        event: 'sla.firstResponse.passedDeadline',
        dueAt: '2026-01-09T09:00:00.000Z',
      },
    ]);
  });

  it('skips a warning that falls after the goal: urgency only rises', () => {
    const sla: Sla = { ...firstResponse, warnAt: 'PT5H' };
    const first = start(sla);
    expect(first.setTimers.map((t) => t.id)).toEqual(['sla.firstResponse#1.goalMissed']);
    const missed = fireNext(sla, first);
    expect([missed.instances[0]?.rungs, missed.setTimers.map((t) => t.id)]).toEqual([
      [{ rung: 'goalMissed', at: '2026-01-05T13:00:00.000Z' }],
      ['sla.firstResponse#1.breached'],
    ]);
  });

  it('with warnAt 100 % fires the warning first and then the goal at the same instant', () => {
    const sla: Sla = { ...firstResponse, warnAt: '100%' };
    const warned = fireNext(sla, start(sla));
    expect([warned.at, warned.setTimers]).toEqual([
      '2026-01-05T13:00:00.000Z',
      [
        {
          id: 'sla.firstResponse#1.goalMissed',
          event: 'sla.firstResponse.goalMissed',
          dueAt: '2026-01-05T13:00:00.000Z',
        },
      ],
    ]);
  });
});

describe('stale timers', () => {
  const def = caseType({ firstResponse });
  const started = start(firstResponse);
  const fire = (instances: SlaInstance[], id: string, now: string) =>
    fireSlaTimer(def, calendars, instances, id, now);

  it('is null once the record is paused before the rung', () => {
    const paused = updateSlas(
      def,
      calendars,
      started.instances,
      step({ event: 'ASK', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] }),
    );
    expect(fire(paused.instances, 'sla.firstResponse#1.warning', '2026-01-05T12:00:00.000Z')).toBeNull();
  });

  it('is null after a resume moved the rung later', () => {
    const paused = updateSlas(
      def,
      calendars,
      started.instances,
      step({ event: 'ASK', now: '2026-01-05T10:00:00.000Z', entered: ['waitingForCustomer'] }),
    );
    const resumed = updateSlas(
      def,
      calendars,
      paused.instances,
      step({ event: 'REPLIED', now: '2026-01-05T11:00:00.000Z', entered: ['triage'] }),
    );
    expect(fire(resumed.instances, 'sla.firstResponse#1.warning', '2026-01-05T12:00:00.000Z')).toBeNull();
    // and fires at its new due time, one hour later
    expect(fire(resumed.instances, 'sla.firstResponse#1.warning', '2026-01-05T13:00:00.000Z')?.at).toBe(
      '2026-01-05T13:00:00.000Z',
    );
  });

  it('is null once the record closed, or was reset', () => {
    const met = updateSlas(
      def,
      calendars,
      started.instances,
      step({ event: 'START', now: '2026-01-05T10:00:00.000Z', entered: ['investigating'] }),
    );
    const resetDef = caseType({ firstResponse: { ...firstResponse, reset: { event: ['REOPEN'] } } });
    const reset = updateSlas(
      resetDef,
      calendars,
      started.instances,
      step({ event: 'REOPEN', now: '2026-01-05T10:00:00.000Z', active: ['triage'] }),
    );
    expect([
      fire(met.instances, 'sla.firstResponse#1.warning', '2026-01-05T12:00:00.000Z'),
      fireSlaTimer(
        resetDef,
        calendars,
        reset.instances,
        'sla.firstResponse#1.warning',
        '2026-01-05T12:00:00.000Z',
      ),
    ]).toEqual([null, null]);
  });

  it('is null before its due time, for a rung not next, and for ids it does not know', () => {
    expect([
      fire(started.instances, 'sla.firstResponse#1.warning', '2026-01-05T11:59:59.999Z'),
      fire(started.instances, 'sla.firstResponse#1.breached', '2026-01-06T09:00:00.000Z'),
      fire(started.instances, 'sla.firstResponse#2.warning', '2026-01-05T12:00:00.000Z'),
      fire(started.instances, 'sla.firstResponse#1.passedDeadline', '2026-01-07T09:00:00.000Z'),
      fire(started.instances, 'timer.triage.0', '2026-01-05T12:00:00.000Z'),
    ]).toEqual([null, null, null, null, null]);
  });

  it('still fires a rung that fell due before a pause began, keeping the status paused', () => {
    // given paused at Mon 13:30 local, after the warning's due time (13:00) but before its timer fired
    const paused = updateSlas(
      def,
      calendars,
      started.instances,
      step({ event: 'ASK', now: '2026-01-05T12:30:00.000Z', entered: ['waitingForCustomer'] }),
    );
    expect([paused.setTimers, paused.cancelTimers]).toEqual([[], []]);
    const warned = fire(paused.instances, 'sla.firstResponse#1.warning', '2026-01-05T12:30:00.000Z');
    expect(warned && summary(warned)).toEqual({
      rung: 'warning',
      repeat: 0,
      at: '2026-01-05T12:00:00.000Z',
      status: 'paused',
      urgency: 1,
      actions: ['note'],
      next: [],
      cancelTimers: [],
    });
  });
});
