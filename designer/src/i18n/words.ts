// What the pure word modules take: a language and its translation function. English by default.
import { english, translator, type Language, type Translate } from './i18n.ts';

export interface Words {
  language: Language;
  t: Translate;
}

export const ENGLISH: Words = { language: 'en', t: english };

export function wordsFor(language: Language): Words {
  return language === 'en' ? ENGLISH : { language, t: translator(language) };
}
