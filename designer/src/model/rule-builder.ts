// The visual rules builder: a list of conditions joined by "all" or "any", written as JSON Schema
// (with ajv `$data` relative pointers where two fields are compared), and read back from it.
import type { CaseType, Rule } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { clone } from './clone.ts';
import { fromPointer, toPointer } from './pointer.ts';

export type Operand = { type: 'value'; value: number } | { type: 'field'; field: string };

export type Condition =
  | { type: 'filled'; field: string; negate?: boolean }
  /** A documents field holds at least one document (`minItems: 1`; docs/documents.md). */
  | { type: 'hasDocuments'; field: string; negate?: boolean }
  | { type: 'equals'; field: string; value: string | number | boolean; negate?: boolean }
  | { type: 'oneOf'; field: string; values: (string | number)[]; negate?: boolean }
  | { type: 'atLeast'; field: string; operand: Operand; negate?: boolean }
  | { type: 'atMost'; field: string; operand: Operand; negate?: boolean };

export interface RuleModel {
  combinator: 'all' | 'any';
  conditions: Condition[];
}

type Schema = Record<string, unknown>;

/** Wraps `leaf` (the schema of the field's value) into the object path of `field`. */
function nest(path: readonly string[], leaf: Schema | null, extraRequired: readonly string[] = []): Schema {
  const [head, ...rest] = path;
  if (head === undefined) return {};
  if (rest.length === 0) {
    const out: Schema = {};
    if (leaf) out.properties = { [head]: leaf };
    out.required = [head, ...extraRequired.filter((r) => r !== head)];
    return out;
  }
  return { properties: { [head]: nest(rest, leaf, extraRequired) }, required: [head] };
}

/**
 * The relative JSON pointer (ajv `$data`, evaluated at the value of the field at `from`) to the field at
 * `to`: up to the nearest object that holds both, then down the rest of `to`'s path. E.g. from
 * `/paymentsReceived` to `/claim/amount`: `1/claim/amount`; from `/claim/amount` to `/claim/limit`: `1/limit`.
 */
export function relativeDataPointer(from: readonly string[], to: readonly string[]): string {
  const max = Math.min(from.length, to.length) - 1;
  let common = 0;
  while (common < max && from[common] === to[common]) common++;
  return `${from.length - common}${toPointer(to.slice(common))}`;
}

/**
 * The field path an ajv `$data` reference evaluated at the value of the field at `from` points to
 * (a relative JSON pointer "N/down/the/path", or an absolute one "/from/the/root"); null when it is
 * not a pointer to data, climbs above the root, or names a key ("1#").
 */
export function resolveDataPointer(from: readonly string[], ref: string): string[] | null {
  if (ref.startsWith('/')) return /^\/(?:[^~]|~0|~1)*$/.test(ref) ? fromPointer(ref) : null;
  const m = /^([0-9]+)((?:\/(?:[^~]|~0|~1)*)?)$/.exec(ref);
  if (!m) return null;
  const up = Number(m[1]);
  if (up > from.length) return null;
  return [...from.slice(0, from.length - up), ...(m[2] ? fromPointer(m[2]) : [])];
}

/** A pointer to a field beside the compared one ("1/due"): written without the allOf wrapper. */
function isSiblingPointer(rel: string): boolean {
  return /^1\/[^/]+$/.test(rel);
}

function conditionSchema(c: Condition): Schema {
  const path = fromPointer(c.field);
  let schema: Schema;
  switch (c.type) {
    case 'filled':
      schema = nest(path, null);
      break;
    case 'hasDocuments':
      schema = nest(path, { minItems: 1 });
      break;
    case 'equals':
      schema = nest(path, { const: c.value });
      break;
    case 'oneOf':
      schema = nest(path, { enum: c.values });
      break;
    case 'atLeast':
    case 'atMost': {
      const keyword = c.type === 'atLeast' ? 'minimum' : 'maximum';
      if (c.operand.type === 'value') {
        schema = nest(path, { [keyword]: c.operand.value });
      } else {
        // `$data` is a relative JSON pointer from the compared value: up to the nearest common group,
        // then down to the other field. The other field is required too: ajv skips a comparison whose
        // `$data` is missing, and "at least <nothing>" must not pass.
        const other = fromPointer(c.operand.field);
        const rel = relativeDataPointer(path, other);
        const sibling = isSiblingPointer(rel);
        schema = nest(path, { [keyword]: { $data: rel } }, sibling ? [other[other.length - 1] as string] : []);
        if (!sibling) schema = { allOf: [schema, nest(other, null)] };
      }
      break;
    }
    default: {
      const _never: never = c;
      return _never;
    }
  }
  return c.negate ? { not: schema } : schema;
}

