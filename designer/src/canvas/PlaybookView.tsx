// The playbook canvas (React Flow): states as nodes, transitions as labelled edges (parallel ones in lanes,
// see TransitionEdge); connect to create a transition, drag to move (positions saved in `layout`), elkjs
// layout for states without positions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyNodeChanges, Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { setPositions } from '../model/states.ts';
import { addTransition } from '../model/transitions.ts';
import type { EditProps } from '../editor/fields/FieldsView.tsx';
import { buildGraph, eventNameFor, type Pos } from './flow-graph.ts';
import { autoLayout } from './auto-layout.ts';
import { StateNodeView, type StateFlowNode } from './StateNodeView.tsx';
import { TransitionEdge, type TransitionFlowEdge } from './TransitionEdge.tsx';
import { edgeLanes } from './parallel-edges.ts';
import { SidePanel } from './SidePanel.tsx';
import { AddStateForm } from './AddStateForm.tsx';
import type { ReactNode } from 'react';

/** What the simulator draws over the playbook: the active states, and each transition's scenario coverage. */
export interface CanvasOverlay {
  active: readonly string[];
  /** Edge id → coverage class (`covered`, `uncovered`, `unmeasured`); null when coverage is not shown. */
  coverage: Readonly<Record<string, string>> | null;
}

const nodeTypes = { state: StateNodeView };
const edgeTypes = { transition: TransitionEdge };

function Canvas({ def, edit, selection, select, overlay }: EditProps & { overlay?: CanvasOverlay }) {
  const flow = useReactFlow();
  const [auto, setAuto] = useState<Record<string, Pos>>({});
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const stored = def.layout?.nodes;
  const graph = useMemo(() => buildGraph(def, (id) => stored?.[id] ?? auto[id]), [def, stored, auto]);
  const unstored = graph.nodes.some((n) => !stored?.[n.id]);
  const structure = JSON.stringify(graph.nodes.map((n) => [n.id, n.parent])) + JSON.stringify(graph.edges.map((e) => e.id));
  const layoutRun = useRef(0);
  const [fitPending, setFitPending] = useState(false);

  const defRef = useRef(def);
  defRef.current = def;

  const runLayout = useCallback(async (save: boolean) => {
    const run = ++layoutRun.current;
    try {
      const pos = await autoLayout(buildGraph(defRef.current, () => undefined));
      if (run !== layoutRun.current) return;
      setLayoutError(null);
      if (save) edit((d) => setPositions(d, pos));
      else setAuto(pos);
      setFitPending(true);
    } catch (e) {
      setLayoutError(`Automatic layout failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [structure, edit, flow]);

  // states without a saved position are laid out by elk, again whenever the graph's structure changes
  useEffect(() => {
    if (unstored) void runLayout(false);
  }, [unstored, runLayout]);

  const built = useMemo<StateFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'state',
        position: n.position,
        data: { state: n, active: overlay?.active.includes(n.id) ?? false },
        width: n.width,
        height: n.height,
        selected: selection?.type === 'state' && selection.id === n.id,
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
        ariaLabel: `State ${n.title}${n.kind === 'final' ? ' (final)' : ''}${n.initial ? ' (initial)' : ''}`,
      })),
    [graph, selection, overlay],
  );
  const [nodes, setNodes] = useState<StateFlowNode[]>(built);
  useEffect(() => {
    setNodes((prev) => built.map((b) => ({ ...b, measured: prev.find((p) => p.id === b.id)?.measured ?? { width: b.width, height: b.height } })));
  }, [built]);

  // fit once the laid-out nodes are on the canvas
  useEffect(() => {
    if (!fitPending) return;
    setFitPending(false);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1.1 }));
  }, [fitPending, nodes, flow]);

  // lanes depend on the graph only, not on the selection or the simulator's overlay
  const lanes = useMemo(() => edgeLanes(graph.edges), [graph]);
  const edges = useMemo<TransitionFlowEdge[]>(() => {
    return graph.edges.map((e) => {
      const selected = selection?.type === 'transition' && e.kind === 'on' && selection.source === e.source && selection.event === e.event && selection.index === e.index;
      const cov = overlay?.coverage?.[e.id];
      return {
        id: e.id,
        type: 'transition' as const,
        source: e.source,
        target: e.target,
        label: e.label,
        selected,
        markerEnd: { type: MarkerType.ArrowClosed },
        className: `edge-${e.kind}${selected ? ' selected' : ''}${cov ? ` edge-cov-${cov}` : ''}`,
        ariaLabel: `Transition ${e.label} from ${e.source} to ${e.target}${cov ? ` (${cov})` : ''}`,
        data: { kind: e.kind, event: e.event, index: e.index, lane: lanes.get(e.id) ?? 0 },
        zIndex: 10,
      };
    });
  }, [graph, lanes, selection, overlay]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      // selection is ours (it drives the side panel); a node selected with the keyboard (Enter) selects its state
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked && picked.type === 'select') select({ type: 'state', id: picked.id });
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'select' && c.type !== 'remove'), ns));
    },
    [select],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target) return;
      const source = c.source;
      const target = c.target;
      const event = eventNameFor(target, (name) => Boolean(def.events?.[name]));
      const r = addTransition(def, { source, target, event });
      if (!r) return;
      edit(() => r.def);
      select({ type: 'transition', ...r.ref });
    },
    [def, edit, select],
  );

  return (
    <div className="canvas-wrap">
      <div className="canvas-toolbar">
        {overlay ? null : <AddStateForm def={def} edit={edit} select={select} />}
        <button type="button" onClick={() => void runLayout(true)}>
          Auto layout
        </button>
        <button type="button" onClick={() => void flow.fitView({ padding: 0.2, maxZoom: 1.1 })}>
          Fit to screen
        </button>
        {layoutError ? <span role="alert" className="error">{layoutError}</span> : null}
      </div>
      <div className="canvas" aria-label="Playbook canvas" role="region">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onConnect={onConnect}
          onNodeClick={(_, n) => select({ type: 'state', id: n.id })}
          onEdgeClick={(_, e) => {
            const d = e.data;
            if (d?.kind === 'on') select({ type: 'transition', source: e.source, event: d.event, index: d.index });
            else select({ type: 'state', id: e.source });
          }}
          onPaneClick={() => select(null)}
          onNodeDragStop={(_, node) => {
            const positions: Record<string, Pos> = {};
            for (const n of nodes) positions[n.id] = n.id === node.id ? node.position : n.position;
            edit((d: CaseType) => setPositions(d, positions));
          }}
          deleteKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1.1 }}
          minZoom={0.2}
        >
          <Background />
          <Controls />
          <MiniMap pannable zoomable ariaLabel="Playbook overview" />
        </ReactFlow>
      </div>
    </div>
  );
}

/** The canvas with its side panel; the simulator passes an `overlay` and its own `panel` instead of the editing panel. */
export function PlaybookView(props: EditProps & { overlay?: CanvasOverlay; panel?: ReactNode }) {
  const { panel, ...rest } = props;
  return (
    <div className={`playbook-view${panel ? ' with-sim' : ''}`}>
      <ReactFlowProvider>
        <Canvas {...rest} />
      </ReactFlowProvider>
      {panel ?? <SidePanel {...rest} />}
    </div>
  );
}
