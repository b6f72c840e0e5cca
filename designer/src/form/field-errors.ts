// The engine's field problems as people read them. The engine words a problem for developers, naming
// fields by JSON pointer ("missing: /email or /phone", "/claim/amount must be ≤ 500"); a person reads
// field labels ("E-mail or Phone is needed", "Claim › Amount must be ≤ 500"), and beside a field its
// name is said already ("Must be ≤ 500"). One module, so the preview, the simulator, the intake form and
// the console say the same thing the same way.
import type { FieldProblem } from '../../../runtime/engine/index.ts';

/** Pointer → the field's label, e.g. `fieldLabel` of model/field-label.ts bound to a case type. */
export type Labeller = (pointer: string) => string;

/** The field named by its last pointer token: what a pointer reads as without a case type. */
export const lastToken: Labeller = (pointer) => {
  const token = pointer.split('/').pop() ?? '';
  return token === '' ? 'the case data' : token.replace(/~1/g, '/').replace(/~0/g, '~');
};

// A pointer in an engine sentence: starts a word ("/a", "(needed with /b)"); quoted examples are left alone.
const POINTER = /(^|[\s(])(\/[^\s,;()"]*)/g;
const NEEDED_WITH = /^missing: (\S+) \(needed with (\S+)\)$/;
const UNDEFINED_RULE = /^rule "[^"]*" is not defined/;

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withLabels(text: string, label: Labeller): string {
  return text.replace(POINTER, (_, before: string, pointer: string) => `${before}${label(pointer)}`);
}

/** The fields a problem is shown beside: its own, and the others of an any-of ("missing: /email or /phone"). */
export function fieldsOf(problem: FieldProblem): string[] {
  if (!problem.message.startsWith('missing: ') || NEEDED_WITH.test(problem.message)) return [problem.pointer];
  const named = [...problem.message.matchAll(POINTER)].map((m) => m[2] as string);
  return [problem.pointer, ...named.filter((p) => p !== problem.pointer)];
}

/** A problem as a sentence on its own (a checklist line, a blocked action, a notice): "E-mail or Phone is needed". */
export function problemSentence(problem: FieldProblem, label: Labeller = lastToken): string {
  const { message } = problem;
  const needed = NEEDED_WITH.exec(message);
  if (needed) return `${capital(label(needed[1] as string))} is needed with ${label(needed[2] as string)}`;
  if (message.startsWith('missing: ')) return `${capital(withLabels(message.slice('missing: '.length), label))} is needed`;
  if (UNDEFINED_RULE.test(message)) return 'It relies on a rule the case type does not define: ask the case type’s designer';
  return capital(withLabels(message, label));
}

/**
 * A problem as read beside its field, whose name is said already: "Fill this in to continue.",
 * "Must be ≤ 500", "Fill in E-mail or Phone." (beside either of them).
 */
export function besideField(problem: FieldProblem, label: Labeller = lastToken): string {
  const { pointer, message } = problem;
  if (message === `missing: ${pointer}`) return 'Fill this in to continue.';
  const needed = NEEDED_WITH.exec(message);
  if (needed) return `Fill this in: it is needed with ${label(needed[2] as string)}.`;
  if (message.startsWith('missing: ')) return `Fill in ${withLabels(message.slice('missing: '.length), label)}.`;
  if (pointer !== '' && message.startsWith(`${pointer} `)) return capital(withLabels(message.slice(pointer.length + 1), label));
  return problemSentence(problem, label);
}

/** The renderer's `errors`: field pointer → the first problem named for it, beside each field it names. */
export function errorsByField(problems: readonly FieldProblem[], label: Labeller = lastToken): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems) {
    const words = besideField(problem, label);
    for (const pointer of fieldsOf(problem)) if (!(pointer in out)) out[pointer] = words;
  }
  return out;
}
