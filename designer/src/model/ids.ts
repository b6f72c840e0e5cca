// Ids the analyst sees and sets: derived from a title as a default, then theirs to keep or change.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
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
export function stateIdProblem(def: CaseType, id: string): string | null {
  if (id === '') return 'Give the state an id: a letter, then letters, digits, - and _.';
  if (!ID_PATTERN.test(id)) return 'A state id starts with a letter and uses letters, digits, - and _ only (at most 64).';
  if (hasState(def, id)) return `There is a state ${id} already: state ids are unique across the playbook.`;
  return null;
}
