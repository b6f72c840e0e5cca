// The engine's side of SLAs (sla.ts computes the clock): updateSlas after every accepted step, SLA
// timers fired through fireTimer, rung actions run as playbook actions, sla.<name>.<rung> delivered.
import { describe, expect, it } from 'vitest';
import { compileCaseType, explainSlas } from '../../../runtime/engine/index.ts';
import { caseType, fire, send, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'open',
    states: {
      open: {
        on: {
          ANSWER: 'answered',
          WAIT: 'waiting',
          ESCALATE: { target: 'escalated' },
          'sla.response.goalMissed': { actions: [{ type: 'note', text: 'goal missed seen by the playbook' }] },
        },
      },
      waiting: { on: { REPLIED: 'open' } },
      escalated: { entry: [{ type: 'note', text: 'escalated' }], on: { ANSWER: 'answered' } },
      answered: { type: 'final' },
    },
  },
  {
    events: { ANSWER: {}, WAIT: {}, REPLIED: {}, ESCALATE: {} },
    slas: {
      response: {
        title: 'Response',
        start: { event: ['case.created'] },
        pause: { in: ['waiting'] },
        stop: { enter: ['answered'] },
        goal: 'PT4H',
        deadline: 'PT8H',
        onWarning: [{ type: 'note', text: 'response due soon' }],
        onGoalMissed: [{ type: 'notify', to: 'role:supervisor', template: 'sla-goal-missed' }],
        onBreach: [
          { type: 'set', path: '/escalated', value: true },
          { type: 'priority', value: 'urgent' },
          { type: 'raise', event: 'ESCALATE' },
        ],
      },
    },
  },
);

describe('SLAs in the engine', () => {
  it('starts the SLA on creation and sets its first timer', () => {
    const created = start(def);
    expect(created.case.slas).toEqual([
      { id: 'response#1', name: 'response', status: 'running', startedAt: '2026-01-05T09:00:00.000Z', pauses: [], closedAt: null, rungs: [], urgency: 0 },
    ]);
    const warning = { id: 'sla.response#1.warning', event: 'sla.response.warning', dueAt: '2026-01-05T12:00:00.000Z' };
    expect(created.case.timers).toEqual([warning]);
    expect(created.effects).toEqual([{ type: 'setTimer', timer: warning }]);
  });

  it('fires a rung: records it, runs its actions, sets the next timer; history actor sla', () => {
    const warned = fire(def, start(def).case, 'sla.response#1.warning', '2026-01-05T12:00:00.000Z');
    expect(warned.case.slas[0]).toMatchObject({ status: 'warning', urgency: 1, rungs: [{ rung: 'warning', at: '2026-01-05T12:00:00.000Z' }] });
    expect(warned.case.timers).toEqual([{ id: 'sla.response#1.goalMissed', event: 'sla.response.goalMissed', dueAt: '2026-01-05T13:00:00.000Z' }]);
    expect(warned.history).toMatchObject({ seq: 2, actor: 'sla', event: { type: 'sla.response.warning' }, from: 'open', to: 'open', notes: ['response due soon'] });
  });

  it('delivers sla.<name>.<rung> to a state that handles it, after the rung actions', () => {
    const warned = fire(def, start(def).case, 'sla.response#1.warning', '2026-01-05T12:00:00.000Z');
    const missed = fire(def, warned.case, 'sla.response#1.goalMissed', '2026-01-05T13:00:00.000Z');
    expect(missed.history.notes).toEqual(['goal missed seen by the playbook']);
    expect(missed.effects).toEqual([
      { type: 'setTimer', timer: { id: 'sla.response#1.breached', event: 'sla.response.breached', dueAt: '2026-01-05T17:00:00.000Z' } },
      { type: 'notify', key: 'C1:3:1', to: 'role:supervisor', template: 'sla-goal-missed' },
    ]);
  });

  it('runs breach actions like playbook actions: set, priority, and raise into the machine', () => {
    const warned = fire(def, start(def).case, 'sla.response#1.warning', '2026-01-05T12:00:00.000Z');
    const missed = fire(def, warned.case, 'sla.response#1.goalMissed', '2026-01-05T13:00:00.000Z');
    const breached = fire(def, missed.case, 'sla.response#1.breached', '2026-01-05T17:00:00.000Z');
    expect(breached.case.data).toEqual({ escalated: true });
    expect(breached.case.priority).toBe('urgent');
    expect(breached.case.state).toBe('escalated');
    expect(breached.history).toMatchObject({ event: { type: 'sla.response.breached' }, from: 'open', to: 'escalated', notes: ['escalated'], patch: [{ op: 'add', path: '/escalated', value: true }] });
    expect(breached.case.slas[0]).toMatchObject({ status: 'breached', urgency: 3 });
  });

  it('stops the SLA when its stop state is entered and cancels its timer', () => {
    const answered = send(def, start(def).case, 'ANSWER');
    expect(answered.case.slas[0]).toMatchObject({ status: 'met', closedAt: '2026-01-05T10:00:00.000Z' });
    expect(answered.case.timers).toEqual([]);
    expect(answered.effects).toEqual([{ type: 'cancelTimer', id: 'sla.response#1.warning' }]);
  });

  it('pauses while in a pause state and explains the records', () => {
    const waiting = send(def, start(def).case, 'WAIT');
    expect(waiting.case.slas[0]).toMatchObject({ status: 'paused', pauses: [{ from: '2026-01-05T10:00:00.000Z', to: null }] });
    const views = explainSlas(compileCaseType(def), waiting.case, '2026-01-05T11:00:00.000Z');
    expect(views.map((v) => [v.id, v.status, v.elapsedMs])).toEqual([['response#1', 'paused', 3_600_000]]);
  });
});

describe('SLA rung actions and always transitions', () => {
  it('re-evaluates always transitions after a rung writes data, even when no state handles the rung event', () => {
    const lateDef = caseType(
      { initial: 'open', states: { open: { always: { target: 'late', guard: 'isLate' } }, late: {} } },
      {
        key: 'late-case',
        rules: { isLate: { schema: { required: ['late'] } } },
        slas: { reply: { start: { event: ['case.created'] }, goal: 'PT4H', deadline: 'PT8H', onWarning: [{ type: 'set', path: '/late', value: true }] } },
      },
    );
    const warned = fire(lateDef, start(lateDef).case, 'sla.reply#1.warning', '2026-01-05T12:00:00.000Z');
    expect(warned.case.state).toBe('late');
    expect(warned.history).toMatchObject({ event: { type: 'sla.reply.warning' }, from: 'open', to: 'late', patch: [{ op: 'add', path: '/late', value: true }] });
  });

  it('consumes a stale SLA timer without other change', () => {
    const created = start(def);
    // the record closed (answered) but a timer for it is still listed, e.g. restored from an old backup
    const answered = send(def, created.case, 'ANSWER');
    const stale = { ...answered.case, closedAt: null, state: 'open', timers: created.case.timers };
    const fired = fire(def, stale, 'sla.response#1.warning', '2026-01-05T12:00:00.000Z');
    expect(fired.case.timers).toEqual([]);
    expect(fired.case.slas).toEqual(answered.case.slas);
    expect(fired.effects).toEqual([]);
    expect(fired.history).toMatchObject({ actor: 'sla', event: { type: 'sla.response.warning' }, from: 'open', to: 'open', patch: [], notes: [] });
  });
});
