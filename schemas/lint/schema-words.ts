// Words for meta-schema errors: what a place in the definition is called, and what a pattern means.
import { parsePointer } from './util.ts';

const nounsByTitle: Record<string, string> = {
  CaseType: 'the case type',
  FieldSchema: 'a field',
  Form: 'the form',
  FormSection: 'a form section',
  FieldRef: 'a form field',
  Rule: 'a rule',
  InGuard: 'a guard',
  NotGuard: 'a guard',
  AllGuard: 'a guard',
  AnyGuard: 'a guard',
  EventDef: 'an event',
  Role: 'a role',
  Queue: 'a queue',
  Calendar: 'a calendar',
  SlaCondition: 'an SLA condition',
  Sla: 'an SLA',
  Task: 'a task',
  Transition: 'a transition',
  AfterDelay: "an 'after' delay",
  StateNode: 'a state',
  Playbook: 'the playbook',
  Action: 'an action',
  SetAction: "a 'set' action",
  AssignAction: "an 'assign' action",
  PriorityAction: "a 'priority' action",
  NotifyAction: "a 'notify' action",
  WebhookAction: "a 'webhook' action",
  LookupAction: "a 'lookup' action",
  RaiseAction: "a 'raise' action",
  CreateCaseAction: "a 'createCase' action",
  NoteAction: "a 'note' action",
  SendToChildrenAction: "a 'sendToChildren' action",
  SendToParentAction: "a 'sendToParent' action",
  Customer: "'customer'",
  Message: 'a message',
  Sample: 'a sample',
  Layout: "'layout'",
};

/** What the object at `pointer` is, for "unknown key 'x' in a field". */
export function nounFor(schemaTitle: unknown, pointer: string): string {
  if (typeof schemaTitle === 'string' && nounsByTitle[schemaTitle] !== undefined)
    return nounsByTitle[schemaTitle];
  return subjectFor(pointer);
}

/** How a message names the value at `pointer`: 'goal', item 2 of 'entry', the case type. */
export function subjectFor(pointer: string): string {
  const tokens = parsePointer(pointer) ?? [];
  const last = tokens[tokens.length - 1];
  if (last === undefined) return 'the case type';
  if (/^\d+$/.test(last)) {
    const parent = tokens[tokens.length - 2];
    return parent === undefined ? `item ${Number(last) + 1}` : `item ${Number(last) + 1} of '${parent}'`;
  }
  return `'${last}'`;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

export function typeWord(type: string): string {
  return typeWords[type] ?? type;
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function typesMatch(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

const namePattern = '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$';
const systemEvents =
  'or a system event such as case.created, child.closed, document.added, chat.customer, timer.<id>, sla.<name>.breached or lookup.<name>.done';

const nameKinds: [string[], string][] = [
  [['target', 'initial', 'in', 'enter', 'states'], 'state id'],
  [['rule', 'rules', 'checklist', 'guard', 'visibleWhen', 'readOnlyWhen', 'not', 'all', 'any'], 'rule name'],
  [['queue', 'queues'], 'queue name'],
  [['role', 'roles'], 'role name'],
  [['calendar', 'calendars'], 'calendar name'],
  [['form', 'sections'], 'form section id'],
  [['after'], 'timer id'],
  [['slas'], 'SLA name'],
];

function nameKind(tokens: string[]): string {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (/^\d+$/.test(token) || token === 'id') continue;
    for (const [keys, kind] of nameKinds) if (keys.includes(token)) return kind;
    return tokens[i - 1] === 'on' ? 'state id' : 'name';
  }
  return 'name';
}

/**
 * Explains a failed pattern in words. `pointer` is the place of the value (for a key: the object that holds it).
 */
export function explainPattern(pattern: string, pointer: string): { kind: string; explanation: string } {
  const tokens = parsePointer(pointer) ?? [];
  if (pattern === namePattern) {
    return {
      kind: nameKind(tokens),
      explanation:
        "names start with a letter and use only letters, digits, '-' and '_' (no spaces), such as waitingForCustomer",
    };
  }
  if (pattern === '^[A-Z][A-Z0-9_]{0,63}$') {
    return { kind: 'event name', explanation: 'event names are upper snake case such as SUBMIT_TRIAGE' };
  }
  if (pattern.startsWith('^([A-Z][A-Z0-9_]{0,63}|case')) {
    return {
      kind: 'event name',
      explanation: `event names are upper snake case such as SUBMIT_TRIAGE, ${systemEvents}`,
    };
  }
  if (pattern === '^[a-z][a-z0-9-]{1,62}$') {
    return {
      kind: 'case type key',
      explanation:
        "a case type key is 2 to 63 lower case letters, digits and '-', starting with a letter, such as complaint",
    };
  }
  if (pattern === '^(/([^~/]|~[01])*)+$') {
    return {
      kind: 'field pointer',
      explanation: "a field pointer starts with '/' and names the path, such as /customer/email",
    };
  }
  if (pattern.includes('[01][0-9]|2[0-3]')) {
    return { kind: 'time', explanation: 'times are 24-hour HH:MM such as 09:00 or 17:30' };
  }
  if (pattern.startsWith('^(customer|assignee')) {
    return {
      kind: 'recipient',
      explanation: 'use customer, assignee, role:<role>, queue:<queue> or user:<id>',
    };
  }
  if (pattern === '^https?://') {
    return { kind: 'URL', explanation: 'a webhook URL starts with http:// or https://' };
  }
  if (pattern.endsWith('%$')) {
    return {
      kind: 'percentage',
      explanation: 'a percentage is a whole number from 0 to 100 followed by %, such as 80%',
    };
  }
  return { kind: 'value', explanation: `it must match the pattern ${pattern}` };
}

const formatExamples: Record<string, string> = {
  date: ' (use YYYY-MM-DD, such as 2026-12-25)',
  'date-time': ' (use an ISO 8601 date-time such as 2026-01-05T09:00:00Z)',
  uri: ' (use a full address such as https://example.com/hooks/case)',
};

export function formatExample(format: string): string {
  return formatExamples[format] ?? '';
}
