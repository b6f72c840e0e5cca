// CRM look-ups, the pure half (docs/lookups.md): the values a `lookup` action sends are read from the
// case when the action runs, and the answer's values are written into the case fields by the action's
// map. The call itself is the outbox dispatcher's (runtime/scheduler/lookup-call.ts).
import type { LookupAction } from '../../schemas/generated/case-type.ts';
import { getAtPointer, setAtPointer } from './json-pointer.ts';
import type { CaseData, JsonValue } from './types.ts';

/** A lookup call's default time limit. */
export const LOOKUP_TIMEOUT_SECONDS = 10;

/** By name, the case's value at each pointer; a pointer with nothing there sends nothing. */
function valuesOf(data: CaseData, pointers: Readonly<Record<string, string | undefined>>): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const [name, pointer] of Object.entries(pointers)) {
    if (pointer === undefined) continue;
    const value = getAtPointer(data, pointer);
    if (value !== undefined && value !== null) values[name] = value;
  }
  return values;
}

/** What a lookup action sends, read from the case data now: its query parameters and (POST) body. */
export function lookupRequest(action: LookupAction, data: CaseData): { query: Record<string, JsonValue>; body: Record<string, JsonValue> | null } {
  const method = action.method ?? 'GET';
  return {
    query: valuesOf(data, action.query ?? {}),
    body: method === 'POST' ? valuesOf(data, action.body ?? {}) : null,
  };
}

/**
 * The change an answer makes to the case data (a JSON Merge Patch): each mapped value at its field.
 * A value the answer lacks leaves its field alone; `null` clears the field.
 */
export function lookupPatch(map: Readonly<Record<string, string>>, answer: JsonValue): CaseData {
  let patch: JsonValue = {};
  for (const [field, from] of Object.entries(map)) {
    const value = getAtPointer(answer, from);
    if (value === undefined) continue;
    patch = setAtPointer(patch, field, structuredClone(value)) ?? {};
  }
  return typeof patch === 'object' && patch !== null && !Array.isArray(patch) ? patch : {};
}
