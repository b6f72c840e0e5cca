// Evaluates rules and guards against sample data in the browser with the project's one ajv setup,
// and explains a failure in field terms ("missing: /severity", "/amount must be at least 500").
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CaseType, Guard, Rule } from '../../../schemas/generated/case-type.ts';
import { createDataAjv } from '../../../schemas/ajv.ts';

const ajv = createDataAjv();
const cache = new Map<string, ValidateFunction | string>();

/** A compiled schema, or the compile error message (an invalid schema is a problem, not a crash). */
function compile(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema);
  let fn = cache.get(key);
  if (fn === undefined) {
    try {
      fn = ajv.compile(schema as object);
    } catch (e) {
      fn = e instanceof Error ? e.message : String(e);
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, fn);
  }
  return fn;
}

export type RuleResult = { pass: true } | { pass: false; problems: string[] };

const WORDS: Record<string, string> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

/** One ajv error in plain words, naming the field by its pointer. */
export function explainError(e: ErrorObject): string {
  const at = e.instancePath || '/';
  switch (e.keyword) {
    case 'required':
      return `missing: ${e.instancePath}/${String((e.params as { missingProperty: string }).missingProperty)}`;
    case 'const':
      return `${at} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `${at} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at} must be ${WORDS[e.keyword]} ${String((e.params as { limit: unknown }).limit)}`;
    case 'not':
      return `${at} must not match the condition`;
    case 'anyOf':
      return 'none of the alternatives holds';
    default:
      return `${at} ${e.message ?? 'is not valid'}`;
  }
}

export function checkRule(rule: Rule, data: unknown): RuleResult {
  const fn = compile(rule.schema);
  if (typeof fn === 'string') return { pass: false, problems: [`the rule's schema is invalid: ${fn}`] };
  if (fn(data)) return { pass: true };
  const problems = [...new Set((fn.errors ?? []).filter((e) => e.keyword !== 'allOf' && e.keyword !== 'if').map(explainError))];
  return { pass: false, problems };
}

/** Whether a guard holds for sample data while the case is in `states` (active state ids). */
export function checkGuard(def: CaseType, guard: Guard, data: unknown, states: readonly string[]): boolean {
  if (typeof guard === 'string') {
    const rule = def.rules?.[guard];
    return rule ? checkRule(rule, data).pass : false;
  }
  if ('in' in guard) return guard.in.some((s) => states.includes(s));
  if ('not' in guard) return !checkGuard(def, guard.not, data, states);
  if ('all' in guard) return guard.all.every((g) => checkGuard(def, g, data, states));
  return guard.any.some((g) => checkGuard(def, g, data, states));
}

/** A guard in words: `triaged and not in (closed)`. */
export function describeGuard(guard: Guard): string {
  if (typeof guard === 'string') return guard;
  if ('in' in guard) return `in ${guard.in.join(' or ')}`;
  if ('not' in guard) return `not ${describeGuard(guard.not)}`;
  if ('all' in guard) return guard.all.map(describeGuard).join(' and ');
  return guard.any.map(describeGuard).join(' or ');
}
