// Checks a parsed migration plan against schemas/migration-plan.schema.json: each problem at its place
// in the plan (a JSON Pointer) in a sentence that says how to fix it. What the plan means for two given
// versions is checked by `checkMigrationPlan` (migrate.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';
import planSchema from '../../schemas/migration-plan.schema.json' with { type: 'json' };
import { createDataAjv } from '../../schemas/ajv.ts';
import { escapePointerToken, getAtPointer } from './json-pointer.ts';
import type { MigrationPlan } from './migrate.ts';
import type { FieldProblem, JsonValue } from './types.ts';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= createDataAjv().compile(planSchema);
  return compiled;
}

function explain(error: ErrorObject, json: unknown): string {
  const at = error.instancePath === '' ? 'the plan' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const value = getAtPointer(json as JsonValue, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key '${String(params['additionalProperty'])}' in ${at}; remove it or check its spelling`;
    case 'required':
      return `${at} is missing the required key '${String(params['missingProperty'])}'`;
    case 'type':
      return `${at} must be ${params['type'] === 'object' ? 'an object' : params['type'] === 'array' ? 'a list' : `a ${String(params['type'])}`}`;
    case 'enum':
      return `${at} is ${JSON.stringify(value)}; allowed values are ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return at.startsWith('/caseType')
        ? `${at} is ${JSON.stringify(value)}, not a case type key (lower case letters, digits and '-', e.g. complaint)`
        : `${at} is ${JSON.stringify(value)}, not a JSON Pointer to a field such as /customer/email`;
    case 'propertyNames':
      return `${at} has a key that is not a JSON Pointer to a field such as /customer/email`;
    case 'format':
      return `${at} is ${JSON.stringify(value)}, not an ISO 8601 date-time such as 2026-01-05T09:00:00Z`;
    case 'minimum':
      return `${at} must be a version number of 1 or more`;
    case 'minItems':
    case 'minLength':
      return `${at} must not be empty`;
    case 'maxItems':
      return `${at} lists more than ${String(params['limit'])} items; split the plan`;
    case 'uniqueItems':
      return `${at} lists an item twice; list each once`;
    default:
      return `${at} ${error.message ?? 'is not valid'}`;
  }
}

/** A parsed plan file or request body: the plan, typed, or its problems. */
export function validateMigrationPlan(json: unknown): { ok: true; plan: MigrationPlan } | { ok: false; problems: FieldProblem[] } {
  const validate = validator();
  if (validate(json)) return { ok: true, plan: json as MigrationPlan };
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if') continue;
    const message = explain(error, json);
    if (seen.has(message)) continue;
    seen.add(message);
    const extra = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : null;
    problems.push({ pointer: extra === null ? error.instancePath : `${error.instancePath}/${escapePointerToken(extra)}`, message });
  }
  return { ok: false, problems };
}
