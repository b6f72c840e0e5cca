// nextEvents: every event of the case type, with whether it can be sent now and why not.
import { maySend } from './apply-event.ts';
import type { CompiledCaseType } from './compile.ts';
import { transitionChecker } from './transition-check.ts';
import type { Actor, Case, NextEvent } from './types.ts';

/** Each event of the definition on the current data (no payload): available, enabled, allowed, and why not. */
export function nextEvents(type: CompiledCaseType, kase: Case, actor?: Actor): NextEvent[] {
  const check = kase.closedAt === null ? transitionChecker(type, kase.state, kase.data) : null;
  return Object.entries(type.def.events ?? {}).map(([name, def]): NextEvent => {
    const { candidates, enabled, problems } = check ? check(name) : { candidates: [], enabled: null, problems: [] };
    return {
      type: name,
      title: def?.title ?? name,
      available: candidates.length > 0,
      enabled: enabled !== null,
      allowed: maySend(type, name, actor),
      problems,
      target: enabled?.transition.target ?? null,
    };
  });
}
