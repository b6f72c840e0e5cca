// What a rule or guard needs from the case data, and what an event's payload can carry: the two halves of
// the "stuck agent" lint. Both err on the side of silence: a rule needs a field only when it cannot hold
// without it, and a payload can carry a field unless its schema shows it cannot.
import { asArray, asObject, isObject, parsePointer, ptr, type JsonObject } from './util.ts';

const MAX_DEPTH = 32;

/**
 * The fields (pointers into the case data) a schema cannot hold without: `required` names, followed into
 * their `properties`; every `allOf` branch; what all `anyOf`/`oneOf` branches need alike. Conditional parts
 * (`if`/`then`/`else`, `not`, `dependentRequired`) need nothing for sure.
 */
export function schemaNeeds(schema: unknown, base = '', depth = 0): Set<string> {
  const out = new Set<string>();
  if (!isObject(schema) || depth > MAX_DEPTH) return out;
  for (const branch of asArray(schema.allOf))
    for (const p of schemaNeeds(branch, base, depth + 1)) out.add(p);
  for (const key of ['anyOf', 'oneOf']) {
    const branches = asArray(schema[key]);
    if (branches.length === 0) continue;
    for (const p of intersect(branches.map((b) => schemaNeeds(b, base, depth + 1)))) out.add(p);
  }
  const properties = asObject(schema.properties);
  for (const name of asArray(schema.required)) {
    if (typeof name !== 'string') continue;
    const pointer = ptr(base, name);
    out.add(pointer);
    for (const p of schemaNeeds(properties[name], pointer, depth + 1)) out.add(p);
  }
  return out;
}

function intersect(sets: Set<string>[]): Set<string> {
  const [first, ...rest] = sets;
  if (first === undefined) return new Set();
  return new Set([...first].filter((p) => rest.every((s) => s.has(p))));
}

/** The fields a guard cannot pass without: a rule's needs; `all` adds up, `any` keeps what every branch needs. */
export function guardNeeds(guard: unknown, rules: JsonObject, depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return new Set();
  if (typeof guard === 'string') {
    const rule = rules[guard];
    return isObject(rule) ? schemaNeeds(rule.schema) : new Set();
  }
  if (!isObject(guard)) return new Set();
  const all = asArray(guard.all);
  if (all.length > 0) {
    const out = new Set<string>();
    for (const g of all) for (const p of guardNeeds(g, rules, depth + 1)) out.add(p);
    return out;
  }
  const any = asArray(guard.any);
  if (any.length > 0) return intersect(any.map((g) => guardNeeds(g, rules, depth + 1)));
  return new Set();
}

/**
 * Can a payload valid against `schema` (an event's `data`) carry a value at `pointer`? Through `properties`,
 * `items` and local `$ref`; a level that does not close its keys (`additionalProperties: false`) or that
 * combines schemas (`allOf`, `anyOf`, `patternProperties`, ...) counts as able to carry anything.
 */
const combining = [
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'patternProperties',
  'unevaluatedProperties',
  'dependentSchemas',
];

export function payloadCarries(schema: unknown, pointer: string): boolean {
  if (schema === undefined) return false;
  const tokens = parsePointer(pointer);
  if (tokens === undefined) return false;
  const root = schema;
  let node: unknown = schema;
  for (const token of tokens) {
    node = derefLocal(root, node);
    if (node === true) return true;
    if (!isObject(node)) return false;
    if (typeof node.$ref === 'string') return true; // a reference that does not resolve: cannot tell
    const level = node;
    if (combining.some((key) => level[key] !== undefined)) return true;
    const properties = asObject(level.properties);
    if (properties[token] !== undefined) {
      node = properties[token];
      continue;
    }
    if (/^\d+$/.test(token) && level.items !== undefined) {
      node = level.items;
      continue;
    }
    return level.additionalProperties !== false;
  }
  node = derefLocal(root, node);
  return node !== false;
}

function derefLocal(root: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    const tokens = ref.startsWith('#') ? parsePointer(decodeURIComponent(ref.slice(1))) : undefined;
    if (tokens === undefined) return current;
    let next: unknown = root;
    for (const token of tokens) next = isObject(next) ? next[token] : undefined;
    if (!isObject(next) && typeof next !== 'boolean') return current;
    current = next;
  }
  return current;
}

/** a is b, or one of them holds the other (/claim and /claim/amount). */
export function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** a is b or lies inside it. */
export function within(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`);
}
