// The Dutch scan of the browser tests: the English UI words a Dutch reader must not meet, taken from the app's
// resources (designer/src/i18n, every area), and a page's visible text to look for them in. Each value of the
// English resources that differs from its Dutch value counts: each fixed part of two words or more as a phrase
// (for a value with placeholders), a one-word part as that whole word (case-sensitive; words of fewer than
// three letters and words Dutch uses too are left out). A case type's own titles are content, not UI words.
import type { Page } from 'playwright-core';
import { api, type Server } from './harness.ts';
import { flatResources } from './language.ts';
import { idWords } from '../../designer/src/model/titles.ts';

const LETTER_WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
const wordsOf = (text: string) => text.match(LETTER_WORD) ?? [];

/**
 * The English UI words a Dutch reader must not meet, from the fixed parts of en.json values that differ from
 * their nl.json value: `phrases`, parts of two words or more not in the Dutch value; `words`, one-word parts,
 * matched as whole words, leaving out words of fewer than three letters ("h", "d", "or") and words any Dutch
 * value uses too ("min", "chat", "SLA").
 */
function englishWords(): { phrases: string[]; words: string[] } {
  const en = flatResources('en');
  const nl = flatResources('nl');
  const dutchWords = new Set([...nl.values()].flatMap((v) => wordsOf(v.replace(/\{\{[^}]+\}\}/g, ' ')).map((w) => w.toLowerCase())));
  const phrases = new Set<string>();
  const words = new Set<string>();
  for (const [key, value] of en) {
    const dutch = nl.get(key) ?? '';
    if (value === dutch) continue;
    for (const part of value.split(/\{\{[^}]+\}\}/)) {
      const phrase = part.trim();
      const inPart = wordsOf(phrase);
      if (phrase.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 2) {
        if (!dutch.includes(phrase)) phrases.add(phrase);
      } else if (inPart.length === 1) {
        const [word] = inPart as [string];
        if (word.length >= 3 && !dutchWords.has(word.toLowerCase())) words.add(word);
      }
    }
  }
  return { phrases: [...phrases], words: [...words] };
}
export const ENGLISH = englishWords();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A one-word part as a whole word: not inside a longer word, a hyphenated word or a number. */
const WORDS = ENGLISH.words.map((word) => ({ word, pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{M}\\p{N}_-])`, 'u') }));
/**
 * The visible text of the page, as lines: text nodes, the options of every visible select (an option's own
 * checkVisibility() is false, closed or not), placeholders of visible fields, and the accessible names an agent
 * hears (aria-label, title).
 */
export async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // a part the page marks as English (lang="en" inside the Dutch page: the validator's sentences) is said as such
      // code shown on purpose (the JSON view, pointers as <code>) is not UI text
      if (!el || el.closest('script, style, code, pre, .monaco-editor, [data-technical]')) continue;
      const part = el.closest('[lang]');
      if (part && part !== document.documentElement && part.getAttribute('lang') === 'en') continue;
      if (!el.checkVisibility() && !el.closest('.visually-hidden')) continue;
      const text = (node.textContent ?? '').trim();
      if (text) out.push(text);
    }
    for (const select of document.body.querySelectorAll('select')) {
      if (!select.checkVisibility()) continue;
      for (const group of select.querySelectorAll('optgroup')) if (group.label.trim()) out.push(group.label.trim());
      for (const option of select.options) if (option.text.trim()) out.push(option.text.trim());
    }
    for (const field of document.body.querySelectorAll<HTMLElement>('[placeholder]')) {
      const v = field.getAttribute('placeholder')?.trim();
      if (v && field.checkVisibility()) out.push(v);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title]')) {
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/**
 * The titles in the published case types (other case types and their queues in the filters and the intake's
 * select): an analyst's content, in the analyst's language (docs/i18n.md), not UI words.
 */
export const content = new Set<string>();
/** The ids a case type names its parts by: rules, events, roles, queues, SLAs, calendars, states. */
function ids(definition: unknown): string[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const def = definition as Record<string, unknown>;
  const keys = (v: unknown) => (typeof v === 'object' && v !== null ? Object.keys(v) : []);
  const states = (node: unknown): string[] => {
    const children = (node as { states?: unknown } | null)?.states;
    return keys(children).flatMap((id) => [id, ...states((children as Record<string, unknown>)[id])]);
  };
  return [...['rules', 'events', 'roles', 'queues', 'slas', 'calendars'].flatMap((k) => keys(def[k])), ...states(def.playbook)];
}
const CONTENT_KEYS = new Set(['title', 'description', 'help', 'placeholder', 'patternHint']);
/** The case types' own texts (published versions and drafts): titles, descriptions, help texts, placeholders, pattern hints and enum values. */
export async function readContent(server: Server): Promise<void> {
  const texts = (value: unknown): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => {
          if (CONTENT_KEYS.has(k) && typeof v === 'string') return [v];
          if (k === 'enum' && Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
          return texts(v);
        })
      : [];
  const list = await api(server, 'GET', '/api/case-types');
  for (const { key } of (list.body as { items: { key: string }[] }).items) {
    for (const path of [`/api/case-types/${encodeURIComponent(key)}`, `/api/case-types/${encodeURIComponent(key)}/draft`]) {
      const def = await api(server, 'GET', path);
      if (def.status !== 200) continue;
      for (const text of texts(def.body)) content.add(text.trim());
      // an untitled rule, event, state or role is named by its id in words ("claimComplete" → "Claim complete")
      const d = def.body as { definition?: unknown };
      for (const id of ids(d.definition ?? def.body)) content.add(idWords(id));
    }
  }
}

/** Every English phrase or word of en.json on the page, as `"phrase" in "line"`; a line that is a case type's own title is content. */
export async function englishOn(page: Page): Promise<string[]> {
  const lines = (await visibleText(page)).filter((line) => !content.has(line));
  // a case type's own texts run through UI lines ("Status Waiting for the customer"): an English phrase that is
  // part of one, or a word one uses, is the analyst's, not ours (a Dutch case type, as in console-dutch, checks those)
  const texts = [...content];
  const contentWords = new Set(texts.flatMap((text) => wordsOf(text)));
  const inContent = (phrase: string) => texts.some((text) => text.includes(phrase));
  return lines.flatMap((line) => [
    ...ENGLISH.phrases.filter((p) => line.includes(p) && !inContent(p)).map((p) => `"${p}" in "${line}"`),
    ...WORDS.filter(({ word, pattern }) => pattern.test(line) && !contentWords.has(word)).map(({ word }) => `"${word}" in "${line}"`),
  ]);
}

