import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import {
  addCalendar, addHoliday, deleteCalendar, formatRanges, parseRanges, removeHoliday, setCalendarTitle, setDayHours, setTimezone,
} from '../../../designer/src/model/calendars.ts';
import { addSla } from '../../../designer/src/model/slas.ts';

describe('calendar edits', () => {
  it('given no calendar, when one is added, then it has Monday to Friday 09:00-17:00 in the zone', () => {
    const d = addCalendar(createBlankCaseType('claim', 'Claim'), 'office', 'Europe/Amsterdam');
    const day = [['09:00', '17:00']];
    expect(d.calendars).toEqual({ office: { timezone: 'Europe/Amsterdam', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } });
  });

  it('sets hours with a break, a day off, Saturday work in weekday order, zone and title', () => {
    let d = addCalendar(createBlankCaseType('claim', 'Claim'), 'office', 'UTC');
    d = setDayHours(d, 'office', 'sat', [['10:00', '14:00']]);
    d = setDayHours(d, 'office', 'fri', [['09:00', '12:00'], ['13:00', '17:00']]);
    d = setDayHours(d, 'office', 'wed', []);
    d = setCalendarTitle(setTimezone(d, 'office', 'America/New_York'), 'office', 'Office');
    expect(d.calendars?.office).toEqual({
      title: 'Office',
      timezone: 'America/New_York',
      hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '12:00'], ['13:00', '17:00']], sat: [['10:00', '14:00']] },
    });
    expect(Object.keys(d.calendars?.office?.hours ?? {})).toEqual(['mon', 'tue', 'thu', 'fri', 'sat']);
  });

  it('keeps holidays sorted and unique; the last one removed takes the key', () => {
    let d = addCalendar(createBlankCaseType('claim', 'Claim'), 'office', 'UTC');
    d = addHoliday(addHoliday(addHoliday(d, 'office', '2026-12-26'), 'office', '2026-12-25'), 'office', '2026-12-26');
    expect(d.calendars?.office?.holidays).toEqual(['2026-12-25', '2026-12-26']);
    d = removeHoliday(removeHoliday(d, 'office', '2026-12-25'), 'office', '2026-12-26');
    expect(d.calendars?.office?.holidays).toBeUndefined();
  });

  it('deleting a calendar takes it off SLAs and delays', () => {
    let d: CaseType = addSla(addCalendar(createBlankCaseType('claim', 'Claim'), 'office', 'UTC'), 'r', 'R');
    d = { ...d, playbook: { initial: 'a', states: { a: { after: [{ delay: 'P1D', calendar: 'office', target: 'b' }] }, b: { type: 'final' } } } };
    d = deleteCalendar(d, 'office');
    expect(d.calendars).toBeUndefined();
    expect(d.slas?.r).toEqual({ title: 'R', start: { event: ['case.created'] }, deadline: 'PT8H' });
    expect(d.playbook.states.a?.after).toEqual([{ delay: 'P1D', target: 'b' }]);
  });

  it('reads and writes day periods as text', () => {
    expect(parseRanges('09:00-12:00, 13:00 – 17:00')).toEqual([['09:00', '12:00'], ['13:00', '17:00']]);
    expect(parseRanges('')).toEqual([]);
    expect(parseRanges('9-5')).toBeNull();
    expect(formatRanges([['09:00', '12:00'], ['13:00', '17:00']])).toBe('09:00-12:00, 13:00-17:00');
  });
});
