// Sample event payloads for the path enumeration of `dossier test --paths`: values an analyst wrote
// into the event's schema (const, enum, examples, booleans, numeric bounds), combined so that
// guards which depend on them can be resolved. Bounded: at most MAX_PAYLOADS per event.
import type { FieldSchema } from '../../schemas/generated/case-type.ts';
import type { CaseData, JsonValue } from '../engine/index.ts';
import { jsonEqual, mergePatch } from '../engine/index.ts';

export const MAX_PAYLOADS = 48;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(schema: FieldSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The values a schema names for a field, or none when it names none. */
export function schemaChoices(schema: FieldSchema): JsonValue[] {
  if (schema.const !== undefined) return [schema.const as JsonValue];
  if (Array.isArray(schema.enum)) return schema.enum as JsonValue[];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples as JsonValue[];
  const types = typesOf(schema);
  if (types.includes('boolean')) return [true, false];
  if (types.includes('object') && isRecord(schema.properties))
    return objectChoices(schema).filter((o) => Object.keys(o).length > 0);
  if (types.includes('number') || types.includes('integer')) {
    const bounds = [schema.minimum, schema.maximum].filter((n): n is number => typeof n === 'number');
    return bounds;
  }
  return [];
}

/** Objects built from the properties that name values: every combination, or one property at a time when there are too many. */
function objectChoices(schema: FieldSchema): CaseData[] {
  const fields: [string, JsonValue[]][] = [];
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    if (!isRecord(sub)) continue;
    const choices = schemaChoices(sub as FieldSchema);
    if (choices.length > 0) fields.push([name, choices]);
  }
  if (fields.length === 0) return [];
  const total = fields.reduce((n, [, choices]) => n * choices.length, 1);
  if (total <= MAX_PAYLOADS) {
    let combos: CaseData[] = [{}];
    for (const [name, choices] of fields) {
      combos = combos.flatMap((combo) => choices.map((value) => ({ ...combo, [name]: value })));
    }
    return combos;
  }
  const base: CaseData = Object.fromEntries(fields.map(([name, choices]) => [name, choices[0] as JsonValue]));
  const combos: CaseData[] = [base];
  for (const [name, choices] of fields) {
    for (const value of choices.slice(1)) combos.push({ ...base, [name]: value });
  }
  return combos;
}

/**
 * Candidate payloads for one event: the empty payload, the payloads the scenarios send with it,
 * and each of those merged with the combinations the event's schema names; distinct, bounded.
 */
export function candidatePayloads(
  schema: FieldSchema | undefined,
  known: readonly CaseData[] = [],
): CaseData[] {
  const generated = schema && isRecord(schema.properties) ? objectChoices(schema) : [];
  const out: CaseData[] = [];
  const add = (payload: CaseData): void => {
    if (out.length < MAX_PAYLOADS && !out.some((p) => jsonEqual(p, payload))) out.push(payload);
  };
  const bases: CaseData[] = [{}, ...known];
  for (const base of bases) add(base);
  for (const base of bases) {
    for (const combo of generated) add(mergePatch(base, combo) as CaseData);
  }
  return out;
}
