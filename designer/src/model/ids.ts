// Ids the analyst sees and sets: derived from a title as a default, then theirs to keep or change.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { hasState } from './states.ts';

/** The format's id pattern for states (and rules, queues, timers): a letter, then letters, digits, - and _. */
export const ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** "Waiting for customer" → "waitingForCustomer". */
export function stateIdFromTitle(title: string): string {
  const words = title.replace(/[^a-zA-Z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .replace(/^[^a-zA-Z]+/, '')
    .slice(0, 64);
}

/** Why `id` cannot be a new state's id, or null. */
export function stateIdProblem(def: CaseType, id: string, words: Words = ENGLISH): string | null {
  if (id === '') return words.t('model.ids.stateIdEmpty');
  if (!ID_PATTERN.test(id)) return words.t('model.ids.stateIdPattern');
  if (hasState(def, id)) return words.t('model.ids.stateIdTaken', { id });
  return null;
}
