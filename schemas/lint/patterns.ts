// Lint of every regular expression in the definition's schemas (case data, event payloads, rules):
// a `pattern` or `patternProperties` key that the linear-time engine cannot compile is an error,
// `data.invalid_pattern`, with the reason (schemas/regex.ts). What compiles runs in linear time, so
// no pattern needs a safety heuristic.
import { createProblem, type Problem } from '../problems.ts';
import { compilePattern, patternError } from '../regex.ts';
import type { Model } from './model.ts';
import { asObject, isObject, ptr } from './util.ts';

/** Stands for a `pattern` taken from the case data with `$data`: the data would choose the regex. */
const DATA_PATTERN = '\u0000$data';

/** Keywords whose values are data, not schemas: a "pattern" inside them is not a regex. */
const dataKeywords = new Set(['const', 'enum', 'default', 'examples']);

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
    else if (key === 'pattern' && isObject(value) && '$data' in value) visit(DATA_PATTERN, ptr(pointer, key));
    else if (key === 'patternProperties' && isObject(value)) {
      for (const [regex, schema] of Object.entries(value)) {
        visit(regex, ptr(pointer, key, regex));
        eachPattern(schema, ptr(pointer, key, regex), visit, depth + 1);
      }
    } else eachPattern(value, ptr(pointer, key), visit, depth + 1);
  }
}

/** A schema with a pattern and examples, anywhere (`$defs`, `items`, combinators...): each string example must fit the pattern (people are shown the first). */
function exampleMismatches(node: unknown, pointer: string, problems: Problem[], depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => exampleMismatches(child, ptr(pointer, i), problems, depth + 1));
    return;
  }
  if (!isObject(node)) return;
  const { pattern, examples } = node;
  if (typeof pattern === 'string' && Array.isArray(examples) && patternError(pattern) === undefined) {
    const regex = compilePattern(pattern);
    examples.forEach((example, i) => {
      if (typeof example === 'string' && !regex.test(example)) problems.push(createProblem('data.example_mismatch', ptr(pointer, 'examples', i), { example }));
    });
  }
  for (const [key, value] of Object.entries(node)) if (!dataKeywords.has(key)) exampleMismatches(value, ptr(pointer, key), problems, depth + 1);
}

export function lintPatterns(model: Model): Problem[] {
  const problems: Problem[] = [];
  const roots: [unknown, string][] = [[model.def.data, '/data']];
  for (const [name, event] of Object.entries(asObject(model.def.events))) roots.push([asObject(event).data, ptr('/events', name, 'data')]);
  for (const [name, rule] of Object.entries(asObject(model.def.rules))) roots.push([asObject(rule).schema, ptr('/rules', name, 'schema')]);
  for (const [root, pointer] of roots) {
    eachPattern(root, pointer, (pattern, at) => {
      if (pattern === DATA_PATTERN) {
        problems.push(createProblem('data.invalid_pattern', at, { pattern: '{ "$data": … }', detail: 'a pattern must be written in the definition, not taken from the case data, where whoever sends the data would choose it' }));
        return;
      }
      const detail = patternError(pattern);
      if (detail !== undefined) problems.push(createProblem('data.invalid_pattern', at, { pattern, detail }));
    });
    exampleMismatches(root, pointer, problems);
  }
  return problems;
}
