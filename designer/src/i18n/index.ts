// The designer's languages (docs/i18n.md): i18next with bundled resources, the language choice, Intl formats.
export { createI18n, isLanguage, LANGUAGES } from './i18n.ts';
export type { Language, Translate } from './i18n.ts';
export { DEVICE_KEY, languageKey, resolveLanguage } from './language.ts';
export type { KeyValueStore, LanguageInputs } from './language.ts';
export { formatDate, formatDateTime, formatNumber, formatSpan } from './format.ts';
export { ENGLISH, wordsFor } from './words.ts';
export type { Words } from './words.ts';
