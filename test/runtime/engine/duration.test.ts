import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  durationToMs,
  formatDuration,
  parseDuration,
  timePartToMs,
  toDurationParts,
} from '../../../runtime/engine/duration.ts';

const parts = (weeks: number, days: number, hours: number, minutes: number, seconds: number) => ({
  weeks,
  days,
  hours,
  minutes,
  seconds,
});

describe('parseDuration', () => {
  it('reads weeks, days, hours, minutes and seconds', () => {
    expect(parseDuration('P2D')).toEqual(parts(0, 2, 0, 0, 0));
    expect(parseDuration('PT4H')).toEqual(parts(0, 0, 4, 0, 0));
    expect(parseDuration('P1DT4H')).toEqual(parts(0, 1, 4, 0, 0));
    expect(parseDuration('P1W')).toEqual(parts(1, 0, 0, 0, 0));
    expect(parseDuration('P1W2DT3H4M5S')).toEqual(parts(1, 2, 3, 4, 5));
    expect(parseDuration('PT90M')).toEqual(parts(0, 0, 0, 90, 0));
    expect(parseDuration('PT0S')).toEqual(parts(0, 0, 0, 0, 0));
  });

  it('rejects years, months, fractions and malformed text', () => {
    for (const text of [
      'P1Y',
      'P1M',
      'P1Y2D',
      'PT1.5H',
      'PT1,5H',
      'P',
      'PT',
      'P1DT',
      'p1d',
      'P1D ',
      '',
      '2D',
      'P1H',
      'PT1D',
      'P1D1W',
      'P-1D',
    ]) {
      expect(parseDuration(text), text).toBeNull();
    }
  });

  it('rejects numbers too large to count exactly', () => {
    expect(parseDuration('PT99999999999999999999S')).toBeNull();
  });
});

describe('durationToMs', () => {
  it('counts plain elapsed time: a day is 24 h, a week 7 days', () => {
    expect(durationToMs(parts(0, 1, 0, 0, 0))).toBe(86_400_000);
    expect(durationToMs(parts(1, 0, 0, 0, 0))).toBe(604_800_000);
    expect(durationToMs(parts(1, 2, 3, 4, 5))).toBe(788_645_000);
    expect(timePartToMs(parts(1, 2, 3, 4, 5))).toBe(11_045_000);
  });
});

describe('formatDuration', () => {
  it('writes the canonical ISO 8601 text', () => {
    expect(formatDuration(parts(0, 0, 4, 0, 0))).toBe('PT4H');
    expect(formatDuration(parts(0, 2, 0, 0, 0))).toBe('P2D');
    expect(formatDuration(parts(1, 2, 3, 4, 5))).toBe('P1W2DT3H4M5S');
    expect(formatDuration(parts(0, 1, 0, 30, 0))).toBe('P1DT30M');
    expect(formatDuration(parts(0, 0, 0, 0, 0))).toBe('PT0S');
  });

  it('round-trips through parseDuration', () => {
    const part = fc.integer({ min: 0, max: 1_000 });
    fc.assert(
      fc.property(part, part, part, part, part, (w, d, h, m, s) => {
        const given = parts(w, d, h, m, s);
        expect(parseDuration(formatDuration(given))).toEqual(given);
      }),
      { numRuns: 200 },
    );
  });
});

describe('toDurationParts', () => {
  it('passes parts through and parses text', () => {
    const given = parts(0, 1, 0, 0, 0);
    expect(toDurationParts(given)).toBe(given);
    expect(toDurationParts('PT4H')).toEqual(parts(0, 0, 4, 0, 0));
  });

  it('throws a plain-worded error for an unsupported duration', () => {
    expect(() => toDurationParts('P1Y')).toThrow(
      "'P1Y' is not a supported duration: use ISO 8601 weeks, days, hours, minutes and seconds, e.g. P2D, PT4H or P1DT30M (no years, months or fractions).",
    );
  });
});
