// A case is plain JSON: stored and loaded between every event (the machine snapshot is rebuilt with
// resolveState), it behaves exactly as when kept in memory.
import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, createCase, fireTimer } from '../../../runtime/engine/index.ts';
import type { Case, Outcome } from '../../../runtime/engine/index.ts';
import { caseType, stored } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'intake',
    states: {
      intake: { task: { title: 'Intake', queue: 'front' }, on: { SUBMIT: [{ target: 'work', guard: 'complete' }] } },
      work: {
        type: 'parallel',
        states: {
          docs: { initial: 'asking', states: { asking: { after: [{ id: 'remind', delay: 'P2D', actions: [{ type: 'notify', to: 'customer', template: 'remind' }] }], on: { DOCS: 'received' } }, received: { type: 'final' } } },
          review: { initial: 'reviewing', states: { reviewing: { task: { title: 'Review' }, on: { APPROVE: { target: 'approved', guard: { in: ['received'] } } } }, approved: {} } },
        },
        always: { target: 'closed', guard: { all: [{ in: ['approved'] }, 'complete'] }, actions: [{ type: 'note', text: 'auto-closed' }] },
      },
      closed: { type: 'final' },
    },
  },
  { rules: { complete: { schema: { required: ['name'] } } }, events: { SUBMIT: { data: { type: 'object' } }, DOCS: {}, APPROVE: {} }, queues: { front: {} } },
);

type Step = (type: ReturnType<typeof compileCaseType>, kase: Case) => Outcome;
const steps: Step[] = [
  (t, k) => applyEvent(t, k, { type: 'SUBMIT', data: { name: 'Ann' } }, '2026-01-05T10:00:00.000Z'),
  (t, k) => fireTimer(t, k, 'timer.remind', '2026-01-07T10:00:00.000Z'),
  (t, k) => applyEvent(t, k, { type: 'DOCS' }, '2026-01-07T11:00:00.000Z'),
  (t, k) => applyEvent(t, k, { type: 'APPROVE' }, '2026-01-07T12:00:00.000Z'),
];

function run(roundTrip: boolean): Outcome[] {
  const type = compileCaseType(def);
  const outcomes: Outcome[] = [createCase(type, { id: 'C9' }, '2026-01-05T09:00:00.000Z')];
  for (const step of steps) {
    const last = outcomes.at(-1);
    if (!last?.ok) throw new Error('a step was rejected');
    outcomes.push(step(type, roundTrip ? stored(last.case) : last.case));
  }
  return outcomes;
}

describe('round trip through JSON', () => {
  it('gives the same outcomes whether the case is reloaded from JSON between events or not', () => {
    const inMemory = run(false);
    const reloaded = run(true);
    expect(stored(reloaded)).toEqual(stored(inMemory));
    // and each outcome survives JSON unchanged
    expect(reloaded.map((o) => stored(o))).toEqual(reloaded);
  });

  it('walks through nested parallel states, a timer and an always transition to the end', () => {
    const outcomes = run(true);
    expect(outcomes.map((o) => (o.ok ? o.case.state : o.code))).toEqual([
      'intake',
      { work: { docs: 'asking', review: 'reviewing' } },
      { work: { docs: 'asking', review: 'reviewing' } },
      { work: { docs: 'received', review: 'reviewing' } },
      'closed',
    ]);
    const last = outcomes.at(-1);
    expect(last?.ok && last.case).toMatchObject({ revision: 5, closedAt: '2026-01-07T12:00:00.000Z', tasks: [], timers: [] });
    expect(last?.ok && last.history.notes).toEqual(['auto-closed']);
  });
});
