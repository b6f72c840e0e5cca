// The engine's field-problem messages (runtime/engine/explain.ts, rules.ts, apply-event.ts,
// transition-check.ts) read back into a structured form, so that people can be told them in their own
// language. The engine writes for developers, in English, naming fields by JSON pointer; this parses
// every shape it writes. What does not parse stays `raw` (English readers get it as the engine said it).
import { FORMAT_EXAMPLES, TYPE_NAMES } from '../../../runtime/engine/index.ts';
import type { FieldProblem } from '../../../runtime/engine/index.ts';

export type Bound = 'min' | 'max';

/** What a problem says of its subject ("must be ≤ 500"). */
export type Predicate =
  | { kind: 'unknownField' }
  | { kind: 'compare'; sign: string; limit: string }
  | { kind: 'format'; format: FormatName }
  | { kind: 'formatOther'; format: string }
  | { kind: 'type'; types: TypeName[] }
  | { kind: 'const'; value: string }
  | { kind: 'oneOf'; values: string }
  | { kind: 'length'; bound: Bound; count: number }
  | { kind: 'items'; bound: Bound; count: number }
  | { kind: 'fields'; bound: Bound; count: number }
  | { kind: 'hint'; hint: string; pattern?: string }
  | { kind: 'lookLike'; example: string; pattern?: string }
  | { kind: 'notExpected'; pattern?: string }
  | { kind: 'unique'; j: string; i: string }
  | { kind: 'multipleOf'; n: string }
  | { kind: 'leftEmpty' }
  | { kind: 'not' }
  | { kind: 'cannotBeSent'; event: string }
  /** An ajv message the engine passed on as it was. */
  | { kind: 'other'; text: string };

export type ProblemShape =
  /** "missing: /a", or alternatives "missing: /a and /b or /c" (each inner list is one way to satisfy it). */
  | { kind: 'missing'; alternatives: string[][] }
  | { kind: 'neededWith'; field: string; other: string }
  | { kind: 'undefinedRule' }
  | { kind: 'neverHolds' }
  | { kind: 'holdsButNot'; rule: string }
  /** A sentence about one field (`subject` its pointer; '' is the whole case data). */
  | { kind: 'about'; subject: string; predicate: Predicate }
  | { kind: 'raw'; text: string };

/** The engine's words for formats and types (runtime/engine/explain.ts), which its messages are read back by. */
const FORMAT_WORDS = FORMAT_EXAMPLES;
export type FormatName = keyof typeof FORMAT_WORDS;
const TYPE_WORDS = TYPE_NAMES;
export type TypeName = keyof typeof TYPE_WORDS;

const NEEDED_WITH = /^missing: (\S+) \(needed with (\S+)\)$/;
const UNDEFINED_RULE = /^rule "[^"]*" is not defined/;
const HOLDS_BUT_NOT = /^(.*) holds, but this transition needs it not to$/s;
const PATTERN_SUFFIX = /^(.*) \(pattern (.*)\)$/s;

