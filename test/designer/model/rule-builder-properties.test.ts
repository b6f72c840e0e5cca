// Properties of the visual rule builder over generated field trees: builder → schema → builder is the
// identity, and the written schema, validated by the project's ajv ($data on), tests the intended fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { createDataAjv } from '../../../schemas/ajv.ts';
import { fromPointer, toPointer } from '../../../designer/src/model/pointer.ts';
import {
  relativeDataPointer, resolveDataPointer, ruleModelToSchema, schemaToRuleModel, type Condition, type RuleModel,
} from '../../../designer/src/model/rule-builder.ts';

const ajv = createDataAjv();
const compiled = new Map<string, ValidateFunction>();
function validate(schema: object, data: unknown): boolean {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn(data);
}

/**
 * The leaf fields of a tree of groups, as paths: 1 to 12 of them, up to 4 deep, over few names so that
 * paths share groups often. No leaf is a group of another (a field is either a value or a group).
 */
const NAMES = ['a', 'b', 'claim', 'amount', 'paid'] as const;
const fieldTreeArb: fc.Arbitrary<string[][]> = fc
  .uniqueArray(fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 12, selector: (p) => p.join('/') })
  .map((paths) => paths.filter((p) => !paths.some((q) => q.length > p.length && q.slice(0, p.length).join('/') === p.join('/'))))
  .filter((leaves) => leaves.length >= 2);

const negateArb = fc.option(fc.constant(true as const), { nil: undefined });

function conditionArb(leaves: string[][]): fc.Arbitrary<Condition> {
  const pointers = leaves.map(toPointer);
  const field = fc.constantFrom(...pointers);
  const pair = fc
    .tuple(fc.constantFrom(...pointers), fc.constantFrom(...pointers))
    .filter(([x, y]) => x !== y);
  const small = fc.integer({ min: -3, max: 3 });
  const withNegate = <C extends Condition>(c: C, negate: true | undefined): C => (negate ? { ...c, negate } : c);
  return fc.oneof(
    fc.tuple(field, negateArb).map(([f, n]) => withNegate({ type: 'filled', field: f }, n)),
    fc.tuple(field, small, negateArb).map(([f, v, n]) => withNegate({ type: 'equals', field: f, value: v }, n)),
    fc.tuple(field, fc.uniqueArray(small, { minLength: 1, maxLength: 3 }), negateArb).map(([f, vs, n]) => withNegate({ type: 'oneOf', field: f, values: vs }, n)),
    fc.tuple(fc.constantFrom('atLeast' as const, 'atMost' as const), field, small, negateArb).map(([t, f, v, n]) =>
      withNegate({ type: t, field: f, operand: { type: 'value', value: v } }, n),
    ),
    // comparisons between two fields get the most runs: that is where the relative pointers are
    fc.tuple(fc.constantFrom('atLeast' as const, 'atMost' as const), pair, negateArb).map(([t, [f, o], n]) =>
      withNegate({ type: t, field: f, operand: { type: 'field', field: o } }, n),
    ),
    fc.tuple(fc.constantFrom('atLeast' as const, 'atMost' as const), pair, negateArb).map(([t, [f, o], n]) =>
      withNegate({ type: t, field: f, operand: { type: 'field', field: o } }, n),
    ),
  );
}

const treeAndModelArb = fieldTreeArb.chain((leaves) =>
  fc.record({
    leaves: fc.constant(leaves),
    model: fc.record({ combinator: fc.constantFrom('all' as const, 'any' as const), conditions: fc.array(conditionArb(leaves), { maxLength: 4 }) }),
  }),
);

/** Case data over the tree: each leaf a small number or missing (so comparisons tie, win, lose and lack a side). */
function dataArb(leaves: string[][]): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }), { minLength: leaves.length, maxLength: leaves.length }).map((values) => {
    const data: Record<string, unknown> = {};
    leaves.forEach((path, i) => {
      const v = values[i];
      if (v === undefined) return;
      let node = data;
      for (const name of path.slice(0, -1)) node = (node[name] ??= {}) as Record<string, unknown>;
      node[path[path.length - 1] as string] = v;
    });
    return data;
  });
}

function valueAt(data: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = data;
  for (const name of fromPointer(pointer)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined;
  return node;
}

/** What a condition means, evaluated directly on the data (the oracle for ajv). */
function holds(c: Condition, data: Record<string, unknown>): boolean {
  const v = valueAt(data, c.field);
  let result: boolean;
  switch (c.type) {
    case 'filled':
      result = v !== undefined;
      break;
    case 'hasDocuments':
      result = v !== undefined && (!Array.isArray(v) || v.length >= 1);
      break;
    case 'equals':
      result = v === c.value;
      break;
    case 'oneOf':
      result = c.values.includes(v as number);
      break;
    case 'atLeast':
    case 'atMost': {
      const other = c.operand.type === 'value' ? c.operand.value : valueAt(data, c.operand.field);
      result = typeof v === 'number' && typeof other === 'number' && (c.type === 'atLeast' ? v >= other : v <= other);
      break;
    }
  }
  return c.negate ? !result : result;
}

/** The builder does not show the combinator below two conditions: the schema does not keep it either. */
function normalise(m: RuleModel): RuleModel {
  return m.conditions.length < 2 ? { ...m, combinator: 'all' } : m;
}

describe('rule builder properties', () => {
  it('builder → schema → builder is the identity, for any conditions on any field tree', () => {
    fc.assert(
      fc.property(treeAndModelArb, ({ model }) => {
        expect(schemaToRuleModel(ruleModelToSchema(model) as never)).toEqual(normalise(model));
      }),
      { numRuns: 600, seed: 17 },
    );
  });

  it('the relative pointer between any two fields at any depth resolves back to the other field', () => {
    fc.assert(
      fc.property(
        fieldTreeArb.chain((leaves) => fc.tuple(fc.constantFrom(...leaves), fc.constantFrom(...leaves))).filter(([a, b]) => a.join('/') !== b.join('/')),
        ([from, to]) => {
          const rel = relativeDataPointer(from, to);
          expect(rel).toMatch(/^[1-9][0-9]*\/./);
          expect(resolveDataPointer(from, rel)).toEqual(to);
        },
      ),
      { numRuns: 600, seed: 17 },
    );
  });

  it('ajv, validating case data with the written schema, compares the intended two fields', () => {
    const arb = fieldTreeArb.chain((leaves) =>
      fc.record({
        condition: conditionArb(leaves).filter((c) => (c.type === 'atLeast' || c.type === 'atMost') && c.operand.type === 'field'),
        data: dataArb(leaves),
      }),
    );
    fc.assert(
      fc.property(arb, ({ condition, data }) => {
        const schema = ruleModelToSchema({ combinator: 'all', conditions: [condition] });
        expect(validate(schema, data)).toBe(holds(condition, data));
      }),
      { numRuns: 1500, seed: 17 },
    );
  });

  it('ajv, validating case data with the written schema, agrees with the builder model for whole rules', () => {
    const arb = treeAndModelArb.chain(({ leaves, model }) => fc.record({ model: fc.constant(model), data: dataArb(leaves) }));
    fc.assert(
      fc.property(arb, ({ model, data }) => {
        const results = model.conditions.map((c) => holds(c, data));
        const expected = model.combinator === 'all' || model.conditions.length < 2 ? results.every(Boolean) : results.some(Boolean);
        expect(validate(ruleModelToSchema(model), data)).toBe(expected);
      }),
      { numRuns: 800, seed: 17 },
    );
  });
});
