// parseInstant and formatInstant: the same answers as Date.parse and toISOString, on the engine's
// own form (the fast path) and on everything else (handed to Date).
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../../runtime/engine/instant.ts';

/** Instants spread over `[from, to)` by a fixed generator (the test reads the same every run). */
function* samples(count: number, from: number, to: number): Generator<number> {
  let x = 1;
  const next = (): number => (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  for (let i = 0; i < count; i++) yield Math.floor(from + (next() + next() / 2 ** 32) * (to - from));
}

describe('formatInstant', () => {
  it('writes what toISOString writes, from 1970 to 9999', () => {
    for (const ms of samples(20_000, 0, 253_402_300_800_000)) {
      expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('leaves other instants to Date: before 1970, after 9999, fractions', () => {
    for (const ms of [-1, -86_400_001, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, 1.5]) {
      expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('reads what Date.parse reads, on the form the engine writes', () => {
    for (const ms of samples(20_000, 0, 253_402_300_800_000)) {
      const text = new Date(ms).toISOString();
      expect(parseInstant(text)).toBe(Date.parse(text));
    }
  });

  it('leaves other texts to Date.parse: other forms, impossible dates, times past midnight', () => {
    for (const text of [
      '2026-01-05T09:00:00Z',
      '2026-01-05T10:00:00.000+01:00',
      '2026-01-05',
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2100-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '1969-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.0a0Z',
      'not an instant at all!!Z',
    ]) {
      expect(Object.is(parseInstant(text), Date.parse(text)), text).toBe(true);
    }
  });
});
