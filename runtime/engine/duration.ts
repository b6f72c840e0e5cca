// ISO 8601 durations, restricted to weeks, days, hours, minutes and seconds (docs/semantics.md
// "Durations and calendars"): years and months are rejected because their length is ambiguous.

/** The parts of a `PnWnDTnHnMnS` duration; every part is a non-negative safe integer. */
export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
export const MS_PER_WEEK = 7 * MS_PER_DAY;

// Same language as the meta-schema's `duration` pattern: at least one part, and a `T` only when a
// time part follows it.
const DURATION_PATTERN = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses `P2D`, `PT4H`, `P1DT4H`, `P1W`...; returns null for anything else (years, months, fractions, `P`). */
export function parseDuration(text: string): DurationParts | null {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return null;
  const parts: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const value = Number(match[i] ?? '0');
    if (!Number.isSafeInteger(value)) return null;
    parts.push(value);
  }
  const [weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = parts;
  return { weeks, days, hours, minutes, seconds };
}

/** Plain elapsed milliseconds: a day is 24 h and a week 7 days (the meaning without a calendar). */
export function durationToMs(parts: DurationParts): number {
  return (
    parts.weeks * MS_PER_WEEK +
    parts.days * MS_PER_DAY +
    parts.hours * MS_PER_HOUR +
    parts.minutes * MS_PER_MINUTE +
    parts.seconds * MS_PER_SECOND
  );
}

/** Milliseconds of the hours, minutes and seconds parts only (the working-time part with a calendar). */
export function timePartToMs(parts: DurationParts): number {
  return parts.hours * MS_PER_HOUR + parts.minutes * MS_PER_MINUTE + parts.seconds * MS_PER_SECOND;
}

/** The canonical ISO 8601 text of a duration, parts kept as given (`P1W2DT3H`); zero is `PT0S`. */
export function formatDuration(parts: DurationParts): string {
  const date = (parts.weeks ? `${parts.weeks}W` : '') + (parts.days ? `${parts.days}D` : '');
  const time =
    (parts.hours ? `${parts.hours}H` : '') +
    (parts.minutes ? `${parts.minutes}M` : '') +
    (parts.seconds ? `${parts.seconds}S` : '');
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/**
 * The parts of a duration given as text or parts. Throws on text that is not a supported duration:
 * the validator reports those in a definition before it reaches the engine.
 */
export function toDurationParts(duration: string | DurationParts): DurationParts {
  if (typeof duration !== 'string') return duration;
  const parts = parseDuration(duration);
  if (!parts) {
    throw new Error(
      `'${duration}' is not a supported duration: use ISO 8601 weeks, days, hours, minutes and seconds, e.g. P2D, PT4H or P1DT30M (no years, months or fractions).`,
    );
  }
  return parts;
}
