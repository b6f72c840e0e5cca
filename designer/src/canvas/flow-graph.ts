// The playbook as a graph for the canvas: states become nodes (compound states are groups holding their
// children), transitions become labelled edges. Pure: no React, no DOM.
import type { CaseType, Guard, StateNode } from '../../../schemas/generated/case-type.ts';
import { describeGuard } from '../model/rule-check.ts';
import { specToList } from '../model/transitions.ts';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 72;
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

/** A rough width of an edge label on the canvas, for room in the layout and beside self-loops. */
export function labelWidth(text: string): number {
  return Math.min(240, text.length * 6.5);
}

function label(event: string, guard: Guard | undefined): string {
  return guard === undefined ? event : `${event} [${describeGuard(guard)}]`;
}

/** Every state id with its parent, depth first (parents before children, as React Flow needs). */
export function buildGraph(def: CaseType, positions: (id: string) => Pos | undefined): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const build = (states: Record<string, StateNode | undefined> | undefined, parent: string | null, initial: string | undefined): GraphNode[] => {
    const level: GraphNode[] = [];
    let i = 0;
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      const g: GraphNode = {
        id,
        parent,
        kind: kindOf(node),
        title: node.title ?? id,
        initial: initial === id,
        task: node.task?.title ?? null,
        position: positions(id) ?? { x: (i % 4) * (NODE_WIDTH + 60) + (parent ? GROUP_PAD : 0), y: Math.floor(i / 4) * (NODE_HEIGHT + 60) + (parent ? GROUP_HEADER : 0) },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      };
      nodes.push(g);
      level.push(g);
      i++;
      const children = build(node.states, id, node.initial);
      if (children.length > 0) {
        g.width = Math.max(NODE_WIDTH + 2 * GROUP_PAD, ...children.map((c) => c.position.x + c.width + GROUP_PAD));
        g.height = Math.max(NODE_HEIGHT + GROUP_HEADER + GROUP_PAD, ...children.map((c) => c.position.y + c.height + GROUP_PAD));
      }
      for (const [event, spec] of Object.entries(node.on ?? {})) {
        specToList(spec).forEach((t, index) => {
          if (t.target === undefined) return;
          edges.push({ id: `on:${id}:${event}:${index}`, kind: 'on', source: id, target: t.target, event, index, label: label(event, t.guard) });
        });
      }
      const always = node.always === undefined ? [] : Array.isArray(node.always) ? node.always : [node.always];
      always.forEach((t, index) => {
        if (t.target !== undefined) edges.push({ id: `always:${id}:${index}`, kind: 'always', source: id, target: t.target, event: 'always', index, label: label('always', t.guard) });
      });
      (node.after ?? []).forEach((a, index) => {
        if (a.target !== undefined) edges.push({ id: `after:${id}:${index}`, kind: 'after', source: id, target: a.target, event: `after ${a.delay}`, index, label: label(`after ${a.delay}`, a.guard) });
      });
    }
    return level;
  };
  build(def.playbook.states, null, def.playbook.initial);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** `waitingForCustomer` → `GO_TO_WAITING_FOR_CUSTOMER`: the event name a new connection starts with. */
export function eventNameFor(target: string, taken: (name: string) => boolean): string {
  const base = `GO_TO_${target.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}`.slice(0, 60);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}_${n}`)) return `${base}_${n}`;
}