/** The JSON Schema of a rule model. */
export function ruleModelToSchema(model: RuleModel): Schema {
  const parts = model.conditions.map(conditionSchema);
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0] as Schema;
  return model.combinator === 'all' ? { allOf: parts } : { anyOf: parts };
}

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unwraps a `nest` chain: the field path and the leaf schema (null for "filled"). */
function unnest(schema: Schema, path: string[] = []): { path: string[]; leaf: Schema | null; extra: string[] } | null {
  const props = isObj(schema.properties) ? schema.properties : undefined;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const keys = Object.keys(schema).filter((k) => k !== 'properties' && k !== 'required');
  if (keys.length > 0 || required.length === 0) return null;
  const [head, ...extra] = required;
  if (head === undefined) return null;
  const propKeys = props ? Object.keys(props) : [];
  if (propKeys.length === 0) return extra.length === 0 ? { path: [...path, head], leaf: null, extra } : null;
  if (propKeys.length !== 1 || propKeys[0] !== head || !props) return null;
  const sub = props[head];
  if (!isObj(sub)) return null;
  if (isObj(sub.properties) || Array.isArray(sub.required)) {
    if (extra.length > 0) return null;
    return unnest(sub, [...path, head]);
  }
  return { path: [...path, head], leaf: sub, extra };
}

/** A leaf `{ minimum | maximum: { $data } }` of the field at `path`: the other field, never the field itself. */
function fieldComparison(path: readonly string[], leaf: Schema): { type: 'atLeast' | 'atMost'; other: string[]; ref: string } | null {
  const keys = Object.keys(leaf);
  const [k] = keys;
  if (keys.length !== 1 || (k !== 'minimum' && k !== 'maximum')) return null;
  const v = leaf[k];
  if (!isObj(v) || Object.keys(v).length !== 1 || typeof v.$data !== 'string') return null;
  const other = resolveDataPointer(path, v.$data);
  if (!other || other.length === 0 || toPointer(other) === toPointer(path)) return null;
  return { type: k === 'minimum' ? 'atLeast' : 'atMost', other, ref: v.$data };
}

function parseCondition(schema: unknown): Condition | null {
  if (!isObj(schema)) return null;
  if (isObj(schema.not) && Object.keys(schema).length === 1) {
    const inner = parseCondition(schema.not);
    return inner && !inner.negate ? { ...inner, negate: true } : null;
  }
  // a comparison with a field elsewhere: { allOf: [nest(path, {minimum: {$data}}), nest(other, null)] }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 2 && Object.keys(schema).length === 1) {
    const first = isObj(schema.allOf[0]) ? unnest(schema.allOf[0]) : null;
    const second = isObj(schema.allOf[1]) ? unnest(schema.allOf[1]) : null;
    if (!first?.leaf || first.extra.length > 0 || !second || second.leaf !== null || second.extra.length > 0) return null;
    const cmp = fieldComparison(first.path, first.leaf);
    if (!cmp || toPointer(cmp.other) !== toPointer(second.path)) return null;
    return { type: cmp.type, field: toPointer(first.path), operand: { type: 'field', field: toPointer(cmp.other) } };
  }
  const u = unnest(schema);
  if (!u) return null;
  const field = toPointer(u.path);
  if (u.leaf === null) return { type: 'filled', field };
  const leafKeys = Object.keys(u.leaf);
  if (leafKeys.length !== 1) return null;
  const [k] = leafKeys;
  const v = u.leaf[k as string];
  if (k === 'minItems' && v === 1 && u.extra.length === 0) return { type: 'hasDocuments', field };
  if (k === 'const' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && u.extra.length === 0) {
    return { type: 'equals', field, value: v };
  }
  if (k === 'enum' && Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number') && u.extra.length === 0) {
    return { type: 'oneOf', field, values: v as (string | number)[] };
  }
  if (k === 'minimum' || k === 'maximum') {
    const type = k === 'minimum' ? 'atLeast' : 'atMost';
    if (typeof v === 'number' && u.extra.length === 0) return { type, field, operand: { type: 'value', value: v } };
    // a comparison with a field beside it: { properties: { paid: { minimum: { $data: '1/due' } } }, required: ['paid', 'due'] }
    const cmp = fieldComparison(u.path, u.leaf);
    if (cmp && isSiblingPointer(cmp.ref) && u.extra.length === 1 && u.extra[0] === cmp.other[cmp.other.length - 1]) {
      return { type, field, operand: { type: 'field', field: toPointer(cmp.other) } };
    }
  }
  return null;
}

