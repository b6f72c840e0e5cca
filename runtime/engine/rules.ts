// The case type's schemas compiled once with the project's one ajv setup (`createDataAjv`): the case
// data schema, each event's payload schema and each named rule.
import type { ValidateFunction } from 'ajv';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { createDataAjv } from '../../schemas/ajv.ts';
import { withDocumentItems } from './documents.ts';
import { explainErrors } from './explain.ts';
import { escapePointerToken } from './json-pointer.ts';
import type { FieldProblem, JsonValue } from './types.ts';

export interface Validators {
  data: ValidateFunction;
  events: ReadonlyMap<string, ValidateFunction>;
  rules: ReadonlyMap<string, ValidateFunction>;
}

/** Compiles every schema once; `fail` turns an ajv compile error into the caller's error (with its pointer). */
export function compileValidators(def: CaseType, fail: (pointer: string, error: unknown) => Error): Validators {
  const ajv = createDataAjv();
  const compile = (schema: object | boolean, pointer: string): ValidateFunction => {
    try {
      return ajv.compile(schema);
    } catch (error) {
      throw fail(pointer, error);
    }
  };
  const events = new Map<string, ValidateFunction>();
  for (const [name, event] of Object.entries(def.events ?? {})) {
    if (event?.data) events.set(name, compile(event.data, `/events/${escapePointerToken(name)}/data`));
  }
  const rules = new Map<string, ValidateFunction>();
  for (const [name, rule] of Object.entries(def.rules ?? {})) {
    if (rule) rules.set(name, compile(rule.schema, `/rules/${escapePointerToken(name)}/schema`));
  }
  // documents fields hold document references (documents.ts), whatever items the analyst wrote
  return { data: compile(withDocumentItems(def.data), '/data'), events, rules };
}

/** Runs a validator; `[]` when the value passes, else its problems in field terms. */
export function validate(validator: ValidateFunction, value: JsonValue): FieldProblem[] {
  if (validator(value)) return [];
  const problems = explainErrors(validator.errors);
  // verbose errors hold the data and the schema: a long-lived validator does not keep the last failure's
  validator.errors = null;
  return problems;
}

/** The problem a guard naming no rule of the case type has. */
export function undefinedRule(rule: string): FieldProblem {
  return { pointer: '', message: `rule "${rule}" is not defined in this case type` };
}

/** Why a rule fails on the data, in field terms; `[]` when it holds. */
export function ruleProblems(validators: Validators, rule: string, data: JsonValue): FieldProblem[] {
  const validator = validators.rules.get(rule);
  if (!validator) return [undefinedRule(rule)];
  return validate(validator, data);
}

export function ruleHolds(validators: Validators, rule: string, data: JsonValue): boolean {
  const validator = validators.rules.get(rule);
  if (!validator) return false;
  const holds = validator(data);
  validator.errors = null;
  return holds;
}
