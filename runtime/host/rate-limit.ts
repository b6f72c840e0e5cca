// A token bucket per caller (an address, a mailbox): `perMinute` takes, refilled evenly; the public form's
// routes and the SMTP intake both count with it. Past `maxKeys` callers the least recently seen is forgotten.

/** Takes one token for `key`: null when allowed, else the seconds until one is free again. */
export type RateLimit = (key: string) => number | null;

export function tokenBuckets(perMinute: number, maxKeys = 50_000, now: () => number = Date.now): RateLimit {
  const seen = new Map<string, { tokens: number; at: number }>();
  return (key) => {
    const at = now();
    const bucket = seen.get(key) ?? { tokens: perMinute, at };
    seen.delete(key);
    if (seen.size >= maxKeys) seen.delete(seen.keys().next().value as string);
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((at - bucket.at) * perMinute) / 60_000);
    bucket.at = at;
    seen.set(key, bucket);
    if (bucket.tokens < 1) return Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
    bucket.tokens -= 1;
    return null;
  };
}
