import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest } from '../../../designer/src/canvas/label-placement.ts';
import { absoluteBoxes, canvasLabels } from '../../../designer/src/canvas/canvas-labels.ts';
import { buildGraph, defaultCollapsed } from '../../../designer/src/canvas/flow-graph.ts';
import { autoLayout } from '../../../designer/src/canvas/auto-layout.ts';
import { labelRoom } from '../../../designer/src/canvas/edge-labels.ts';
import { edgeLanes } from '../../../designer/src/canvas/parallel-edges.ts';
import { debtCollectionPlaybook } from './debt-collection-playbook.ts';

const meets = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('label placement', () => {
  const label = (id: string, x: number, y: number): LabelRequest => ({ id, preferred: { x, y }, width: 60, height: 20, from: { x, y: y - 100 }, to: { x, y: y + 100 } });

  it('keeps a label where it wants to be when that spot is free', () => {
    expect(placeLabels([], [label('a', 50, 50)]).get('a')).toEqual({ x: 50, y: 50 });
  });

  it('moves a label off a state that covers its spot, and off a label placed before it', () => {
    const state = { id: 's', box: { x: 0, y: 30, width: 100, height: 40 } };
    const at = placeLabels([state], [label('a', 50, 50), label('b', 50, 50)]);
    const a = at.get('a')!;
    const b = at.get('b')!;
    const box = (p: { x: number; y: number }) => ({ x: p.x - 30, y: p.y - 10, width: 60, height: 20 });
    expect(meets(box(a), state.box)).toBe(false);
    expect(meets(box(b), state.box)).toBe(false);
    expect(meets(box(a), box(b))).toBe(false);
  });

  it('lets a label inside a group that holds its edge, off the group title', () => {
    const group = { id: 'g', box: { x: 0, y: 0, width: 400, height: 400 }, header: { x: 0, y: 0, width: 400, height: 40 } };
    const inside = { ...label('a', 200, 200), within: ['g'] };
    expect(placeLabels([group], [inside]).get('a')).toEqual({ x: 200, y: 200 });
    // an edge that only passes the group: its label leaves it, along the edge
    const outside = { ...label('b', 200, 200), from: { x: 200, y: -300 }, to: { x: 200, y: 700 } };
    const moved = placeLabels([group], [outside]).get('b')!;
    expect(meets({ x: moved.x - 30, y: moved.y - 10, width: 60, height: 20 }, group.box)).toBe(false);
  });

  it('after ELK, no label of the 30-state playbook lies on a state, and it fits an 806 × 790 canvas at zoom 0.55 or more', async () => {
    const def = debtCollectionPlaybook();
    const collapsed = defaultCollapsed(def);
    const layout = await autoLayout(buildGraph(def, () => undefined, collapsed), 806 / 790);
    const graph = buildGraph(def, (id) => layout.positions[id], collapsed);
    const placed = canvasLabels(graph, edgeLanes(graph.edges), layout.labels, () => true);
    const boxes = absoluteBoxes(graph);
    expect(placed.size).toBe(graph.edges.length);
    for (const e of graph.edges) {
      const p = placed.get(e.id)!;
      const room = labelRoom(e.label);
      const box = { x: p.at.x - room.width / 2, y: p.at.y - room.height / 2, width: room.width, height: room.height };
      for (const [id, b] of boxes) expect(meets(box, b), `${e.id} on ${id}`).toBe(false);
    }
    const right = Math.max(...[...boxes.values()].map((b) => b.x + b.width));
    const bottom = Math.max(...[...boxes.values()].map((b) => b.y + b.height));
    // fitView with padding 0.08: the labels read at 12 px × 1.8 × zoom ≥ 11 px from zoom 0.51
    expect(Math.min(806 / (right * 1.08), 790 / (bottom * 1.08))).toBeGreaterThan(0.55);
  }, 30_000);
});
