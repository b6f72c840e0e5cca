// The renderer's `errors` from the engine's field problems (live checks and the server's rejections alike):
// field pointer → the first problem named for it, in words for the person at the field.
import type { FieldProblem } from '../../../runtime/engine/index.ts';

/**
 * A field problem as the person next to the field reads it: the engine's developer wording names the
 * field by its JSON pointer ("/customer/email must be an e-mail address such as name@example.com"); beside
 * the field that name is said already, so it goes ("Must be an e-mail address such as name@example.com"),
 * and "missing: /reason" becomes a sentence.
 */
export function personWords(problem: FieldProblem): string {
  const { pointer, message } = problem;
  if (/^missing: \//.test(message)) return 'Fill this in to continue.';
  if (pointer !== '' && message.startsWith(`${pointer} `)) {
    const rest = message.slice(pointer.length + 1);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return message;
}

export function errorsByField(problems: readonly FieldProblem[], words: (problem: FieldProblem) => string = personWords): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems) if (!(problem.pointer in out)) out[problem.pointer] = words(problem);
  return out;
}
