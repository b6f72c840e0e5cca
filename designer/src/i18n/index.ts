// The designer's languages (docs/i18n.md): i18next with bundled resources, the language choice, Intl formats.
export { createI18n, english, fallbackI18n, isLanguage, LANGUAGES, RESOURCES, translator } from './i18n.ts';
export type { Language, Translate } from './i18n.ts';
export { browserLanguage, DEVICE_KEY, languageKey, resolveLanguage, saveLanguage } from './language.ts';
export type { KeyValueStore, LanguageInputs } from './language.ts';
export { formatDate, formatDateTime, formatMoney, formatNumber, formatSpan, LOCALES } from './format.ts';
export { ENGLISH, wordsFor } from './words.ts';
export type { Words } from './words.ts';
