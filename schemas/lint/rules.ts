// Lint of rules: each rule schema must compile as JSON Schema 2020-12 (with the case-data ajv), and each
// `$data` relative pointer in it must land on a field of the case data.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createProblem, type Problem } from '../problems.ts';
import { resolveField } from './data-index.ts';
import { describeDataError } from './fields.ts';
import type { Model } from './model.ts';
import { asArray, asObject, isObject, parsePointer, ptr } from './util.ts';

export function lintRules(model: Model, ajv: Ajv2020): Problem[] {
  const problems: Problem[] = [];
  for (const [name, rule] of Object.entries(asObject(model.def.rules))) {
    const schema = asObject(rule).schema;
    if (!isObject(schema) && typeof schema !== 'boolean') continue;
    const at = ptr('/rules', name, 'schema');
    const dataProblems: Problem[] = [];
    walkDataRefs(schema, at, [], (ref, pointer, location) => {
      // Key references (1#) and pointers from inside list items cannot be checked without data.
      if (ref.endsWith('#') || (location === undefined && !ref.startsWith('/'))) return;
      const resolved = resolveRelative(ref, location);
      if (resolved !== undefined && resolveField(model.def.data, resolved) !== undefined) return;
      dataProblems.push(
        createProblem('rule.unknown_data_pointer', pointer, {
          ref,
          from: ptr('', ...(location ?? [])) || 'the case data',
          resolved:
            resolved === undefined ? 'a place above the case data' : `${resolved}, which is not a field`,
        }),
      );
    });
    problems.push(...dataProblems);
    try {
      ajv.compile(schema);
    } catch (error) {
      const detail = schemaErrorDetail(ajv, schema) ?? compileDetail(error);
      // ajv also refuses a $data pointer that climbs above the root: already reported at the $data itself.
      if (dataProblems.length === 0 || !/levels up/.test(detail))
        problems.push(createProblem('rule.invalid_schema', at, { name, detail }));
    }
  }
  return problems;
}

/** The first error of the rule schema against JSON Schema itself, in words; undefined when it is well-formed. */
function schemaErrorDetail(ajv: Ajv2020, schema: unknown): string | undefined {
  if (ajv.validateSchema(schema as object) === true) return undefined;
  const error = (ajv.errors ?? [])[0];
  return error === undefined ? undefined : describeDataError(error);
}

function compileDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(', ')[0] ?? message)
    .replace(/^schema is invalid: /, '')
    .replace(/\bdata(\/[^ ]*)?/g, (_m, path: string | undefined) =>
      path === undefined ? 'the schema' : path,
    )
    .replace(/^strict mode: /, '');
}

const sameLocation = ['allOf', 'anyOf', 'oneOf'];
const sameLocationOne = ['not', 'if', 'then', 'else'];

/**
 * Visits every { "$data": ref } with the data location of the schema that holds it (tokens from the case data
 * root; undefined inside `items`, where the index is not known).
 */
function walkDataRefs(
  schema: unknown,
  pointer: string,
  location: string[] | undefined,
  visit: (ref: string, pointer: string, location: string[] | undefined) => void,
): void {
  if (!isObject(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (isObject(value) && typeof value.$data === 'string')
      visit(value.$data, ptr(pointer, key, '$data'), location);
  }
  for (const [name, child] of Object.entries(asObject(schema.properties))) {
    walkDataRefs(
      child,
      ptr(pointer, 'properties', name),
      location === undefined ? undefined : [...location, name],
      visit,
    );
  }
  walkDataRefs(schema.items, ptr(pointer, 'items'), undefined, visit);
  for (const key of sameLocation)
    asArray(schema[key]).forEach((s, i) => walkDataRefs(s, ptr(pointer, key, i), location, visit));
  for (const key of sameLocationOne) walkDataRefs(schema[key], ptr(pointer, key), location, visit);
}

/** Resolves a relative JSON pointer ("1/arrangement/installments") or an absolute one from `location`. */
function resolveRelative(ref: string, location: string[] | undefined): string | undefined {
  if (ref.startsWith('/')) return ref;
  const match = /^(\d+)(\/.*)?$/.exec(ref);
  if (match === null || location === undefined) return undefined;
  const up = Number(match[1]);
  if (up > location.length) return undefined;
  const rest = parsePointer(match[2] ?? '') ?? [];
  return ptr('', ...location.slice(0, location.length - up), ...rest);
}
