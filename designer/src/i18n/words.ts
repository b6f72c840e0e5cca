// What the pure word modules take: a language and its translation function. English by default.
import { translator, type Language, type Translate } from './i18n.ts';

export interface Words {
  language: Language;
  t: Translate;
}

/** English: the default of every word module. */
export const ENGLISH: Words = { language: 'en', t: translator('en') };

export function wordsFor(language: Language): Words {
  return language === 'en' ? ENGLISH : { language, t: translator(language) };
}
