// Business calendars: working time in an IANA zone, with weekly hours and holidays, and the
// day-vs-hour duration rule of docs/semantics.md "Durations and calendars".
// The walk goes period by period over a per-day cache of working periods (UTC ms), never minute by minute.
import type { Calendar, TimeRange } from '../../schemas/generated/case-type.ts';
import type { Instant } from './types.ts';
import { MS_PER_DAY, MS_PER_MINUTE, timePartToMs, toDurationParts, durationToMs } from './duration.ts';
import type { DurationParts } from './duration.ts';
import { formatInstant, instantMs } from './instant.ts';
import { dayOfIsoDate, getZone, isoDateOfDay, weekdayOfDay } from './zoned-time.ts';
import type { Zone } from './zoned-time.ts';

/** A working period `[start, end)` in epoch ms. */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** A calendar ready for arithmetic. Build it with `compileCalendar`; treat it as opaque. */
export interface BusinessCalendar {
  readonly name: string | undefined;
  readonly timezone: string;
  readonly definition: Calendar;
  /** Weekdays (0 = Sunday) with working hours: a week in a duration counts this many working days. */
  readonly workingDaysPerWeek: number;
  /** Working ms in a week without holidays or DST changes. */
  readonly weeklyWorkingMs: number;
  /** Local `[startMinute, endMinute)` ranges per weekday (0 = Sunday), sorted and merged. */
  readonly weekly: readonly (readonly (readonly [number, number])[])[];
  readonly holidays: ReadonlySet<string>;
  readonly zone: Zone;
  /** Working periods per local day number (filled lazily). */
  readonly periodCache: Map<number, readonly WorkingPeriod[]>;
}

/** How far ahead a search for working time goes before it gives up. */
export const SEARCH_LIMIT_DAYS = 3_660;
const PERIOD_CACHE_LIMIT = 50_000;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function parseClock(text: string, where: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new Error(`${where}: '${text}' is not a time of day; write HH:MM from 00:00 to 24:00.`);
  }
  return minutes;
}

