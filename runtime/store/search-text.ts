// Case search (issue 21, item 4; docs/search.md): what of a case the full-text index holds, and a typed
// search string turned into each database's query without ever letting its syntax through.
//
// A case's search document has three parts, weighted in that order when ranked:
//   reference  its human-readable reference (`COM-000123`), written by the store with the case;
//   customer   its customer identifiers (the definition's `customer.keys`) and the customer's name;
//   text       every other string of the case data that people typed: not an enum or const value, not a
//              date or time, not a documents field; in document order, capped at MAX_SEARCH_TEXT.
// The case service computes it from the snapshot (and the previous one) with its published definition;
// the store writes it only when it changed (most events change no text).
import type { CaseType, FieldSchema } from '../../schemas/generated/case-type.ts';
import type { JsonPatchOp, JsonValue } from '../engine/index.ts';
import { getAtPointer } from '../engine/index.ts';
import { identifiersOf } from './customer-keys.ts';

/** Characters of case text indexed per case; the rest of a long case is not searchable. */
export const MAX_SEARCH_TEXT = 8000;

/** The longest search string accepted (longer: 422 search.too_long). */
export const MAX_SEARCH_QUERY = 200;

/**
 * The matches ranked: the newest this many of the tenant's (docs/search.md). A word in a third of
 * 100,000 cases would otherwise have every one of them scored for each page; past them a search
 * answers nothing more (narrow it). The deepest page ends there too.
 */
export const RANK_WINDOW = 1000;

/** Words of a search string used (the rest is dropped: no one types more). */
export const MAX_SEARCH_WORDS = 16;

/** What the index holds of a case besides its reference. */
export interface SearchDocument {
  customer: string;
  text: string;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$|^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const SKIPPED_FORMATS = new Set(['date', 'date-time', 'time', 'duration', 'uuid']);

/** The schema a `$ref` inside the data schema names (`#/$defs/x`, `#/definitions/x`), or undefined. */
function resolve(root: FieldSchema, schema: FieldSchema | undefined): FieldSchema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref !== undefined && hops < 8; hops++) {
    const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(s.$ref);
    if (m === null) return undefined;
    const defs = (root as Record<string, unknown>)[m[1] as string] as Record<string, FieldSchema> | undefined;
    s = defs?.[decodeURIComponent(m[2] as string).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return s;
}

function walk(root: FieldSchema, schema: FieldSchema | undefined, value: JsonValue, pointer: string, skip: Set<string>, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  const s = resolve(root, schema);
  if (s !== undefined && (s.documents === true || s.enum !== undefined || s.const !== undefined)) return;
  if (typeof value === 'string') {
    if (skip.has(pointer)) return;
    if (s?.format !== undefined && SKIPPED_FORMATS.has(s.format)) return;
    // U+0000 cannot be held by PostgreSQL text; the index has a space there on both stores
    const text = value.replaceAll('\u0000', ' ').trim();
    if (text === '' || DATE_LIKE.test(text)) return;
    const part = text.length > budget.left ? text.slice(0, budget.left) : text;
    out.push(part);
    budget.left -= part.length + 1;
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(root, s?.items, value[i] as JsonValue, `${pointer}/${i}`, skip, out, budget);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = s?.properties?.[key] ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
      walk(root, childSchema, child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, skip, out, budget);
    }
  }
}

/** Whether a JSON value holds a string anywhere (an object's keys do not count: they are field names). */
function holdsString(value: JsonValue): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsString);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsString);
}

/**
 * Whether a step's data patch can change the case's search document: a removal, a string written, or a
 * customer key written (a number is an identifier there). Otherwise (numbers, booleans, an empty patch)
 * the document is the one before, and neither needs reading on the event path.
 */
export function patchMayChangeSearch(def: CaseType, patch: readonly JsonPatchOp[]): boolean {
  const keys = def.customer?.keys ?? [];
  return patch.some(
    (op) => op.op === 'remove' || holdsString(op.value) || keys.some((k) => k === op.path || k.startsWith(`${op.path}/`) || op.path.startsWith(`${k}/`)),
  );
}

/** The search document of case data under its definition. */
export function searchDocumentOf(def: CaseType, data: JsonValue): SearchDocument {
  const customer: string[] = identifiersOf(def, data).map((i) => i.value.replaceAll('\u0000', ' ').trim());
  const skip = new Set(def.customer?.keys ?? []);
  const namePointer = def.customer?.name;
  if (namePointer !== undefined) {
    skip.add(namePointer);
    const name = getAtPointer(data, namePointer);
    if (typeof name === 'string' && name.trim() !== '') customer.push(name.replaceAll('\u0000', ' ').trim());
  }
  const out: string[] = [];
  walk(def.data, def.data, data, '', skip, out, { left: MAX_SEARCH_TEXT });
  return { customer: customer.join('\n'), text: out.join('\n') };
}

export function sameSearchDocument(a: SearchDocument, b: SearchDocument): boolean {
  return a.customer === b.customer && a.text === b.text;
}

/** Thrown for a search string the API refuses (422): empty, or longer than MAX_SEARCH_QUERY. */
export class SearchQueryError extends Error {
  constructor(readonly code: 'search.empty' | 'search.too_long', message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

/**
 * The words of a search string: split at white space, at most MAX_SEARCH_WORDS, each holding at least
 * one letter or digit (a word of operators alone finds nothing, so it is dropped). Every word is taken
 * literally: quotes, stars, NEAR, AND, colons and carets are text, never query syntax.
 */
export function searchWords(q: string): string[] {
  return q
    .replaceAll('\u0000', ' ')
    .normalize('NFC')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_SEARCH_WORDS);
}

/** A checked search string: trimmed, not empty, not too long. */
export function checkSearchQuery(q: string | undefined): string {
  const text = (q ?? '').trim();
  if (text === '') throw new SearchQueryError('search.empty', 'Type something to search for: a case reference, a customer e-mail address or name, or a word of the case.');
  if (text.length > MAX_SEARCH_QUERY) {
    throw new SearchQueryError('search.too_long', `The search text is ${text.length} characters long; at most ${MAX_SEARCH_QUERY} are searched.`);
  }
  return text;
}

/** Whether the last word is also matched as a prefix: from three characters on (`a*` would match half the index). */
export function prefixWord(word: string): boolean {
  return [...word].length >= 3;
}

/**
 * An FTS5 MATCH expression for the words: each one an FTS5 string (its `"` doubled), so the tokenizer
 * splits it as it split the indexed text (`ann@example.com` → the phrase ann example com); all of them
 * required; the last one also as a prefix (`ann@exam` finds ann@example.com). `referenceOnly` limits
 * the match to the reference column.
 */
export function fts5Query(words: string[], referenceOnly: boolean): string {
  const parts = words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 && prefixWord(w) ? '*' : ''}`);
  const expr = parts.join(' AND ');
  return referenceOnly ? `reference : (${expr})` : expr;
}

/**
 * The words as PostgreSQL tsquery pieces: each word goes through phraseto_tsquery('simple', …), which
 * reads no operator; the last one also as a literal prefix lexeme (`'ann@exam':*`, quotes and
 * backslashes escaped), cast from text so no parser splits it.
 */
export function tsqueryPrefix(words: string[]): string | null {
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const lexeme = last.toLowerCase().replace(/\\/g, '\\\\').replace(/'/g, "''");
  return `'${lexeme}':*`;
}
