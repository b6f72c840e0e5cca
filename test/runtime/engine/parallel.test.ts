import { describe, expect, it } from 'vitest';
import { applyEvent, compileCaseType, nextEvents } from '../../../runtime/engine/index.ts';
import { caseType, send, start } from './engine-fixtures.ts';

const def = caseType(
  {
    initial: 'work',
    states: {
      work: {
        type: 'parallel',
        states: {
          billing: {
            initial: 'checking',
            states: {
              checking: { task: { title: 'Check invoice' }, on: { INVOICE_OK: 'billed' } },
              billed: { type: 'final' },
            },
          },
          shipping: {
            initial: 'packing',
            states: {
              packing: { task: { title: 'Pack' }, on: { PACKED: { target: 'shipped', guard: { in: ['billed'] } } } },
              shipped: { type: 'final' },
            },
          },
        },
        on: { CANCEL: 'cancelled' },
      },
      cancelled: { type: 'final' },
      done: { type: 'final' },
    },
    on: {},
  },
  { events: { INVOICE_OK: {}, PACKED: {}, CANCEL: {} } },
);

describe('parallel states', () => {
  it('enters every region and opens each region task', () => {
    const created = start(def);
    expect(created.case.state).toEqual({ work: { billing: 'checking', shipping: 'packing' } });
    expect(created.case.tasks.map((t) => t.id)).toEqual(['C1:checking:1', 'C1:packing:2']);
  });

  it('moves one region at a time; { in } sees the other region', () => {
    const kase = start(def).case;
    expect(applyEvent(compileCaseType(def), kase, { type: 'PACKED' }, '2026-01-05T10:00:00.000Z')).toMatchObject({ code: 'rule.failed', rules: [] });
    const billed = send(def, kase, 'INVOICE_OK');
    expect(billed.case.state).toEqual({ work: { billing: 'billed', shipping: 'packing' } });
    expect(billed.case.tasks.map((t) => t.id)).toEqual(['C1:packing:2']);
    const shipped = send(def, billed.case, 'PACKED');
    expect(shipped.case.state).toEqual({ work: { billing: 'billed', shipping: 'shipped' } });
    // both regions final is not a top-level final state: the case stays open
    expect(shipped.case.closedAt).toBeNull();
  });

  it('an event of the parallel parent leaves all regions, closing their tasks', () => {
    const next = send(def, start(def).case, 'CANCEL');
    expect(next.case.state).toBe('cancelled');
    expect(next.effects).toEqual([
      { type: 'closeTask', id: 'C1:packing:2', state: 'packing' },
      { type: 'closeTask', id: 'C1:checking:1', state: 'checking' },
    ]);
    expect(next.case.closedAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('nextEvents walks every region', () => {
    const events = nextEvents(compileCaseType(def), start(def).case);
    expect(events.map((e) => [e.type, e.available, e.enabled, e.target])).toEqual([
      ['INVOICE_OK', true, true, 'billed'],
      ['PACKED', true, false, null],
      ['CANCEL', true, true, 'cancelled'],
    ]);
  });
});
