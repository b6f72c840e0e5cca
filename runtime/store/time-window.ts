// A time window (`from`, `to` on GET /api/export and the reports; `--from`, `--to` on `dossier export`):
// `from` inclusive, `to` exclusive. Both ends are RFC 3339 instants with an offset, turned into the
// store's form (UTC, milliseconds) for the database to compare with its instants as text.
// No I/O here: a route answers a failure with 400 (runtime/http/query.ts), the command line with exit status 2.

/** The window in the store's form; either end may be open. */
export interface TimeWindow {
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

export type TimeWindowResult =
  | { ok: true; window: TimeWindow }
  /** `name` is the end at fault (`to` when the two are in the wrong order); `problem` says what it must be. */
  | { ok: false; name: 'from' | 'to'; got: string; problem: string };

export const INSTANT_EXAMPLE = '2026-01-05T09:00:00Z';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/i;
const YEAR_0 = Date.parse('0000-01-01T00:00:00.000Z');
const YEAR_10000 = Date.parse('+010000-01-01T00:00:00.000Z');

/**
 * An RFC 3339 date-time (date, time and offset) in the store's form, `2026-01-05T08:00:00.000Z`; null
 * when it is not one (no offset, a date alone, February 30, outside years 0000 to 9999 in UTC).
 * Digits past the millisecond round up, so that `at >= from` and `at < to` on the stored
 * milliseconds keep exactly the instants at or after `from` and before `to`.
 */
export function storeInstant(text: string): string | null {
  const parts = INSTANT.exec(text);
  if (parts === null) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = parts[7] ?? '';
  const offsetHour = Number(parts[9] ?? 0);
  const offsetMinute = Number(parts[10] ?? 0);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  if (month < 1 || month > 12 || day < 1 || day > lastDay.getUTCDate() || hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) {
    return null;
  }
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')) + (/[1-9]/.test(fraction.slice(3)) ? 1 : 0));
  const offsetMs = (parts[8]?.startsWith('-') ? -1 : 1) * (offsetHour * 60 + offsetMinute) * 60_000;
  const ms = local.getTime() - (parts[8]?.toUpperCase() === 'Z' ? 0 : offsetMs);
  if (ms < YEAR_0 || ms >= YEAR_10000) return null;
  return new Date(ms).toISOString();
}

/**
 * Checks and converts the two ends (absent or blank: open); `to` before `from` is refused, `to` equal
 * to `from` is an empty window. `label` names `from` in the messages (`--from` on the command line).
 */
export function timeWindow(from: string | undefined, to: string | undefined, label = 'from'): TimeWindowResult {
  const window: TimeWindow = {};
  for (const [name, raw] of [['from', from], ['to', to]] as const) {
    if (raw === undefined || raw === '') continue;
    const instant = storeInstant(raw);
    if (instant === null) {
      return { ok: false, name, got: raw, problem: `must be an instant such as ${INSTANT_EXAMPLE} (date, time and offset)` };
    }
    window[name] = instant;
  }
  if (window.from !== undefined && window.to !== undefined && window.to < window.from) {
    return { ok: false, name: 'to', got: to as string, problem: `must not be before ${label} (${window.from})` };
  }
  return { ok: true, window };
}
