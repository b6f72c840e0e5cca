// Parallel transitions on the canvas: edges between the same two states (either way round) or from a
// state to itself would draw their labels on one spot ("SUBMIT_SUBMIT_TRIAGE"). Each such edge gets a
// lane; its label moves by the lane and its path is bent to pass through the label. Pure: no React.

export interface Pt {
  x: number;
  y: number;
}

/** A node's box in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Vertical step between the labels of one bundle: more than a label's height, so the boxes never meet. */
export const LANE_STEP = 26;
/** Sideways step between the paths of one bundle, so the lines are told apart too. */
const LANE_SPREAD = 36;
/** Room between a state's right side and its self-loops. */
const LOOP_GAP = 16;

/**
 * The lane of every edge: edges between the same pair of states, in either direction, share one bundle,
 * and take centred slots in it (0 for a lone edge, -0.5 and 0.5 for two, -1, 0 and 1 for three).
 */
export function edgeLanes(edges: readonly { id: string; source: string; target: string }[]): Map<string, number> {
  const bundles = new Map<string, string[]>();
  for (const e of edges) {
    const key = e.source < e.target ? `${e.source}\n${e.target}` : `${e.target}\n${e.source}`;
    bundles.set(key, [...(bundles.get(key) ?? []), e.id]);
  }
  const out = new Map<string, number>();
  for (const ids of bundles.values()) ids.forEach((id, i) => out.set(id, i - (ids.length - 1) / 2));
  return out;
}

const centre = (b: Box): Pt => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * Where the label of an edge between two different states goes: in the middle of the room between
 * them (where React Flow puts a lone edge's label), the same spot for either direction; then moved by
 * its lane down by LANE_STEP and sideways along the normal. The normal points down (or right), so both
 * moves add up and the labels of a bundle stand at least LANE_STEP apart whichever way edges run.
 */
export function labelPoint(source: Box, target: Box, lane: number): Pt {
  const a = centre(source);
  const b = centre(target);
  const [upper, lower] = a.y <= b.y ? [source, target] : [target, source];
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  let n = { x: -dy / length, y: dx / length };
  if (n.y < 0 || (n.y === 0 && n.x < 0)) n = { x: -n.x, y: -n.y };
  const middle = { x: (a.x + b.x) / 2, y: (upper.y + upper.height + lower.y) / 2 };
  return { x: middle.x + n.x * lane * LANE_SPREAD, y: middle.y + (n.y * LANE_SPREAD + LANE_STEP) * lane };
}

/** Where a self-loop passes, right of its state, and where its label (about `labelWidth` wide) is centred. */
export function loopPoints(node: Box, lane: number, labelWidth: number): { through: Pt; label: Pt } {
  const through = { x: node.x + node.width + LOOP_GAP, y: node.y + node.height / 2 + lane * LANE_STEP };
  return { through, label: { x: through.x + 4 + labelWidth / 2, y: through.y } };
}

/** React Flow's distance from a handle to its bezier control point (bottom source, top target). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/**
 * The edge's path: React Flow's bezier from the source's bottom handle to the target's top handle, with
 * both control points moved so that the curve's middle (t = 0.5) is `through`.
 */
export function edgePath(from: Pt, to: Pt, through: Pt): string {
  const c = controlOffset(to.y - from.y);
  const c1 = { x: from.x, y: from.y + c };
  const c2 = { x: to.x, y: to.y - c };
  // the middle of a cubic is (P0 + 3 C1 + 3 C2 + P3) / 8: moving both controls by d moves it by 3d/4
  const mid = { x: (from.x + 3 * c1.x + 3 * c2.x + to.x) / 8, y: (from.y + 3 * c1.y + 3 * c2.y + to.y) / 8 };
  const d = { x: ((through.x - mid.x) * 4) / 3, y: ((through.y - mid.y) * 4) / 3 };
  const r = (v: number) => Math.round(v * 10) / 10;
  return `M${r(from.x)},${r(from.y)} C${r(c1.x + d.x)},${r(c1.y + d.y)} ${r(c2.x + d.x)},${r(c2.y + d.y)} ${r(to.x)},${r(to.y)}`;
}
