// Pure edits of business calendars (`calendars`): weekly hours with breaks, holidays, time zone.
import type { Calendar, CaseType, TimeRange } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A new calendar: Monday to Friday 09:00–17:00 in the given zone. */
export function addCalendar(def: CaseType, name: string, timezone: string): CaseType {
  if (def.calendars?.[name]) return def;
  const next = clone(def);
  const day = (): TimeRange[] => [['09:00', '17:00']];
  const calendar: Calendar = { timezone, hours: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day() } };
  next.calendars = { ...(next.calendars ?? {}), [name]: calendar };
  return next;
}

/** Deletes a calendar; SLAs and delays that named it lose their `calendar` (they count elapsed time then). */
export function deleteCalendar(def: CaseType, name: string): CaseType {
  if (!def.calendars?.[name]) return def;
  const next = clone(def);
  const calendars = { ...(next.calendars ?? {}) };
  delete calendars[name];
  if (Object.keys(calendars).length === 0) delete next.calendars;
  else next.calendars = calendars;
  for (const sla of Object.values(next.slas ?? {})) if (sla && sla.calendar === name) delete sla.calendar;
  const visit = (states: CaseType['playbook']['states'] | undefined): void => {
    for (const node of Object.values(states ?? {})) {
      if (!node) continue;
      for (const a of node.after ?? []) if (a.calendar === name) delete a.calendar;
      visit(node.states);
    }
  };
  visit(next.playbook.states);
  return next;
}

function withCalendar(def: CaseType, name: string, change: (cal: Calendar) => void): CaseType {
  if (!def.calendars?.[name]) return def;
  const next = clone(def);
  change(next.calendars?.[name] as Calendar);
  return next;
}

export function setTimezone(def: CaseType, name: string, timezone: string): CaseType {
  return withCalendar(def, name, (cal) => {
    cal.timezone = timezone;
  });
}

export function setCalendarTitle(def: CaseType, name: string, title: string): CaseType {
  return withCalendar(def, name, (cal) => {
    if (title === '') delete cal.title;
    else cal.title = title;
  });
}

/** Sets a weekday's working periods (breaks are the gaps between them); an empty list makes it a day off. */
export function setDayHours(def: CaseType, name: string, day: Weekday, ranges: TimeRange[]): CaseType {
  return withCalendar(def, name, (cal) => {
    const hours = { ...cal.hours };
    if (ranges.length === 0) delete hours[day];
    else hours[day] = ranges.map((r) => [r[0], r[1]] as TimeRange);
    // keep Monday-first order, so the JSON diffs well
    cal.hours = Object.fromEntries(WEEKDAYS.filter((d) => hours[d] !== undefined).map((d) => [d, hours[d]]));
  });
}

/** Adds a holiday (a local date, YYYY-MM-DD), kept sorted and unique. */
export function addHoliday(def: CaseType, name: string, date: string): CaseType {
  return withCalendar(def, name, (cal) => {
    cal.holidays = [...new Set([...(cal.holidays ?? []), date])].sort();
  });
}

export function removeHoliday(def: CaseType, name: string, date: string): CaseType {
  return withCalendar(def, name, (cal) => {
    const rest = (cal.holidays ?? []).filter((d) => d !== date);
    if (rest.length === 0) delete cal.holidays;
    else cal.holidays = rest;
  });
}

/** `09:00-12:00, 13:00-17:00` → ranges; null when the text is not a list of HH:MM-HH:MM. */
export function parseRanges(text: string): TimeRange[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const out: TimeRange[] = [];
  for (const part of trimmed.split(',')) {
    const m = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(part);
    if (!m) return null;
    out.push([m[1] as string, m[2] as string]);
  }
  return out;
}

export function formatRanges(ranges: readonly TimeRange[] | undefined): string {
  return (ranges ?? []).map((r) => `${r[0]}-${r[1]}`).join(', ');
}
