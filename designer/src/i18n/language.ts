// Which language a person reads: their own saved choice (per signed-in user name, on this device), else
// the browser's language when it is Dutch, else English. `?lang=nl|en` in the address sets and saves it.
// Pure apart from the storage passed in.
import { isLanguage, type Language } from './i18n.ts';

/** Where a user's choice is kept (localStorage). */
export const languageKey = (user: string) => `dossier.language.${user}`;
/** The last choice on this device, for the screens before anyone is signed in (and a `?lang` not yet saved for a user). */
export const DEVICE_KEY = 'dossier.language';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LanguageInputs {
  /** The signed-in user's name, once known. */
  user: string | null;
  storage: KeyValueStore;
  /** navigator.languages (or [navigator.language]). */
  browser: readonly string[];
  /** The `lang` parameter of the address, if any. */
  fromUrl?: string | null;
}

/** The browser's preference: Dutch if its first language is Dutch (nl, nl-NL, nl-BE), else English. */
function browserLanguage(browser: readonly string[]): Language {
  return (browser[0] ?? '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * The language to show: `?lang` (saved as the user's choice on the way), else the user's saved choice,
 * else (before anyone is signed in) the device's last choice, else the browser's.
 */
export function resolveLanguage({ user, storage, browser, fromUrl }: LanguageInputs): Language {
  if (isLanguage(fromUrl)) {
    saveLanguage(storage, user, fromUrl);
    return fromUrl;
  }
  if (user !== null) {
    const own = storage.getItem(languageKey(user));
    if (isLanguage(own)) return own;
  } else {
    const device = storage.getItem(DEVICE_KEY);
    if (isLanguage(device)) return device;
  }
  return browserLanguage(browser);
}

/** Keeps a choice: the user's own when signed in, and the device's. */
export function saveLanguage(storage: KeyValueStore, user: string | null, language: Language): void {
  if (user !== null) storage.setItem(languageKey(user), language);
  storage.setItem(DEVICE_KEY, language);
}
