// Automatic layout with elkjs (layered, top to bottom, groups laid out with their children), in a Web Worker.
// Returns positions relative to each node's parent, as `layout.nodes` stores them, and where ELK put each
// edge label (its centre, in absolute flow coordinates): ELK keeps room for the labels (at the largest size
// the canvas draws them) so that they lie between the states, never on one.
import { labelRoom } from './edge-labels.ts';
import type { Graph, Pos } from './flow-graph.ts';

interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  children?: ElkNode[];
  layoutOptions?: Record<string, string>;
}

interface ElkLabel {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

interface ElkEdge {
  id: string;
  labels?: ElkLabel[];
}

export interface LayoutResult {
  /** Relative to the parent state. */
  positions: Record<string, Pos>;
  /** Edge id → the centre of its label, absolute. */
  labels: Record<string, Pos>;
}

/** Above this many states a playbook is wrapped into rows (a chain of 300 would be one column 300 states tall). */
export const WRAP_ABOVE = 40;

/**
 * The layout options: layered, downwards, compact, wrapped into rows towards `aspectRatio` (width / height).
 * States are placed within their layers by network simplex, which lines a playbook up best, up to WRAP_ABOVE
 * states; above that (`large`) by Brandes-Köpf: network simplex on a wrapped graph grows steeply (the 300-state
 * bench chain: 9-20 s in ELK, ~14 s of CPU cold, the worker busy on one of the machine's two cores all that
 * time; Brandes-Köpf: ~2.4 s of CPU cold, the same rows).
 */
export function layoutOptions(aspectRatio: number, wrap: boolean, large = wrap): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.json.edgeCoords': 'ROOT',
    // compact: room between states is what pushes a playbook's fit-to-screen zoom, and its text, down
    'elk.layered.spacing.nodeNodeBetweenLayers': '20',
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.edgeNodeBetweenLayers': '6',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '4',
    'elk.spacing.edgeEdge': '6',
    'elk.spacing.edgeLabel': '2',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.edgeLabels.inline': 'true',
    'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
    'elk.layered.nodePlacement.strategy': large ? 'BRANDES_KOEPF' : 'NETWORK_SIMPLEX',
    'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    ...(wrap ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': aspectRatio.toFixed(2) } : {}),
  };
}

type Elk = { layout(graph: ElkNode & { edges?: unknown[] }): Promise<unknown> };

let elkInstance: Promise<Elk> | null = null;

/**
 * One ELK for the page. In a browser it runs in a Web Worker: laying out a few hundred states takes
 * ELK about a second the first time (its 1.6 MB of compiled Java is parsed and warmed up), and on the
 * page's thread that second froze the canvas that was already drawn. Without workers (unit tests in
 * Node) it runs in this thread.
 */
function elk(): Promise<Elk> {
  elkInstance ??= (async () => {
    if (typeof window !== 'undefined' && typeof Worker !== 'undefined') {
      const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
        import('elkjs/lib/elk-api.js'),
        import('elkjs/lib/elk-worker.min.js?url'),
      ]);
      return new ELK({ workerUrl }) as Elk;
    }
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    return new ELK() as Elk;
  })();
  // a worker that could not start is tried again at the next layout
  elkInstance.catch(() => (elkInstance = null));
  return elkInstance;
}

/** Lays the graph out; `aspectRatio` is the canvas's width / height, which long playbooks are wrapped towards. */
export async function autoLayout(graph: Graph, aspectRatio = 1): Promise<LayoutResult> {
  const layouter = await elk();
  const byParent = new Map<string | null, Graph['nodes']>();
  for (const n of graph.nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n]);
  const toElk = (parent: string | null): ElkNode[] =>
    (byParent.get(parent) ?? []).map((n) => {
      const children = toElk(n.id);
      return children.length > 0
        ? { id: n.id, children, layoutOptions: { 'elk.padding': '[top=48,left=20,bottom=20,right=20]' } }
        : { id: n.id, width: n.width, height: n.height };
    });
  const large = graph.nodes.length > WRAP_ABOVE;
  const run = async (wrap: boolean) =>
    (await layouter.layout({
      id: 'root',
      layoutOptions: layoutOptions(aspectRatio, wrap, large),
      children: toElk(null),
      // labels take room, so the layout leaves space for them
      edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: [{ id: `${e.id}:label`, text: e.label, ...labelRoom(e.label) }] })),
    })) as ElkNode & { edges?: ElkEdge[] };
  let out;
  try {
    out = await run(large);
  } catch {
    // graph wrapping gives up on some hierarchies: lay those out in one piece
    out = await run(false);
  }
  const positions: Record<string, Pos> = {};
  const walk = (nodes: ElkNode[] | undefined): void => {
    for (const n of nodes ?? []) {
      positions[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
      walk(n.children);
    }
  };
  walk(out.children);
  const labels: Record<string, Pos> = {};
  for (const e of out.edges ?? []) {
    const l = e.labels?.[0];
    if (l?.x !== undefined && l.y !== undefined) labels[e.id] = { x: Math.round(l.x + (l.width ?? 0) / 2), y: Math.round(l.y + (l.height ?? 0) / 2) };
  }
  return { positions, labels };
}
