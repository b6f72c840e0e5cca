// The designer's simulator runs the same engine: moving the clock past a task's due time escalates it once
// (issue 21), as the host does.
import { describe, expect, it } from 'vitest';
import { compileCaseType } from '../../../runtime/engine/index.ts';
import { advanceTo, current, sendEvent, startSimulation, type SimResult, type Simulation } from '../../../designer/src/sim/simulator.ts';

const type = compileCaseType({
  key: 'callback',
  title: 'Call back',
  data: { type: 'object' },
  events: { DONE: { title: 'Called' } },
  queues: { front: {}, supervisors: {} },
  playbook: {
    initial: 'calling',
    states: {
      calling: { task: { title: 'Call the customer', queue: 'front', due: 'PT2H', onOverdue: [{ type: 'priority', value: 'urgent' }, { type: 'assign', queue: 'supervisors' }] }, on: { DONE: 'done' } },
      done: { type: 'final' },
    },
  },
});

const sim = (r: SimResult): Simulation => {
  if (!r.ok) throw new Error(r.rejection.message);
  return r.sim;
};

describe('overdue tasks in the simulator', () => {
  it('escalates once when the clock passes the due time', () => {
    const started = sim(startSimulation(type, {}, '2026-01-05T09:00:00.000Z'));
    const later = sim(advanceTo(type, started, '2026-01-05T15:00:00.000Z'));
    const snap = current(later);
    expect(snap.label).toBe('advance PT6H (fired task.calling.overdue)');
    expect(snap.case.priority).toBe('urgent');
    expect(snap.case.tasks[0]).toMatchObject({ queue: 'supervisors', escalatedAt: '2026-01-05T11:00:00.000Z' });
    expect(current(sim(advanceTo(type, later, '2026-01-06T15:00:00.000Z'))).entries).toEqual([]);
  });

  it('does not escalate a task done in time', () => {
    const started = sim(startSimulation(type, {}, '2026-01-05T09:00:00.000Z'));
    const done = sim(sendEvent(type, started, 'DONE', undefined));
    expect(current(sim(advanceTo(type, done, '2026-01-05T15:00:00.000Z'))).entries).toEqual([]);
  });
});
