// The process map drawn on the playbook's canvas (designer/src/canvas): the same states, titles and layout
// (the saved positions, elkjs for the others), read-only, with the edges taken in the history over them: label
// in words ("42 cases · median 3 h"), width by count, loops marked, the slowest highlighted, and the designed
// transitions nobody took dashed. Clicking an edge picks it (the Edges table beside it does the same by keyboard).
import { memo, useEffect, useMemo, useState } from 'react';
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, type Edge, type EdgeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { buildGraph, type Pos } from '../canvas/flow-graph.ts';
import { autoLayout } from '../canvas/auto-layout.ts';
import { StateNodeView, type StateFlowNode } from '../canvas/StateNodeView.tsx';
import { useWords } from '../i18n/use-words.ts';
import { edgeKey, edgeLabel, edgeWidth, type MapEdgeKey, type ProcessMap } from './process-map.ts';

const nodeTypes = { state: memo(StateNodeView) };
const FIT = { padding: 0.1, maxZoom: 1.1 };
const noop = () => undefined;

interface Props {
  def: CaseType;
  map: ProcessMap;
  picked: string | null;
  onPick: (edge: MapEdgeKey) => void;
}

function Canvas({ def, map, picked, onPick }: Props) {
  const words = useWords();
  const { t } = words;
  const stored = def.layout?.nodes;
  const [auto, setAuto] = useState<Record<string, Pos>>({});
  const graph = useMemo(() => buildGraph(def, (id) => stored?.[id] ?? auto[id], new Set(), words), [def, stored, auto, words]);
  const unstored = graph.nodes.some((n) => !stored?.[n.id]);
  useEffect(() => {
    if (!unstored) return;
    let live = true;
    void autoLayout(buildGraph(def, () => undefined, new Set(), words)).then((r) => {
      if (live) setAuto(r.positions);
    });
    return () => {
      live = false;
    };
  }, [def, unstored, words]);

  const nodes = useMemo<StateFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'state',
        position: n.position,
        data: { state: n, editable: false, openMenu: noop, toggleCollapsed: noop, t },
        width: n.width,
        height: n.height,
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
        draggable: false,
        selectable: false,
      })),
    [graph, t],
  );
  const shown = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph]);
  const edges = useMemo<Edge[]>(() => {
    const most = Math.max(0, ...map.edges.map((e) => e.count));
    const slowest = map.slowest ? edgeKey(map.slowest) : null;
    const taken: Edge[] = map.edges
      .filter((e) => shown.has(e.sourceState) && shown.has(e.targetState))
      .map((e) => {
        const key = edgeKey(e);
        const classes = ['pm-edge', e.loop ? 'pm-loop' : '', key === slowest ? 'pm-slowest' : '', key === picked ? 'pm-picked' : ''].filter(Boolean).join(' ');
        return {
          id: key,
          source: e.sourceState,
          target: e.targetState,
          label: `${e.loop ? '↺ ' : ''}${edgeLabel(e, words)}`,
          className: classes,
          style: { strokeWidth: edgeWidth(e.count, most) },
          markerEnd: { type: MarkerType.ArrowClosed, markerUnits: 'userSpaceOnUse', width: 16, height: 16 },
          focusable: false,
          selectable: false,
        };
      });
    const never: Edge[] = map.neverTaken
      .filter((e) => shown.has(e.source) && shown.has(e.target))
      .map((e) => ({
        id: `never:${edgeKey(e)}`,
        source: e.source,
        target: e.target,
        label: t('processMap.neverLabel'),
        className: 'pm-never',
        style: { strokeDasharray: '6 4' },
        markerEnd: { type: MarkerType.ArrowClosed, markerUnits: 'userSpaceOnUse', width: 16, height: 16 },
        focusable: false,
        selectable: false,
      }));
    return [...never, ...taken];
  }, [map, shown, picked, words, t]);
  const onEdgeClick: EdgeMouseHandler = (_event, edge) => {
    const found = map.edges.find((e) => edgeKey(e) === edge.id);
    if (found) onPick(found);
  };
  return (
    <ReactFlow
      key={`${graph.nodes.length}:${Object.keys(auto).length}`}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onEdgeClick={onEdgeClick}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      fitView
      fitViewOptions={FIT}
      minZoom={0.05}
      ariaLabelConfig={{
        'controls.ariaLabel': t('canvas.playbook.zoomControls'),
        'controls.zoomIn.ariaLabel': t('canvas.playbook.zoomIn'),
        'controls.zoomOut.ariaLabel': t('canvas.playbook.zoomOut'),
        'controls.fitView.ariaLabel': t('canvas.playbook.fitView'),
        'controls.interactive.ariaLabel': t('canvas.playbook.interactive'),
      }}
    >
      <Background />
      <Controls showInteractive={false} aria-label={t('canvas.playbook.zoomControls')} />
    </ReactFlow>
  );
}

export function ProcessMapCanvas(props: Props) {
  const { t } = useWords();
  return (
    <div className="canvas pm-canvas" role="group" aria-label={t('processMap.canvasLabel')}>
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
