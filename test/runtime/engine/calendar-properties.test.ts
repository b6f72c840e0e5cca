// Property tests for business calendars over random weekly hours, holidays and zones, with start
// instants across 2026–2027 weighted towards DST changes. Checked against the calendar's own laws
// and, where DST conventions cannot differ, against a brute-force minute-by-minute oracle built
// directly on Intl.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Calendar, TimeRange } from '../../../schemas/generated/case-type.ts';
import {
  addDuration,
  addWorkingTime,
  compileCalendar,
  isWorkingTime,
  nextWorkingInstant,
  workingTimeBetween,
} from '../../../runtime/engine/calendar.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RUNS = { numRuns: 200 };
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
// DST changes in 2026–2027 of the zones above.
const DST_CHANGES_BY_ZONE: [string, string[]][] = [
  [
    'Europe/Amsterdam',
    ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'],
  ],
  [
    'America/New_York',
    ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2027-03-14T07:00:00Z', '2027-11-07T06:00:00Z'],
  ],
  [
    'Australia/Sydney',
    ['2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z', '2027-04-03T16:00:00Z', '2027-10-02T16:00:00Z'],
  ],
];
const DST_CHANGES = DST_CHANGES_BY_ZONE.flatMap(([, changes]) => changes.map((text) => Date.parse(text)));
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

