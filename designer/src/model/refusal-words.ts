// Refusals in the case type's words: rule and event titles (or their ids as words when the analyst gave no
// title), never codes or ids. The worker console and the simulator say why an action was refused alike.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { FieldProblem } from '../../../runtime/engine/index.ts';
import { eventTitle, ruleTitle } from './titles.ts';

/** What a refusal carries: the engine's rejection, or the server's problem answer. */
export interface Refusal {
  code: string;
  message: string;
  problems: readonly FieldProblem[];
  rules?: readonly string[];
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
      return `${title} is blocked: ${rules.join(' and ')} ${rules.length === 1 ? 'is' : 'are'} not met yet${failure.problems.length > 0 ? '; complete the fields listed' : ''}.`;
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