/** Reads a rule schema back into the builder's model; null when the schema is beyond the builder. */
export function schemaToRuleModel(schema: Rule['schema']): RuleModel | null {
  if (!isObj(schema)) return null;
  if (Object.keys(schema).length === 0) return { combinator: 'all', conditions: [] };
  for (const key of ['allOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && Object.keys(schema).length === 1) {
      const conditions = list.map(parseCondition);
      if (conditions.every((c): c is Condition => c !== null)) {
        // a two-part allOf may itself be one field-to-field comparison
        const single = key === 'allOf' ? parseCondition(schema) : null;
        if (single) return { combinator: 'all', conditions: [single] };
        return { combinator: key === 'allOf' ? 'all' : 'any', conditions };
      }
      const single = parseCondition(schema);
      return single ? { combinator: 'all', conditions: [single] } : null;
    }
  }
  const single = parseCondition(schema);
  return single ? { combinator: 'all', conditions: [single] } : null;
}

export const RULE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

export function addRule(def: CaseType, name: string, title: string): CaseType {
  if (def.rules?.[name]) return def;
  const next = clone(def);
  next.rules = { ...(next.rules ?? {}), [name]: { title, schema: {} } };
  return next;
}

export function updateRule(def: CaseType, name: string, patch: Partial<Rule>): CaseType {
  const rule = def.rules?.[name];
  if (!rule) return def;
  const next = clone(def);
  const merged: Rule = { ...rule, ...patch };
  if (patch.title === '') delete merged.title;
  (next.rules as Record<string, Rule>)[name] = merged;
  return next;
}

export function deleteRule(def: CaseType, name: string): CaseType {
  if (!def.rules?.[name]) return def;
  const next = clone(def);
  delete (next.rules as Record<string, Rule>)[name];
  return next;
}

/** Describes a condition in words, e.g. "Amount is at least Limit". */
export function describeCondition(c: Condition, label: (pointer: string) => string, words: Words = ENGLISH): string {
  const { t } = words;
  const field = label(c.field);
  const not = c.negate ? 'Not' : '';
  switch (c.type) {
    case 'filled':
      return t(`model.ruleBuilder.filled${not}`, { field });
    case 'hasDocuments':
      return t(`model.ruleBuilder.hasDocuments${not}`, { field });
    case 'equals':
      return t(`model.ruleBuilder.equals${not}`, { field, value: JSON.stringify(c.value) });
    case 'oneOf':
      return t(`model.ruleBuilder.oneOf${not}`, { field, values: c.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'atLeast':
    case 'atMost': {
      const other = c.operand.type === 'value' ? String(c.operand.value) : label(c.operand.field);
      return t(`model.ruleBuilder.${c.type}${not}`, { field, other });
    }
    default: {
      const _never: never = c;
      return _never;
    }
  }
}
