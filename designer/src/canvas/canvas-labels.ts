// Every edge's label on the canvas: its lines and box, where its curve passes and where the label stands,
// off every state (label-placement.ts). ELK's spot is preferred when the states stand where ELK put them;
// otherwise the middle between the states (each edge of a bundle in its lane). Pure: no React, no DOM.
import { labelBox, labelRoom, type LabelBox } from './edge-labels.ts';
import type { Graph, Pos } from './flow-graph.ts';
import { placeLabels, type LabelRequest, type Obstacle } from './label-placement.ts';
import { labelPoint, loopPoints, type Box, type Pt } from './parallel-edges.ts';

/** The height of a group's title strip, which no label may cover. */
const GROUP_HEADER = 40;

export interface PlacedLabel {
  box: LabelBox;
  at: Pt;
  /** The point the edge's curve passes through. */
  through: Pt;
}

/** Each state's box in absolute flow coordinates (positions in the graph are relative to the parent). */
export function absoluteBoxes(graph: Graph): Map<string, Box> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  const abs = (id: string): Pos => {
    const n = byId.get(id);
    if (!n) return { x: 0, y: 0 };
    const known = out.get(id);
    if (known) return known;
    const p = n.parent ? abs(n.parent) : { x: 0, y: 0 };
    const box = { x: p.x + n.position.x, y: p.y + n.position.y, width: n.width, height: n.height };
    out.set(id, box);
    return box;
  };
  for (const n of graph.nodes) abs(n.id);
  return out;
}

/**
 * Places every label. `elk` holds ELK's label centres, used when `elkValid(edge)` says both states still
 * stand where ELK put them; `lanes` spreads the labels of edges between the same two states.
 */
export function canvasLabels(graph: Graph, lanes: ReadonlyMap<string, number>, elk: Readonly<Record<string, Pos>>, elkValid: (source: string, target: string) => boolean): Map<string, PlacedLabel> {
  const boxes = absoluteBoxes(graph);
  const parents = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parents.get(id) ?? null; p; p = parents.get(p) ?? null) out.push(p);
    return out;
  };
  const groups = new Set(graph.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const obstacles: Obstacle[] = [...boxes].map(([id, box]) => (groups.has(id) ? { id, box, header: { ...box, height: GROUP_HEADER } } : { id, box }));
  const centre = (b: Box): Pt => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const requests: LabelRequest[] = [];
  const info = new Map<string, { box: LabelBox; loop: { through: Pt; label: Pt } | null }>();
  // many edges carry the same words (one event from many states): each text is measured once
  const sizes = new Map<string, { box: LabelBox; room: { width: number; height: number } }>();
  const sized = (text: string) => {
    let s = sizes.get(text);
    if (!s) sizes.set(text, (s = { box: labelBox(text), room: labelRoom(text) }));
    return s;
  };
  for (const e of graph.edges) {
    const from = boxes.get(e.source);
    const to = boxes.get(e.target);
    if (!from || !to) continue;
    const { box, room } = sized(e.label);
    const lane = lanes.get(e.id) ?? 0;
    const loop = e.source === e.target ? loopPoints(from, lane, room.width) : null;
    const preferred = loop ? loop.label : elk[e.id] && elkValid(e.source, e.target) ? elk[e.id]! : labelPoint(from, to, lane);
    info.set(e.id, { box, loop });
    const within = ancestors(e.source).filter((a) => ancestors(e.target).includes(a) || a === e.target);
    requests.push({ id: e.id, preferred, width: room.width, height: room.height, from: centre(from), to: loop ? { x: loop.label.x + room.width, y: loop.label.y } : centre(to), within: [...within, ...ancestors(e.target).filter((a) => a === e.source)] });
  }
  const placed = placeLabels(obstacles, requests);
  const out = new Map<string, PlacedLabel>();
  for (const [id, at] of placed) {
    const i = info.get(id);
    if (!i) continue;
    out.set(id, { box: i.box, at, through: i.loop && at.x === i.loop.label.x && at.y === i.loop.label.y ? i.loop.through : at });
  }
  return out;
}
