// The playbook as a graph for the canvas: states become nodes (compound states are groups holding their
// children, or one box when collapsed), transitions become edges labelled in words (event and rule titles).
// Pure: no React, no DOM.
import type { CaseType, StateNode } from '../../../schemas/generated/case-type.ts';
import { specToList } from '../model/transitions.ts';
import { transitionLabel } from './edge-labels.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

export const NODE_WIDTH = 180;
/** Room for a two-line title (or a title and its task when zoomed in): see the fonts in styles.css. */
export const NODE_HEIGHT = 56;
const GROUP_PAD = 24;
const GROUP_HEADER = 44;

export interface Pos {
  x: number;
  y: number;
}

export interface GraphNode {
  id: string;
  parent: string | null;
  kind: 'atomic' | 'compound' | 'parallel' | 'final';
  title: string;
  initial: boolean;
  task: string | null;
  /** A compound or parallel state drawn as one box, its states hidden. */
  collapsed: boolean;
  /** How many states it holds, at any depth. */
  descendants: number;
  /** Relative to the parent group. */
  position: Pos;
  width: number;
  height: number;
}

export type EdgeKind = 'on' | 'always' | 'after';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  event: string;
  index: number;
  /** In words: the event's title (its name when untitled) and the guard's rule titles. */
  label: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function kindOf(node: StateNode): GraphNode['kind'] {
  if (node.type === 'final') return 'final';
  if (node.type === 'parallel') return 'parallel';
  return node.states && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
}

function countStates(states: Record<string, StateNode | undefined> | undefined): number {
  return Object.values(states ?? {}).reduce((n, s) => n + (s ? 1 + countStates(s.states) : 0), 0);
}

/** Above this many states, the stages (top-level compound states) start collapsed. */
export const COLLAPSE_ABOVE = 16;

/**
 * The states drawn collapsed when a playbook opens: none for a small one; every top-level compound or
 * parallel state once it holds more than COLLAPSE_ABOVE states, so that its fit-to-screen view stays readable.
 */
export function defaultCollapsed(def: CaseType): Set<string> {
  const states = def.playbook.states;
  if (countStates(states) <= COLLAPSE_ABOVE) return new Set();
  return new Set(Object.entries(states ?? {}).filter(([, s]) => s && countStates(s.states) > 0).map(([id]) => id));
}

/**
 * Every visible state with its parent, depth first (parents before children, as React Flow needs). The
 * states inside a `collapsed` one are left out: their transitions start or end at the collapsed box, and
 * those between two of its own states are not drawn. The edges' labels are said in `words` (English by default).
 */
export function buildGraph(def: CaseType, positions: (id: string) => Pos | undefined, collapsed: ReadonlySet<string> = new Set(), words: Words = ENGLISH): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  /** A hidden state → the collapsed box that stands for it. */
  const shownAs = new Map<string, string>();
  const build = (states: Record<string, StateNode | undefined> | undefined, parent: string | null, initial: string | undefined, hiddenIn: string | null): GraphNode[] => {
    const level: GraphNode[] = [];
    let i = 0;
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      const descendants = countStates(node.states);
      const g: GraphNode = {
        id,
        parent,
        kind: kindOf(node),
        title: node.title ?? id,
        initial: initial === id,
        task: node.task?.title ?? null,
        collapsed: descendants > 0 && collapsed.has(id),
        descendants,
        position: positions(id) ?? { x: (i % 4) * (NODE_WIDTH + 60) + (parent ? GROUP_PAD : 0), y: Math.floor(i / 4) * (NODE_HEIGHT + 60) + (parent ? GROUP_HEADER : 0) },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      };
      if (hiddenIn) shownAs.set(id, hiddenIn);
      else {
        nodes.push(g);
        level.push(g);
        i++;
      }
      const children = build(node.states, id, node.initial, hiddenIn ?? (g.collapsed ? id : null));
      if (children.length > 0) {
        g.width = Math.max(NODE_WIDTH + 2 * GROUP_PAD, ...children.map((c) => c.position.x + c.width + GROUP_PAD));
        g.height = Math.max(NODE_HEIGHT + GROUP_HEADER + GROUP_PAD, ...children.map((c) => c.position.y + c.height + GROUP_PAD));
      }
      for (const [event, spec] of Object.entries(node.on ?? {})) {
        specToList(spec).forEach((t, index) => {
          if (t.target === undefined) return;
          edges.push({ id: `on:${id}:${event}:${index}`, kind: 'on', source: id, target: t.target, event, index, label: transitionLabel(def, event, t.guard, words) });
        });
      }
      const always = node.always === undefined ? [] : Array.isArray(node.always) ? node.always : [node.always];
      always.forEach((t, index) => {
        if (t.target !== undefined) edges.push({ id: `always:${id}:${index}`, kind: 'always', source: id, target: t.target, event: 'always', index, label: transitionLabel(def, 'always', t.guard, words) });
      });
      (node.after ?? []).forEach((a, index) => {
        if (a.target !== undefined) edges.push({ id: `after:${id}:${index}`, kind: 'after', source: id, target: a.target, event: `after ${a.delay}`, index, label: transitionLabel(def, { after: a.delay, calendar: a.calendar }, a.guard, words) });
      });
    }
    return level;
  };
  build(def.playbook.states, null, def.playbook.initial, null);
  const ids = new Set(nodes.map((n) => n.id));
  const shown = edges.flatMap((e) => {
    const source = shownAs.get(e.source) ?? e.source;
    const target = shownAs.get(e.target) ?? e.target;
    // a transition between two states of one collapsed stage stays inside the box
    if (source === target && e.source !== e.target) return [];
    return [{ ...e, source, target }];
  });
  return { nodes, edges: shown.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** `waitingForCustomer` → `GO_TO_WAITING_FOR_CUSTOMER`: the event name a new connection starts with. */
export function eventNameFor(target: string, taken: (name: string) => boolean): string {
  const base = `GO_TO_${target.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}`.slice(0, 60);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}_${n}`)) return `${base}_${n}`;
}
