// Translations that translate nothing: a pointer in `translations` that no longer reaches a translatable
// text (the state was renamed, the field removed, the help text deleted). A warning: the translation is
// dead weight, but the case type still reads well, in the analyst's own words.
import { createProblem, type Problem } from '../problems.ts';
import { translatableAt } from '../translations.ts';
import type { Model } from './model.ts';
import { asObject, ptr } from './util.ts';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { nl: 'Dutch', en: 'English', de: 'German', fr: 'French' };

/** Where a pointer leads, in words for the analyst: "/playbook/states/triage/title" → "playbook › states › triage › title". */
function placeWords(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' › ');
}

export function lintTranslations(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const [language, texts] of Object.entries(asObject(model.def.translations))) {
    for (const [pointer, text] of Object.entries(asObject(texts))) {
      if (typeof text !== 'string' || translatableAt(model.def, pointer) !== undefined) continue;
      problems.push(
        createProblem('translation.stale', ptr('/translations', language, pointer), {
          language: LANGUAGE_NAMES[language.split('-')[0] as string] ?? language,
          text: text.length > 40 ? `${text.slice(0, 39)}…` : text,
          place: placeWords(pointer),
        }),
      );
    }
  }
  return problems;
}
