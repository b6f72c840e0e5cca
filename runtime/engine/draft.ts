// The engine's answers for a case type still being edited (the designer's form preview, rules view and
// simulator forms): the same ajv setup, the same error words and the same guard meaning as a compiled case
// type, schema by schema, so a schema that does not compile yet spoils only its own answers.
import type { ValidateFunction } from 'ajv';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { createDataAjv } from '../../schemas/ajv.ts';
import { checklistRules } from './form-view.ts';
import type { FormScope } from './form-view.ts';
import { evaluateGuard } from './guards.ts';
import type { GuardScope } from './guards.ts';
import { indexPlaybook } from './playbook-index.ts';
import type { PlaybookIndex } from './playbook-index.ts';
import { undefinedRule, validate } from './rules.ts';
import type { CaseData, FieldProblem, JsonValue } from './types.ts';

/** A value checked against a schema: its problems in field terms (`[]` when it passes), or why the schema does not compile. */
export type SchemaCheck = { ok: true; problems: FieldProblem[] } | { ok: false; error: string };

let ajv: ReturnType<typeof createDataAjv> | null = null;
const validators = new Map<string, ValidateFunction | string>();
const CACHE_LIMIT = 500;

function validatorOf(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema) ?? 'undefined';
  let found = validators.get(key);
  if (found === undefined) {
    ajv ??= createDataAjv();
    try {
      found = ajv.compile(schema as object | boolean);
    } catch (error) {
      found = error instanceof Error ? error.message : String(error);
    }
    if (validators.size >= CACHE_LIMIT) validators.delete(validators.keys().next().value as string);
    validators.set(key, found);
  }
  return found;
}

/** A value against a schema, with the problems worded as the server words them. */
export function checkSchema(schema: unknown, value: JsonValue): SchemaCheck {
  const validator = validatorOf(schema);
  return typeof validator === 'string' ? { ok: false, error: validator } : { ok: true, problems: validate(validator, value) };
}

/**
 * Case data (or an event's payload) against its schema, worded as `createCase`/`applyEvent` word it;
 * `[]` when the schema does not compile yet (the definition's own problems say why).
 */
export function dataProblems(schema: unknown, data: JsonValue): FieldProblem[] {
  const check = checkSchema(schema, data);
  return check.ok ? check.problems : [];
}

/** A named rule of a draft on some data: why it fails (`[]` when it holds), or why its schema does not compile. */
export function checkDraftRule(def: Pick<CaseType, 'rules'>, rule: string, data: JsonValue): SchemaCheck {
  const found = def.rules?.[rule];
  return found ? checkSchema(found.schema, data) : { ok: true, problems: [undefinedRule(rule)] };
}

/** Whether a named rule of a draft holds on some data (a rule whose schema does not compile never holds). */
export function draftRuleHolds(def: Pick<CaseType, 'rules'>, rule: string, data: JsonValue): boolean {
  const check = checkDraftRule(def, rule, data);
  return check.ok && check.problems.length === 0;
}

const indexes = new WeakMap<object, PlaybookIndex>();

function indexOf(def: Pick<CaseType, 'playbook'>): PlaybookIndex {
  let index = indexes.get(def.playbook);
  if (!index) {
    index = indexPlaybook(def.playbook);
    indexes.set(def.playbook, index);
  }
  return index;
}

/** The ids active while a draft's case is in `state`: the state and its ancestors, outermost first. */
export function draftActiveStates(def: Pick<CaseType, 'playbook'>, state: string | null): string[] {
  const index = indexOf(def);
  const ids: string[] = [];
  for (let id = state; id !== null && ids.length <= index.states.size; id = index.states.get(id)?.parent ?? null) ids.unshift(id);
  return ids;
}

/** The guard scope of a draft's case in `state` (a state id, or none) on some data. */
export function draftGuardScope(def: Pick<CaseType, 'playbook' | 'rules'>, state: string | null, data: CaseData): GuardScope {
  return { data, active: new Set(draftActiveStates(def, state)), ruleHolds: (rule, d) => draftRuleHolds(def, rule, d) };
}

/** The scope `formViewOf` evaluates a draft's form in while its case is in `state` on some data. */
export function draftFormScope(def: Pick<CaseType, 'playbook' | 'rules'>, state: string | null, data: CaseData): FormScope {
  const scope = draftGuardScope(def, state, data);
  const index = indexOf(def);
  const rules = checklistRules(draftActiveStates(def, state), (id) => index.states.get(id)?.node);
  return { holds: (guard) => evaluateGuard(guard, scope), checklist: rules.map((rule) => def.rules?.[rule]?.schema) };
}
