// Human-readable case references (`PA-000123`): a prefix per case type and a number from a counter per
// tenant and prefix, kept by the store and taken in the commit that creates the case (never reused).
// Pure; the SQL that numbers the cases is in each store (sqlite-cases.ts, postgres/commit-statement.ts).

/** What the meta-schema allows as a `referencePrefix`, and what a derived one always is. */
export const REFERENCE_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,9}$/;

/** Digits a number is padded to (PA-000123); larger numbers just grow (PA-1234567). */
export const REFERENCE_DIGITS = 6;

/**
 * The prefix of a case type without `referencePrefix`: the initials of the key's words
 * (`purchase-approval` → `PA`, at most four), or the first three characters of a one-word key
 * (`complaint` → `COM`). Upper case; a key always starts with a letter, so the prefix does too.
 */
export function defaultReferencePrefix(key: string): string {
  const words = key.split('-').filter((w) => w !== '');
  const prefix = words.length >= 2 ? words.slice(0, 4).map((w) => w[0]).join('') : (words[0] ?? 'case').slice(0, 3);
  const upper = prefix.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return REFERENCE_PREFIX_PATTERN.test(upper) ? upper : 'CASE';
}

/** The prefix a new case of this definition is numbered under. */
export function referencePrefixOf(definition: { key: string; referencePrefix?: string }): string {
  const own = definition.referencePrefix;
  return own !== undefined && REFERENCE_PREFIX_PATTERN.test(own) ? own : defaultReferencePrefix(definition.key);
}

/** `PA` and 123 → `PA-000123`. */
export function formatReference(prefix: string, n: number): string {
  const digits = String(n);
  return `${prefix}-${digits.length >= REFERENCE_DIGITS ? digits : digits.padStart(REFERENCE_DIGITS, '0')}`;
}

/** The body of a case as stored, as text: the reference lives in its own column, not in the body. */
export function bodyOf(kase: object): string {
  if (!('reference' in kase)) return JSON.stringify(kase);
  const { reference: _reference, ...rest } = kase;
  return JSON.stringify(rest);
}

/**
 * `{ reference, ...body }` as text: an answer or a webhook payload of a creation, taken before the
 * store numbered the case (PostgreSQL does the same to the text, in SQL). Anything but an object as it is.
 */
export function withReference(body: unknown, reference: string): string {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? JSON.stringify({ reference, ...body }) : JSON.stringify(body);
}
