// Catastrophic backtracking check for the `pattern`s of analysts' schemas. JavaScript regexes
// backtrack: `(a+)+$` on 30 × "a" and a "!" takes minutes, and a case field checked against it would
// hang the server. Two shapes cause exponential time, and both are refused at validation/publish:
// - a repetition inside a repetition whose iterations cannot be told apart: `(a+)+`, `(\d*x?)*`,
//   `(.*a){20}` (there is no required character in the outer loop that the inner one cannot match);
// - a repeated alternation whose branches can start with the same character: `(a|ab)*`, `(\w|\d)+`.
// Character sets are compared on a sample alphabet (ASCII and a few non-ASCII characters), which is
// conservative: when in doubt, two sets overlap. Pure (no I/O): runs in the browser too.

type CharSet = boolean[];

interface Item {
  /** A single character position (literal, class, escape, dot), or a group of alternatives. */
  node: { kind: 'char'; set: CharSet } | { kind: 'group'; alts: Item[][] };
  min: number;
  max: number;
}

const sample: string[] = [];
for (let code = 0; code < 128; code++) sample.push(String.fromCharCode(code));
sample.push('é', 'ß', 'Ω', 'ж', '中', '\u00a0', '\u2028', '😀');

const anySet: CharSet = sample.map(() => true);

function setOf(source: string): CharSet {
  try {
    const re = new RegExp(`^(?:${source})$`, 'u');
    return sample.map((ch) => re.test(ch));
  } catch {
    return anySet;
  }
}

function union(a: CharSet, b: CharSet): CharSet {
  return a.map((v, i) => v || (b[i] as boolean));
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return a.some((v, i) => v && (b[i] as boolean));
}

const emptySet = (): CharSet => sample.map(() => false);

/** A small recursive-descent reader of ECMAScript regex source (enough to find repetitions). */
function parse(source: string): Item[][] {
  let i = 0;
  const alternatives = (): Item[][] => {
    const alts: Item[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const item = atom();
      if (item !== null) (alts[alts.length - 1] as Item[]).push(quantified(item));
    }
    return alts;
  };
  const atom = (): Item['node'] | null => {
    const ch = source[i] as string;
    if (ch === '^' || ch === '$') {
      i++;
      return null;
    }
    if (ch === '(') {
      i++;
      if (source[i] === '?') {
        const look = /^\?(?:<?[=!]|:|<[^>]*>)/.exec(source.slice(i));
        i += look === null ? 1 : look[0].length;
      }
      const alts = alternatives();
      i++; // ')'
      return { kind: 'group', alts };
    }
    if (ch === '[') {
      const start = i;
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      return { kind: 'char', set: setOf(source.slice(start, i)) };
    }
    if (ch === '\\') {
      const escape = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>|[1-9][0-9]*|.)/.exec(source.slice(i));
      const text = escape === null ? '\\' : escape[0];
      i += text.length;
      if (text === '\\b' || text === '\\B') return null;
      if (/^\\(?:[1-9]|k<)/.test(text)) return { kind: 'char', set: anySet };
      return { kind: 'char', set: setOf(text) };
    }
    // a surrogate pair is one character
    const cp = source.codePointAt(i) as number;
    const text = String.fromCodePoint(cp);
    i += text.length;
    return { kind: 'char', set: ch === '.' ? setOf('.') : setOf(text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')) };
  };
  const quantified = (node: Item['node']): Item => {
    let min = 1;
    let max = 1;
    const q = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (q !== null) {
      i += q[0].length;
      if (q[0] === '*') [min, max] = [0, Infinity];
      else if (q[0] === '+') [min, max] = [1, Infinity];
      else if (q[0] === '?') [min, max] = [0, 1];
      else {
        min = Number(q[1]);
        max = q[2] === undefined ? min : q[3] === '' ? Infinity : Number(q[3]);
      }
      if (source[i] === '?') i++; // lazy: same backtracking
    }
    return { node, min, max };
  };
  const top = alternatives();
  return top;
}

const repeats = (item: Item) => item.max > 1;

/** Every character that a repeated item somewhere inside `items` can match. */
function repeatedChars(items: Item[]): CharSet {
  let set = emptySet();
  for (const item of items) {
    if (repeats(item)) set = union(set, allChars(item));
    else if (item.node.kind === 'group') for (const alt of item.node.alts) set = union(set, repeatedChars(alt));
  }
  return set;
}

function allChars(item: Item): CharSet {
  if (item.node.kind === 'char') return item.node.set;
  let set = emptySet();
  for (const alt of item.node.alts) for (const inner of alt) set = union(set, allChars(inner));
  return set;
}

/** The characters an alternative can start with (conservative). */
function firstChars(items: Item[]): CharSet {
  let set = emptySet();
  for (const item of items) {
    set = union(set, item.node.kind === 'char' ? item.node.set : item.node.alts.reduce((acc, alt) => union(acc, firstChars(alt)), emptySet()));
    if (item.min >= 1) return set;
  }
  return set;
}

/** Why `items`, repeated, can backtrack exponentially; undefined when it cannot. */
function repeatedBodyProblem(alts: Item[][]): string | undefined {
  for (const alt of alts) {
    const inner = repeatedChars(alt);
    if (!inner.some(Boolean)) continue;
    const separated = alt.some((item) => item.min >= 1 && !repeats(item) && item.node.kind === 'char' && !overlaps(item.node.set, inner));
    if (!separated) return 'a repetition inside a repetition can match the same text in many ways';
  }
  for (let a = 0; a < alts.length; a++) {
    for (let b = a + 1; b < alts.length; b++) {
      if (overlaps(firstChars(alts[a] as Item[]), firstChars(alts[b] as Item[]))) {
        return 'repeated alternatives can start with the same character';
      }
    }
  }
  return undefined;
}

function walk(alts: Item[][]): string | undefined {
  for (const alt of alts) {
    for (const item of alt) {
      if (item.node.kind !== 'group') continue;
      if (repeats(item)) {
        const problem = repeatedBodyProblem(item.node.alts);
        if (problem !== undefined) return problem;
      }
      const inner = walk(item.node.alts);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * Why this (valid) pattern can take exponential time on some input, in words; undefined when it is
 * safe. Call only with a pattern that compiles (`new RegExp(pattern, 'u')`).
 */
export function unsafePatternReason(pattern: string): string | undefined {
  return walk(parse(pattern));
}
