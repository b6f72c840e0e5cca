import { describe, expect, it } from 'vitest';
import { tokenBuckets } from '../../../runtime/host/rate-limit.ts';

describe('tokenBuckets', () => {
  it('allows perMinute takes at once, then says how long to wait, and refills evenly', () => {
    let now = 0;
    const take = tokenBuckets(6, 100, () => now);
    for (let i = 0; i < 6; i += 1) expect(take('a')).toBeNull();
    expect(take('a')).toBe(10); // one token per 10 s
    expect(take('b')).toBeNull(); // another caller has its own bucket
    now += 10_000;
    expect(take('a')).toBeNull();
    expect(take('a')).toBe(10);
  });

  it('forgets the least recently seen caller past maxKeys', () => {
    const now = 0;
    const take = tokenBuckets(1, 2, () => now);
    expect(take('a')).toBeNull();
    expect(take('b')).toBeNull();
    expect(take('a')).toBe(60); // a seen again: most recent
    expect(take('c')).toBeNull(); // b forgotten
    expect(take('b')).toBeNull(); // b starts afresh; a forgotten now
    expect(take('a')).toBeNull();
  });
});
