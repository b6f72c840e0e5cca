// SLA conditions (`start`, `pause`, `stop`, `cancel`, `reset`) read against one engine step, and the
// retroactive start (`startFrom`). A condition is true when ANY of its listed parts matches.
import type { Sla, SlaCondition } from '../../schemas/generated/case-type.ts';
import { getAtPointer } from './json-pointer.ts';
import type { CaseData, Instant, SlaPauseReason } from './types.ts';

/** What the engine tells the SLA clock about the step it just took. */
export interface SlaStepContext {
  /** The event just processed: `case.created`, `SUBMIT_TRIAGE`, `timer.x`, `sla.firstResponse.breached`, ... */
  event: string;
  /** State ids entered during this step (all levels). */
  entered: readonly string[];
  /** State ids active after the step (all levels). */
  active: readonly string[];
  /** Whether a rule holds on the data after the step. */
  ruleHolds(rule: string): boolean;
  /** The case data after the step (read by `startFrom`). */
  data: CaseData;
  now: Instant;
  /** The case reached a top-level final state in this step. */
  caseClosed: boolean;
}

/** The part that matched: `event` and `enter` are momentary (this step only), `in` and `rule` hold over time. */
export type ConditionMatch = SlaPauseReason;

/** The first momentary part that matches this step: the event, or a state entered. */
export function momentaryMatch(
  condition: SlaCondition | undefined,
  ctx: SlaStepContext,
): ConditionMatch | null {
  if (!condition) return null;
  if (condition.event?.includes(ctx.event)) return { part: 'event', name: ctx.event };
  const entered = condition.enter?.find((id) => ctx.entered.includes(id));
  if (entered !== undefined) return { part: 'enter', name: entered };
  return null;
}

/** The first lasting part that holds after this step: a state active, or the rule. */
export function holdingMatch(
  condition: SlaCondition | undefined,
  ctx: SlaStepContext,
): ConditionMatch | null {
  if (!condition) return null;
  const active = condition.in?.find((id) => ctx.active.includes(id));
  if (active !== undefined) return { part: 'in', name: active };
  if (condition.rule !== undefined && ctx.ruleHolds(condition.rule))
    return { part: 'rule', name: condition.rule };
  return null;
}

/** The condition's matching part in this step (momentary parts first), or null. */
export function conditionMatch(
  condition: SlaCondition | undefined,
  ctx: SlaStepContext,
): ConditionMatch | null {
  return momentaryMatch(condition, ctx) ?? holdingMatch(condition, ctx);
}

/** A pause begun by a momentary part latches: it lasts until the `start` condition matches again. */
export function isLatch(reason: SlaPauseReason | undefined): boolean {
  return reason !== undefined && (reason.part === 'event' || reason.part === 'enter');
}

/**
 * When a first record starts: the instant in the `startFrom` field when it holds a date-time that is
 * not in the future, else `now`. A missing, empty or unreadable value starts the clock now.
 */
export function startInstant(sla: Sla, data: CaseData, now: Instant): Instant {
  if (sla.startFrom === undefined) return now;
  const value = getAtPointer(data, sla.startFrom);
  if (typeof value !== 'string') return now;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms > Date.parse(now)) return now;
  return new Date(ms).toISOString();
}
