// The playbook canvas (React Flow): states as nodes, transitions as edges labelled in words; stages of a
// large playbook start collapsed. Connect by dragging from a state's bottom handle onto any part of another
// state, or from the keyboard with "Connect to…" in the state's menu; select several (Ctrl+click, Shift+drag)
// and delete them (Delete key or the toolbar button); find a state by name. Drag to move (positions saved in
// `layout`); elkjs lays out the states without positions, and places the edge labels between them.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  applyNodeChanges, Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi,
  type Connection, type FinalConnectionState, type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { deleteState, listStates, setPositions } from '../model/states.ts';
import { addTransition, deleteTransition, type TransitionRef } from '../model/transitions.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { buildGraph, defaultCollapsed, eventNameFor, type Pos } from './flow-graph.ts';
import { autoLayout } from './auto-layout.ts';
import { StateNodeView, type StateFlowNode } from './StateNodeView.tsx';
import { TransitionEdge, type TransitionFlowEdge } from './TransitionEdge.tsx';
import { edgeLanes } from './parallel-edges.ts';
import { absoluteBoxes, canvasLabels } from './canvas-labels.ts';
import { SidePanel } from './SidePanel.tsx';
import { AddStateForm } from './AddStateForm.tsx';
import { StateMenu } from './StateMenu.tsx';
import { CanvasSearch } from './CanvasSearch.tsx';
import type { ReactNode } from 'react';

/** What the simulator draws over the playbook: the active states, and each transition's scenario coverage. */
export interface CanvasOverlay {
  active: readonly string[];
  /** Edge id → coverage class (`covered`, `uncovered`, `unmeasured`); null when coverage is not shown. */
  coverage: Readonly<Record<string, string>> | null;
  /** Two versions compared (the versions view): state id and edge id → added, removed or changed. */
  marks?: { states: Readonly<Record<string, 'added' | 'removed' | 'changed'>>; edges: Readonly<Record<string, 'added' | 'removed' | 'changed'>> };
}

const nodeTypes = { state: StateNodeView };
const edgeTypes = { transition: TransitionEdge };
const FIT = { padding: 0.08, maxZoom: 1.1 };
/** Below this zoom a state shows its title only (its task line would read under 11 px). */
const DETAIL_ZOOM = 0.92;

/** Writes the zoom into the canvas's CSS (--zoom, data-detail), which sizes the text: no React render per frame. */
function useZoomStyle(host: React.RefObject<HTMLDivElement | null>) {
  const store = useStoreApi();
  useEffect(() => {
    let last = -1;
    const write = (zoom: number) => {
      const el = host.current;
      if (!el || zoom === last) return;
      last = zoom;
      el.style.setProperty('--zoom', String(zoom));
      el.dataset.detail = zoom < DETAIL_ZOOM ? 'overview' : 'full';
    };
    write(store.getState().transform[2]);
    return store.subscribe((s) => write(s.transform[2]));
  }, [store, host]);
}

