// Where edge labels go so that none covers a state: each label starts at its preferred centre (where ELK
// put it, or the middle of its edge) and, when that spot meets a state's box or a label placed before it,
// moves to the nearest free spot along its edge, then beside it. Pure: no React, no DOM.
import type { Box, Pt } from './parallel-edges.ts';

export interface LabelRequest {
  id: string;
  /** Where the label would like its centre. */
  preferred: Pt;
  width: number;
  height: number;
  /** The centres of the two states the edge joins: candidates lie along the line between them. */
  from: Pt;
  to: Pt;
  /** Groups (expanded compound states) that hold the edge: the label may lie inside them, off their header. */
  within?: readonly string[];
}

/** A state's box; a group's `header` is the part a label inside it must still leave free. */
export interface Obstacle {
  id: string;
  box: Box;
  header?: Box;
}

/** Room kept between a label and a state. */
const MARGIN = 3;

function meets(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function boxAt(c: Pt, width: number, height: number): Box {
  return { x: c.x - width / 2 - MARGIN, y: c.y - height / 2 - MARGIN, width: width + 2 * MARGIN, height: height + 2 * MARGIN };
}

/** Spots to try, nearest first: the preferred one, then along the edge, each also shifted to either side of it. */
export function candidates(r: LabelRequest): Pt[] {
  const dx = r.to.x - r.from.x;
  const dy = r.to.y - r.from.y;
  const length = Math.hypot(dx, dy) || 1;
  const normal = { x: -dy / length, y: dx / length };
  const step = Math.max(r.height, 12) + 4;
  const along = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((t) => ({ x: r.from.x + dx * t, y: r.from.y + dy * t }));
  const out: Pt[] = [r.preferred];
  for (const shift of [0, 1, -1, 2, -2, 3, -3]) {
    for (const p of [r.preferred, ...along]) out.push({ x: p.x + normal.x * shift * step, y: p.y + normal.y * shift * step });
  }
  return out;
}

/**
 * A centre for every label that covers no obstacle (the states' boxes) and no label placed before it;
 * a label with no free spot among its candidates keeps its preferred one.
 */
export function placeLabels(obstacles: readonly Obstacle[], labels: readonly LabelRequest[]): Map<string, Pt> {
  const placed: Box[] = [];
  const out = new Map<string, Pt>();
  for (const r of labels) {
    const blocking = obstacles.flatMap((o) => (r.within?.includes(o.id) ? (o.header ? [o.header] : []) : [o.box]));
    const free = candidates(r).find((c) => {
      const b = boxAt(c, r.width, r.height);
      return !blocking.some((o) => meets(b, o)) && !placed.some((o) => meets(b, o));
    });
    const at = free ?? r.preferred;
    placed.push(boxAt(at, r.width, r.height));
    out.set(r.id, at);
  }
  return out;
}
