// IANA time-zone arithmetic on epoch milliseconds with `Intl.DateTimeFormat` only (browsers and Node).
// Local wall times are represented as "local epoch ms": the wall time read as if it were UTC, so a
// local calendar day is `Math.floor(localMs / MS_PER_DAY)` and a weekday needs no time zone at all.
import { MS_PER_DAY, MS_PER_HOUR } from './duration.ts';

/** Local date and wall-clock time of an instant in a zone. */
export interface LocalParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Days since 1970-01-01 in local terms. */
  dayNumber: number;
}

/** A time zone's conversions, with its `Intl` formatter created once. */
export interface Zone {
  readonly timezone: string;
  /** Local minus UTC, in ms, at an instant (e.g. 3_600_000 for CET). */
  offsetAt(epochMs: number): number;
  /** The instant's wall time read as UTC. */
  toLocalMs(epochMs: number): number;
  /**
   * The instant of a local wall time (RFC 5545 rules): an ambiguous time (clocks going back) is its
   * first occurrence; a time in a gap (clocks going forward) is read with the offset before the gap,
   * so it moves forward by the gap's length (02:30 becomes 03:30 on a one-hour spring-forward day).
   */
  fromLocalMs(localMs: number): number;
  toLocalParts(epochMs: number): LocalParts;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, Zone>();

/** Memoised offsets per zone: one entry per UTC hour; cleared when full (bounded memory). */
const OFFSET_CACHE_LIMIT = 200_000;
/** The range of a JavaScript Date, in epoch ms. */
const MAX_DATE_MS = 8.64e15;

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(
        `'${timezone}' is not a time zone this runtime knows: use an IANA time zone name such as Europe/Amsterdam or America/New_York.`,
      );
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The zone for an IANA name (cached). Throws a plain-worded Error for an unknown zone. */
export function getZone(timezone: string): Zone {
  const cached = zones.get(timezone);
  if (cached) return cached;
  const formatter = formatterFor(timezone);

  const exactOffsetAt = (epochMs: number): number => {
    const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of formatter.formatToParts(wholeSeconds)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value) % 24;
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSeconds;
  };

  // `formatToParts` is slow and calendar arithmetic asks for thousands of offsets per event. An hour
  // whose first and last second have the same offset has it throughout (zones change offset at most
  // once an hour), so it is remembered per UTC hour; an hour with a change is computed exactly.
  const hourOffsets = new Map<number, number | null>();
  const offsetAt = (epochMs: number): number => {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    const start = hour * MS_PER_HOUR;
    if (!(start >= -MAX_DATE_MS && start + MS_PER_HOUR <= MAX_DATE_MS)) return exactOffsetAt(epochMs);
    let offset = hourOffsets.get(hour);
    if (offset === undefined) {
      const first = exactOffsetAt(start);
      offset = exactOffsetAt(start + MS_PER_HOUR - 1000) === first ? first : null;
      if (hourOffsets.size >= OFFSET_CACHE_LIMIT) hourOffsets.clear();
      hourOffsets.set(hour, offset);
    }
    return offset ?? exactOffsetAt(epochMs);
  };

  const zone: Zone = {
    timezone,
    offsetAt,
    toLocalMs: (epochMs) => epochMs + offsetAt(epochMs),
    fromLocalMs(localMs) {
      const before = offsetAt(localMs - MS_PER_DAY);
      const after = offsetAt(localMs + MS_PER_DAY);
      const early = localMs - before;
      if (before === after) return early;
      if (offsetAt(early) === before) return early;
      const late = localMs - after;
      if (offsetAt(late) === after) return late;
      return early;
    },
    toLocalParts(epochMs) {
      return localPartsOf(epochMs + offsetAt(epochMs));
    },
  };
  zones.set(timezone, zone);
  return zone;
}

/** Splits local epoch ms into date, time and weekday. */
export function localPartsOf(localMs: number): LocalParts {
  const date = new Date(localMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    weekday: date.getUTCDay(),
    dayNumber: Math.floor(localMs / MS_PER_DAY),
  };
}

/** 0 = Sunday … 6 = Saturday, for a local day number. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a local day number. */
export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The local day number of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function dayOfIsoDate(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / MS_PER_DAY;
  return isoDateOfDay(day) === date ? day : null;
}