function Canvas({ def, edit, selection, select, overlay }: EditProps & { overlay?: CanvasOverlay }) {
  const flow = useReactFlow();
  const host = useRef<HTMLDivElement>(null);
  useZoomStyle(host);
  const editable = !overlay;
  const [auto, setAuto] = useState<{ positions: Record<string, Pos>; labels: Record<string, Pos> }>({ positions: {}, labels: {} });
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => defaultCollapsed(def));
  const [menu, setMenu] = useState<{ id: string; connecting: boolean } | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [centreOn, setCentreOn] = useState<string | null>(null);
  const stored = def.layout?.nodes;
  const graph = useMemo(() => buildGraph(def, (id) => stored?.[id] ?? auto.positions[id], collapsed), [def, stored, auto, collapsed]);
  const unstored = graph.nodes.some((n) => !stored?.[n.id]);
  const structure = JSON.stringify(graph.nodes.map((n) => [n.id, n.parent])) + JSON.stringify(graph.edges.map((e) => e.id + e.label));
  const layoutRun = useRef(0);
  const [fitPending, setFitPending] = useState(false);
  const [laying, setLaying] = useState(false);

  const defRef = useRef(def);
  defRef.current = def;
  const collapsedRef = useRef(collapsed);
  collapsedRef.current = collapsed;

  const runLayout = useCallback(async (save: boolean) => {
    const run = ++layoutRun.current;
    setLaying(true);
    try {
      const el = host.current;
      const ratio = el && el.clientHeight > 0 ? el.clientWidth / el.clientHeight : 1;
      const result = await autoLayout(buildGraph(defRef.current, () => undefined, collapsedRef.current), ratio);
      if (run !== layoutRun.current) return;
      setLayoutError(null);
      if (save) edit((d) => setPositions(d, result.positions));
      setAuto(result);
      setFitPending(true);
    } catch (e) {
      setLayoutError(`Automatic layout failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (run === layoutRun.current) setLaying(false);
    }
  }, [structure, edit, flow]);

  // states without a saved position are laid out by elk, again whenever the graph's structure changes
  useEffect(() => {
    if (unstored) void runLayout(false);
  }, [unstored, runLayout]);

  const openMenu = useCallback((id: string, connecting: boolean) => setMenu({ id, connecting }), []);
  const toggleCollapsed = useCallback((id: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
    setMenu(null);
  }, []);

  const selectedState = selection?.type === 'state' ? selection.id : null;
  const built = useMemo<StateFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'state',
        position: n.position,
        data: { state: n, active: overlay?.active.includes(n.id) ?? false, mark: overlay?.marks?.states[n.id], editable, openMenu, toggleCollapsed },
        width: n.width,
        height: n.height,
        selected: selectedState === n.id || picked.has(n.id),
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
        ariaLabel: `State ${n.title}${n.kind === 'final' ? ' (final)' : ''}${n.initial ? ' (initial)' : ''}${n.collapsed ? ` (collapsed, ${n.descendants} states)` : ''}${overlay?.marks?.states[n.id] ? ` (${overlay.marks.states[n.id] ?? ''})` : ''}`,
      })),
    [graph, selectedState, picked, overlay, editable, openMenu, toggleCollapsed],
  );
  const [nodes, setNodes] = useState<StateFlowNode[]>(built);
  useEffect(() => {
    setNodes((prev) => built.map((b) => ({ ...b, measured: prev.find((p) => p.id === b.id)?.measured ?? { width: b.width, height: b.height } })));
  }, [built]);

  // fit once the laid-out nodes are on the canvas
  useEffect(() => {
    if (!fitPending) return;
    setFitPending(false);
    // a state being found is centred instead
    if (!centreOn) requestAnimationFrame(() => void flow.fitView(FIT));
  }, [fitPending, nodes, flow, centreOn]);

  // a state found by name is centred once it is on the canvas (its stage expanded)
  useEffect(() => {
    // wait for the layout when the state was hidden in a stage until now
    if (!centreOn || laying || (!stored?.[centreOn] && !auto.positions[centreOn])) return;
    const b = absoluteBoxes(graph).get(centreOn);
    if (!b) return;
    setCentreOn(null);
    void flow.setCenter(b.x + b.width / 2, b.y + b.height / 2, { zoom: Math.max(flow.getZoom(), 1) });
  }, [centreOn, graph, flow, laying, stored, auto]);

  // a selection made elsewhere (side panel, problems, search) replaces a multiple selection
  useEffect(() => {
    setPicked((p) => (selectedState && p.has(selectedState) ? p : p.size === 0 ? p : new Set()));
  }, [selectedState]);

  // labels depend on the graph and the layout only, not on the selection or the simulator's overlay
  const labels = useMemo(() => {
    const lanes = edgeLanes(graph.edges);
    const atElk = (id: string) => !stored?.[id] && auto.positions[id] !== undefined;
    return { lanes, placed: canvasLabels(graph, lanes, auto.labels, (s, t) => atElk(s) && atElk(t)) };
  }, [graph, auto, stored]);
  const edges = useMemo<TransitionFlowEdge[]>(() => {
    const title = new Map(graph.nodes.map((n) => [n.id, n.title]));
    return graph.edges.map((e) => {
      const selected = selection?.type === 'transition' && e.kind === 'on' && selection.source === e.source && selection.event === e.event && selection.index === e.index;
      const cov = overlay?.coverage?.[e.id];
      const mark = overlay?.marks?.edges[e.id];
      const placed = labels.placed.get(e.id);
      return {
        id: e.id,
        type: 'transition' as const,
        source: e.source,
        target: e.target,
        label: e.label,
        selected,
        markerEnd: { type: MarkerType.ArrowClosed },
        className: `edge-${e.kind}${selected ? ' selected' : ''}${cov ? ` edge-cov-${cov}` : ''}${mark ? ` edge-diff-${mark}` : ''}`,
        // the state keys close the name, as the tests and the coverage overlay read them; the titles lead
        ariaLabel: `Transition ${e.label} from ${title.get(e.source) ?? e.source} to ${title.get(e.target) ?? e.target}, from ${e.source} to ${e.target}${cov ? ` (${cov})` : ''}${mark ? ` (${mark})` : ''}`,
        data: { kind: e.kind, event: e.event, index: e.index, lane: labels.lanes.get(e.id) ?? 0, box: placed?.box ?? { lines: [e.label], width: 0, height: 0, font: 12 }, at: placed?.at ?? null, through: placed?.through ?? null },
        zIndex: 10,
        interactionWidth: 8,
      };
    });
  }, [graph, labels, selection, overlay]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      // selection is ours (it drives the side panel); a node selected with the keyboard (Enter) selects its state.
      // With Ctrl (or Shift+drag) React Flow keeps the others selected: they are the multiple selection.
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length > 0) {
        const now = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
        for (const c of selects) {
          if (c.type !== 'select') continue;
          if (c.selected) now.add(c.id);
          else now.delete(c.id);
        }
        const last = [...selects].reverse().find((c) => c.type === 'select' && c.selected);
        const primary = last?.id ?? (selectedState && now.has(selectedState) ? selectedState : [...now][0]);
        setPicked(now.size > 1 ? now : new Set());
        if (primary && primary !== selectedState) select({ type: 'state', id: primary });
      }
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'select' && c.type !== 'remove'), ns));
    },
    [select, nodes, selectedState],
  );

  const connect = useCallback(
    (source: string, target: string) => {
      const event = eventNameFor(target, (name) => Boolean(def.events?.[name]));
      const r = addTransition(def, { source, target, event });
      if (!r) return;
      // the new event's title names the state it goes to, in words
      const targetTitle = listStates(def).find((s) => s.id === target)?.node.title;
      const titled = targetTitle ? { ...r.def, events: { ...r.def.events, [event]: { ...r.def.events?.[event], title: `Go to ${targetTitle}` } } } : r.def;
      edit(() => titled);
      select({ type: 'transition', ...r.ref });
    },
    [def, edit, select],
  );

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) connect(c.source, c.target);
  }, [connect]);

  // dropped on a state's body rather than on its handle: that state is the target
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const p = 'changedTouches' in e ? e.changedTouches[0] : e;
      if (!p) return;
      const hit = document.elementsFromPoint(p.clientX, p.clientY).map((el) => el.closest('.react-flow__node')).find((el) => el && el.getAttribute('data-id') !== state.fromNode?.id);
      const target = hit?.getAttribute('data-id');
      if (target) connect(state.fromNode.id, target);
    },
    [connect],
  );

  const selectedCount = new Set([...picked, ...(selectedState ? [selectedState] : [])]).size + (selection?.type === 'transition' ? 1 : 0);
  const deleteSelected = useCallback(() => {
    const states = new Set([...picked, ...(selectedState ? [selectedState] : [])]);
    const transition: TransitionRef | null = selection?.type === 'transition' ? { source: selection.source, event: selection.event, index: selection.index } : null;
    if (states.size === 0 && !transition) return;
    edit((d: CaseType) => {
      let next = transition ? deleteTransition(d, transition) : d;
      for (const id of states) next = deleteState(next, id);
      return next;
    });
    setPicked(new Set());
    setMenu(null);
    select(null);
  }, [picked, selectedState, selection, edit, select]);

  const onCanvasKey = (e: KeyboardEvent) => {
    if (e.key !== 'Delete' || !editable) return;
    if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea, .state-menu')) return;
    e.preventDefault();
    deleteSelected();
  };

  const allStates = useMemo(() => listStates(def).map((s) => ({ id: s.id, title: s.node.title ?? s.id, parent: s.parent })), [def]);
  const find = useCallback(
    (id: string) => {
      // open every collapsed stage that holds it
      const parentOf = new Map(allStates.map((s) => [s.id, s.parent]));
      setCollapsed((c) => {
        const next = new Set(c);
        for (let p = parentOf.get(id) ?? null; p; p = parentOf.get(p) ?? null) next.delete(p);
        return next.size === c.size ? c : next;
      });
      select({ type: 'state', id });
      setCentreOn(id);
    },
    [allStates, select],
  );

  const menuState = menu ? graph.nodes.find((n) => n.id === menu.id) : undefined;

  return (
    <div className="canvas-wrap">
      <div className="canvas-toolbar">
        {overlay ? null : <AddStateForm def={def} edit={edit} select={select} />}
        <button type="button" onClick={() => void runLayout(true)}>
          Auto layout
        </button>
        <button type="button" onClick={() => void flow.fitView(FIT)}>
          Fit to screen
        </button>
        {editable ? (
          <button type="button" className="danger" onClick={deleteSelected} disabled={selectedCount === 0} aria-keyshortcuts="Delete">
            Delete selected{selectedCount > 1 ? ` (${selectedCount})` : ''}
          </button>
        ) : null}
        <CanvasSearch states={allStates} onFound={find} />
        {layoutError ? <span role="alert" className="error">{layoutError}</span> : null}
      </div>
      <div className="canvas" aria-label="Playbook canvas" role="region" aria-busy={laying} ref={host} onKeyDown={onCanvasKey}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onNodeClick={(e, n) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey) return;
            setPicked(new Set());
            select({ type: 'state', id: n.id });
          }}
          onNodeContextMenu={(e, n) => {
            if (!editable) return;
            e.preventDefault();
            setMenu({ id: n.id, connecting: false });
          }}
          onEdgeClick={(_, e) => {
            const d = e.data;
            setPicked(new Set());
            if (d?.kind === 'on') select({ type: 'transition', source: e.source, event: d.event, index: d.index });
            else select({ type: 'state', id: e.source });
          }}
          onPaneClick={() => {
            setPicked(new Set());
            setMenu(null);
            select(null);
          }}
          onNodeDragStop={(_, node) => {
            const positions: Record<string, Pos> = {};
            for (const n of nodes) positions[n.id] = n.id === node.id ? node.position : n.position;
            edit((d: CaseType) => setPositions(d, positions));
          }}
          deleteKeyCode={null}
          multiSelectionKeyCode={['Control', 'Meta']}
          selectionKeyCode="Shift"
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          ariaLabelConfig={{
            'controls.ariaLabel': 'Zoom controls',
            'controls.zoomIn.ariaLabel': 'Zoom in',
            'controls.zoomOut.ariaLabel': 'Zoom out',
            'controls.fitView.ariaLabel': 'Show the whole playbook',
            'controls.interactive.ariaLabel': 'Lock or unlock moving states',
            'minimap.ariaLabel': 'Playbook overview',
          }}
        >
          <Background />
          <Controls aria-label="Zoom controls" />
          <MiniMap pannable zoomable ariaLabel="Playbook overview" />
          {menu && menuState && editable ? (
            <StateMenu
              state={menuState}
              targets={allStates}
              connecting={menu.connecting}
              setConnecting={(on) => setMenu({ id: menu.id, connecting: on })}
              onConnect={(target) => {
                setMenu(null);
                connect(menu.id, target);
              }}
              onToggleCollapsed={() => toggleCollapsed(menu.id)}
              onDelete={() => {
                edit((d: CaseType) => deleteState(d, menu.id));
                setMenu(null);
                select(null);
              }}
              onClose={() => {
                const id = menu.id;
                setMenu(null);
                host.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
              }}
            />
          ) : null}
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
