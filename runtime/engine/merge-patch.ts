// JSON Merge Patch (RFC 7386): how an event's payload updates the case data. `null` deletes a member,
// objects merge recursively, anything else (arrays included) replaces.
import { ownValue, setOwn } from './json-pointer.ts';
import type { JsonValue } from './types.ts';

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The result of applying `patch` to `target` (RFC 7386 §2); neither input is changed. */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isRecord(patch)) return patch;
  const result: { [key: string]: JsonValue } = isRecord(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else setOwn(result, name, mergePatch(ownValue(result, name), value));
  }
  return result;
}
