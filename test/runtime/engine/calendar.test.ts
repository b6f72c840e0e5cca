import { describe, expect, it } from 'vitest';
import {
  addDuration,
  addWorkingTime,
  compileCalendar,
  isHoliday,
  isWorkingTime,
  localDate,
  nextWorkingInstant,
  workingTimeBetween,
} from '../../../runtime/engine/calendar.ts';
import { nineToFive, office } from './calendar-fixtures.ts';

const H = 3_600_000;
const everyDay = compileCalendar({
  timezone: 'Europe/Amsterdam',
  hours: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
    sat: nineToFive,
    sun: nineToFive,
  },
});
const newYork = compileCalendar({
  timezone: 'America/New_York',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
});

describe('the format examples (office calendar, Europe/Amsterdam, winter = UTC+1)', () => {
  it('PT4H from Friday 16:00 ends Monday 12:00', () => {
    expect(addDuration(office, '2026-01-09T15:00:00.000Z', 'PT4H')).toBe('2026-01-12T11:00:00.000Z');
  });

  it('P2D from Thursday 10:00 ends Monday 10:00', () => {
    expect(addDuration(office, '2026-01-08T09:00:00.000Z', 'P2D')).toBe('2026-01-12T09:00:00.000Z');
  });

  it("skips Friday's 12:00–13:00 break", () => {
    // Fri 10:00 + 3 h = 10–12 (2 h) and 13–14 (1 h).
    expect(addDuration(office, '2026-01-09T09:00:00.000Z', 'PT3H')).toBe('2026-01-09T13:00:00.000Z');
    expect(workingTimeBetween(office, '2026-01-09T08:00:00.000Z', '2026-01-09T16:00:00.000Z')).toBe(7 * H);
  });
});

