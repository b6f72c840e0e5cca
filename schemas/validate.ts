// validateCaseType: the meta-schema (structure) and the semantic lint of a case-type definition, all
// problems at once, sorted by pointer then code. Pure: runs in Node and in the browser.
import { createDataAjv } from './ajv.ts';
import { createProblem, type Problem } from './problems.ts';
import { lintDataSchema, lintFieldPointers } from './lint/fields.ts';
import { lintPatterns } from './lint/patterns.ts';
import { buildModel } from './lint/model.ts';
import { lintPlaybookShape, lintReachability } from './lint/playbook.ts';
import { lintReferences } from './lint/references.ts';
import { lintLinked } from './lint/linked.ts';
import { lintRules } from './lint/rules.ts';
import { structuralProblems } from './lint/structure.ts';
import { lintTime } from './lint/time.ts';
import { lintCalendarDays } from './lint/calendar-days.ts';
import { lintStuckFields } from './lint/stuck-fields.ts';
import { lintUnusedRules } from './lint/unused-rules.ts';
import { lintTranslations } from './lint/translations.ts';
import { lintMessages } from './lint/messages.ts';
import { lintFeedback } from './lint/feedback.ts';
import { lintScripts } from './lint/scripts.ts';
import { lintSuggest } from './lint/suggest.ts';
import { lintRouting } from './lint/routing.ts';

export interface ValidateOptions {
  /**
   * Keys of the case types that exist (e.g. published ones). With it, a createCase of another key is a
   * warning (case_type.unknown); without it, that check is skipped.
   */
  knownCaseTypes?: readonly string[];
  /**
   * The events of other case types by key (e.g. the published ones). With it, an event a sendToChildren
   * action sends to cases of such a type must be one of its events (linked.event_unknown).
   */
  caseTypeEvents?: Readonly<Record<string, readonly string[]>>;
}

/** Deepest nesting checked; deeper definitions would overflow the stack of the checks themselves. */
export const MAX_DEFINITION_DEPTH = 100;

/** The pointer of the first place nested deeper than `limit`, or undefined (iterative: no recursion). */
function tooDeepAt(definition: unknown, limit: number): string | undefined {
  const stack: [unknown, string, number][] = [[definition, '', 0]];
  while (stack.length > 0) {
    const [node, pointer, depth] = stack.pop() as [unknown, string, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return pointer;
    for (const [key, child] of Object.entries(node)) stack.push([child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
  }
  return undefined;
}

export function validateCaseType(definition: unknown, options: ValidateOptions = {}): Problem[] {
  const deep = tooDeepAt(definition, MAX_DEFINITION_DEPTH);
  if (deep !== undefined) return [createProblem('schema.too_deep', deep, { limit: String(MAX_DEFINITION_DEPTH) })];
  const structural = structuralProblems(definition);
  const model = buildModel(definition);
  const ajv = createDataAjv();
  const semantic = [
    ...lintPlaybookShape(model),
    ...lintReachability(model),
    ...lintReferences(model, options),
    ...lintLinked(model, options),
    ...lintDataSchema(model),
    ...lintPatterns(model),
    ...lintFieldPointers(model, ajv),
    ...lintRules(model, ajv),
    ...lintTime(model),
    ...lintStuckFields(model),
    ...lintCalendarDays(model),
    ...lintUnusedRules(model),
    ...lintTranslations(model),
    ...lintRouting(model),
    ...lintMessages(model),
    ...lintFeedback(model),
    ...lintScripts(model),
    ...lintSuggest(model),
  ];
  return dedupe(structural, semantic).sort(compareProblems);
}

/** One structural problem per place; a lint problem where the structure is already wrong is left out. */
function dedupe(structural: Problem[], semantic: Problem[]): Problem[] {
  const places = new Set<string>();
  const result: Problem[] = [];
  for (const problem of structural) {
    if (places.has(problem.pointer)) continue;
    places.add(problem.pointer);
    result.push(problem);
  }
  const seen = new Set<string>();
  for (const problem of semantic) {
    const key = `${problem.pointer}\u0000${problem.code}`;
    if (places.has(problem.pointer) || seen.has(key)) continue;
    seen.add(key);
    result.push(problem);
  }
  return result;
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.pointer !== b.pointer) return a.pointer < b.pointer ? -1 : 1;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** True when no problem is an error (warnings are allowed). */
export function isValid(problems: readonly Problem[]): boolean {
  return problems.every((p) => p.severity !== 'error');
}
