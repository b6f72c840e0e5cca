// What both stores' report queries share: the instants a backlog's ages are cut at (from the host's
// clock, passed in: the stores read no clock).
import type { Instant } from '../engine/index.ts';

const DAY_MS = 86_400_000;

/** The ages the backlog counts in (docs/reports.md): under 1 day, 1–3, 3–7, 7–30, over 30 days. */
export const AGE_DAYS = [1, 3, 7, 30] as const;

/** The creation instants (store form) of a case exactly 1, 3, 7 and 30 days old at `now`. */
export function ageLimits(now: Instant): [Instant, Instant, Instant, Instant] {
  const ms = Date.parse(now);
  return AGE_DAYS.map((days) => new Date(ms - days * DAY_MS).toISOString()) as [Instant, Instant, Instant, Instant];
}
