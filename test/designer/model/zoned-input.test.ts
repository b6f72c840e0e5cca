import { describe, expect, it } from 'vitest';
import { zonedInputToInstant } from '../../../designer/src/model/zoned-input.ts';

describe('zonedInputToInstant', () => {
  it('reads wall time in the zone: winter and summer time in Amsterdam, New York, UTC', () => {
    expect(zonedInputToInstant('2026-01-09T16:00', 'Europe/Amsterdam')).toBe('2026-01-09T15:00:00.000Z');
    expect(zonedInputToInstant('2026-07-10T16:00', 'Europe/Amsterdam')).toBe('2026-07-10T14:00:00.000Z');
    expect(zonedInputToInstant('2026-01-09T16:00', 'America/New_York')).toBe('2026-01-09T21:00:00.000Z');
    expect(zonedInputToInstant('2026-01-09T16:00', 'UTC')).toBe('2026-01-09T16:00:00.000Z');
  });

  it('gives null for text that is not a date and time, or an unknown zone', () => {
    expect(zonedInputToInstant('2026-01-09', 'UTC')).toBeNull();
    expect(zonedInputToInstant('2026-01-09T16:00', 'Mars/Olympus')).toBeNull();
  });
});
