// Applying the language choice in the browser, for the whole app (designer and worker console): `?lang=`
// when the app starts (taken from the address and kept until the user is known), the signed-in user's choice
// once their name is known, and a change from a Language select. Thin: the decisions are language.ts's.
import type { i18n } from 'i18next';
import { isLanguage, type Language } from './i18n.ts';
import { resolveLanguage, saveLanguage } from './language.ts';

const FROM_URL = 'dossier.language.fromUrl';

function browserLanguages(): readonly string[] {
  return navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

function show(language: Language): void {
  document.documentElement.lang = language;
}

/** When the app starts: takes `?lang=` out of the address (kept for the user's choice) and says which language to start in. */
export function startLanguage(): Language {
  const url = new URL(window.location.href);
  const lang = url.searchParams.get('lang');
  if (lang !== null) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    if (isLanguage(lang)) sessionStorage.setItem(FROM_URL, lang);
  }
  const language = resolveLanguage({ user: null, storage: localStorage, browser: browserLanguages(), fromUrl: sessionStorage.getItem(FROM_URL) });
  show(language);
  return language;
}

/** Once the user is known: their language (a `?lang` given at start-up becomes their saved choice). */
export function applyUserLanguage(instance: i18n, user: string): void {
  const fromUrl = sessionStorage.getItem(FROM_URL);
  sessionStorage.removeItem(FROM_URL);
  const language = resolveLanguage({ user, storage: localStorage, browser: browserLanguages(), fromUrl });
  show(language);
  if (instance.language !== language) void instance.changeLanguage(language);
}

/** The Language select: saves the user's choice and switches. */
export function chooseLanguage(instance: i18n, user: string | null, language: Language): void {
  saveLanguage(localStorage, user, language);
  show(language);
  void instance.changeLanguage(language);
}
