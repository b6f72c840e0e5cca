// Message templates (docs/email.md, "E-mail out"): the placeholders of a subject or body and the choice of
// its language. Pure: the lint checks the placeholders at publish, the engine fills them at send time.

/**
 * Placeholders that name the case rather than a field of its data ({{reference}}, …); {{survey}} is the
 * customer's survey link where the message sends one (docs/feedback.md), else nothing.
 */
export const MESSAGE_BUILTINS = ['reference', 'caseType', 'title', 'state', 'assignee', 'queue', 'survey'] as const;
export type MessageBuiltin = (typeof MESSAGE_BUILTINS)[number];

/** A subject or body: one text, or one per language tag. */
export type MessageText = string | Readonly<Record<string, string | undefined>>;

export interface Placeholder {
  /** What is between the braces, trimmed: a JSON pointer (/customer/name) or a built-in name. */
  name: string;
  /** Where `{{` starts in the text, and where the closing `}}` ends. */
  start: number;
  end: number;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders in a text, in order. */
export function placeholdersIn(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? '', start: m.index, end: m.index + m[0].length }));
}

export function isBuiltin(name: string): name is MessageBuiltin {
  return (MESSAGE_BUILTINS as readonly string[]).includes(name);
}

/** The texts of a subject or body with their languages ('' for a text without one). */
export function textVariants(text: MessageText): { language: string; text: string }[] {
  if (typeof text === 'string') return [{ language: '', text }];
  return Object.entries(text).flatMap(([language, t]) => (typeof t === 'string' ? [{ language, text: t }] : []));
}

/**
 * The text in the first of `wanted` that it has (a tag matches itself, then its primary language:
 * nl-BE finds nl), else its first language; `language` is the one chosen ('' for a plain text).
 */
export function pickLanguage(text: MessageText, wanted: readonly (string | null | undefined)[]): { language: string; text: string } {
  if (typeof text === 'string') return { language: '', text };
  const keys = Object.keys(text).filter((k) => typeof text[k] === 'string');
  for (const tag of wanted) {
    if (tag === null || tag === undefined || tag === '') continue;
    const exact = keys.find((k) => k.toLowerCase() === tag.toLowerCase());
    const primary = tag.split('-')[0]?.toLowerCase();
    const found = exact ?? keys.find((k) => k.toLowerCase() === primary) ?? keys.find((k) => k.split('-')[0]?.toLowerCase() === primary);
    if (found !== undefined) return { language: found, text: text[found] as string };
  }
  const first = keys[0] ?? '';
  return { language: first, text: text[first] ?? '' };
}

/** `text` with each placeholder replaced by `value(name)`. */
export function fillPlaceholders(text: string, value: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => value(name));
}
