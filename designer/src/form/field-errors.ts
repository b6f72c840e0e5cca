// The engine's field problems as people read them. The engine words a problem for developers, naming
// fields by JSON pointer ("missing: /email or /phone", "/claim/amount must be ≤ 500"); a person reads
// field labels ("E-mail or Phone is needed", "Claim › Amount must be ≤ 500"), and beside a field its
// name is said already ("Must be ≤ 500"). One module, so the preview, the simulator, the intake form and
// the console say the same thing the same way — in the reader's language: the message is parsed
// (problem-shape.ts) and worded through the translation function passed in (English by default).
import type { FieldProblem } from '../../../runtime/engine/index.ts';
import { ENGLISH, formatNumber, type Words } from '../i18n/index.ts';
import { parseProblem, type Predicate, type ProblemShape } from './problem-shape.ts';

/** Pointer → the field's label, e.g. `fieldLabel` of model/field-label.ts bound to a case type. */
export type Labeller = (pointer: string) => string;

/** The field named by its last pointer token: what a pointer reads as without a case type. */
export const lastToken: Labeller = (pointer) => {
  const token = pointer.split('/').pop() ?? '';
  return token === '' ? 'the case data' : token.replace(/~1/g, '/').replace(/~0/g, '~');
};

// A pointer in an engine sentence: starts a word ("/a", "(needed with /b)"); quoted examples are left alone.
const POINTER = /(^|[\s(])(\/[^\s,;()"]*)/g;

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withLabels(text: string, label: Labeller): string {
  return text.replace(POINTER, (_, before: string, pointer: string) => `${before}${label(pointer)}`);
}

/** The fields a problem is shown beside: its own, and the others of an any-of ("missing: /email or /phone"). */
export function fieldsOf(problem: FieldProblem): string[] {
  const shape = parseProblem(problem);
  if (shape.kind !== 'missing') return [problem.pointer];
  return [problem.pointer, ...shape.alternatives.flat().filter((p) => p !== problem.pointer)];
}

/** A number the engine wrote (JSON) in the reader's locale; anything else as it was. */
function number(text: string, words: Words): string {
  return words.language !== 'en' && /^-?\d+(\.\d+)?$/.test(text) ? formatNumber(Number(text), words.language, { maximumFractionDigits: 20, useGrouping: 'min2' }) : text;
}

/** "E-mail and Phone or Address": the ways to satisfy a missing-fields problem. */
function alternatives(sets: readonly string[][], label: Labeller, { t }: Words): string {
  return sets.map((set) => set.map(label).join(` ${t('common.and')} `)).join(` ${t('common.or')} `);
}

/** What a predicate says, without its subject: "must be ≤ 500". Free text the engine carried (a pattern hint, an example) keeps its words. */
function predicateWords(p: Predicate, label: Labeller, words: Words): string {
  const { t } = words;
  const free = (text: string) => withLabels(text, label);
  const withPattern = (text: string, pattern?: string) => (pattern === undefined ? text : `${text}${t('problems.pattern', { pattern })}`);
  switch (p.kind) {
    case 'unknownField':
      return t('problems.unknownField');
    case 'compare':
      return t('problems.compare', { sign: p.sign, limit: number(free(p.limit), words) });
    case 'format':
      return t('problems.format', { what: t(`problems.formats.${p.format}`) });
    case 'formatOther':
      return t('problems.formatOther', { format: free(p.format) });
    case 'type':
      return t('problems.type', { types: p.types.map((type) => t(`problems.types.${type}`)).join(` ${t('common.or')} `) });
    case 'const':
      return t('problems.const', { value: number(free(p.value), words) });
    case 'oneOf':
      return t('problems.oneOf', { values: free(p.values) });
    case 'length':
      return t(p.bound === 'min' ? 'problems.minLength' : 'problems.maxLength', { count: p.count });
    case 'items':
      return t(p.bound === 'min' ? 'problems.minItems' : 'problems.maxItems', { count: p.count });
    case 'fields':
      return t(p.bound === 'min' ? 'problems.minFields' : 'problems.maxFields', { count: p.count });
    case 'hint':
      return withPattern(t('problems.hint', { hint: free(p.hint) }), p.pattern);
    case 'lookLike':
      return withPattern(t('problems.lookLike', { example: free(p.example) }), p.pattern);
    case 'notExpected':
      return withPattern(t('problems.notExpected'), p.pattern);
    case 'unique':
      return t('problems.unique', { j: p.j, i: p.i });
    case 'multipleOf':
      return t('problems.multipleOf', { n: number(free(p.n), words) });
    case 'leftEmpty':
      return t('problems.leftEmpty');
    case 'not':
      return t('problems.not');
    case 'cannotBeSent':
      return t('problems.cannotBeSent', { event: p.event });
    case 'other':
      // ajv's own words: English readers get them as they are, others a plain "is not valid"
      return words.language === 'en' ? free(p.text) : t('problems.invalid');
    default: {
      const _never: never = p;
      return _never;
    }
  }
}

function sentence(shape: ProblemShape, label: Labeller, words: Words): string {
  const { t } = words;
  const subject = (pointer: string) => (pointer === '' ? t('problems.caseData') : label(pointer));
  switch (shape.kind) {
    case 'missing':
      return capital(t('problems.sentence', { field: alternatives(shape.alternatives, label, words), predicate: t('problems.missing') }));
    case 'neededWith':
      return capital(t('problems.sentence', { field: label(shape.field), predicate: t('problems.neededWith', { other: label(shape.other) }) }));
    case 'undefinedRule':
      return t('problems.undefinedRule');
    case 'neverHolds':
      return capital(t('problems.neverHolds'));
    case 'holdsButNot':
      return capital(t('problems.holdsButNot', { rule: shape.rule }));
    case 'about':
      return capital(t('problems.sentence', { field: subject(shape.subject), predicate: predicateWords(shape.predicate, label, words) }));
    case 'raw':
      return words.language === 'en' ? capital(withLabels(shape.text, label)) : capital(t('problems.sentence', { field: t('problems.caseData'), predicate: t('problems.invalid') }));
    default: {
      const _never: never = shape;
      return _never;
    }
  }
}

/** A problem as a sentence on its own (a checklist line, a blocked action, a notice): "E-mail or Phone is needed". */
export function problemSentence(problem: FieldProblem, label: Labeller = lastToken, words: Words = ENGLISH): string {
  return sentence(parseProblem(problem), label, words);
}

/**
 * A problem as read beside its field, whose name is said already: "Fill this in to continue.",
 * "Must be ≤ 500", "Fill in E-mail or Phone." (beside either of them).
 */
export function besideField(problem: FieldProblem, label: Labeller = lastToken, words: Words = ENGLISH): string {
  const { t } = words;
  const shape = parseProblem(problem);
  switch (shape.kind) {
    case 'missing': {
      const only = shape.alternatives.length === 1 && shape.alternatives[0]?.length === 1 && shape.alternatives[0][0] === problem.pointer;
      return only ? t('problems.fillThisIn') : t('problems.fillIn', { fields: alternatives(shape.alternatives, label, words) });
    }
    case 'neededWith':
      return t('problems.fillThisInWith', { other: label(shape.other) });
    case 'about':
      if (problem.pointer !== '' && shape.subject === problem.pointer) return capital(predicateWords(shape.predicate, label, words));
      return sentence(shape, label, words);
    default:
      return sentence(shape, label, words);
  }
}

/** The renderer's `errors`: field pointer → the first problem named for it, beside each field it names. */
export function errorsByField(problems: readonly FieldProblem[], label: Labeller = lastToken, words: Words = ENGLISH): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems) {
    const text = besideField(problem, label, words);
    for (const pointer of fieldsOf(problem)) if (!(pointer in out)) out[pointer] = text;
  }
  return out;
}
