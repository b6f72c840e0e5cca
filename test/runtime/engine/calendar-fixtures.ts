// The office calendar of case-type-format.md (`calendars`): Europe/Amsterdam, Mon–Thu 09:00–17:00,
// Friday 09:00–12:00 and 13:00–17:00, Christmas off. Shared by the calendar, calendar-format and SLA tests.
import type { Calendar } from '../../../schemas/generated/case-type.ts';
import { compileCalendar } from '../../../runtime/engine/calendar.ts';

export const nineToFive: [string, string][] = [['09:00', '17:00']];

export const officeDef: Calendar = {
  timezone: 'Europe/Amsterdam',
  hours: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: ['2026-12-25', '2026-12-26'],
};

export const office = compileCalendar(officeDef, 'office');
