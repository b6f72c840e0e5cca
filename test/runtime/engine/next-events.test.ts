import { describe, expect, it } from 'vitest';
import { compileCaseType, nextEvents } from '../../../runtime/engine/index.ts';
import { send, start } from './engine-fixtures.ts';
import { complaint } from './views.fixture.ts';

describe('nextEvents', () => {
  const type = compileCaseType(complaint);

  it('lists every event with available, enabled, allowed, problems and target', () => {
    const kase = start(complaint, { customer: { name: 'Ann' }, reason: 'billing' }).case;
    expect(nextEvents(type, kase, { id: 'bob', roles: ['agent'] })).toEqual([
      { type: 'SUBMIT_TRIAGE', title: 'Submit triage', available: true, enabled: false, allowed: false, problems: [{ pointer: '/severity', message: 'missing: /severity' }], target: null },
      { type: 'RESOLVE', title: 'Resolve', available: false, enabled: false, allowed: true, problems: [], target: null },
      { type: 'WITHDRAW', title: 'WITHDRAW', available: true, enabled: true, allowed: true, problems: [], target: 'closed' },
    ]);
  });

  it('follows the data and the state', () => {
    const kase = start(complaint, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case;
    const ready = nextEvents(type, kase, { id: 'ann', roles: ['intake-agent'] });
    expect(ready[0]).toEqual({ type: 'SUBMIT_TRIAGE', title: 'Submit triage', available: true, enabled: true, allowed: true, problems: [], target: 'resolving' });
    const resolving = send(complaint, kase, 'SUBMIT_TRIAGE').case;
    expect(nextEvents(type, resolving).map((e) => [e.type, e.available, e.enabled])).toEqual([
      ['SUBMIT_TRIAGE', false, false],
      ['RESOLVE', true, false],
      ['WITHDRAW', true, true],
    ]);
  });

  it('offers nothing on a closed case', () => {
    const closed = send(complaint, start(complaint, { customer: { name: 'Ann' } }).case, 'WITHDRAW').case;
    expect(nextEvents(type, closed).filter((e) => e.available)).toEqual([]);
  });
});
