// The React side of the languages: the current language's `t` and language, re-rendering when it changes.
// Without an I18nextProvider above (a unit test rendering one component) it is English.
import { useContext, useMemo } from 'react';
import { I18nContext, useTranslation } from 'react-i18next';
import { fallbackI18n, isLanguage, type Language, type Translate } from './i18n.ts';
import type { Words } from './words.ts';

export function useWords(): Words {
  const context = useContext(I18nContext);
  const { t, i18n } = useTranslation(undefined, { i18n: context?.i18n ?? fallbackI18n });
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  // the same object while the language stays: safe in effect and memo dependencies
  return useMemo(() => ({ language, t: t as unknown as Translate }), [language, t]);
}

/** The i18next instance of the provider above (the English fallback without one). */
export function useI18n() {
  return useContext(I18nContext)?.i18n ?? fallbackI18n;
}
