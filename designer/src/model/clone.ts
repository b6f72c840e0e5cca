// Definitions are plain JSON: edits copy before they change, so every edit returns a new definition.
export function clone<T>(value: T): T {
  return structuredClone(value);
}
