// Local times for people: "Mon 15:00" in the calendar's zone, and due-time explanations such as
// "PT8H from Fri 16:00 in 'office' is Mon 16:00". Fixed English names, so output is the same everywhere.
import type { Instant } from './types.ts';
import type { BusinessCalendar } from './calendar.ts';
import { addDuration } from './calendar.ts';
import type { DurationParts } from './duration.ts';
import { formatDuration, MS_PER_DAY, toDurationParts } from './duration.ts';
import { instantMs } from './instant.ts';
import { localPartsOf } from './zoned-time.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface FormatLocalOptions {
  /** Add the date: `Mon 5 Jan 15:00`. */
  date?: boolean;
  /** Add the year too: `Mon 5 Jan 2026 15:00` (implies `date`). */
  year?: boolean;
}

function localMsOf(cal: BusinessCalendar | undefined, at: Instant): number {
  const ms = instantMs(at);
  return cal ? cal.zone.toLocalMs(ms) : ms;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant as local weekday and time in the calendar's zone (UTC without a calendar):
 * `Mon 15:00`, `Mon 5 Jan 15:00` with `{ date: true }`; seconds appear only when not zero.
 */
export function formatLocal(
  cal: BusinessCalendar | undefined,
  at: Instant,
  options: FormatLocalOptions = {},
): string {
  const p = localPartsOf(localMsOf(cal, at));
  const time = `${pad(p.hour)}:${pad(p.minute)}${p.second || p.millisecond ? `:${pad(p.second)}` : ''}`;
  const weekday = WEEKDAYS[p.weekday] ?? '';
  if (!options.date && !options.year) return `${weekday} ${time}`;
  const date = `${p.day} ${MONTHS[p.month - 1] ?? ''}${options.year ? ` ${p.year}` : ''}`;
  return `${weekday} ${date} ${time}`;
}

/**
 * One sentence explaining a due time: `PT8H from Fri 16:00 in 'office' is Mon 16:00`, or without a
 * calendar `P1D from Fri 16:00 UTC is Sat 16:00 UTC`. Dates are added when the two instants are six
 * or more local days apart, where a weekday alone would be ambiguous.
 */
export function explainDue(
  cal: BusinessCalendar | undefined,
  calendarName: string | undefined,
  start: Instant,
  duration: string | DurationParts,
): string {
  const parts = toDurationParts(duration);
  const due = addDuration(cal, start, parts);
  const startDay = Math.floor(localMsOf(cal, start) / MS_PER_DAY);
  const dueDay = Math.floor(localMsOf(cal, due) / MS_PER_DAY);
  const options: FormatLocalOptions = { date: dueDay - startDay >= 6 };
  const text = typeof duration === 'string' ? duration : formatDuration(parts);
  if (!cal)
    return `${text} from ${formatLocal(undefined, start, options)} UTC is ${formatLocal(undefined, due, options)} UTC`;
  const name = calendarName ?? cal.name;
  const where = name === undefined ? `(${cal.timezone} business time)` : `in '${name}'`;
  return `${text} from ${formatLocal(cal, start, options)} ${where} is ${formatLocal(cal, due, options)}`;
}
