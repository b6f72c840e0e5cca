// Refusals in the case type's words: rule and event titles (or their ids as words when the analyst gave no
// title), never codes or ids. The worker console and the simulator say why an action was refused alike.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { FieldProblem } from '../../../runtime/engine/index.ts';

/** What a refusal carries: the engine's rejection, or the server's problem answer. */
export interface Refusal {
  code: string;
  message: string;
  problems: readonly FieldProblem[];
  rules?: readonly string[];
}

/** An id as words, for a rule or event the analyst gave no title: "customerReachable" → "Customer reachable". */
export function idWords(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A rule's title for an agent: its title, else its id in words (never the raw id). */
export function ruleTitle(def: CaseType, rule: string): string {
  return def.rules?.[rule]?.title ?? idWords(rule);
}

/** An event's title for an agent: its title, else its name in words. */
export function eventTitle(def: CaseType, type: string): string {
  return def.events?.[type]?.title ?? idWords(type);
}

/**
 * Why the server did not accept an action, said to the agent in the case type's words: rule and event
 * titles, no codes or ids (the server's own sentence names them for developers). The fields to fix are
 * listed beside it.
 */
export function rejectionText(def: CaseType, type: string, failure: Refusal): string {
  const title = eventTitle(def, type);
  switch (failure.code) {
    case 'rule.failed': {
      const rules = (failure.rules ?? []).map((r) => `“${ruleTitle(def, r)}”`);
      if (rules.length === 0) return `${title} is not possible at this point of the case.`;
      return `${title} is blocked until ${rules.join(' and ')} ${rules.length === 1 ? 'is' : 'are'} met${failure.problems.length > 0 ? ': complete the fields listed' : ''}.`;
    }
    case 'data.invalid':
      return `${title} was not accepted: fix the fields listed.`;
    case 'event.forbidden':
    case 'auth.forbidden':
      return `${title} is not open to your role: ask a colleague who may do it.`;
    case 'event.unknown':
      return `${title} is not part of this case type any more: reload the case.`;
    case 'event.not_accepted':
      return `${title} is not possible at this point of the case: reload it to see where it is now.`;
    default:
      return `${title} was not accepted: ${failure.message}`;
  }
}
