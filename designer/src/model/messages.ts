// Pure edits of the case type's messages (docs/email.md): the texts its notify actions send, a subject and a
// body per language, with placeholders that name fields ({{/customer/name}}) and the case ({{reference}}).
import type { CaseType, Message, MessageText } from '../../../schemas/generated/case-type.ts';
import { MESSAGE_BUILTINS } from '../../../schemas/message-text.ts';
import { clone } from './clone.ts';
import { listFields } from './fields.ts';
import { fieldLabel } from './field-label.ts';
import { titledOptions, type PickOption } from './pick-options.ts';
import { idWords } from './titles.ts';

export const MESSAGE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** The languages a message is written in ('' for one text in every language), subject's first. */
export function messageLanguages(message: Message): string[] {
  const of = (text: MessageText) => (typeof text === 'string' ? [''] : Object.keys(text));
  return [...new Set([...of(message.subject), ...of(message.body)])];
}

/** The text of a subject or body in a language ('' for a one-text message). */
export function textIn(text: MessageText, language: string): string {
  if (typeof text === 'string') return language === '' ? text : '';
  return text[language] ?? '';
}

function withText(text: MessageText, language: string, value: string): MessageText {
  if (language === '') return value;
  const texts = typeof text === 'string' ? {} : { ...text };
  return { ...texts, [language]: value };
}

export function addMessage(def: CaseType, name: string, title: string, language: string): CaseType {
  if (def.messages?.[name]) return def;
  const text = (value: string): MessageText => (language === '' ? value : { [language]: value });
  return { ...clone(def), messages: { ...(def.messages ?? {}), [name]: { ...(title ? { title } : {}), subject: text(title || name), body: text('{{reference}}') } } };
}

export function setMessageTitle(def: CaseType, name: string, title: string): CaseType {
  const message = def.messages?.[name];
  if (!message) return def;
  const next: Message = { ...message };
  if (title.trim() === '') delete next.title;
  else next.title = title;
  return { ...clone(def), messages: { ...def.messages, [name]: next } };
}

export function setMessageText(def: CaseType, name: string, part: 'subject' | 'body', language: string, value: string): CaseType {
  const message = def.messages?.[name];
  if (!message) return def;
  return { ...clone(def), messages: { ...def.messages, [name]: { ...message, [part]: withText(message[part], language, value) } } };
}

/** Adds a language to a message: its subject and body copied from its first language, to translate. */
export function addMessageLanguage(def: CaseType, name: string, language: string): CaseType {
  const message = def.messages?.[name];
  if (!message || messageLanguages(message).includes(language)) return def;
  const first = messageLanguages(message)[0] ?? '';
  const grow = (text: MessageText): MessageText => {
    const base = typeof text === 'string' ? {} : { ...text };
    return { ...base, [language]: textIn(text, first) };
  };
  return { ...clone(def), messages: { ...def.messages, [name]: { ...message, subject: grow(message.subject), body: grow(message.body) } } };
}

export function deleteMessage(def: CaseType, name: string): CaseType {
  if (!def.messages?.[name]) return def;
  const messages = { ...def.messages };
  delete messages[name];
  const next = clone(def);
  if (Object.keys(messages).length === 0) delete next.messages;
  else next.messages = messages;
  return next;
}

/** What a placeholder can name: the fields by label, then the case's own values; each inserts `{{value}}`. */
export function placeholderOptions(def: CaseType, caseWords: (builtin: string) => string): PickOption[] {
  const fields = listFields(def).map((f) => ({ value: f.pointer, label: fieldLabel(def, f.pointer) }));
  return [...fields, ...MESSAGE_BUILTINS.map((b) => ({ value: b, label: caseWords(b) }))];
}

/** The messages, by title, for a notify action's template. */
export function messageOptions(def: CaseType): PickOption[] {
  return titledOptions(Object.entries(def.messages ?? {}).map(([name, m]) => ({ value: name, title: m?.title?.trim() || idWords(name) })));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * A text as the analyst reads and writes it: each placeholder by its label (`{{Customer › Name}}`,
 * `{{The case reference}}`) instead of the pointer or name that is stored. A placeholder that names
 * nothing known is left as written (the validator says what is wrong with it).
 */
export function shownText(text: string, options: readonly PickOption[]): string {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const label = labels.get(name);
    return label === undefined ? whole : `{{${label}}}`;
  });
}

/** The stored text of what the analyst wrote: each `{{label}}` back to its pointer or name. */
export function storedText(text: string, options: readonly PickOption[]): string {
  const values = new Map(options.map((o) => [o.label, o.value]));
  return text.replace(PLACEHOLDER, (whole, label: string) => {
    const value = values.get(label);
    return value === undefined ? whole : `{{${value}}}`;
  });
}
