// Structural problems: the definition checked against the meta-schema, ajv's errors translated into sentences.
// For anyOf/oneOf only the most plausible branch is reported (see chooseBranch), never the whole dump.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import metaSchema from '../case-type.schema.json' with { type: 'json' };
import { createProblem, type Problem } from '../problems.ts';
import { linearRegExp } from '../regex.ts';
import {
  explainPattern,
  formatExample,
  jsonTypeOf,
  nounFor,
  subjectFor,
  typesMatch,
  typeWord,
} from './schema-words.ts';
import {
  asArray,
  didYouMean,
  isObject,
  listNames,
  parsePointer,
  ptr,
  showValue,
  type JsonObject,
} from './util.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const META_ID = metaSchema.$id;

interface Meta {
  ajv: Ajv2020;
  validate: ValidateFunction;
  /** JSON of a schema that holds anyOf → its pointer in the meta-schema. */
  anyOfPlaces: Map<string, string>;
}

let meta: Meta | undefined;

function getMeta(): Meta {
  if (meta !== undefined) return meta;
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, verbose: true, strict: false, code: { regExp: linearRegExp } });
  addFormats(ajv);
  ajv.addSchema(metaSchema);
  const validate = ajv.getSchema(META_ID);
  if (validate === undefined) throw new Error('the meta-schema did not compile');
  const anyOfPlaces = new Map<string, string>();
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, ptr(pointer, i)));
    if (!isObject(node)) return;
    if (Array.isArray(node.anyOf) && !anyOfPlaces.has(JSON.stringify(node)))
      anyOfPlaces.set(JSON.stringify(node), pointer);
    for (const [key, value] of Object.entries(node)) walk(value, ptr(pointer, key));
  };
  walk(metaSchema, '');
  meta = { ajv, validate, anyOfPlaces };
  return meta;
}

/** Problems of the definition against the meta-schema, one per place. */
export function structuralProblems(definition: unknown): Problem[] {
  const { validate } = getMeta();
  if (validate(definition)) return [];
  return translateErrors(validate.errors ?? [], '');
}

function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

/** Translates ajv errors (instance paths relative to `prefix`), collapsing each anyOf into its best branch. */
export function translateErrors(errors: readonly ErrorObject[], prefix: string): Problem[] {
  const groups: Problem[][] = [];
  let k = errors.length - 1;
  while (k >= 0) {
    const error = errors[k] as ErrorObject;
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      let j = k - 1;
      while (j >= 0 && isUnder((errors[j] as ErrorObject).instancePath, error.instancePath)) j--;
      groups.unshift(chooseBranch(error, prefix));
      k = j;
    } else {
      groups.unshift(translateError(error, prefix));
      k--;
    }
  }
  return groups.flat();
}

function branchType(branch: unknown): string | undefined {
  let schema = branch;
  if (isObject(schema) && typeof schema.$ref === 'string') schema = resolveMetaRef(schema.$ref);
  return isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined;
}