function typesOf(text: string): TypeName[] | null {
  for (const [type, words] of Object.entries(TYPE_WORDS) as [TypeName, string][]) {
    if (text === words) return [type];
    if (text.startsWith(`${words} or `)) {
      const rest = typesOf(text.slice(words.length + 4));
      if (rest) return [type, ...rest];
    }
  }
  return null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const COUNTED = /^must (be|have) (at least|at most) (\d+) (character|item|field)s?( long)?$/;

function mustBe(rest: string): Predicate {
  const compare = /^(≤|≥|<|>) (.*)$/s.exec(rest);
  if (compare) return { kind: 'compare', sign: compare[1] as string, limit: compare[2] as string };
  if (rest.startsWith('one of ')) return { kind: 'oneOf', values: rest.slice('one of '.length) };
  if (rest.startsWith('a multiple of ')) return { kind: 'multipleOf', n: rest.slice('a multiple of '.length) };
  if (rest === 'left empty') return { kind: 'leftEmpty' };
  const format = (Object.entries(FORMAT_WORDS) as [FormatName, string][]).find(([, words]) => words === rest);
  if (format) return { kind: 'format', format: format[0] };
  if (rest.startsWith('in the format ')) return { kind: 'formatOther', format: rest.slice('in the format '.length) };
  const types = typesOf(rest);
  if (types) return { kind: 'type', types };
  if (isJson(rest)) return { kind: 'const', value: rest };
  return { kind: 'hint', hint: rest };
}

function predicateOf(text: string): Predicate {
  if (text === 'is not a known field: remove it') return { kind: 'unknownField' };
  if (text === 'is not in the expected form') return { kind: 'notExpected' };
  if (text === `must not match the rule's "not" condition`) return { kind: 'not' };
  const counted = COUNTED.exec(text);
  if (counted) {
    const [, , bound, n, noun] = counted;
    const count = Number(n);
    const kind = noun === 'character' ? 'length' : noun === 'item' ? 'items' : 'fields';
    const plural = `${noun}${count === 1 ? '' : 's'}`;
    // only the exact sentences explain.ts writes
    const written = kind === 'length' ? `must be ${bound} ${n} ${plural} long` : `must have ${bound} ${n} ${plural}`;
    if (text === written) return { kind, bound: bound === 'at least' ? 'min' : 'max', count };
  }
  const unique = /^must not repeat items \(items (\S+) and (\S+) are equal\)$/.exec(text);
  if (unique) return { kind: 'unique', j: unique[1] as string, i: unique[2] as string };
  const sent = /^cannot be sent with (\S+): remove it$/.exec(text);
  if (sent) return { kind: 'cannotBeSent', event: sent[1] as string };
  if (text.startsWith('must look like ')) return { kind: 'lookLike', example: text.slice('must look like '.length) };
  if (text.startsWith('must be ')) return mustBe(text.slice('must be '.length));
  return { kind: 'other', text };
}

/** A predicate, with a pattern failure's "(pattern …)" (as developers get it) taken apart. */
function predicateWithPattern(text: string): Predicate {
  const suffix = PATTERN_SUFFIX.exec(text);
  if (suffix) {
    const inner = predicateOf(suffix[1] as string);
    if (inner.kind === 'hint' || inner.kind === 'lookLike' || inner.kind === 'notExpected') return { ...inner, pattern: suffix[2] as string };
  }
  return predicateOf(text);
}

/** The shape of an engine problem message. */
export function parseProblem(problem: FieldProblem): ProblemShape {
  const { pointer, message } = problem;
  const needed = NEEDED_WITH.exec(message);
  if (needed) return { kind: 'neededWith', field: needed[1] as string, other: needed[2] as string };
  if (message.startsWith('missing: ')) {
    const alternatives = message
      .slice('missing: '.length)
      .split(' or ')
      .map((set) => set.split(' and '));
    if (alternatives.every((set) => set.every((p) => /^\/\S*$/.test(p)))) return { kind: 'missing', alternatives };
    return { kind: 'raw', text: message };
  }
  if (UNDEFINED_RULE.test(message)) return { kind: 'undefinedRule' };
  if (message === 'the rule never holds') return { kind: 'neverHolds' };
  const holds = HOLDS_BUT_NOT.exec(message);
  if (holds) return { kind: 'holdsButNot', rule: holds[1] as string };
  if (message.startsWith('the case data ')) return { kind: 'about', subject: '', predicate: predicateWithPattern(message.slice('the case data '.length)) };
  if (pointer !== '' && message.startsWith(`${pointer} `)) return { kind: 'about', subject: pointer, predicate: predicateWithPattern(message.slice(pointer.length + 1)) };
  const first = /^(\/\S*) (.*)$/s.exec(message);
  if (first) return { kind: 'about', subject: first[1] as string, predicate: predicateWithPattern(first[2] as string) };
  return { kind: 'raw', text: message };
}
