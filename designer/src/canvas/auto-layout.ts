// Automatic layout with elkjs (layered, left to right, groups laid out with their children).
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

export async function autoLayout(graph: Graph): Promise<Record<string, Pos>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
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
  const out = (await elk.layout(root)) as ElkNode;
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
