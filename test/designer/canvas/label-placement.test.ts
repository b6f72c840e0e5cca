import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidates, placeLabels, type LabelRequest, type Obstacle } from '../../../designer/src/canvas/label-placement.ts';
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

  it('places every label where trying every state and every label placed before would (the grid only finds the near ones)', () => {
    // the placement as first written: each candidate against every obstacle and every label placed before
    const everyOne = (obstacles: Obstacle[], labels: LabelRequest[]) => {
      const placed: { x: number; y: number; width: number; height: number }[] = [];
      const out = new Map<string, { x: number; y: number }>();
      const boxAt = (c: { x: number; y: number }, r: LabelRequest) => ({ x: c.x - r.width / 2 - 3, y: c.y - r.height / 2 - 3, width: r.width + 6, height: r.height + 6 });
      for (const r of labels) {
        const blocking = obstacles.flatMap((o) => (r.within?.includes(o.id) ? (o.header ? [o.header] : []) : [o.box]));
        const at = candidates(r).find((c) => !blocking.some((o) => meets(boxAt(c, r), o)) && !placed.some((o) => meets(boxAt(c, r), o))) ?? r.preferred;
        placed.push(boxAt(at, r));
        out.set(r.id, at);
      }
      return out;
    };
    const coord = fc.integer({ min: -3000, max: 3000 });
    const obstacle = fc.record({ x: coord, y: coord, width: fc.integer({ min: 20, max: 1200 }), height: fc.integer({ min: 20, max: 600 }), group: fc.boolean() });
    const request = fc.record({ x: coord, y: coord, width: fc.integer({ min: 10, max: 250 }), height: fc.integer({ min: 10, max: 70 }), dx: fc.integer({ min: -300, max: 300 }), dy: fc.integer({ min: -400, max: 400 }), within: fc.nat(40) });
    fc.assert(
      fc.property(fc.array(obstacle, { maxLength: 40 }), fc.array(request, { maxLength: 60 }), (os, rs) => {
        const obstacles: Obstacle[] = os.map((o, i) => {
          const box = { x: o.x, y: o.y, width: o.width, height: o.height };
          return o.group ? { id: `s${i}`, box, header: { ...box, height: 40 } } : { id: `s${i}`, box };
        });
        const labels: LabelRequest[] = rs.map((r, i) => ({
          id: `l${i}`, preferred: { x: r.x, y: r.y }, width: r.width, height: r.height,
          from: { x: r.x - r.dx, y: r.y - r.dy }, to: { x: r.x + r.dx, y: r.y + r.dy }, within: [`s${r.within}`],
        }));
        expect([...placeLabels(obstacles, labels)]).toEqual([...everyOne(obstacles, labels)]);
      }),
      { numRuns: 200 },
    );
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
