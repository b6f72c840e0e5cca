// The designer's pickers in business words: queues, events, states, case types and SLA condition events by
// title, an id only to tell two equal titles apart, and a stored value outside the options kept and said missing.
import { describe, expect, it } from 'vitest';
import {
  caseTypeOptions, conditionEventOptions, eventOptions, optionLabel, queueOptions, stateOptions, titledOptions, withCurrent,
} from '../../../designer/src/model/pick-options.ts';
import { addQueue } from '../../../designer/src/model/roles-queues.ts';
import { applicationDef } from './every-construct-fixture.ts';

describe('pick options', () => {
  it('labels by title, and adds the id only where two titles are the same', () => {
    expect(titledOptions([{ value: 'a', title: 'Triage' }, { value: 'b', title: 'Review' }, { value: 'c', title: 'Triage' }])).toEqual([
      { value: 'a', label: 'Triage (a)' },
      { value: 'b', label: 'Review' },
      { value: 'c', label: 'Triage (c)' },
    ]);
  });

  it('keeps a stored value that is not an option, first and said missing; nothing added for an empty or known one', () => {
    const options = [{ value: 'triage', label: 'Triage desk' }];
    expect(withCurrent(options, 'gone', (v) => `${v} (missing)`)).toEqual([{ value: 'gone', label: 'gone (missing)' }, ...options]);
    expect(withCurrent(options, 'triage', (v) => v)).toEqual(options);
    expect(withCurrent(options, '', (v) => v)).toEqual(options);
    expect(withCurrent(options, undefined, (v) => v)).toEqual(options);
  });

  it('lists queues, events and states of the case type by their titles', () => {
    let def = applicationDef();
    def = addQueue(def, 'triage-desk', 'Triage desk');
    def.queues = { ...def.queues, backOffice: {} };
    expect(queueOptions(def)).toEqual([
      { value: 'triage-desk', label: 'Triage desk' },
      { value: 'backOffice', label: 'Back office' },
    ]);
    def.events = { ...def.events, CLOSE: { title: 'Close the application' }, NO_TITLE: {} };
    expect(eventOptions(def)).toEqual([
      { value: 'SUBMIT', label: 'Submit' },
      { value: 'CLOSE', label: 'Close the application' },
      { value: 'NO_TITLE', label: 'No title' },
    ]);
    expect(stateOptions(def).map((o) => o.label)).toEqual(['Intake', 'Review', 'Closed']);
  });

  it('offers SLA conditions the two system events in words, then the events by title', () => {
    const options = conditionEventOptions(applicationDef());
    expect(options.slice(0, 2)).toEqual([
      { value: 'case.created', label: 'Case created (system)' },
      { value: 'child.closed', label: 'Child case closed (system)' },
    ]);
    expect(options.map((o) => o.value)).toEqual(['case.created', 'child.closed', 'SUBMIT', 'CLOSE']);
    expect(optionLabel(options, 'CLOSE')).toBe('Close');
    // a value that is none of the options still reads as words
    expect(optionLabel(options, 'lateReview')).toBe('Late review');
  });

  it('offers SLA conditions the results of each lookup, named by its title', () => {
    const def = applicationDef();
    def.playbook.states.intake = { ...def.playbook.states.intake, entry: [{ type: 'lookup', name: 'crm', title: 'Customer from the CRM', url: 'https://crm.example.com', map: { '/email': '/mail' } }] };
    const options = conditionEventOptions(def);
    expect(options.slice(2, 4)).toEqual([
      { value: 'lookup.crm.done', label: 'Customer from the CRM looked up (system)' },
      { value: 'lookup.crm.failed', label: 'Customer from the CRM look-up failed (system)' },
    ]);
  });

  it('offers only the published case types as children, by title', () => {
    expect(
      caseTypeOptions([
        { key: 'complaint', title: 'Customer complaint', version: 3 },
        { key: 'draft-only', title: 'Draft only', version: null },
        { key: 'order-inquiry', title: 'Order inquiry', version: 1 },
      ]),
    ).toEqual([
      { value: 'complaint', label: 'Customer complaint' },
      { value: 'order-inquiry', label: 'Order inquiry' },
    ]);
  });
});