describe('addDuration with a calendar', () => {
  it('skips the holidays 2026-12-25 and 2026-12-26', () => {
    // Thu 24 Dec 15:00: 2 h on Thursday, Friday is a holiday, then Mon 28 Dec 09:00–11:00.
    expect(addDuration(office, '2026-12-24T14:00:00.000Z', 'PT4H')).toBe('2026-12-28T10:00:00.000Z');
    expect(addDuration(office, '2026-12-24T09:00:00.000Z', 'P1D')).toBe('2026-12-28T09:00:00.000Z');
  });

  it('starts on a holiday from the next working instant', () => {
    expect(addDuration(office, '2026-12-25T09:00:00.000Z', 'PT1H')).toBe('2026-12-28T09:00:00.000Z');
    // Mon 28 Dec 09:00 is the first working instant, so one day later is Tue 29 Dec 09:00.
    expect(addDuration(office, '2026-12-25T09:00:00.000Z', 'P1D')).toBe('2026-12-29T08:00:00.000Z');
  });

  it('starts outside working hours from the next working instant', () => {
    expect(addDuration(office, '2026-01-10T11:00:00.000Z', 'PT2H')).toBe('2026-01-12T10:00:00.000Z'); // Sat 12:00
    expect(addDuration(office, '2026-01-07T06:30:00.000Z', 'PT1H')).toBe('2026-01-07T09:00:00.000Z'); // Wed 07:30
    expect(addDuration(office, '2026-01-07T17:00:00.000Z', 'P1D')).toBe('2026-01-09T08:00:00.000Z'); // Wed 18:00
  });

  it('ends exactly at 17:00, not the next morning', () => {
    expect(addDuration(office, '2026-01-05T08:00:00.000Z', 'PT8H')).toBe('2026-01-05T16:00:00.000Z');
    expect(addDuration(office, '2026-01-09T15:00:00.000Z', 'PT1H')).toBe('2026-01-09T16:00:00.000Z');
    expect(addWorkingTime(office, '2026-01-09T11:00:00.000Z', 0)).toBe('2026-01-09T11:00:00.000Z');
  });

  it('ends a zero duration at its start, even outside working time', () => {
    expect(addDuration(office, '2026-01-10T11:00:00.000Z', 'PT0S')).toBe('2026-01-10T11:00:00.000Z');
    expect(addDuration(office, '2026-01-05T09:00:00Z', 'PT0S')).toBe('2026-01-05T09:00:00.000Z');
  });

  it('moves a day that lands outside working time to the next working instant', () => {
    // Thu 12:30 + P1D = Fri 12:30, inside the break: Fri 13:00.
    expect(addDuration(office, '2026-01-08T11:30:00.000Z', 'P1D')).toBe('2026-01-09T12:00:00.000Z');
  });

  it('applies days before hours', () => {
    // Thu 16:00 + P1D = Fri 16:00; + 2 h = Fri 16–17 and Mon 09–10.
    expect(addDuration(office, '2026-01-08T15:00:00.000Z', 'P1DT2H')).toBe('2026-01-12T09:00:00.000Z');
  });

  it("counts a week as the calendar's working days per week", () => {
    expect(office.workingDaysPerWeek).toBe(5);
    expect(addDuration(office, '2026-01-05T09:00:00.000Z', 'P1W')).toBe('2026-01-12T09:00:00.000Z');
    expect(addDuration(office, '2026-01-05T09:00:00.000Z', 'P1W')).toBe(
      addDuration(office, '2026-01-05T09:00:00.000Z', 'P5D'),
    );
    expect(everyDay.workingDaysPerWeek).toBe(7);
    expect(addDuration(everyDay, '2026-01-05T09:00:00.000Z', 'P1W')).toBe('2026-01-12T09:00:00.000Z');
  });

  it('accepts duration parts as well as text', () => {
    const parts = { weeks: 0, days: 0, hours: 4, minutes: 0, seconds: 0 };
    expect(addDuration(office, '2026-01-09T15:00:00.000Z', parts)).toBe('2026-01-12T11:00:00.000Z');
  });

  it('rejects a duration with years or months', () => {
    expect(() => addDuration(office, '2026-01-09T15:00:00.000Z', 'P1M')).toThrow(
      "'P1M' is not a supported duration",
    );
  });
});