function resolveMetaRef(ref: string): unknown {
  const tokens = parsePointer(ref.replace(/^#/, '')) ?? [];
  let node: unknown = metaSchema;
  for (const token of tokens) node = isObject(node) ? node[token] : undefined;
  return node;
}

function requiredOf(branch: unknown): string[] {
  let schema = branch;
  if (isObject(schema) && typeof schema.$ref === 'string') schema = resolveMetaRef(schema.$ref);
  return isObject(schema) ? (asArray(schema.required).filter((k) => typeof k === 'string') as string[]) : [];
}

/** Picks the branch the author most likely meant: right JSON type, its required keys present, fewest errors. */
function chooseBranch(error: ErrorObject, prefix: string): Problem[] {
  const { ajv, anyOfPlaces } = getMeta();
  const pointer = prefix + error.instancePath;
  const branches = asArray(error.schema);
  const value: unknown = error.data;
  const actual = jsonTypeOf(value);
  const place = anyOfPlaces.get(JSON.stringify(error.parentSchema));
  let best: { score: number; errors: ErrorObject[] } | undefined;
  branches.forEach((branch, index) => {
    const type = branchType(branch);
    if (type !== undefined && !typesMatch(type, actual)) return;
    if (place === undefined) return;
    const validate = ajv.getSchema(`${META_ID}#${ptr(place, error.keyword, index)}`);
    if (validate === undefined || validate(value)) return;
    const missing = isObject(value) ? requiredOf(branch).filter((key) => !(key in value)).length : 0;
    const found = validate.errors ?? [];
    // warnAt is a duration or a percentage: a % sign says which one was meant.
    const percentHint =
      typeof value === 'string' && value.includes('%') !== JSON.stringify(branch).includes('%') ? 0.5 : 0;
    const score = missing * 1000 + found.length + percentHint;
    if (best === undefined || score < best.score) best = { score, errors: [...found] };
  });
  if (best !== undefined) return translateErrors(best.errors, pointer);
  const expected = [...new Set(branches.map(branchType).filter((t): t is string => t !== undefined))].map(
    typeWord,
  );
  return [
    createProblem('schema.type', pointer, {
      subject: subjectFor(pointer),
      expected: `${orList(expected) || 'something else'}, not ${typeWord(actual)}`,
    }),
  ];
}

function parentTitle(error: ErrorObject): unknown {
  return isObject(error.parentSchema) ? (error.parentSchema as JsonObject).title : undefined;
}

function translateError(error: ErrorObject, prefix: string): Problem[] {
  const pointer = prefix + error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = isObject(error.parentSchema) ? (error.parentSchema as JsonObject) : {};
  const subject = subjectFor(pointer);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(isObject(parent.properties) ? parent.properties : {});
      return [
        createProblem('schema.unknown_key', ptr(pointer, key), {
          key,
          where: nounFor(parentTitle(error), pointer),
          hint: didYouMean(key, allowed),
        }),
      ];
    }
    case 'required':
      return [
        createProblem('schema.required', pointer, {
          where: nounFor(parentTitle(error), pointer),
          key: String(params.missingProperty),
        }),
      ];
    case 'type':
      return [
        createProblem('schema.type', pointer, {
          subject,
          expected: `${String(params.type).split(',').map(typeWord).join(' or ')}, not ${typeWord(jsonTypeOf(error.data))}`,
        }),
      ];
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? asArray(params.allowedValues) : [params.allowedValue];
      return [
        createProblem('schema.enum', pointer, {
          subject,
          value: showValue(error.data),
          allowed: allowed.map(showValue).join(', '),
        }),
      ];
    }
    case 'discriminator':
      return [discriminatorProblem(error, pointer, parent)];
    case 'pattern':
      return [patternProblem(error, pointer)];
    case 'format':
      return [
        createProblem('schema.format', pointer, {
          value: String(error.data),
          format: String(params.format),
          example: formatExample(String(params.format)),
        }),
      ];
    case 'minItems':
      return [
        createProblem('schema.too_few', pointer, { subject, limit: plural(Number(params.limit), 'item') }),
      ];
    case 'maxItems':
      return [
        createProblem('schema.too_many', pointer, { subject, limit: plural(Number(params.limit), 'item') }),
      ];
    case 'minLength':
      return [
        createProblem('schema.too_few', pointer, {
          subject,
          limit: plural(Number(params.limit), 'character'),
        }),
      ];
    case 'minProperties': {
      const keys = Object.keys(isObject(parent.properties) ? parent.properties : {});
      return [createProblem('schema.too_few', pointer, { subject, limit: `one of ${listNames(keys)}` })];
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return [
        createProblem('schema.range', pointer, {
          subject,
          comparison: String(params.comparison)
            .replace('>=', 'at least')
            .replace('<=', 'at most')
            .replace('>', 'greater than')
            .replace('<', 'less than'),
          limit: String(params.limit),
        }),
      ];
    case 'uniqueItems': {
      const items = asArray(error.data);
      const later = Math.max(Number(params.i), Number(params.j));
      const item = items[later];
      return [
        createProblem('schema.duplicate_item', ptr(pointer, later), {
          subject,
          value: typeof item === 'string' ? item : showValue(item),
        }),
      ];
    }
    case 'propertyNames':
      // Reported by the pattern error that comes with it, at the offending key.
      return [];
    default:
      return [untranslated(error.keyword, pointer)];
  }
}

/** For keywords the meta-schema does not use yet: still a sentence, never ajv's dump. */
export function untranslated(keyword: string, pointer: string): Problem {
  return createProblem('schema.invalid', pointer, {
    subject: subjectFor(pointer),
    detail: `it breaks the '${keyword}' rule of the format`,
  });
}

/** text, an object or a list */
function orList(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function discriminatorProblem(error: ErrorObject, pointer: string, parent: JsonObject): Problem {
  const params = error.params as Record<string, unknown>;
  const tag = String(params.tag);
  if (params.error === 'tag' && !(isObject(error.data) && tag in error.data)) {
    return createProblem('schema.required', pointer, { where: nounFor(parent.title, pointer), key: tag });
  }
  const allowed = asArray(parent.oneOf).map((branch) => {
    const properties = isObject(branch) && isObject(branch.properties) ? branch.properties : {};
    const property = properties[tag];
    return isObject(property) ? showValue(property.const) : '';
  });
  const value = isObject(error.data) ? error.data[tag] : undefined;
  return createProblem('schema.enum', ptr(pointer, tag), {
    subject: `'${tag}'`,
    value: showValue(value),
    allowed: allowed.join(', '),
  });
}

function patternProblem(error: ErrorObject, pointer: string): Problem {
  const pattern = String((error.params as Record<string, unknown>).pattern);
  const isKey = error.schemaPath.includes('/propertyNames/');
  const value = isKey ? String(error.propertyName ?? error.data) : String(error.data);
  if (!isKey && (parentTitle(error) === 'Duration' || error.schemaPath.includes('/$defs/duration/'))) {
    return createProblem('schema.duration', pointer, { value });
  }
  const place = isKey ? ptr(pointer, value) : pointer;
  const { kind, explanation } = explainPattern(pattern, pointer);
  return createProblem('schema.pattern', place, { value, kind, explanation });
}
