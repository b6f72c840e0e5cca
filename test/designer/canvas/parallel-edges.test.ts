import { getBezierPath } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgeLanes, edgePath, labelPoint, LANE_STEP, loopPoints, type Box, type Pt } from '../../../designer/src/canvas/parallel-edges.ts';

const a: Box = { x: 0, y: 0, width: 180, height: 72 };
const below: Box = { x: 0, y: 200, width: 180, height: 72 };
const right: Box = { x: 400, y: 0, width: 180, height: 72 };
const diagonal: Box = { x: 300, y: 260, width: 180, height: 72 };

/** The label boxes of two edges meet when their centres are closer than a label's height and width. */
const labelsMeet = (p: Pt, q: Pt, height = 22, width = 140) => Math.abs(p.y - q.y) < height && Math.abs(p.x - q.x) < width;

/** The point at t = 0.5 of an `M x,y C x,y x,y x,y` path. */
function middle(path: string): Pt {
  const n = (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const [x0, y0, x1, y1, x2, y2, x3, y3] = n as [number, number, number, number, number, number, number, number];
  return { x: (x0 + 3 * x1 + 3 * x2 + x3) / 8, y: (y0 + 3 * y1 + 3 * y2 + y3) / 8 };
}

describe('edgeLanes', () => {
  it('gives a lone edge lane 0 and centres the lanes of a bundle, in either direction', () => {
    const lanes = edgeLanes([
      { id: 'one', source: 'a', target: 'b' },
      { id: 'two', source: 'a', target: 'b' },
      { id: 'back', source: 'b', target: 'a' },
      { id: 'lone', source: 'b', target: 'c' },
      { id: 'loop1', source: 'c', target: 'c' },
      { id: 'loop2', source: 'c', target: 'c' },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({
      one: -1,
      two: 0,
      back: 1,
      lone: 0,
      loop1: -0.5,
      loop2: 0.5,
    });
  });
});

describe('labelPoint', () => {
  it('puts a lone edge in the middle of the room between the states, for either direction', () => {
    expect(labelPoint(a, below, 0)).toEqual({ x: 90, y: 136 });
    const group: Box = { x: 0, y: 200, width: 400, height: 300 };
    expect(labelPoint(a, group, 0)).toEqual({ x: 145, y: 136 });
    expect(labelPoint(group, a, 0)).toEqual({ x: 145, y: 136 });
  });

  it('keeps the labels of a bundle at least a lane step apart, whichever way the states lie', () => {
    for (const other of [below, right, diagonal]) {
      for (const [s, t] of [[a, other], [other, a]] as const) {
        const points = [-1, 0, 1].map((lane) => labelPoint(s, t, lane));
        for (let i = 1; i < points.length; i++) {
          const [p, q] = [points[i - 1] as Pt, points[i] as Pt];
          expect(q.y - p.y).toBeGreaterThanOrEqual(LANE_STEP);
          expect(labelsMeet(p, q)).toBe(false);
        }
      }
    }
  });

  it('agrees between A → B and B → A, so a transition and its way back share the bundle', () => {
    expect(labelPoint(a, below, -0.5)).toEqual(labelPoint(below, a, -0.5));
    expect(labelsMeet(labelPoint(a, below, -0.5), labelPoint(below, a, 0.5))).toBe(false);
  });
});

describe('loopPoints', () => {
  it('stacks self-loops right of the state, with the label clear of it', () => {
    const [first, second] = [-0.5, 0.5].map((lane) => loopPoints(a, lane, 100)) as [ReturnType<typeof loopPoints>, ReturnType<typeof loopPoints>];
    expect(first.through.x).toBeGreaterThan(a.x + a.width);
    expect(first.label.x - 50).toBeGreaterThan(first.through.x);
    expect(labelsMeet(first.label, second.label)).toBe(false);
  });
});

describe('edgePath', () => {
  it('bends the bezier through the given point, downwards and upwards', () => {
    const cases: [Pt, Pt, Pt][] = [
      [{ x: 90, y: 72 }, { x: 90, y: 200 }, { x: 70, y: 120 }],
      [{ x: 90, y: 272 }, { x: 90, y: 0 }, { x: 110, y: 150 }],
      [{ x: 90, y: 72 }, { x: 90, y: 0 }, { x: 286, y: 36 }],
    ];
    for (const [from, to, through] of cases) {
      const path = edgePath(from, to, through);
      expect(path.startsWith(`M${from.x},${from.y} C`)).toBe(true);
      expect(path.endsWith(` ${to.x},${to.y}`)).toBe(true);
      const m = middle(path);
      expect(m.x).toBeCloseTo(through.x, 0);
      expect(m.y).toBeCloseTo(through.y, 0);
    }
  });

  it('draws a lone edge as React Flow draws its bezier, downwards and upwards', () => {
    for (const [from, to] of [[{ x: 0, y: 0 }, { x: 100, y: 100 }], [{ x: 90, y: 272 }, { x: 250, y: 0 }]] as const) {
      // through React Flow's own label point, the path is React Flow's (to the tenth edgePath rounds to)
      const [path, x, y] = getBezierPath({ sourceX: from.x, sourceY: from.y, targetX: to.x, targetY: to.y });
      const numbers = (p: string, round: (v: number) => number) => (p.match(/-?\d+(\.\d+)?/g) ?? []).map((v) => round(Number(v)));
      expect(numbers(edgePath(from, to, { x, y }), Number)).toEqual(numbers(path, (v) => Math.round(v * 10) / 10));
    }
  });
});
