// What people call the parts of a case type: titles, and where the analyst gave none, the id as words
// ("customerReachable" → "Customer reachable"), never the raw id.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { findState } from './states.ts';

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

/** A queue's title, from the first case type that defines it. */
export function queueTitle(defs: readonly (CaseType | undefined)[], id: string): string {
  for (const def of defs) {
    const title = def?.queues?.[id]?.title;
    if (title) return title;
  }
  return idWords(id);
}

/** A state's title, from the first case type that has it. */
export function stateTitle(defs: readonly (CaseType | undefined)[], id: string): string {
  for (const def of defs) {
    const title = def ? findState(def.playbook, id)?.node.title : undefined;
    if (title) return title;
  }
  return idWords(id);
}

/** A role's title, else its id as words. */
export function roleTitle(def: CaseType, role: string): string {
  return def.roles?.[role]?.title ?? idWords(role);
}