function compileDay(ranges: readonly TimeRange[] | undefined, where: string): [number, number][] {
  const parsed = (ranges ?? []).map((range, i): [number, number] => {
    const start = parseClock(range[0], `${where}/${i}/0`);
    const end = parseClock(range[1], `${where}/${i}/1`);
    if (end <= start) {
      throw new Error(
        `${where}/${i}: working time ${range[0]}–${range[1]} ends before it starts; write it as [from, to] with to later than from (24:00 for midnight).`,
      );
    }
    return [start, end];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of parsed) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Compiles a calendar definition. Throws a plain-worded Error for an unknown time zone, a range that
 * ends before it starts, a holiday that is not a date, or a week without any working hours.
 */
export function compileCalendar(def: Calendar, name?: string): BusinessCalendar {
  const where = name === undefined ? 'calendar' : `/calendars/${name}`;
  const zone = getZone(def.timezone);
  const weekly = WEEKDAY_KEYS.map((key) => compileDay(def.hours[key], `${where}/hours/${key}`));
  const weeklyMinutes = weekly.reduce((sum, day) => sum + day.reduce((s, [a, b]) => s + b - a, 0), 0);
  if (weeklyMinutes === 0) {
    throw new Error(
      `${where}/hours: the calendar has no working hours at all, so no deadline could ever be reached; give at least one day a range such as ["09:00", "17:00"].`,
    );
  }
  for (const [i, date] of (def.holidays ?? []).entries()) {
    if (dayOfIsoDate(date) === null) {
      throw new Error(`${where}/holidays/${i}: '${date}' is not a date; write holidays as YYYY-MM-DD.`);
    }
  }
  return {
    name,
    timezone: def.timezone,
    definition: def,
    workingDaysPerWeek: weekly.filter((day) => day.length > 0).length,
    weeklyWorkingMs: weeklyMinutes * MS_PER_MINUTE,
    weekly,
    holidays: new Set(def.holidays ?? []),
    zone,
    periodCache: new Map(),
  };
}

/** The working periods of a local day (empty on holidays and days without hours), in epoch ms. */
export function periodsOfDay(cal: BusinessCalendar, dayNumber: number): readonly WorkingPeriod[] {
  const cached = cal.periodCache.get(dayNumber);
  if (cached) return cached;
  const ranges = cal.weekly[weekdayOfDay(dayNumber)] ?? [];
  const periods: WorkingPeriod[] = [];
  if (ranges.length > 0 && !cal.holidays.has(isoDateOfDay(dayNumber))) {
    const dayMs = dayNumber * MS_PER_DAY;
    let previousEnd = -Infinity;
    for (const [from, to] of ranges) {
      // Around DST changes resolved local times can overlap or invert: clamp, and drop empty periods.
      const start = Math.max(cal.zone.fromLocalMs(dayMs + from * MS_PER_MINUTE), previousEnd);
      const end = cal.zone.fromLocalMs(dayMs + to * MS_PER_MINUTE);
      if (end > start) {
        periods.push({ start, end });
        previousEnd = end;
      }
    }
  }
  if (cal.periodCache.size >= PERIOD_CACHE_LIMIT) cal.periodCache.clear();
  cal.periodCache.set(dayNumber, periods);
  return periods;
}

function searchError(cal: BusinessCalendar, from: number): Error {
  return new Error(
    `Calendar ${cal.name === undefined ? '' : `'${cal.name}' `}has no working time within ${SEARCH_LIMIT_DAYS} days after ${new Date(from).toISOString()}: check its hours and holidays.`,
  );
}

/**
 * The working periods that end after `from`, in order, clamped so they never overlap. Gives up
 * (throws) after `limitDays` local days.
 */
export function* periodsFrom(
  cal: BusinessCalendar,
  from: number,
  limitDays: number = SEARCH_LIMIT_DAYS,
): Generator<WorkingPeriod> {
  // Start a day early: around a DST change at midnight, the previous local day can still reach `from`.
  const firstDay = Math.floor(cal.zone.toLocalMs(from) / MS_PER_DAY) - 1;
  let previousEnd = -Infinity;
  for (let day = firstDay; day <= firstDay + limitDays; day++) {
    for (const period of periodsOfDay(cal, day)) {
      const start = Math.max(period.start, previousEnd);
      if (period.end <= start) continue;
      previousEnd = period.end;
      if (period.end <= from) continue;
      yield { start, end: period.end };
    }
  }
  throw searchError(cal, from);
}


function toInstant(ms: number): Instant {
  return formatInstant(ms);
}

function requireWorkingMs(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Working time must be a finite, non-negative number of ms; got ${ms}.`);
  }
}

/** The earliest instant at or after `from` with `ms` of working time in between (epoch ms). */
export function addWorkingMs(cal: BusinessCalendar, from: number, ms: number): number {
  requireWorkingMs(ms);
  if (ms === 0) return from;
  // Every ordinary week holds weeklyWorkingMs; allow two weeks for each (DST and holidays), plus the search limit.
  const limitDays = SEARCH_LIMIT_DAYS + 14 * Math.ceil(ms / cal.weeklyWorkingMs);
  let remaining = ms;
  for (const period of periodsFrom(cal, from, limitDays)) {
    const start = Math.max(period.start, from);
    const available = period.end - start;
    if (remaining <= available) return start + remaining;
    remaining -= available;
  }
  throw searchError(cal, from);
}

/** Working ms in `[from, to)` (epoch ms); 0 when `to <= from`. */
export function workingMsBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  const firstDay = Math.floor(cal.zone.toLocalMs(from) / MS_PER_DAY) - 1;
  const lastDay = Math.floor(cal.zone.toLocalMs(to) / MS_PER_DAY) + 1;
  let previousEnd = -Infinity;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const period of periodsOfDay(cal, day)) {
      const start = Math.max(period.start, previousEnd, from);
      const end = Math.min(period.end, to);
      previousEnd = Math.max(previousEnd, period.end);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** The first working instant at or after `at` (epoch ms). */
export function nextWorkingMs(cal: BusinessCalendar, at: number): number {
  for (const period of periodsFrom(cal, at)) return Math.max(period.start, at);
  throw searchError(cal, at);
}

/** Adds working time (ms): plain elapsed time without a calendar. */
export function addWorkingTime(cal: BusinessCalendar | undefined, start: Instant, ms: number): Instant {
  requireWorkingMs(ms);
  if (!cal) return toInstant(instantMs(start) + ms);
  return toInstant(addWorkingMs(cal, instantMs(start), ms));
}

/** Ms of working time in `[from, to)`: elapsed ms without a calendar; 0 when `to <= from`. */
export function workingTimeBetween(cal: BusinessCalendar | undefined, from: Instant, to: Instant): number {
  const fromMs = instantMs(from);
  const toMsValue = instantMs(to);
  if (!cal) return Math.max(0, toMsValue - fromMs);
  return workingMsBetween(cal, fromMs, toMsValue);
}

/** Whether `at` is inside a working period (periods include their start, not their end). Always true without a calendar. */
export function isWorkingTime(cal: BusinessCalendar | undefined, at: Instant): boolean {
  if (!cal) return true;
  const ms = instantMs(at);
  return nextWorkingMs(cal, ms) === ms;
}

/** `at` itself when it is working time, else the start of the next working period. */
export function nextWorkingInstant(cal: BusinessCalendar | undefined, at: Instant): Instant {
  if (!cal) return toInstant(instantMs(at));
  return toInstant(nextWorkingMs(cal, instantMs(at)));
}

/** The local date (`YYYY-MM-DD`) of an instant in the calendar's zone (UTC without a calendar). */
export function localDate(cal: BusinessCalendar | undefined, at: Instant): string {
  const ms = instantMs(at);
  return isoDateOfDay(Math.floor((cal ? cal.zone.toLocalMs(ms) : ms) / MS_PER_DAY));
}

/**
 * Whether a day is one of the calendar's holidays: `day` is a local date (`2026-12-25`) or an instant,
 * whose local date in the calendar's zone is used. Never true without a calendar.
 */
export function isHoliday(cal: BusinessCalendar | undefined, day: string): boolean {
  if (!cal) return false;
  const date = dayOfIsoDate(day) === null ? localDate(cal, day) : day;
  return cal.holidays.has(date);
}

/** Working days a duration's days and weeks stand for (a week is the calendar's working days per week). */
export function workingDaysOf(cal: BusinessCalendar, parts: DurationParts): number {
  return parts.days + parts.weeks * cal.workingDaysPerWeek;
}

/**
 * Adds a duration. Without a calendar it is elapsed time (P1D = 24 h). With one (docs/semantics.md):
 * days are working days landing at the same local time (or the next working instant when that time
 * is not working), weeks are the calendar's working days per week, hours/minutes/seconds are working
 * time, days go first, and work that ends exactly at a period's end ends there. A zero duration ends
 * at its start.
 */
export function addDuration(
  cal: BusinessCalendar | undefined,
  start: Instant,
  duration: string | DurationParts,
): Instant {
  const parts = toDurationParts(duration);
  const startMs = instantMs(start);
  if (!cal) return toInstant(startMs + durationToMs(parts));
  const days = workingDaysOf(cal, parts);
  let at = startMs;
  if (days > 0) at = addWorkingDays(cal, startMs, days);
  return toInstant(addWorkingMs(cal, at, timePartToMs(parts)));
}

function addWorkingDays(cal: BusinessCalendar, startMs: number, days: number): number {
  const from = nextWorkingMs(cal, startMs);
  const localMs = cal.zone.toLocalMs(from);
  let day = Math.floor(localMs / MS_PER_DAY);
  const timeOfDay = localMs - day * MS_PER_DAY;
  let counted = 0;
  let idle = 0;
  while (counted < days) {
    day++;
    if (periodsOfDay(cal, day).length > 0) {
      counted++;
      idle = 0;
    } else if (++idle > SEARCH_LIMIT_DAYS) {
      throw searchError(cal, from);
    }
  }
  return nextWorkingMs(cal, cal.zone.fromLocalMs(day * MS_PER_DAY + timeOfDay));
}
