// ISO 8601 instants to epoch ms and back, as `Date.parse` and `Date.prototype.toISOString` do them,
// with a fast path for the one form the engine writes (`2026-01-05T09:00:00.000Z`, years 1970–9999):
// calendar and SLA arithmetic converts dozens of instants per event, and V8's own conversions
// (toISOString especially) are several times slower.
import { MS_PER_DAY } from './duration.ts';

/** 10000-01-01T00:00:00.000Z: from here on years need more than four digits. */
const YEAR_10000_MS = 253_402_300_800_000;

const CODE_0 = 48;

/** The number in `text[from, from + length)`, or -1 when a character is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = text.charCodeAt(i) - CODE_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12); H. Hinnant's days_from_civil. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `Date.parse(at)`: read by hand when `at` is a valid `YYYY-MM-DDTHH:mm:ss.sssZ` from 1970 on. */
export function parseInstant(at: string): number {
  if (
    at.length !== 24 ||
    at.charCodeAt(4) !== 45 || // -
    at.charCodeAt(7) !== 45 ||
    at.charCodeAt(10) !== 84 || // T
    at.charCodeAt(13) !== 58 || // :
    at.charCodeAt(16) !== 58 ||
    at.charCodeAt(19) !== 46 || // .
    at.charCodeAt(23) !== 90 // Z
  ) {
    return Date.parse(at);
  }
  const year = digits(at, 0, 4);
  const month = digits(at, 5, 2);
  const day = digits(at, 8, 2);
  const hour = digits(at, 11, 2);
  const minute = digits(at, 14, 2);
  const second = digits(at, 17, 2);
  const ms = digits(at, 20, 3);
  if (
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number)) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  ) {
    return Date.parse(at);
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** `new Date(ms).toISOString()`: written by hand for whole ms from 1970 to 9999. */
export function formatInstant(ms: number): string {
  if (!(ms >= 0 && ms < YEAR_10000_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / MS_PER_DAY);
  // H. Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  let rest = ms - days * MS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}

/** `parseInstant`, refusing what is not an instant with an error that shows the expected form. */
export function instantMs(at: string): number {
  const ms = parseInstant(at);
  if (Number.isNaN(ms)) throw new Error(`'${at}' is not an ISO 8601 instant such as 2026-01-05T09:00:00.000Z.`);
  return ms;
}
