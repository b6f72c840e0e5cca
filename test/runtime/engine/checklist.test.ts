import { describe, expect, it } from 'vitest';
import { checklist, compileCaseType, explainRule } from '../../../runtime/engine/index.ts';
import { send, start } from './engine-fixtures.ts';
import { complaint } from './views.fixture.ts';

describe('checklist and explainRule', () => {
  const type = compileCaseType(complaint);

  it('lists the current state checklist with pass and field problems', () => {
    const kase = start(complaint, { customer: { name: 'Ann' }, reason: 'billing' }).case;
    expect(checklist(type, kase)).toEqual([
      { rule: 'triaged', title: 'Triage complete', pass: false, problems: [{ pointer: '/severity', message: 'missing: /severity' }] },
      { rule: 'contactable', title: 'Customer can be reached', pass: false, problems: [{ pointer: '/customer/email', message: 'missing: /customer/email' }] },
    ]);
  });

  it('changes with the state; a rule without a title shows its name', () => {
    const kase = send(complaint, start(complaint, { customer: { name: 'Ann' }, reason: 'billing', severity: 'low' }).case, 'SUBMIT_TRIAGE').case;
    expect(checklist(type, kase)).toEqual([
      { rule: 'resolutionWritten', title: 'resolutionWritten', pass: false, problems: [{ pointer: '/resolution', message: 'missing: /resolution' }] },
      { rule: 'triaged', title: 'Triage complete', pass: true, problems: [] },
    ]);
  });

  it('explains one rule on any data; [] when it passes', () => {
    expect(explainRule(type, 'triaged', {})).toEqual([
      { pointer: '/reason', message: 'missing: /reason' },
      { pointer: '/severity', message: 'missing: /severity' },
    ]);
    expect(explainRule(type, 'triaged', { reason: 'x', severity: 'y' })).toEqual([]);
    expect(explainRule(type, 'nope', {})).toEqual([{ pointer: '', message: 'rule "nope" is not defined in this case type' }]);
  });
});
