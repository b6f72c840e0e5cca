import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatSpan } from '../../../designer/src/i18n/index.ts';
import { formatSpan as engineSpan } from '../../../runtime/engine/index.ts';

const AT = '2026-01-05T09:30:00Z';

describe('dates, numbers and spans in the reader’s locale', () => {
  it('dates and date-times: nl-NL and en-GB, 24-hour clock', () => {
    expect(formatDate(AT, 'nl', 'UTC')).toBe('5 januari 2026');
    expect(formatDate(AT, 'en', 'UTC')).toBe('5 January 2026');
    expect(formatDateTime(AT, 'nl', 'UTC')).toBe('5 jan 2026, 09:30');
    expect(formatDateTime(AT, 'en', 'UTC')).toBe('5 Jan 2026, 09:30');
    expect(formatDateTime('2026-03-01T17:05:00Z', 'nl', 'Europe/Amsterdam')).toBe('1 mrt 2026, 18:05');
  });

  it('numbers', () => {
    expect(formatNumber(12345.5, 'nl')).toBe('12.345,5');
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
  });

  it('business-time spans: the engine’s in English, hours as "u" in Dutch', () => {
    for (const ms of [0, 45 * 60_000, 2.5 * 3_600_000, 30 * 86_400_000 + 61_000]) {
      expect(formatSpan(ms, 'en')).toBe(engineSpan(ms, false));
      expect(formatSpan(ms, 'en', true)).toBe(engineSpan(ms, true));
    }
    expect(formatSpan(2.5 * 3_600_000, 'nl')).toBe('2 u 30 min');
    expect(formatSpan(0, 'nl')).toBe('0 min');
    expect(formatSpan(30 * 86_400_000 + 3_661_000, 'nl', true)).toBe('30 d 1 u 1 min 1 s');
  });
});
