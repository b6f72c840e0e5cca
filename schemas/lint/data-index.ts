// Resolves field pointers (/customer/email) against the `data` schema: through properties, items and
// $ref into $defs. Used by every lint that names a field.
import { asObject, isObject, parsePointer, ptr, type JsonObject } from './util.ts';

export interface ResolvedField {
  schema: JsonObject;
  /** Pointer of the field's schema inside the data schema, for compiling it (/properties/customer/...). */
  schemaPath: string;
}

/** Follows a local $ref (#/...) inside `root`; undefined when it does not resolve. */
export function resolveLocalRef(
  root: unknown,
  ref: string,
): { schema: JsonObject; path: string } | undefined {
  if (!ref.startsWith('#')) return undefined;
  const path = decodeURIComponent(ref.slice(1));
  const tokens = parsePointer(path);
  if (tokens === undefined) return undefined;
  let node: unknown = root;
  for (const token of tokens)
    node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
  return isObject(node) ? { schema: node, path } : undefined;
}

function deref(root: unknown, schema: JsonObject, path: string): { schema: JsonObject; path: string } {
  let current = { schema, path };
  for (let hops = 0; hops < 16 && typeof current.schema.$ref === 'string'; hops++) {
    const next = resolveLocalRef(root, current.schema.$ref);
    if (next === undefined) break;
    current = next;
  }
  return current;
}

/** The schema of the field at `pointer` in the case data, or undefined when no field is there. */
export function resolveField(data: unknown, pointer: string): ResolvedField | undefined {
  const tokens = parsePointer(pointer);
  if (tokens === undefined || !isObject(data)) return undefined;
  let current = deref(data, data, '');
  for (const token of tokens) {
    const properties = asObject(current.schema.properties);
    if (isObject(properties[token])) {
      current = deref(data, properties[token], ptr(current.path, 'properties', token));
    } else if (isObject(current.schema.items) && /^(\d+|-)$/.test(token)) {
      current = deref(data, current.schema.items, ptr(current.path, 'items'));
    } else if (isObject(current.schema.additionalProperties)) {
      current = deref(data, current.schema.additionalProperties, ptr(current.path, 'additionalProperties'));
    } else {
      return undefined;
    }
  }
  return { schema: current.schema, schemaPath: current.path };
}

/** Calls visit for every schema node of a field schema tree (properties, items, additionalProperties, $defs). */
export function walkSchemas(
  schema: unknown,
  pointer: string,
  visit: (node: JsonObject, pointer: string) => void,
): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const [name, child] of Object.entries(asObject(schema.properties)))
    walkSchemas(child, ptr(pointer, 'properties', name), visit);
  for (const [name, child] of Object.entries(asObject(schema.$defs)))
    walkSchemas(child, ptr(pointer, '$defs', name), visit);
  walkSchemas(schema.items, ptr(pointer, 'items'), visit);
  walkSchemas(schema.additionalProperties, ptr(pointer, 'additionalProperties'), visit);
}

/** Every field pointer of the case data (through properties, items as /0 is not listed, and $ref), depth-limited. */
export function listFieldPointers(data: unknown, maxDepth = 6): string[] {
  const result: string[] = [];
  const visit = (schema: JsonObject, path: string, pointer: string, depth: number): void => {
    const current = deref(data, schema, path);
    if (depth >= maxDepth) return;
    for (const [name, child] of Object.entries(asObject(current.schema.properties))) {
      if (!isObject(child)) continue;
      const childPointer = ptr(pointer, name);
      result.push(childPointer);
      visit(child, ptr(current.path, 'properties', name), childPointer, depth + 1);
    }
  };
  if (isObject(data)) visit(data, '', '', 0);
  return result;
}
