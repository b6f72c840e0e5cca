// Automatic layout with elkjs (layered, top to bottom, groups laid out with their children), in a Web Worker.
// Returns positions relative to each node's parent, as `layout.nodes` stores them.
import { labelWidth, type Graph, type Pos } from './flow-graph.ts';

interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  children?: ElkNode[];
  layoutOptions?: Record<string, string>;
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

export async function autoLayout(graph: Graph): Promise<Record<string, Pos>> {
  const layouter = await elk();
  const byParent = new Map<string | null, Graph['nodes']>();
  for (const n of graph.nodes) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n]);
  const toElk = (parent: string | null): ElkNode[] =>
    (byParent.get(parent) ?? []).map((n) => {
      const children = toElk(n.id);
      return children.length > 0
        ? { id: n.id, children, layoutOptions: { 'elk.padding': '[top=48,left=24,bottom=24,right=24]' } }
        : { id: n.id, width: n.width, height: n.height };
    });
  const root = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '60',
      'elk.spacing.edgeLabel': '6',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: toElk(null),
    // labels take room, so the layout leaves space for them
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: [{ id: `${e.id}:label`, text: e.label, width: labelWidth(e.label), height: 16 }] })),
  };
  const out = (await layouter.layout(root)) as ElkNode;
  const positions: Record<string, Pos> = {};
  const walk = (nodes: ElkNode[] | undefined): void => {
    for (const n of nodes ?? []) {
      positions[n.id] = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) };
      walk(n.children);
    }
  };
  walk(out.children);
  return positions;
}
