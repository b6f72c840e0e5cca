// Lint of every regular expression in the definition's schemas (case data, event payloads, rules):
// a `pattern` or `patternProperties` key that can backtrack catastrophically is an error, since
// checking one field against it could hang the server (see regex-safety.ts).
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { unsafePatternReason } from './regex-safety.ts';
import { asObject, isObject, ptr } from './util.ts';

/** Keywords whose values are data, not schemas: a "pattern" inside them is not a regex. */
const dataKeywords = new Set(['const', 'enum', 'default', 'examples']);

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function eachPattern(node: unknown, pointer: string, visit: (pattern: string, pointer: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => eachPattern(child, ptr(pointer, i), visit, depth + 1));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (dataKeywords.has(key)) continue;
    if (key === 'pattern' && typeof value === 'string') visit(value, ptr(pointer, key));
    else if (key === 'patternProperties' && isObject(value)) {
      for (const [regex, schema] of Object.entries(value)) {
        visit(regex, ptr(pointer, key, regex));
        eachPattern(schema, ptr(pointer, key, regex), visit, depth + 1);
      }
    } else eachPattern(value, ptr(pointer, key), visit, depth + 1);
  }
}

export function lintPatternSafety(model: Model): Problem[] {
  const problems: Problem[] = [];
  const roots: [unknown, string][] = [[model.def.data, '/data']];
  for (const [name, event] of Object.entries(asObject(model.def.events))) roots.push([asObject(event).data, ptr('/events', name, 'data')]);
  for (const [name, rule] of Object.entries(asObject(model.def.rules))) roots.push([asObject(rule).schema, ptr('/rules', name, 'schema')]);
  for (const [root, pointer] of roots) {
    eachPattern(root, pointer, (pattern, at) => {
      if (!compiles(pattern)) return; // data.invalid_pattern says so
      const reason = unsafePatternReason(pattern);
      if (reason !== undefined) problems.push(createProblem('data.unsafe_pattern', at, { pattern, reason }));
    });
  }
  return problems;
}
