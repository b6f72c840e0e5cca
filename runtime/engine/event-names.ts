// The runtime's own event names (docs/semantics.md "Identifiers"): lower dot case, never sent by people.

const SYSTEM_EVENT = /^(case\.created|case\.migrated|child\.closed|document\.added|document\.removed|timer\.[a-zA-Z0-9_.-]+|sla\.[a-zA-Z][a-zA-Z0-9_-]*\.(warning|goalMissed|breached|passedDeadline))$/;

/** `case.created`, `case.migrated`, `child.closed`, `document.added`, `document.removed`, `timer.<id>`, `sla.<name>.<rung>`. */
export function isSystemEvent(type: string): boolean {
  return SYSTEM_EVENT.test(type);
}
