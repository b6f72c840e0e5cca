// The runtime's own event names (docs/semantics.md "Identifiers"): lower dot case, never sent by people.

const SYSTEM_EVENT = /^(case\.created|case\.migrated|child\.closed|child\.linked|child\.unlinked|parent\.linked|parent\.unlinked|linked\.undelivered|document\.added|document\.removed|chat\.customer|chat\.agent|note\.added|timer\.[a-zA-Z0-9_.-]+|task\.[a-zA-Z][a-zA-Z0-9_-]{0,63}\.overdue|sla\.[a-zA-Z][a-zA-Z0-9_-]*\.(warning|goalMissed|breached|passedDeadline)|lookup\.[a-zA-Z][a-zA-Z0-9_-]{0,63}\.(done|failed))$/;

/** `case.created`, `case.migrated`, `child.closed`, `child.linked`, `child.unlinked`, `parent.linked`, `parent.unlinked`, `linked.undelivered`, `document.added`, `document.removed`, `chat.customer`, `chat.agent`, `note.added`, `timer.<id>`, `task.<stateId>.overdue`, `sla.<name>.<rung>`, `lookup.<name>.done|failed`. */
export function isSystemEvent(type: string): boolean {
  return SYSTEM_EVENT.test(type);
}

const LOOKUP_EVENT = /^lookup\.([a-zA-Z][a-zA-Z0-9_-]{0,63})\.(done|failed)$/;

/** The lookup a `lookup.<name>.done` / `lookup.<name>.failed` event answers, or null for any other event. */
export function lookupEventOf(type: string): { name: string; outcome: 'done' | 'failed' } | null {
  const match = LOOKUP_EVENT.exec(type);
  return match === null ? null : { name: match[1] as string, outcome: match[2] as 'done' | 'failed' };
}
