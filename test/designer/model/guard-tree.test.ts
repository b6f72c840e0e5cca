import { describe, expect, it } from 'vitest';
import type { Guard } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import { appendAt, firstCondition, fromTree, guardInWords, isComposite, nodeAt, removeAt, replaceAt, toTree } from '../../../designer/src/model/guard-tree.ts';
import { updateTransition } from '../../../designer/src/model/transitions.ts';
import { applicationDef } from './every-construct-fixture.ts';

const nested: Guard = { all: ['amountGiven', { not: { any: ['rejected', { in: ['closed'] }] } }] };

describe('guard trees', () => {
  it('given a nested guard, toTree keeps "not" as a flag and fromTree writes the same guard back', () => {
    const tree = toTree(nested);
    expect(tree).toEqual({
      kind: 'all',
      negated: false,
      items: [
        { kind: 'rule', negated: false, name: 'amountGiven' },
        { kind: 'any', negated: true, items: [{ kind: 'rule', negated: false, name: 'rejected' }, { kind: 'in', negated: false, states: ['closed'] }] },
      ],
    });
    expect(fromTree(tree)).toEqual(nested);
  });

  it('a double "not" cancels out; an empty group is no guard and drops out of its parent', () => {
    expect(toTree({ not: { not: 'rejected' } })).toEqual({ kind: 'rule', negated: false, name: 'rejected' });
    expect(fromTree({ kind: 'any', negated: false, items: [] })).toBeUndefined();
    expect(fromTree({ kind: 'all', negated: false, items: [{ kind: 'rule', negated: false, name: 'a' }, { kind: 'any', negated: true, items: [] }] })).toEqual({ all: ['a'] });
  });

  it('replaceAt, appendAt and removeAt edit by path; nodeAt reads', () => {
    let tree = toTree(nested);
    tree = replaceAt(tree, [1, 0], { kind: 'rule', negated: true, name: 'amountGiven' });
    tree = appendAt(tree, [1], { kind: 'in', negated: false, states: ['review'] });
    expect(nodeAt(tree, [1, 2])).toEqual({ kind: 'in', negated: false, states: ['review'] });
    tree = removeAt(tree, [0]);
    expect(fromTree(tree)).toEqual({ all: [{ not: { any: [{ not: 'amountGiven' }, { in: ['closed'] }, { in: ['review'] }] } }] });
    expect(appendAt(tree, [0, 0], { kind: 'rule', negated: false, name: 'x' })).toBe(tree);
  });

  it('isComposite: none, a rule, not a rule and in one state are simple; the rest needs the combination editor', () => {
    expect([undefined, 'a', { not: 'a' }, { in: ['x'] }].map((g) => isComposite(g as Guard | undefined, true))).toEqual([false, false, false, false]);
    expect(isComposite({ in: ['x'] }, false)).toBe(true);
    expect(isComposite({ in: ['x', 'y'] }, true)).toBe(true);
    expect(isComposite({ not: { all: ['a'] } }, true)).toBe(true);
    expect(isComposite({ any: ['a'] }, true)).toBe(true);
  });

  it('says a guard in words with rule and state titles', () => {
    const def = applicationDef();
    expect(guardInWords(def, nested)).toBe('Amount given and not (Rejected or in Closed)');
    expect(guardInWords(def, { not: 'rejected' })).toBe('not Rejected');
    expect(guardInWords(def, { any: [{ all: ['amountGiven', 'rejected'] }, { in: ['intake', 'review'] }] })).toBe('(Amount given and Rejected) or in Intake or Review');
  });

  it('firstCondition: the first rule, else the first state', () => {
    const def = applicationDef();
    expect(firstCondition(def)).toEqual({ kind: 'rule', negated: false, name: 'amountGiven' });
    delete def.rules;
    expect(firstCondition(def)).toEqual({ kind: 'in', negated: false, states: ['intake'] });
  });

  it('a nested guard written on a transition is valid per the meta-schema and the lint', () => {
    const def = updateTransition(applicationDef(), { source: 'intake', event: 'SUBMIT', index: 0 }, { guard: fromTree(toTree(nested)) });
    expect(validateCaseType(def).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
