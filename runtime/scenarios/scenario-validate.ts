// Checks a parsed scenario file against schemas/scenario.schema.json, plus the rules a schema states
// badly (a step sends or advances, not both). Problems name the place (JSON Pointer) and the fix.
import type { ErrorObject, ValidateFunction } from 'ajv';
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };
import { createDataAjv } from '../../schemas/ajv.ts';
import type { FieldProblem, JsonValue } from '../engine/index.ts';
import { escapePointerToken as escapeToken, getAtPointer } from '../engine/index.ts';
import type { Scenario } from './scenario-types.ts';

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; problems: FieldProblem[] };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= createDataAjv().compile(scenarioSchema);
  return compiled;
}

function where(pointer: string): string {
  return pointer === '' ? 'the scenario' : pointer;
}

function explain(error: ErrorObject, json: unknown): string {
  const data = getAtPointer(json as JsonValue, error.instancePath);
  const params = error.params as Record<string, unknown>;
  const at = where(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key '${String(params['additionalProperty'])}' in ${at}; remove it or check its spelling`;
    case 'required':
      return `${at} is missing the required key '${String(params['missingProperty'])}'`;
    case 'type':
      return `${at} must be ${String(params['type']) === 'object' ? 'an object' : `a ${String(params['type'])}`}`;
    case 'enum':
      return `${at} is ${JSON.stringify(data)}; allowed values are ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `${at} is ${JSON.stringify(data)}, not an ISO 8601 date-time such as 2026-01-05T09:00:00Z`;
    case 'pattern':
      return error.instancePath.endsWith('/advance')
        ? `${at} is ${JSON.stringify(data)}, not a duration such as PT5H or P2D (weeks, days, hours, minutes, seconds)`
        : `${at} is ${JSON.stringify(data)}, not a case type key (lower case letters, digits and '-', e.g. complaint)`;
    case 'anyOf':
      return `${at} must be a state id (a string) or a state value object such as {"investigating": "collect"}`;
    case 'minLength':
      return `${at} must not be empty`;
    case 'maxLength':
      return `${at} must be at most ${String(params['limit'])} characters`;
    case 'minProperties':
      return `${at} must not be empty`;
    default:
      return `${at} ${error.message ?? 'is not valid'}`;
  }
}

/** Drops the branch errors under an `anyOf` that already has its own message. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  return errors.filter(
    (e) =>
      e.keyword === 'anyOf' ||
      !anyOfPaths.some(
        (p) =>
          (e.instancePath === p || e.instancePath.startsWith(p + '/')) && e.schemaPath.includes('/anyOf/'),
      ),
  );
}

function stepProblems(scenario: Scenario): FieldProblem[] {
  const problems: FieldProblem[] = [];
  scenario.steps.forEach((step, i) => {
    const at = `/steps/${i}`;
    if (step.send !== undefined && step.advance !== undefined) {
      problems.push({ pointer: at, message: `${at} has both 'send' and 'advance'; split it into two steps` });
    }
    if (step.migrate !== undefined && (step.send !== undefined || step.advance !== undefined)) {
      problems.push({ pointer: at, message: `${at} has 'migrate' with '${step.send !== undefined ? 'send' : 'advance'}'; migrate in a step of its own` });
    }
    if (step.definition !== undefined && step.migrate === undefined) {
      problems.push({ pointer: `${at}/definition`, message: `${at}/definition names the version a migration moves to, but the step migrates nothing; add 'migrate' or remove 'definition'` });
    }
    if (step.data !== undefined && step.send === undefined) {
      problems.push({
        pointer: `${at}/data`,
        message: `${at}/data is an event payload, but the step sends no event; add 'send' or remove 'data'`,
      });
    }
    if (step.expect?.rejected !== undefined && step.send === undefined) {
      problems.push({
        pointer: `${at}/expect/rejected`,
        message: `${at}/expect/rejected expects a rejected event, but the step sends no event; add 'send' or remove 'rejected'`,
      });
    }
  });
  return problems;
}

/** Validates a parsed scenario file; on success returns it typed. */
export function validateScenario(json: unknown): ScenarioValidation {
  const validate = validator();
  if (!validate(json)) {
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    for (const error of relevant(validate.errors ?? [])) {
      const message = explain(error, json);
      if (seen.has(message)) continue;
      seen.add(message);
      const extra =
        error.keyword === 'additionalProperties'
          ? (error.params as { additionalProperty: string }).additionalProperty
          : null;
      problems.push({
        pointer: extra === null ? error.instancePath : `${error.instancePath}/${escapeToken(extra)}`,
        message,
      });
    }
    return { ok: false, problems };
  }
  const scenario = json as Scenario;
  const problems = stepProblems(scenario);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario };
}
