// ajv's errors in field terms: a JSON Pointer into the case data and a sentence a person can act on
// ("missing: /severity", "/compensation must be ≤ 500").
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from './json-pointer.ts';
import type { FieldProblem } from './types.ts';

/** The words a format problem says, by format: "must be an e-mail address such as name@example.com". */
export const FORMAT_EXAMPLES = {
  email: 'an e-mail address such as name@example.com',
  date: 'a date such as 2026-01-05',
  'date-time': 'a date and time such as 2026-01-05T09:00:00Z',
  time: 'a time such as 09:30:00Z',
  uri: 'a web address such as https://example.com',
  uuid: 'a UUID such as 3f2b8c1e-5d4a-4b7e-9c2a-1e2f3a4b5c6d',
  phone: 'a phone number such as +31 20 123 4567',
  money: 'an amount with at most two decimals such as 49.95',
} as const;

/** The words a type problem says, by JSON type. */
export const TYPE_NAMES = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty (null)',
} as const;

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** How a pointer reads in a sentence: the whole data is "the case data". */
function subject(pointer: string): string {
  return pointer === '' ? 'the case data' : pointer;
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => (TYPE_NAMES as { [type: string]: string })[String(t)] ?? String(t)).join(' or ');
}

function plural(n: unknown, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** How a pattern failure is told. People never read the regex: they read the field's `patternHint` ("a
 * Dutch postcode such as 1234 AB"), else its first example, else that the form is not the expected one.
 * Developers reading a request body's problems (`show`) get the pattern too. */
export interface ExplainOptions {
  patterns?: 'hint' | 'show';
}

function patternWords(at: string, error: ErrorObject, options: ExplainOptions): string {
  const parent = (error.parentSchema ?? {}) as { patternHint?: unknown; examples?: unknown };
  const hint = typeof parent.patternHint === 'string' && parent.patternHint.trim() !== '' ? parent.patternHint.trim() : null;
  const example = Array.isArray(parent.examples) && typeof parent.examples[0] === 'string' ? parent.examples[0] : null;
  const base = hint !== null ? `${subject(at)} must be ${hint}` : example !== null ? `${subject(at)} must look like ${show(example)}` : `${subject(at)} is not in the expected form`;
  return options.patterns === 'show' ? `${base} (pattern ${String((error.params as { pattern?: unknown }).pattern)})` : base;
}

/** One ajv error as a field problem. */
export function explainError(error: ErrorObject, options: ExplainOptions = {}): FieldProblem {
  const at = error.instancePath;
  const p = error.params as { [key: string]: unknown };
  switch (error.keyword) {
    case 'required': {
      const pointer = `${at}/${escapePointerToken(String(p.missingProperty))}`;
      return { pointer, message: `missing: ${pointer}` };
    }
    case 'dependentRequired': {
      const pointer = `${at}/${escapePointerToken(String(p.missingProperty))}`;
      return { pointer, message: `missing: ${pointer} (needed with ${at}/${escapePointerToken(String(p.property))})` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      const pointer = `${at}/${escapePointerToken(name)}`;
      return { pointer, message: `${pointer} is not a known field: remove it` };
    }
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const sign = { maximum: '≤', minimum: '≥', exclusiveMaximum: '<', exclusiveMinimum: '>' }[error.keyword];
      return { pointer: at, message: `${subject(at)} must be ${sign} ${show(p.limit)}` };
    }
    case 'format': {
      const format = String(p.format);
      const what = (FORMAT_EXAMPLES as { [format: string]: string })[format] ?? `in the format ${format}`;
      return { pointer: at, message: `${subject(at)} must be ${what}` };
    }
    case 'type':
      return { pointer: at, message: `${subject(at)} must be ${typeName(p.type)}` };
    case 'const':
      return { pointer: at, message: `${subject(at)} must be ${show(p.allowedValue)}` };
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues.map(show).join(', ') : show(p.allowedValues);
      return { pointer: at, message: `${subject(at)} must be one of ${allowed}` };
    }
    case 'minLength':
      return { pointer: at, message: `${subject(at)} must be at least ${plural(p.limit, 'character')} long` };
    case 'maxLength':
      return { pointer: at, message: `${subject(at)} must be at most ${plural(p.limit, 'character')} long` };
    case 'pattern':
      return { pointer: at, message: patternWords(at, error, options) };
    case 'minItems':
      return { pointer: at, message: `${subject(at)} must have at least ${plural(p.limit, 'item')}` };
    case 'maxItems':
      return { pointer: at, message: `${subject(at)} must have at most ${plural(p.limit, 'item')}` };
    case 'uniqueItems':
      return { pointer: at, message: `${subject(at)} must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)` };
    case 'multipleOf':
      return { pointer: at, message: `${subject(at)} must be a multiple of ${show(p.multipleOf)}` };
    case 'minProperties':
      return { pointer: at, message: `${subject(at)} must have at least ${plural(p.limit, 'field')}` };
    case 'maxProperties':
      return { pointer: at, message: `${subject(at)} must have at most ${plural(p.limit, 'field')}` };
    case 'false schema':
      return { pointer: at, message: at === '' ? 'the rule never holds' : `${at} must be left empty` };
    case 'not':
      return { pointer: at, message: `${subject(at)} must not match the rule's "not" condition` };
    default:
      return { pointer: at, message: `${subject(at)} ${error.message ?? `fails ${error.keyword}`}` };
  }
}

