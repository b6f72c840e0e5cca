import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../runtime/engine/calendar.ts';
import { explainDue, formatLocal } from '../../../runtime/engine/calendar-format.ts';
import { nineToFive, office } from './calendar-fixtures.ts';

describe('formatLocal', () => {
  it("shows weekday and time in the calendar's zone", () => {
    expect(formatLocal(office, '2026-01-12T11:00:00.000Z')).toBe('Mon 12:00');
    expect(formatLocal(office, '2026-07-13T11:00:00.000Z')).toBe('Mon 13:00'); // CEST
    expect(formatLocal(office, '2026-01-12T11:00:00.000Z', { date: true })).toBe('Mon 12 Jan 12:00');
    expect(formatLocal(office, '2026-12-31T23:30:00.000Z', { year: true })).toBe('Fri 1 Jan 2027 00:30');
    expect(formatLocal(office, '2026-01-12T11:00:30.000Z')).toBe('Mon 12:00:30');
  });

  it('shows UTC without a calendar', () => {
    expect(formatLocal(undefined, '2026-01-12T11:00:00.000Z')).toBe('Mon 11:00');
  });
});

describe('explainDue', () => {
  it('explains a due time in business hours', () => {
    // Fri 16:00: 1 h on Friday, then Mon 09:00–16:00.
    expect(explainDue(office, 'office', '2026-01-09T15:00:00.000Z', 'PT8H')).toBe(
      "PT8H from Fri 16:00 in 'office' is Mon 16:00",
    );
    expect(explainDue(office, 'office', '2026-01-08T09:00:00.000Z', 'P2D')).toBe(
      "P2D from Thu 10:00 in 'office' is Mon 10:00",
    );
  });

  it('adds dates when a weekday alone would be ambiguous', () => {
    expect(explainDue(office, 'office', '2026-01-05T09:00:00.000Z', 'P2W')).toBe(
      "P2W from Mon 5 Jan 10:00 in 'office' is Mon 19 Jan 10:00",
    );
  });

  it('names the zone when the calendar has no name, and says UTC without a calendar', () => {
    const unnamed = compileCalendar({ timezone: 'America/New_York', hours: { mon: nineToFive } });
    expect(explainDue(unnamed, undefined, '2026-01-05T14:00:00.000Z', 'PT1H')).toBe(
      'PT1H from Mon 09:00 (America/New_York business time) is Mon 10:00',
    );
    expect(explainDue(undefined, undefined, '2026-01-09T15:00:00.000Z', 'P1D')).toBe(
      'P1D from Fri 15:00 UTC is Sat 15:00 UTC',
    );
    expect(
      explainDue(undefined, undefined, '2026-01-09T15:00:00.000Z', {
        weeks: 0,
        days: 0,
        hours: 1,
        minutes: 30,
        seconds: 0,
      }),
    ).toBe('PT1H30M from Fri 15:00 UTC is Fri 16:30 UTC');
  });
});
