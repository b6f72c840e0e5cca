// The one regular-expression engine for patterns that meet outside input: every `pattern` and
// `patternProperties` key of a case type (case data, event payloads, rules), of the meta-schema and of
// the API's request schemas. It is RE2 (re2js, a pure-JavaScript port that runs in Node and in the
// browser alike), which matches in time linear in the input whatever the pattern: no pattern can hold
// the server, however it is written. JavaScript's own RegExp backtracks, and no heuristic check of a
// pattern closes that (issue 14: `^a*a*a*a*a*a*a*a*b$` held the host for 32 s on 55 characters).
//
// Patterns are written in the ECMAScript syntax the format documents and translated to RE2 syntax
// (`\uXXXX`, `\u{…}`, `(?<name>…)`, `[^]`, `\cA`); what RE2 cannot run in linear time — look-ahead,
// look-behind and back-references — is refused when the pattern is compiled, with the reason.
// Pure (no I/O): `schemas/` imports no Node built-ins.
import { RE2JS } from 're2js';

/** A compiled pattern: JSON Schema's `pattern` semantics (a match anywhere in the value). */
export interface LinearPattern {
  test(value: string): boolean;
  toString(): string;
}

export class PatternSyntaxError extends Error {}

const cache = new Map<string, LinearPattern>();
const CACHE_LIMIT = 2000;

/**
 * RE2's time is linear in the value and in the size of the compiled pattern (its program): a short
 * pattern with a large repetition count, `(a|aa){1000}$`, compiles to 6,000 steps and took 66 s on a
 * 1 MiB value. At most 1,000 steps, the slowest shapes measured take about 35 ms per MiB of value
 * (`npm run bench -- --only patterns`), and request bodies are at most 1 MiB.
 */
export const MAX_PATTERN_PROGRAM = 1000;

/** Why RE2 refuses a pattern, in words that say what to write instead. */
function explain(pattern: string, message: string): string {
  const detail = message.replace(/^error parsing regexp: /, '');
  if (/\\[pP]\{[^}]*[=_]|\\[pP]\{(Letter|Script|ASCII|Any|Assigned)/.test(pattern)) {
    return `${detail}; write Unicode properties by their short names, such as \\p{L}, \\p{Lu}, \\p{N} or \\p{Greek}`;
  }
  if (/\(\?<?[=!]/.test(pattern)) {
    return `look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not supported, as patterns are checked in linear time (RE2 syntax); express the condition with alternatives or a separate rule`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return `back-references (\\1, \\k<name>) are not supported, as patterns are checked in linear time (RE2 syntax); repeat the sub-pattern instead`;
  }
  return detail;
}

/**
 * Compiles `pattern` (ECMAScript syntax, unicode) for linear-time matching; throws a
 * PatternSyntaxError whose message says what is wrong when RE2 cannot take it.
 */
export function compilePattern(pattern: string): LinearPattern {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  // the pattern must be ECMAScript, as JSON Schema says (compiling backtracks nothing; only matching
  // does): RE2-only syntax such as (?i), \Q…\E or [[:alpha:]] is refused too
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PatternSyntaxError(message.slice(message.lastIndexOf(': ') + 2));
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    throw new PatternSyntaxError(explain(pattern, error instanceof Error ? error.message : String(error)));
  }
  const size = re.programSize();
  if (size > MAX_PATTERN_PROGRAM) {
    throw new PatternSyntaxError(
      `it is too large to check in linear time (${String(size)} steps; at most ${String(MAX_PATTERN_PROGRAM)}): use smaller repetition counts, and maxLength rather than .{0,n} for a length`,
    );
  }
  // ajv keys its compiled patterns by toString(): it must tell patterns apart
  const compiled: LinearPattern = { test: (value) => re.test(value), toString: () => `re2:${pattern}` };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Why `pattern` cannot be used, or undefined when it compiles. */
export function patternError(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * ajv's `code.regExp` option: every `pattern` and `patternProperties` key of a schema that ajv compiles
 * runs on RE2. (`code` names the engine for ajv's standalone code, which Dossier does not generate.)
 */
export const linearRegExp = Object.assign((pattern: string): LinearPattern => compilePattern(pattern), {
  code: 'linearRegExp',
});