function missingPointer(e: ErrorObject): string {
  return `${e.instancePath}/${escapePointerToken(String((e.params as { missingProperty?: unknown }).missingProperty))}`;
}

/**
 * The errors of a failing `anyOf` (at `at` in `errors`): in ajv's order they come just before it, their
 * schema path under its own, their instance path at or under its own (so the any-of of another list item
 * is not taken for this one's).
 */
function branchErrors(errors: readonly ErrorObject[], at: number): { from: number; branches: Map<string, ErrorObject[]> } {
  const anyOf = errors[at] as ErrorObject;
  const prefix = `${anyOf.schemaPath}/`;
  const within = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && (e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`));
  let from = at;
  while (from > 0 && within(errors[from - 1] as ErrorObject)) from--;
  const branches = new Map<string, ErrorObject[]>();
  for (const e of errors.slice(from, at)) {
    const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    branches.set(branch, [...(branches.get(branch) ?? []), e]);
  }
  return { from, branches };
}

/**
 * What a failing `anyOf` asks for when every branch only misses fields at its place: the alternatives,
 * each a list of fields all needed ([[/email], [/phone]]); a branch that is itself such an any-of adds
 * its alternatives. `null` when some branch fails otherwise.
 */
function alternativesAt(errors: readonly ErrorObject[], at: number): { from: number; alternatives: string[][] } | null {
  const anyOf = errors[at] as ErrorObject;
  const { from, branches } = branchErrors(errors, at);
  if (branches.size < 2) return null;
  const alternatives: string[][] = [];
  for (const [branch, list] of branches) {
    if (list.every((e) => e.keyword === 'required' && e.instancePath === anyOf.instancePath)) {
      alternatives.push(list.map(missingPointer));
      continue;
    }
    // a branch that is one inner any-of, wholly: its alternatives are this one's too
    const inner = list.length - 1;
    const last = list[inner] as ErrorObject;
    if (last.keyword !== 'anyOf' || last.schemaPath !== `${anyOf.schemaPath}/${branch}/anyOf`) return null;
    const nested = alternativesAt(list, inner);
    if (!nested || nested.from !== 0) return null;
    alternatives.push(...nested.alternatives);
  }
  return { from, alternatives };
}

/**
 * An `anyOf` whose failing branches only miss required fields at its place ("E-mail or Phone is needed")
 * as one problem, `missing: /email or /phone` (a branch missing several: `/a and /b`), named for the first
 * field. A branch needing more than another is left out (filling the other suffices); when one branch is
 * left, its fields are missing one by one. `null` when the branches fail otherwise (then they are told
 * one by one). A branch written as a `$ref` is not recognised (its errors' schema path is the referenced
 * schema's) and is told one by one.
 */
function missingAlternatives(errors: readonly ErrorObject[], at: number): { branches: ErrorObject[]; problems: FieldProblem[] } | null {
  const found = alternativesAt(errors, at);
  if (!found) return null;
  const sets = found.alternatives;
  const covers = (a: string[], b: string[]) => b.every((p) => a.includes(p));
  const needed = sets.filter((set, i) => !sets.some((other, j) => j !== i && covers(set, other) && (other.length < set.length || j < i)));
  const branches = errors.slice(found.from, at);
  if (needed.length === 1) return { branches, problems: (needed[0] ?? []).map((pointer) => ({ pointer, message: `missing: ${pointer}` })) };
  const first = needed[0]?.[0] ?? (errors[at] as ErrorObject).instancePath;
  return { branches, problems: [{ pointer: first, message: `missing: ${needed.map((set) => set.join(' and ')).join(' or ')}` }] };
}

/** ajv errors as field problems, duplicates removed, in ajv's order. */
export function explainErrors(errors: readonly ErrorObject[] | null | undefined, options: ExplainOptions = {}): FieldProblem[] {
  const all = errors ?? [];
  // a merged anyOf is told where its first branch error was
  const mergedAt = new Map<ErrorObject, FieldProblem[]>();
  const folded = new Set<ErrorObject>();
  // outer any-ofs come after inner ones in ajv's order: walk backwards, so an outer one folds its inner ones
  for (let i = all.length - 1; i >= 0; i--) {
    const error = all[i] as ErrorObject;
    if (error.keyword !== 'anyOf' || folded.has(error)) continue;
    const merged = missingAlternatives(all, i);
    if (!merged) continue;
    for (const b of merged.branches) folded.add(b);
    mergedAt.set(merged.branches[0] as ErrorObject, merged.problems);
  }
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of all) {
    // The branches of anyOf/oneOf/if are reported one by one; the summary line adds nothing.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    if (folded.has(error) && !mergedAt.has(error)) continue;
    for (const problem of mergedAt.get(error) ?? [explainError(error, options)]) {
      const key = `${problem.pointer}\u0000${problem.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
  }
  return problems;
}

/** Whether a problem says a required field is missing ("missing: /severity"): forms flag those after a first attempt. */
export function isMissingProblem(problem: FieldProblem): boolean {
  return problem.message.startsWith('missing: ');
}
