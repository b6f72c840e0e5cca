// The console's words outside components: a case's age (the engine's formatSpan with the language's units)
// and the API's own failures (network, 401, 403, a bare status), worded by the `t` the API is created with.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ageText } from '../../../designer/src/console/console-model.ts';
import { createConsoleApi } from '../../../designer/src/console/console-api.ts';
import { wordsFor } from '../../../designer/src/i18n/index.ts';

const FROM = '2026-01-05T09:00:00Z';
const at = (ms: number) => Date.parse(FROM) + ms;
const MIN = 60_000;
const H = 60 * MIN;

describe('a case’s age', () => {
  it('to the minute, in hours and minutes up to two days, then whole days', () => {
    expect(ageText(FROM, at(0))).toBe('0 min');
    expect(ageText(FROM, at(-5 * MIN))).toBe('0 min');
    expect(ageText(FROM, at(45 * MIN + 20_000))).toBe('45 min');
    expect(ageText(FROM, at(5 * H + 3 * MIN))).toBe('5 h 3 min');
    expect(ageText(FROM, at(47 * H + 59 * MIN))).toBe('47 h 59 min');
    expect(ageText(FROM, at(3 * 24 * H + 5 * H))).toBe('3 d');
    expect(ageText(FROM, at(5 * H + 3 * MIN), 'nl')).toBe('5 u 3 min');
    expect(ageText(FROM, at(3 * 24 * H), 'nl')).toBe('3 d');
  });
});

describe('the console API’s failures', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(body === null ? null : JSON.stringify(body), { status }));

  const message = async (api: ReturnType<typeof createConsoleApi>) => {
    const result = await api.me();
    if (result.ok) throw new Error('expected a failure');
    return result.message;
  };

  it('in English by default, in the language of the `t` it is given', async () => {
    const nl = createConsoleApi('tok', wordsFor('nl').t);
    const en = createConsoleApi('tok');

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await message(en)).toBe('Could not reach the server (Failed to fetch).');
    expect(await message(nl)).toBe('De server is niet bereikbaar (Failed to fetch).');

    vi.stubGlobal('fetch', answer(401, { detail: 'Unknown token.' }));
    expect(await message(en)).toBe('The token was not accepted: sign in again. Unknown token.');
    expect(await message(nl)).toBe('Het token werd niet geaccepteerd: meld u opnieuw aan. Unknown token.');

    vi.stubGlobal('fetch', answer(403, null));
    expect(await message(en)).toBe('Your token may not do this. The server answered 403.');
    expect(await message(nl)).toBe('Uw token mag dit niet. De server antwoordde 403.');
  });
});
