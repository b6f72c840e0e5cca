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

/** Boxes filed by the grid cells they cover, so that a box meets only the few near it, not all of them. */
class BoxGrid<T> {
  private readonly cells = new Map<number, T[]>();
  constructor(private readonly boxOf: (item: T) => Box) {}

  private static readonly CELL = 256;

  /** The cells `b` covers (a key beyond ±8 million px may stand for two cells: a few more boxes tried, no fewer). */
  private keys(b: Box): number[] {
    const c = BoxGrid.CELL;
    const out: number[] = [];
    for (let x = Math.floor(b.x / c); x <= Math.floor((b.x + b.width) / c); x++) {
      for (let y = Math.floor(b.y / c); y <= Math.floor((b.y + b.height) / c); y++) out.push((x & 0xffff) * 0x10000 + (y & 0xffff));
    }
    return out;
  }

  add(item: T): void {
    for (const k of this.keys(this.boxOf(item))) {
      const cell = this.cells.get(k);
      if (cell) cell.push(item);
      else this.cells.set(k, [item]);
    }
  }

  /** Whether `test` holds for any item filed in a cell that `b` covers. */
  some(b: Box, test: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) if (test(item)) return true;
    return false;
  }
}

/**
 * A centre for every label that covers no obstacle (the states' boxes) and no label placed before it;
 * a label with no free spot among its candidates keeps its preferred one.
 */
export function placeLabels(obstacles: readonly Obstacle[], labels: readonly LabelRequest[]): Map<string, Pt> {
  // a group's header lies within its box: filed by the box, each obstacle is found for either
  const states = new BoxGrid<Obstacle>((o) => o.box);
  for (const o of obstacles) states.add(o);
  const placed = new BoxGrid<Box>((b) => b);
  const out = new Map<string, Pt>();
  for (const r of labels) {
    const blocks = (b: Box) => (o: Obstacle) => {
      const block = r.within?.includes(o.id) ? o.header : o.box;
      return block !== undefined && meets(b, block);
    };
    const free = candidates(r).find((c) => {
      const b = boxAt(c, r.width, r.height);
      return !states.some(b, blocks(b)) && !placed.some(b, (o) => meets(b, o));
    });
    const at = free ?? r.preferred;
    placed.add(boxAt(at, r.width, r.height));
    out.set(r.id, at);
  }
  return out;
}
