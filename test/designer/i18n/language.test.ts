import { describe, expect, it } from 'vitest';
import { DEVICE_KEY, languageKey, resolveLanguage, type KeyValueStore } from '../../../designer/src/i18n/index.ts';

function store(init: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...init };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('which language a person reads', () => {
  it('is the user’s saved choice first', () => {
    expect(resolveLanguage({ user: 'anna', storage: store({ [languageKey('anna')]: 'nl' }), browser: ['en-GB'] })).toBe('nl');
    expect(resolveLanguage({ user: 'anna', storage: store({ [languageKey('anna')]: 'en' }), browser: ['nl-NL'] })).toBe('en');
  });

  it('else the browser’s language when it is Dutch, else English', () => {
    expect(resolveLanguage({ user: 'anna', storage: store(), browser: ['nl-BE', 'en'] })).toBe('nl');
    expect(resolveLanguage({ user: 'anna', storage: store(), browser: ['nl'] })).toBe('nl');
    expect(resolveLanguage({ user: 'anna', storage: store(), browser: ['de-DE', 'nl'] })).toBe('en');
    expect(resolveLanguage({ user: 'anna', storage: store(), browser: [] })).toBe('en');
  });

  it('takes ?lang and saves it as the user’s choice and the device’s', () => {
    const s = store({ [languageKey('anna')]: 'en' });
    expect(resolveLanguage({ user: 'anna', storage: s, browser: ['en'], fromUrl: 'nl' })).toBe('nl');
    expect(s.data).toEqual({ [languageKey('anna')]: 'nl', [DEVICE_KEY]: 'nl' });
    expect(resolveLanguage({ user: 'anna', storage: s, browser: ['en'] })).toBe('nl');
  });

  it('ignores a ?lang it does not know, and uses the device’s last choice before anyone signs in', () => {
    expect(resolveLanguage({ user: 'anna', storage: store(), browser: ['en'], fromUrl: 'fr' })).toBe('en');
    expect(resolveLanguage({ user: null, storage: store({ [DEVICE_KEY]: 'nl' }), browser: ['en'] })).toBe('nl');
    // another user on the same device gets their own (here: the browser's)
    expect(resolveLanguage({ user: 'bob', storage: store({ [DEVICE_KEY]: 'nl' }), browser: ['en'] })).toBe('en');
  });
});