describe('DST in Europe/Amsterdam (2026-03-29 and 2026-10-25)', () => {
  it('counts a 09:00–17:00 day as 8 h on both change days', () => {
    expect(workingTimeBetween(everyDay, '2026-03-29T00:00:00.000Z', '2026-03-30T00:00:00.000Z')).toBe(8 * H);
    expect(workingTimeBetween(everyDay, '2026-10-25T00:00:00.000Z', '2026-10-26T00:00:00.000Z')).toBe(8 * H);
    // Sun 29 Mar 09:00 CEST is 07:00Z; 17:00 CEST is 15:00Z.
    expect(addDuration(everyDay, '2026-03-29T07:00:00.000Z', 'PT8H')).toBe('2026-03-29T15:00:00.000Z');
  });

  it('keeps the local time across the change for days', () => {
    expect(addDuration(everyDay, '2026-03-28T09:00:00.000Z', 'P1D')).toBe('2026-03-29T08:00:00.000Z'); // 23 h later
    expect(addDuration(everyDay, '2026-10-24T08:00:00.000Z', 'P1D')).toBe('2026-10-25T09:00:00.000Z'); // 25 h later
    expect(addDuration(office, '2026-03-27T09:00:00.000Z', 'P1D')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts working hours across the change', () => {
    // Fri 27 Mar 15:00 CET: 2 h on Friday, then Mon 30 Mar 09:00–11:00 CEST.
    expect(addDuration(office, '2026-03-27T14:00:00.000Z', 'PT4H')).toBe('2026-03-30T09:00:00.000Z');
    // Fri 23 Oct 15:00 CEST: 2 h on Friday, then Mon 26 Oct 09:00–11:00 CET.
    expect(addDuration(office, '2026-10-23T13:00:00.000Z', 'PT4H')).toBe('2026-10-26T10:00:00.000Z');
  });

  it('counts a period spanning the change by elapsed time', () => {
    const night = compileCalendar({ timezone: 'Europe/Amsterdam', hours: { sun: [['01:00', '04:00']] } });
    expect(workingTimeBetween(night, '2026-03-22T00:00:00.000Z', '2026-03-23T00:00:00.000Z')).toBe(3 * H);
    expect(workingTimeBetween(night, '2026-03-28T12:00:00.000Z', '2026-03-29T12:00:00.000Z')).toBe(2 * H);
    expect(workingTimeBetween(night, '2026-10-24T12:00:00.000Z', '2026-10-25T12:00:00.000Z')).toBe(4 * H);
  });

  it('moves a start in the spring-forward gap forward and takes the first of two fall-back times', () => {
    const early = compileCalendar({ timezone: 'Europe/Amsterdam', hours: { sun: [['02:30', '05:00']] } });
    // 02:30 does not exist on 29 Mar: read with the offset before the gap, it is 03:30 CEST (01:30Z).
    expect(nextWorkingInstant(early, '2026-03-28T23:00:00.000Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(workingTimeBetween(early, '2026-03-28T23:00:00.000Z', '2026-03-29T12:00:00.000Z')).toBe(1.5 * H);
    // 02:30 happens twice on 25 Oct: the first time is 02:30 CEST (00:30Z); 05:00 CET is 04:00Z.
    expect(nextWorkingInstant(early, '2026-10-24T23:00:00.000Z')).toBe('2026-10-25T00:30:00.000Z');
    expect(workingTimeBetween(early, '2026-10-24T23:00:00.000Z', '2026-10-25T12:00:00.000Z')).toBe(3.5 * H);
  });

  it('moves a day landing in the gap forward by the gap', () => {
    const allDay = compileCalendar({
      timezone: 'Europe/Amsterdam',
      hours: { sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
    });
    // Sat 28 Mar 02:30 CET + P1D = Sun 29 Mar 02:30, which does not exist: 03:30 CEST.
    expect(addDuration(allDay, '2026-03-28T01:30:00.000Z', 'P1D')).toBe('2026-03-29T01:30:00.000Z');
    expect(workingTimeBetween(allDay, '2026-03-28T00:00:00.000Z', '2026-03-30T00:00:00.000Z')).toBe(
      48 * H - 2 * H,
    );
  });
});

describe('DST in America/New_York (2026-03-08 and 2026-11-01)', () => {
  it('keeps local times and counts working hours across both changes', () => {
    // Fri 6 Mar 15:00 EST (20:00Z): 2 h, then Mon 9 Mar 09:00–11:00 EDT (13:00Z–15:00Z).
    expect(addDuration(newYork, '2026-03-06T20:00:00.000Z', 'PT4H')).toBe('2026-03-09T15:00:00.000Z');
    expect(addDuration(newYork, '2026-03-06T15:00:00.000Z', 'P1D')).toBe('2026-03-09T14:00:00.000Z');
    expect(addDuration(newYork, '2026-10-30T14:00:00.000Z', 'P1D')).toBe('2026-11-02T15:00:00.000Z');
    expect(workingTimeBetween(newYork, '2026-03-06T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toBe(16 * H);
  });
});

describe('other zones and hours', () => {
  it('handles a half-hour zone (Asia/Kolkata, UTC+5:30)', () => {
    const kolkata = compileCalendar({
      timezone: 'Asia/Kolkata',
      hours: { mon: [['09:30', '18:00']], tue: [['09:30', '18:00']] },
    });
    // Mon 17:30 IST (12:00Z) + 1 h = 30 min on Monday, Tue 09:30–10:00 IST (04:30Z).
    expect(addDuration(kolkata, '2026-01-05T12:00:00.000Z', 'PT1H')).toBe('2026-01-06T04:30:00.000Z');
  });

  it('reads 24:00 as the end of the day', () => {
    const late = compileCalendar({
      timezone: 'Europe/Amsterdam',
      hours: { mon: [['20:00', '24:00']], tue: [['00:00', '02:00']] },
    });
    expect(addDuration(late, '2026-01-05T19:00:00.000Z', 'PT5H')).toBe('2026-01-06T00:00:00.000Z');
    expect(workingTimeBetween(late, '2026-01-05T19:00:00.000Z', '2026-01-06T02:00:00.000Z')).toBe(6 * H);
    expect(isWorkingTime(late, '2026-01-05T23:00:00.000Z')).toBe(true);
  });

  it('merges overlapping ranges', () => {
    const overlapping = compileCalendar({
      timezone: 'UTC',
      hours: {
        mon: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      },
    });
    expect(overlapping.weekly[1]).toEqual([[540, 840]]);
    expect(workingTimeBetween(overlapping, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z')).toBe(
      5 * H,
    );
  });
});

describe('working time queries', () => {
  it('tells working time, with periods including their start and not their end', () => {
    expect(isWorkingTime(office, '2026-01-09T10:59:59.999Z')).toBe(true); // Fri 11:59:59.999
    expect(isWorkingTime(office, '2026-01-09T11:00:00.000Z')).toBe(false); // Fri 12:00, break
    expect(isWorkingTime(office, '2026-01-09T12:00:00.000Z')).toBe(true); // Fri 13:00
    expect(isWorkingTime(office, '2026-01-09T16:00:00.000Z')).toBe(false); // Fri 17:00
    expect(isWorkingTime(office, '2026-12-25T10:00:00.000Z')).toBe(false); // holiday
    expect(isWorkingTime(undefined, '2026-12-25T10:00:00.000Z')).toBe(true);
  });

  it('finds the next working instant', () => {
    expect(nextWorkingInstant(office, '2026-01-09T09:00:00.000Z')).toBe('2026-01-09T09:00:00.000Z');
    expect(nextWorkingInstant(office, '2026-01-09T11:15:00.000Z')).toBe('2026-01-09T12:00:00.000Z');
    expect(nextWorkingInstant(office, '2026-12-24T16:00:00.000Z')).toBe('2026-12-28T08:00:00.000Z');
    expect(nextWorkingInstant(undefined, '2026-12-24T16:00:00Z')).toBe('2026-12-24T16:00:00.000Z');
  });

  it('measures working time between two instants', () => {
    // Fri 16:00 to Mon 12:00: 1 h + 3 h.
    expect(workingTimeBetween(office, '2026-01-09T15:00:00.000Z', '2026-01-12T11:00:00.000Z')).toBe(4 * H);
    expect(workingTimeBetween(office, '2026-12-24T00:00:00.000Z', '2026-12-28T00:00:00.000Z')).toBe(8 * H);
    expect(workingTimeBetween(office, '2026-01-12T11:00:00.000Z', '2026-01-09T15:00:00.000Z')).toBe(0);
    expect(workingTimeBetween(undefined, '2026-01-09T15:00:00.000Z', '2026-01-12T11:00:00.000Z')).toBe(
      68 * H,
    );
    expect(workingTimeBetween(undefined, '2026-01-12T11:00:00.000Z', '2026-01-09T15:00:00.000Z')).toBe(0);
  });

  it('knows holidays by local date', () => {
    expect(isHoliday(office, '2026-12-25')).toBe(true);
    expect(isHoliday(office, '2026-12-24')).toBe(false);
    expect(isHoliday(office, '2026-12-24T23:30:00.000Z')).toBe(true); // 00:30 on 25 Dec in Amsterdam
    expect(isHoliday(office, '2026-12-24T22:30:00.000Z')).toBe(false); // 23:30 on 24 Dec
    expect(isHoliday(undefined, '2026-12-25')).toBe(false);
    expect(localDate(office, '2026-12-24T23:30:00.000Z')).toBe('2026-12-25');
    expect(localDate(undefined, '2026-12-24T23:30:00.000Z')).toBe('2026-12-24');
  });
});

describe('without a calendar', () => {
  it('adds plain elapsed time', () => {
    expect(addDuration(undefined, '2026-03-28T12:00:00.000Z', 'P1D')).toBe('2026-03-29T12:00:00.000Z');
    expect(addDuration(undefined, '2026-03-28T12:00:00.000Z', 'P1W')).toBe('2026-04-04T12:00:00.000Z');
    expect(addDuration(undefined, '2026-01-09T15:00:00.000Z', 'P1DT4H30M15S')).toBe(
      '2026-01-10T19:30:15.000Z',
    );
    expect(addDuration(undefined, '2026-01-09T15:00:00Z', 'PT0S')).toBe('2026-01-09T15:00:00.000Z');
    expect(addWorkingTime(undefined, '2026-01-09T15:00:00.000Z', 90_000)).toBe('2026-01-09T15:01:30.000Z');
  });
});

describe('compileCalendar', () => {
  it('rejects a calendar without any working hours', () => {
    expect(() => compileCalendar({ timezone: 'Europe/Amsterdam', hours: { mon: [] } }, 'office')).toThrow(
      '/calendars/office/hours: the calendar has no working hours at all',
    );
  });

  it('rejects an unknown time zone', () => {
    expect(() => compileCalendar({ timezone: 'Europe/Atlantis', hours: { mon: nineToFive } })).toThrow(
      "'Europe/Atlantis' is not a time zone this runtime knows",
    );
  });

  it('rejects a range that ends before it starts, and a holiday that is not a date', () => {
    expect(() => compileCalendar({ timezone: 'UTC', hours: { tue: [['17:00', '09:00']] } }, 'x')).toThrow(
      '/calendars/x/hours/tue/0: working time 17:00–09:00 ends before it starts',
    );
    expect(() =>
      compileCalendar({ timezone: 'UTC', hours: { tue: nineToFive }, holidays: ['2026-02-30'] }, 'x'),
    ).toThrow("/calendars/x/holidays/0: '2026-02-30' is not a date");
  });

  it('gives up with a clear error instead of searching forever', () => {
    // Sundays only, and every Sunday for the next eleven years is a holiday.
    const holidays: string[] = [];
    for (let day = Date.UTC(2026, 0, 4); day < Date.UTC(2037, 0, 1); day += 7 * 24 * H) {
      holidays.push(new Date(day).toISOString().slice(0, 10));
    }
    const never = compileCalendar({ timezone: 'UTC', hours: { sun: nineToFive }, holidays }, 'never');
    expect(() => nextWorkingInstant(never, '2026-01-01T00:00:00.000Z')).toThrow(
      "Calendar 'never' has no working time within 3660 days after 2026-01-01T00:00:00.000Z",
    );
    expect(() => addDuration(never, '2026-01-01T00:00:00.000Z', 'P1D')).toThrow(
      'has no working time within 3660 days',
    );
  });
});

describe('performance', () => {
  it('computes thousands of due instants quickly, period by period', () => {
    // 2 000 chained SLA deadlines of 3 working hours plus 2 000 two-week measurements.
    let at = '2026-01-05T08:00:00.000Z';
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) {
      at = addDuration(newYork, at, 'PT3H');
      workingTimeBetween(office, '2026-03-20T08:00:00.000Z', '2026-04-03T08:00:00.000Z');
    }
    // Mon 5 Jan 2026 03:00 EST starts at 09:00; 6 000 working hours are 750 eight-hour days, 150
    // five-day weeks, ending on the 150th Friday, Fri 17 Nov 2028 at 17:00 EST.
    expect(at).toBe('2028-11-17T22:00:00.000Z');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
