// The designer's languages: one i18next instance with the bundled resources (en.json, nl.json; no backend),
// and `Translate`, the plain function the pure word modules take so that they stay unit-testable without
// React or a global. English is the default everywhere.
import { createInstance, type i18n } from 'i18next';
import { RESOURCES } from './resources.ts';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A translation function bound to one language: `t('console.inbox.title')`, with values to interpolate and `count` for plurals. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A fresh, initialised instance (synchronous: the resources are bundled). */
export function createI18n(language: Language = 'en'): i18n {
  const instance = createInstance();
  void instance.init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders; the word modules return plain text
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The instance the word modules fall back on (always English); never switched. */
export const fallbackI18n = createI18n('en');

/** The translation function of a language, for the pure word modules and tests. */
export function translator(language: Language, instance: i18n = fallbackI18n): Translate {
  const fixed = instance.getFixedT(language);
  return (key, values) => fixed(key, values ?? {}) as string;
}
