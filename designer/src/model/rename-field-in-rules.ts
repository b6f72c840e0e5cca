// When a field is renamed, rule schemas that name it (in `properties` and `required` at its depth) follow.
import type { CaseType } from '../../../schemas/generated/case-type.ts';

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Renames `oldName` to `newName` in a schema that describes the object at `path` below `schema`. */
function renameIn(schema: Json, path: readonly string[], oldName: string, newName: string): Json {
  if (Array.isArray(schema)) return schema.map((s) => renameIn(s, path, oldName, newName));
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') out[k] = renameIn(v, path, oldName, newName);
    else if (k === 'not' || k === 'if' || k === 'then' || k === 'else') out[k] = renameIn(v, path, oldName, newName);
    else if (k === 'properties' && isObj(v)) {
      const props: Obj = {};
      for (const [name, sub] of Object.entries(v)) {
        if (path.length === 0) props[name === oldName ? newName : name] = sub;
        else props[name] = name === path[0] ? renameIn(sub, path.slice(1), oldName, newName) : sub;
      }
      out[k] = props;
    } else if (k === 'items' && path.length > 0) out[k] = renameIn(v, path, oldName, newName);
    else if (k === 'required' && path.length === 0 && Array.isArray(v)) out[k] = v.map((n) => (n === oldName ? newName : n));
    else out[k] = v;
  }
  return out;
}

export function renameFieldInRules(
  rules: CaseType['rules'],
  path: readonly string[],
  oldName: string,
  newName: string,
): CaseType['rules'] {
  if (!rules) return rules;
  const out: NonNullable<CaseType['rules']> = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (!rule) continue;
    out[name] = { ...rule, schema: renameIn(rule.schema, path, oldName, newName) as typeof rule.schema };
  }
  return out;
}
