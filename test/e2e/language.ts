// The language of a browser-test run: `DOSSIER_E2E_LANG=nl` runs every e2e suite with a Dutch browser
// (`nl-NL`, which the app follows), `en` (the default) with an English one. The tests are written with the
// English UI texts; `tr` turns such a text into the run's language through the app's own resources
// (designer/src/i18n), and the locator methods that take a UI text (getByRole's name, getByLabel, getByText,
// getByPlaceholder, getByTitle, filter's hasText, selectOption's labels) do it themselves in a Dutch run,
// so a test reads the same in both. A text the resources do not hold (a case type's own titles, server
// messages) is left as it is.
import type { Page } from 'playwright-core';
import { RESOURCES } from '../../designer/src/i18n/resources.ts';

export type RunLanguage = 'en' | 'nl';

export const RUN_LANGUAGE: RunLanguage = process.env.DOSSIER_E2E_LANG === 'nl' ? 'nl' : 'en';

type Tree = { readonly [key: string]: string | Tree };

/** Every text of a language's resources by its dotted key, as shown. */
export function flatResources(language: RunLanguage): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      // as shown: a value's markup for <Trans> components (`<code>{{path}}</code>`) is not text
      if (typeof v === 'string') out.set(prefix + k, v.replace(/<\/?[a-z]+\s*\/?>/g, ''));
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(RESOURCES[language].translation as unknown as Tree, '');
  return out;
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

interface Entry {
  en: string;
  nl: string;
  /** for a value with placeholders: the English value as a pattern, and its placeholders' names in order */
  pattern?: RegExp;
  names?: string[];
  /** a plural's `_one` form: only for a count of 1 */
  one?: boolean;
}

function buildEntries(): { exact: Map<string, string>; templates: Entry[]; literals: Entry[] } {
  const en = flatResources('en');
  const nl = flatResources('nl');
  const exact = new Map<string, string>();
  const templates: Entry[] = [];
  const literals: Entry[] = [];
  for (const [key, english] of en) {
    const dutch = nl.get(key);
    if (dutch === undefined || dutch === english) continue;
    if (PLACEHOLDER.test(english)) {
      PLACEHOLDER.lastIndex = 0;
      // a template with hardly any words of its own ("{{a}} on {{b}}") would match any content: left out
      if ((english.replace(PLACEHOLDER, '').match(/\p{L}/gu) ?? []).length < 4) continue;
      const names: string[] = [];
      const source = english
        .split(PLACEHOLDER)
        .map((part, i) => {
          if (i % 2 === 1) {
            names.push(part);
            return '(.+?)';
          }
          return escapeRe(part);
        })
        .join('');
      templates.push({ en: english, nl: dutch, pattern: new RegExp(`^${source}$`, 's'), names, one: key.endsWith('_one') });
    } else {
      if (!exact.has(english)) exact.set(english, dutch);
      literals.push({ en: english, nl: dutch });
    }
  }
  // the longest first, so that a regex's "Add field" is replaced before "Add"
  literals.sort((a, b) => b.en.length - a.en.length);
  // the most specific template first: the one with the most fixed text
  // (then the one with fewer placeholders: "must be {{what}}" before "must be {{sign}} {{limit}}")
  templates.sort((a, b) => b.en.replace(PLACEHOLDER, '').length - a.en.replace(PLACEHOLDER, '').length || (a.names?.length ?? 0) - (b.names?.length ?? 0));
  return { exact, templates, literals };
}

let entries: ReturnType<typeof buildEntries> | undefined;
const catalogue = () => (entries ??= buildEntries());

/** English weekday names to Dutch ones as the app writes them (Intl, lower case: "Werktijden op vrijdag"). */
const WEEKDAYS = new Map(
  Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 5 + i));
    const name = (locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day);
    return [name('en-GB'), name('nl-NL')] as const;
  }),
);

/** Placeholders that always hold a number. */
const COUNTS: ReadonlySet<string> = new Set(['count', 'n', 'done', 'total', 'errors', 'warnings']);

function trText(text: string): string {
  const { exact, templates } = catalogue();
  const direct = exact.get(text);
  if (direct !== undefined) return direct;
  for (const entry of templates) {
    const m = entry.pattern?.exec(text);
    if (!m) continue;
    const values = new Map((entry.names ?? []).map((name, i) => [name, m[i + 1] as string]));
    // a count is a number: "Friday hours" is not "{{count}} hours"
    if ([...values].some(([name, value]) => COUNTS.has(name) && !/^\d+$/.test(value))) continue;
    if (entry.one && values.has('count') && values.get('count') !== '1') continue;
    // a value may itself be a UI text ("{{done}} of {{total}} texts in {{language}}", a weekday): translated when it
    // is one exactly; where it is a case type's own word that happens to be one too, say it with trWith()
    return entry.nl.replace(PLACEHOLDER, (_all, name: string) => {
      const value = values.get(name) ?? '';
      return exact.get(value) ?? WEEKDAYS.get(value) ?? value;
    });
  }
  return text;
}

