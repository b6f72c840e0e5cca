// Pause ledgers as shared nodes: a ledger read afresh (as each event loads the case anew) is the
// same node, a longer one is built on it, and any difference makes another node.
import { describe, expect, it } from 'vitest';
import { closedLedger } from '../../../runtime/engine/sla-ledger.ts';
import type { SlaPause } from '../../../runtime/engine/types.ts';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();
const waiting = { part: 'in', name: 'waitingForCustomer' } as const;

/** `count` closed pauses of ten minutes each, an hour apart; `open` adds an open one. */
function ledger(count: number, open = false, reason: SlaPause['reason'] = waiting): SlaPause[] {
  const pauses: SlaPause[] = [];
  for (let i = 0; i < count; i++) pauses.push({ from: at(i * 60), to: at(i * 60 + 10), reason });
  if (open) pauses.push({ from: at(count * 60), to: null, reason });
  return pauses;
}

const copy = (pauses: SlaPause[]): SlaPause[] => JSON.parse(JSON.stringify(pauses)) as SlaPause[];

describe('closedLedger', () => {
  it('is the same node for the same closed pauses, read afresh or with an open pause after them', () => {
    const node = closedLedger(ledger(3));
    expect(closedLedger(copy(ledger(3)))).toBe(node);
    expect(closedLedger(copy(ledger(3, true)))).toBe(node);
    expect(node?.count).toBe(3);
  });

  it('builds a longer ledger on the shorter one', () => {
    const shorter = closedLedger(ledger(4));
    const longer = closedLedger(copy(ledger(5)));
    expect(longer?.parent).toBe(shorter);
    expect(longer?.lastEnd).toBe(Date.parse(at(4 * 60 + 10)));
  });

  it('tells ledgers apart by any pause: its times or its reason', () => {
    const node = closedLedger(ledger(2));
    const otherReason = closedLedger(ledger(2, false, { part: 'rule', name: 'awaitingInfo' }));
    const otherStart = ledger(2);
    otherStart[0] = { from: at(1), to: at(10), reason: waiting };
    expect(otherReason).not.toBe(node);
    expect(closedLedger(otherStart)).not.toBe(node);
    // Both found again: two SLAs pausing at the same steps keep their own nodes.
    expect(closedLedger(copy(ledger(2)))).toBe(node);
    expect(closedLedger(copy(ledger(2, false, { part: 'rule', name: 'awaitingInfo' })))).toBe(otherReason);
  });

  it('lists the distinct reasons in order of first use', () => {
    const asked: SlaPause = { from: at(100), to: at(110), reason: { part: 'event', name: 'ASK' } };
    const pauses = [...ledger(1), asked, ...ledger(3).slice(2)];
    expect(closedLedger(pauses)?.reasons).toEqual([waiting, { part: 'event', name: 'ASK' }]);
    expect(closedLedger(ledger(2).map(({ from, to }) => ({ from, to })))?.reasons).toEqual([]);
  });

  it('has no node for a ledger with an open pause before its last', () => {
    const pauses = ledger(3);
    pauses[1] = { from: at(60), to: null, reason: waiting };
    expect(closedLedger(pauses)).toBeNull();
    expect(closedLedger([])?.count).toBe(0);
  });
});
