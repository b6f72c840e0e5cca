// Refusals in the case type's words: rule and event titles (or their ids as words when the analyst gave no
// title), never codes or ids. The worker console and the simulator say why an action was refused alike.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { FieldProblem } from '../../../runtime/engine/index.ts';
import { ENGLISH, type Words } from '../i18n/index.ts';
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
export function rejectionText(def: CaseType, type: string, failure: Refusal, { t }: Words = ENGLISH): string {
  const title = eventTitle(def, type);
  switch (failure.code) {
    case 'rule.failed': {
      const rules = (failure.rules ?? []).map((r) => t('refusal.rule', { rule: ruleTitle(def, r) }));
      if (rules.length === 0) return t('refusal.notPossible', { title });
      const fields = failure.problems.length > 0 ? t('refusal.completeFields') : '';
      return t('refusal.blocked', { title, rules: rules.join(` ${t('common.and')} `), fields, count: rules.length });
    }
    case 'data.invalid':
      return t('refusal.dataInvalid', { title });
    case 'event.forbidden':
    case 'auth.forbidden':
      return t('refusal.forbidden', { title });
    case 'event.unknown':
      return t('refusal.unknown', { title });
    case 'event.not_accepted':
      return t('refusal.notAccepted', { title });
    default:
      return t('refusal.other', { title, message: failure.message });
  }
}