/** A pattern's plain phrases (words joined by single spaces, between its syntax) that are UI texts exactly, in Dutch. */
function trRegExp(re: RegExp): RegExp {
  const { exact } = catalogue();
  const source = re.source.replace(/\p{L}[\p{L}'’]*(?: \p{L}[\p{L}'’]*)*/gu, (phrase, at: number, whole: string) => {
    // not part of an escape (\s, \d) or a longer word the pattern spells with syntax
    if (whole[at - 1] === '\\') return phrase;
    const dutch = exact.get(phrase) ?? WEEKDAYS.get(phrase);
    return dutch === undefined ? phrase : escapeRe(dutch);
  });
  return source === re.source ? re : new RegExp(source, re.flags);
}

/**
 * A UI text with placeholders in the run's language, its values as given (a case type's own words, never
 * translated): `trWith('State {{title}}', { title: 'Done' })` is "State Done" or "Status Done".
 */
export function trWith(english: string, values: Readonly<Record<string, string>>, language: RunLanguage = RUN_LANGUAGE): string {
  const fill = (template: string) => template.replace(PLACEHOLDER, (_all, name: string) => values[name] ?? '');
  if (language === 'en') return fill(english);
  const key = [...flatResources('en')].find(([, value]) => value === english)?.[0];
  const dutch = key === undefined ? undefined : flatResources('nl').get(key);
  if (dutch === undefined) throw new Error(`trWith: no UI text "${english}" in the resources`);
  return fill(dutch);
}

/** Locators built in `make` take their texts as written: a case type's own words that happen to be UI words too. */
export function asWritten<T>(make: () => T): T {
  const before = automatic;
  automatic = false;
  try {
    return make();
  } finally {
    automatic = before;
  }
}

/** An English UI text (or a pattern of one) in the run's language; unchanged in an English run. */
export function tr<T extends string | RegExp>(text: T, language: RunLanguage = RUN_LANGUAGE): T {
  if (language === 'en') return text;
  return (typeof text === 'string' ? trText(text) : trRegExp(text)) as T;
}

type AnyFn = (...args: unknown[]) => unknown;
const PATCHED = Symbol.for('dossier.e2e.tr');
/** How deep inside a patched call we are (the calls are synchronous up to their first await). */
let depth = 0;

function patch(proto: object | null, name: string, map: (args: unknown[]) => unknown[]): void {
  if (!proto) return;
  const target = proto as Record<string | symbol, unknown>;
  const original = target[name];
  if (typeof original !== 'function' || (original as unknown as Record<symbol, boolean>)[PATCHED]) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    // Page's methods call Frame's: a text is translated once, by the outermost call
    if (depth > 0) return (original as AnyFn).apply(this, args);
    depth += 1;
    try {
      return (original as AnyFn).apply(this, map(args));
    } finally {
      depth -= 1;
    }
  };
  (wrapped as unknown as Record<symbol, boolean>)[PATCHED] = true;
  target[name] = wrapped;
}

const text = (v: unknown) => (automatic && (typeof v === 'string' || v instanceof RegExp) ? tr(v) : v);
const withName = (options: unknown) => {
  if (options === null || typeof options !== 'object') return options;
  const o = options as Record<string, unknown>;
  return 'name' in o ? { ...o, name: text(o.name) } : o;
};
const withHasText = (options: unknown) => {
  if (options === null || typeof options !== 'object') return options;
  const o = { ...(options as Record<string, unknown>) };
  if ('hasText' in o) o.hasText = text(o.hasText);
  if ('hasNotText' in o) o.hasNotText = text(o.hasNotText);
  return o;
};
/** An option's label: one word is likelier a case type's value ("Name", "Done") than ours; ours are wrapped in tr(). */
const option = (v: unknown): unknown => {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(option);
  if (v !== null && typeof v === 'object' && 'label' in v) {
    const label = (v as { label: unknown }).label;
    return typeof label === 'string' && !/\s/.test(label.trim()) ? v : { ...(v as object), label: text(label) };
  }
  return v;
};

let automatic = true;

/**
 * Whether the locator methods translate English UI texts in a Dutch run (on by default). A test that
 * switches the app's language itself and names what it expects in each language turns it off.
 */
export function translateLocators(on: boolean): void {
  automatic = on;
}

/**
 * In a Dutch run: the locator methods of this page's classes take English UI texts and look for their Dutch
 * ones. Patched once per class (Page, Frame, Locator, FrameLocator).
 */
export function speakRunLanguage(page: Page): void {
  if (RUN_LANGUAGE === 'en') return;
  const locator = page.locator('body');
  const protos = [Object.getPrototypeOf(page), Object.getPrototypeOf(page.mainFrame()), Object.getPrototypeOf(locator), Object.getPrototypeOf(page.frameLocator('iframe'))] as object[];
  for (const proto of protos) {
    patch(proto, 'getByRole', ([role, options, ...rest]) => [role, withName(options), ...rest]);
    for (const name of ['getByLabel', 'getByText', 'getByPlaceholder', 'getByTitle', 'getByAltText']) {
      patch(proto, name, ([value, ...rest]) => [text(value), ...rest]);
    }
    patch(proto, 'filter', ([options, ...rest]) => [withHasText(options), ...rest]);
    patch(proto, 'locator', ([selector, options, ...rest]) => [selector, withHasText(options), ...rest]);
    patch(proto, 'selectOption', ([values, ...rest]) => [option(values), ...rest]);
  }
}
