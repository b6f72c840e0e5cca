// A case type's own texts in other languages (docs/i18n.md): `translations[language][pointer]` replaces the
// text at that JSON pointer of the definition for a reader of that language. Which texts can be translated:
// the strings under the keys of TRANSLATABLE_KEYS anywhere in the definition, except in what only the
// designer reads (samples, scenarios, layout) and in the translations themselves. Pure.
import { escapeToken, isObject, parsePointer } from './lint/util.ts';
import type { CaseType } from './generated/case-type.ts';

/** The keys whose string values are people's words in the analyst's language. */
/** `label` (a form field's or a script branch's), `say` and `question` (a script's steps, docs/scripts.md) are the agent's words too. */
export const TRANSLATABLE_KEYS: ReadonlySet<string> = new Set(['title', 'description', 'help', 'placeholder', 'patternHint', 'label', 'say', 'question']);

/** Members of the definition that hold no texts a case reader sees. */
const SKIPPED: ReadonlySet<string> = new Set(['translations', 'samples', 'scenarios', 'layout', '$schema']);

/** Inside a JSON Schema, these hold values, not words: their strings are never texts. */
const VALUE_KEYS: ReadonlySet<string> = new Set(['const', 'enum', 'default', 'examples', 'example', 'pattern', 'format', 'required']);

export interface TranslatableText {
  /** The JSON pointer of the text in the definition. */
  pointer: string;
  /** The member it is ('title', 'help', ...). */
  key: string;
  /** The text as written. */
  text: string;
}

/** Every translatable text of a definition, in document order. */
export function translatableTexts(definition: unknown): TranslatableText[] {
  const out: TranslatableText[] = [];
  const walk = (node: unknown, pointer: string, depth: number): void => {
    if (depth > 100) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (depth === 0 && SKIPPED.has(key)) continue;
      if (VALUE_KEYS.has(key)) continue;
      const at = `${pointer}/${escapeToken(key)}`;
      if (typeof value === 'string') {
        if (TRANSLATABLE_KEYS.has(key) && value.trim() !== '') out.push({ pointer: at, key, text: value });
      } else walk(value, at, depth + 1);
    }
  };
  walk(definition, '', 0);
  return out;
}

/** The text at `pointer` if it is a translatable one; undefined otherwise. */
export function translatableAt(definition: unknown, pointer: string): string | undefined {
  const tokens = parsePointer(pointer);
  if (tokens === undefined || tokens.length === 0) return undefined;
  const [first] = tokens as [string];
  const last = tokens[tokens.length - 1] as string;
  if (SKIPPED.has(first) || !TRANSLATABLE_KEYS.has(last) || tokens.some((t) => VALUE_KEYS.has(t))) return undefined;
  let node: unknown = definition;
  for (const token of tokens) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else node = isObject(node) ? node[token] : undefined;
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/** The languages a definition carries translations for (besides its own). */
export function translationLanguages(definition: CaseType): string[] {
  return Object.keys(definition.translations ?? {}).sort();
}

/**
 * The definition as a reader of `language` sees it: each translated text replaced, every other text as
 * written. The same object when there is nothing to translate; otherwise a copy (the input is not changed).
 * Matches a language tag exactly, else by its primary language ("nl-BE" reads "nl").
 */
export function translateDefinition<T extends CaseType>(definition: T, language: string): T {
  const all = definition.translations ?? {};
  const texts = all[language] ?? all[language.split('-')[0] as string];
  if (texts === undefined || Object.keys(texts).length === 0) return definition;
  const copy = structuredClone(definition);
  for (const [pointer, text] of Object.entries(texts)) {
    if (text === undefined || translatableAt(definition, pointer) === undefined) continue;
    const tokens = parsePointer(pointer) as string[];
    let parent: unknown = copy;
    for (const token of tokens.slice(0, -1)) parent = Array.isArray(parent) ? parent[Number(token)] : (parent as Record<string, unknown>)[token];
    const last = tokens[tokens.length - 1] as string;
    (parent as Record<string, unknown>)[last] = text;
  }
  return copy;
}