const clock = (halfHours: number): string =>
  `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

/** 0–3 ranges on a half-hour grid between `first` and 48 (24:00), as sorted distinct boundaries. */
const dayHours = (first: number, step: number) =>
  fc
    .uniqueArray(fc.integer({ min: first / step, max: 48 / step }), { maxLength: 6 })
    .map((points): TimeRange[] => {
      const sorted = points.map((p) => p * step).sort((a, b) => a - b);
      const ranges: TimeRange[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2)
        ranges.push([clock(sorted[i] ?? 0), clock(sorted[i + 1] ?? 0)]);
      return ranges;
    });

/** A random calendar; `first` is the earliest boundary in half-hours, `step` the grid in half-hours. */
const calendarDef = (first = 0, step = 1) =>
  fc
    .record({
      timezone: fc.constantFrom(...ZONES),
      week: fc.array(dayHours(first, step), { minLength: 7, maxLength: 7 }),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 729 }), { maxLength: 40 }),
    })
    .map(({ timezone, week, holidays }): Calendar => {
      const hours: Calendar['hours'] = {};
      week.forEach((ranges, i) => {
        if (ranges.length > 0) hours[WEEKDAYS[i] ?? 'mon'] = ranges;
      });
      if (Object.keys(hours).length === 0) hours.wed = [['09:00', '17:00']];
      return {
        timezone,
        hours,
        holidays: holidays.map((d) => new Date(FROM + d * DAY).toISOString().slice(0, 10)),
      };
    });

const instantMs = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([at, delta]) => at + delta),
);
const instant = instantMs.map((ms) => new Date(ms).toISOString());
const workingMs = fc.oneof(
  fc.integer({ min: 0, max: 120 * HOUR }),
  fc.integer({ min: 0, max: 120 }).map((h) => h * HOUR),
);

describe('addWorkingTime and workingTimeBetween', () => {
  it('measure back exactly the working time added', () => {
    fc.assert(
      fc.property(calendarDef(), instant, workingMs, (def, start, ms) => {
        const cal = compileCalendar(def);
        expect(workingTimeBetween(cal, start, addWorkingTime(cal, start, ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('is monotonic in the working time added', () => {
    fc.assert(
      fc.property(calendarDef(), instant, workingMs, workingMs, (def, start, a, b) => {
        const cal = compileCalendar(def);
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(cal, start, less) <= addWorkingTime(cal, start, more)).toBe(true);
      }),
      RUNS,
    );
  });

  it('ends at the earliest instant: the last millisecond before the end is working time', () => {
    fc.assert(
      fc.property(
        calendarDef(),
        instant,
        workingMs.filter((ms) => ms > 0),
        (def, start, ms) => {
          const cal = compileCalendar(def);
          const end = Date.parse(addWorkingTime(cal, start, ms));
          const justBefore = new Date(end - 1).toISOString();
          expect(isWorkingTime(cal, justBefore)).toBe(true);
          expect(workingTimeBetween(cal, start, justBefore)).toBe(ms - 1);
        },
      ),
      RUNS,
    );
  });

  it('adds up over a split point', () => {
    const span = fc.integer({ min: 0, max: 40 * DAY });
    fc.assert(
      fc.property(calendarDef(), instantMs, span, span, (def, start, x, y) => {
        const cal = compileCalendar(def);
        const [near, far] = x <= y ? [x, y] : [y, x];
        const [from, split, to] = [start, start + near, start + far].map((ms) =>
          new Date(ms).toISOString(),
        ) as [string, string, string];
        expect(workingTimeBetween(cal, from, to)).toBe(
          workingTimeBetween(cal, from, split) + workingTimeBetween(cal, split, to),
        );
      }),
      RUNS,
    );
  });

  it('finds the next working instant: working, with no working time before it', () => {
    fc.assert(
      fc.property(calendarDef(), instant, (def, at) => {
        const cal = compileCalendar(def);
        const next = nextWorkingInstant(cal, at);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(workingTimeBetween(cal, at, next)).toBe(0);
        expect(next >= new Date(Date.parse(at)).toISOString()).toBe(true);
      }),
      RUNS,
    );
  });
});

// The oracle: local weekday, date and minute of an instant, straight from Intl.
const oracleFormatters = new Map<string, Intl.DateTimeFormat>();
function localOf(timezone: string, ms: number) {
  let formatter = oracleFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    oracleFormatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? ''),
    /** ms since local midnight. */
    time:
      ((Number(parts.hour) % 24) * 60 + Number(parts.minute)) * MINUTE +
      Number(parts.second) * 1000 +
      (ms % 1000),
  };
}

const minutesOf = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
const rangesOf = (def: Calendar, weekday: number): TimeRange[] => def.hours[WEEKDAYS[weekday] ?? 'sun'] ?? [];
const inRanges = (def: Calendar, weekday: number, time: number): boolean =>
  rangesOf(def, weekday).some(([a, b]) => time >= minutesOf(a) * MINUTE && time < minutesOf(b) * MINUTE);

describe('against a minute-by-minute oracle', () => {
  it('counts the same working time over two days around DST changes (hours on whole hours)', () => {
    // A zone with one of its own DST changes, and a start within a day and a half of it.
    const zoneAndStart = fc
      .tuple(fc.constantFrom(...DST_CHANGES_BY_ZONE), fc.nat(3), fc.integer({ min: -36 * 60, max: 12 * 60 }))
      .map(([[timezone, changes], i, minutes]) => ({
        timezone,
        from: Date.parse(changes[i] ?? '') + minutes * MINUTE,
      }));
    fc.assert(
      fc.property(
        calendarDef(0, 2),
        zoneAndStart,
        fc.integer({ min: 0, max: 2 * 24 * 60 }),
        (generated, { timezone, from }, minutes) => {
          const def = { ...generated, timezone };
          const cal = compileCalendar(def);
          const holidays = new Set(def.holidays);
          let expected = 0;
          for (let at = from; at < from + minutes * MINUTE; at += MINUTE) {
            const local = localOf(def.timezone, at);
            if (!holidays.has(local.date) && inRanges(def, local.weekday, local.time)) expected += MINUTE;
          }
          const [a, b] = [from, from + minutes * MINUTE].map((ms) => new Date(ms).toISOString()) as [
            string,
            string,
          ];
          expect(workingTimeBetween(cal, a, b)).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('addDuration with days', () => {
  const dayOfDate = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
  const dateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
  const weekdayOfDay = (day: number): number => new Date(day * DAY).getUTCDay();

  it('lands n working days later at the same local time, or at the next working instant', () => {
    // Hours from 04:00 on, so no working boundary or working local time falls in a DST change.
    fc.assert(
      fc.property(calendarDef(8), instant, fc.integer({ min: 1, max: 15 }), (def, start, n) => {
        const cal = compileCalendar(def);
        const holidays = new Set(def.holidays);
        const isWorkingDay = (day: number) =>
          rangesOf(def, weekdayOfDay(day)).length > 0 && !holidays.has(dateOfDay(day));
        const from = localOf(def.timezone, Date.parse(nextWorkingInstant(cal, start)));
        let day = dayOfDate(from.date);
        for (let counted = 0; counted < n;) if (isWorkingDay(++day)) counted++;

        const result = localOf(def.timezone, Date.parse(addDuration(cal, start, `P${n}D`)));
        if (inRanges(def, weekdayOfDay(day), from.time)) {
          expect(result).toEqual({ date: dateOfDay(day), weekday: weekdayOfDay(day), time: from.time });
        } else {
          // The next range start on that day, or the first one of the next working day.
          let time = rangesOf(def, weekdayOfDay(day))
            .map(([a]) => minutesOf(a) * MINUTE)
            .filter((t) => t > from.time)
            .sort((a, b) => a - b)[0];
          if (time === undefined) {
            while (!isWorkingDay(++day));
            time = Math.min(...rangesOf(def, weekdayOfDay(day)).map(([a]) => minutesOf(a) * MINUTE));
          }
          expect(result).toEqual({ date: dateOfDay(day), weekday: weekdayOfDay(day), time });
        }
      }),
      RUNS,
    );
  });
});
