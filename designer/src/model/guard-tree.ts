// Composite guards as a tree the designer edits: conditions (a rule, or the case being in states) and groups
// (all of / any of), each of which may be negated. `{ not: G }` is kept as a flag on G, so nesting reads
// "all of: Amount given, not (any of: Rejected, in Closed)".
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { listStates } from './states.ts';

export type GuardTree =
  | { kind: 'rule'; negated: boolean; name: string }
  | { kind: 'in'; negated: boolean; states: string[] }
  | { kind: 'all' | 'any'; negated: boolean; items: GuardTree[] };

/** Where a node sits: the indexes of the groups' items from the top. */
export type GuardPath = readonly number[];

export function toTree(guard: Guard): GuardTree {
  let negated = false;
  let g: Guard = guard;
  while (typeof g === 'object' && 'not' in g) {
    negated = !negated;
    g = g.not;
  }
  if (typeof g === 'string') return { kind: 'rule', negated, name: g };
  if ('in' in g) return { kind: 'in', negated, states: [...g.in] };
  if ('all' in g) return { kind: 'all', negated, items: g.all.map(toTree) };
  return { kind: 'any', negated, items: g.any.map(toTree) };
}

/** The guard of a tree; an empty group is no guard (and is left out of its parent). */
export function fromTree(tree: GuardTree): Guard | undefined {
  let g: Guard | undefined;
  switch (tree.kind) {
    case 'rule':
      g = tree.name;
      break;
    case 'in':
      g = tree.states.length > 0 ? { in: tree.states as [string, ...string[]] } : undefined;
      break;
    case 'all':
    case 'any': {
      const items = tree.items.map(fromTree).filter((x): x is Guard => x !== undefined);
      if (items.length === 0) g = undefined;
      else g = tree.kind === 'all' ? { all: items as [Guard, ...Guard[]] } : { any: items as [Guard, ...Guard[]] };
      break;
    }
    default: {
      const _never: never = tree;
      return _never;
    }
  }
  return g !== undefined && tree.negated ? { not: g } : g;
}

/** Whether a guard needs the combination editor (it is not none, a rule, "not" a rule, or "in" one state). */
export function isComposite(guard: Guard | undefined, allowStates: boolean): boolean {
  if (guard === undefined || typeof guard === 'string') return false;
  if ('not' in guard) return typeof guard.not !== 'string';
  if ('in' in guard) return !allowStates || guard.in.length !== 1;
  return true;
}

export function nodeAt(tree: GuardTree, path: GuardPath): GuardTree | undefined {
  let node: GuardTree | undefined = tree;
  for (const i of path) node = node && (node.kind === 'all' || node.kind === 'any') ? node.items[i] : undefined;
  return node;
}

/** Replaces the node at `path` (the whole tree for `[]`). */
export function replaceAt(tree: GuardTree, path: GuardPath, node: GuardTree): GuardTree {
  const [i, ...rest] = path;
  if (i === undefined) return node;
  if (tree.kind !== 'all' && tree.kind !== 'any') return tree;
  return { ...tree, items: tree.items.map((x, j) => (j === i ? replaceAt(x, rest, node) : x)) };
}

/** Removes the node at `path` from its group. */
export function removeAt(tree: GuardTree, path: GuardPath): GuardTree {
  const parent = path.slice(0, -1);
  const i = path[path.length - 1];
  const group = nodeAt(tree, parent);
  if (i === undefined || !group || (group.kind !== 'all' && group.kind !== 'any')) return tree;
  return replaceAt(tree, parent, { ...group, items: group.items.filter((_, j) => j !== i) });
}

/** Appends `node` to the group at `path`. */
export function appendAt(tree: GuardTree, path: GuardPath, node: GuardTree): GuardTree {
  const group = nodeAt(tree, path);
  if (!group || (group.kind !== 'all' && group.kind !== 'any')) return tree;
  return replaceAt(tree, path, { ...group, items: [...group.items, node] });
}

/** The first condition a new row starts with: the first rule, else being in the first state. */
export function firstCondition(def: CaseType): GuardTree | undefined {
  const rule = Object.keys(def.rules ?? {})[0];
  if (rule) return { kind: 'rule', negated: false, name: rule };
  const state = listStates(def)[0];
  return state ? { kind: 'in', negated: false, states: [state.id] } : undefined;
}

/** A guard in business words, with rule and state titles: "Amount given and not (Rejected or in Closed)". */
export function guardInWords(def: CaseType, guard: Guard, words: Words = ENGLISH): string {
  const { t } = words;
  const and = t('common.and');
  const or = t('common.or');
  const stateTitle = new Map(listStates(def).map((s) => [s.id, s.node.title ?? s.id]));
  const say = (g: GuardTree, nested: boolean): string => {
    let text: string;
    switch (g.kind) {
      case 'rule':
        text = def.rules?.[g.name]?.title ?? g.name;
        break;
      case 'in':
        text = t('model.guardTree.in', { states: g.states.map((s) => stateTitle.get(s) ?? s).join(` ${or} `) });
        break;
      case 'all':
      case 'any': {
        const inner = g.items.map((x) => say(x, true)).join(g.kind === 'all' ? ` ${and} ` : ` ${or} `);
        text = (nested && g.items.length > 1) || g.negated ? `(${inner})` : inner;
        break;
      }
      default: {
        const _never: never = g;
        return _never;
      }
    }
    return g.negated ? t('model.guardTree.not', { text }) : text;
  };
  return say(toTree(guard), false);
}
