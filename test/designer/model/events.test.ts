import { describe, expect, it } from 'vitest';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { carriedFields, setCarried, updateEvent } from '../../../designer/src/model/events.ts';

const def = () => {
  let d = addField(createBlankCaseType('complaint', 'Complaint'), { parent: '', name: 'reason', kind: 'text', title: 'Reason' });
  d = addField(d, { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
  return { ...d, events: { SUBMIT: { title: 'Submit' } } };
};

describe('events', () => {
  it('an event carries copies of field schemas, in field order, closed to other data', () => {
    const d = setCarried(setCarried(def(), 'SUBMIT', 'severity', true), 'SUBMIT', 'reason', true);
    expect(d.events?.SUBMIT).toEqual({
      title: 'Submit',
      data: {
        type: 'object',
        additionalProperties: false,
        properties: { reason: { type: 'string', title: 'Reason' }, severity: { type: 'string', title: 'Severity', enum: ['option 1', 'option 2'] } },
      },
    });
    expect(carriedFields(d, 'SUBMIT')).toEqual(['reason', 'severity']);
  });

  it('when the last carried field goes, the event carries no data', () => {
    const d = setCarried(setCarried(def(), 'SUBMIT', 'reason', true), 'SUBMIT', 'reason', false);
    expect(d.events?.SUBMIT).toEqual({ title: 'Submit' });
  });

  it('sets and clears title and roles; declares an event that was missing', () => {
    const d = updateEvent(def(), 'CLOSE_CASE', { roles: ['supervisor'] });
    expect(d.events?.CLOSE_CASE).toEqual({ title: 'Close case', roles: ['supervisor'] });
    expect(updateEvent(d, 'CLOSE_CASE', { roles: [] }).events?.CLOSE_CASE).toEqual({ title: 'Close case' });
  });
});
