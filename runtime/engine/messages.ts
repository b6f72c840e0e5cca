// Renders a message template (the case type's `messages`, docs/email.md) for a case: the subject and the
// body in the case's language, placeholders filled from its data ({{/customer/name}}) and from the case
// itself ({{reference}}, {{caseType}}, {{title}}, {{state}}, {{assignee}}, {{queue}}). A value that is not
// there renders as nothing; a list as its items joined by commas; an object as JSON. Pure.
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';
import { fillPlaceholders, isBuiltin, pickLanguage, type MessageBuiltin } from '../../schemas/message-text.ts';
import { keyAsWords } from '../../schemas/lint/words.ts';
import { translateDefinition } from '../../schemas/translations.ts';
import { getAtPointer } from './json-pointer.ts';
import { leafStateIds } from './playbook-index.ts';
import type { CaseData, JsonValue, StateValue } from './types.ts';

export interface MessageCase {
  reference: string;
  caseType: string;
  state: StateValue;
  data: CaseData;
  assignee: string | null;
  queue: string | null;
}

export interface RenderedMessage {
  subject: string;
  body: string;
  /** The language of the texts chosen ('' where the template has one text for every language). */
  language: string;
}

export type RenderOutcome = { ok: true; message: RenderedMessage } | { ok: false; reason: string };

/** The customer's language: the value at customer.language in the data, when it is a text. */
export function customerLanguage(definition: CaseType, data: CaseData): string | null {
  const pointer = definition.customer?.language;
  if (pointer === undefined) return null;
  const value = getAtPointer(data, pointer);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The customer's e-mail address: the value at customer.email in the data, when it is a text. */
export function customerEmail(definition: CaseType, data: CaseData): string | null {
  const pointer = definition.customer?.email;
  if (pointer === undefined) return null;
  const value = getAtPointer(data, pointer);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function valueText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : valueText(item))).join(', ');
  return JSON.stringify(value);
}

function findState(states: Readonly<Record<string, StateNode | undefined>> | undefined, id: string): StateNode | undefined {
  for (const [key, node] of Object.entries(states ?? {})) {
    if (key === id) return node;
    const inner = node === undefined ? undefined : findState(node.states, id);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The case's state in words: the titles of its active leaf states (as translated), else their ids as words. */
function stateWords(definition: CaseType, state: StateValue): string {
  return leafStateIds(state)
    .map((id) => {
      const title = findState(definition.playbook.states, id)?.title?.trim();
      return title !== undefined && title !== '' ? title : keyAsWords(id);
    })
    .join(', ');
}

/**
 * Renders `template` for the case. `languages`: the languages wanted, best first (the customer's, the
 * host's default); the template's first language where it has none of them. `survey`: the customer's
 * survey link where this message sends one (docs/feedback.md), for {{survey}}.
 */
export function renderMessage(
  definition: CaseType,
  template: string,
  subject: MessageCase,
  languages: readonly (string | null | undefined)[],
  extra: { survey?: string } = {},
): RenderOutcome {
  const message = definition.messages?.[template];
  if (message === undefined || !Object.hasOwn(definition.messages ?? {}, template)) {
    return { ok: false, reason: `the case type ${definition.key} has no message '${template}'` };
  }
  const chosenSubject = pickLanguage(message.subject, languages);
  const language = chosenSubject.language !== '' ? chosenSubject.language : null;
  const chosenBody = pickLanguage(message.body, language === null ? languages : [language, ...languages]);
  const textLanguage = language ?? (chosenBody.language !== '' ? chosenBody.language : null);
  const translated = textLanguage === null ? definition : translateDefinition(definition, textLanguage);
  const builtins: Record<MessageBuiltin, string> = {
    reference: subject.reference,
    caseType: subject.caseType,
    title: translated.title,
    state: stateWords(translated, subject.state),
    assignee: subject.assignee ?? '',
    queue: subject.queue === null ? '' : (translated.queues?.[subject.queue]?.title ?? keyAsWords(subject.queue)),
    survey: extra.survey ?? '',
  };
  const value = (name: string): string => {
    if (isBuiltin(name)) return builtins[name];
    if (name.startsWith('/')) return valueText(getAtPointer(subject.data, name));
    return '';
  };
  return {
    ok: true,
    message: {
      subject: fillPlaceholders(chosenSubject.text, value).replace(/[\r\n]+/g, ' ').trim(),
      body: fillPlaceholders(chosenBody.text, value),
      language: textLanguage ?? '',
    },
  };
}
