// Delays in days without a calendar wait calendar days: a warning in the analyst's words, at the delay.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/validate.ts';

type Json = Record<string, unknown>;

const office = {
  timezone: 'Europe/Amsterdam',
  hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']] },
};

function warnings(after: Json[], state: Json = { title: 'Wait for documents' }): [string, string][] {
  const definition = {
    key: 'documents',
    title: 'Documents',
    data: { type: 'object', properties: {} },
    calendars: { office },
    playbook: {
      initial: 'waitForDocuments',
      states: { waitForDocuments: { ...state, after }, closed: { title: 'Closed', type: 'final' } },
    },
  };
  return validateCaseType(definition)
    .filter((p) => p.code === 'delay.calendar_days')
    .map((p) => [p.pointer, p.message]);
}

describe('delay.calendar_days', () => {
  it('fires for days and weeks without a calendar, naming the state and the calendar days', () => {
    expect(warnings([{ delay: 'P5D', target: 'closed' }])).toEqual([
      [
        '/playbook/states/waitForDocuments/after/0/delay',
        '‘Wait for documents’ waits 5 calendar days: choose a business calendar if working days are meant',
      ],
    ]);
    expect(warnings([{ delay: 'P1W', target: 'closed' }]).map(([, m]) => m)).toEqual([
      '‘Wait for documents’ waits 7 calendar days: choose a business calendar if working days are meant',
    ]);
    expect(warnings([{ delay: 'P1DT12H', target: 'closed' }]).map(([, m]) => m.split(':')[0])).toEqual([
      '‘Wait for documents’ waits 1 calendar day and 12 hours',
    ]);
  });

  it('names an untitled state by its key spelled as words', () => {
    expect(warnings([{ delay: 'P2D', target: 'closed' }], {}).map(([, m]) => m.split(':')[0])).toEqual([
      '‘Wait for documents’ waits 2 calendar days',
    ]);
  });

  it('is silent with a calendar, for hours and minutes, and when the description says calendar days', () => {
    expect(
      warnings([
        { delay: 'P5D', calendar: 'office', target: 'closed' },
        { delay: 'PT48H', target: 'closed' },
        { delay: 'PT30M' },
        { delay: 'P14D', target: 'closed', description: 'After 14 calendar days the case closes.' },
      ]),
    ).toEqual([]);
  });

  it('reports each delay of a state at its own place', () => {
    expect(
      warnings([{ delay: 'P1D' }, { delay: 'PT4H' }, { delay: 'P3D', target: 'closed' }]).map(([p]) => p),
    ).toEqual([
      '/playbook/states/waitForDocuments/after/0/delay',
      '/playbook/states/waitForDocuments/after/2/delay',
    ]);
  });
});
