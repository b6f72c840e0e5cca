// ajv's errors in field terms: a JSON Pointer into the case data and a sentence a person can act on
// ("missing: /severity", "/compensation must be ≤ 500").
import type { ErrorObject } from 'ajv';
import { escapePointerToken } from './json-pointer.ts';
import type { FieldProblem } from './types.ts';

const FORMAT_EXAMPLES: { [format: string]: string } = {
  email: 'an e-mail address such as name@example.com',
  date: 'a date such as 2026-01-05',
  'date-time': 'a date and time such as 2026-01-05T09:00:00Z',
  time: 'a time such as 09:30:00Z',
  uri: 'a web address such as https://example.com',
  uuid: 'a UUID such as 3f2b8c1e-5d4a-4b7e-9c2a-1e2f3a4b5c6d',
  phone: 'a phone number such as +31 20 123 4567',
  money: 'an amount with at most two decimals such as 49.95',
};

const TYPE_NAMES: { [type: string]: string } = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty (null)',
};

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** How a pointer reads in a sentence: the whole data is "the case data". */
function subject(pointer: string): string {
  return pointer === '' ? 'the case data' : pointer;
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function plural(n: unknown, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** One ajv error as a field problem. */
export function explainError(error: ErrorObject): FieldProblem {
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
      const what = FORMAT_EXAMPLES[format] ?? `in the format ${format}`;
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
      return { pointer: at, message: `${subject(at)} must match the pattern ${String(p.pattern)}` };
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

/** ajv errors as field problems, duplicates removed, in ajv's order. */
export function explainErrors(errors: readonly ErrorObject[] | null | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors ?? []) {
    // The branches of anyOf/oneOf/if are reported one by one; the summary line adds nothing.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const problem = explainError(error);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/** Whether a problem says a required field is missing ("missing: /severity"): forms flag those after a first attempt. */
export function isMissingProblem(problem: FieldProblem): boolean {
  return problem.message.startsWith('missing: ');
}
