// The playbook canvas (React Flow): states as nodes, transitions as edges labelled in words; stages of a
// large playbook start collapsed. Connect by dragging from a state's bottom handle onto any part of another
// state, or from the keyboard with "Connect to…" in the state's menu; select several (Ctrl+click, Shift+drag)
// and delete them (Delete key or the toolbar button); find a state by name. Drag to move (positions saved in
// `layout`); elkjs lays out the states without positions, and places the edge labels between them.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  applyNodeChanges, Background, Controls, getViewportForBounds, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi,
  type Connection, type EdgeMouseHandler, type FinalConnectionState, type NodeChange, type NodeHandle, type NodeMouseHandler, type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { deleteState, listStates, setPositions } from '../model/states.ts';
import { addTransition, deleteTransition, type TransitionRef } from '../model/transitions.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { buildGraph, defaultCollapsed, eventNameFor, type GraphNode, type Pos } from './flow-graph.ts';
import { autoLayout, WRAP_ABOVE } from './auto-layout.ts';
import { StateNodeView, type StateFlowNode } from './StateNodeView.tsx';
import { TransitionEdge, type TransitionFlowEdge } from './TransitionEdge.tsx';
import { edgeLanes } from './parallel-edges.ts';
import { absoluteBoxes, canvasLabels } from './canvas-labels.ts';
import { SidePanel } from './SidePanel.tsx';
import { AddStateForm } from './AddStateForm.tsx';
import { StateMenu } from './StateMenu.tsx';
import { CanvasSearch } from './CanvasSearch.tsx';
import { kept, keepSame } from './keep-same.ts';
import type { ReactNode } from 'react';
import { useWords } from '../i18n/use-words.ts';
import type { Language, Translate } from '../i18n/i18n.ts';

/** What the simulator draws over the playbook: the active states, and each transition's scenario coverage. */
export interface CanvasOverlay {
  active: readonly string[];
  /** Edge id → coverage class (`covered`, `uncovered`, `unmeasured`); null when coverage is not shown. */
  coverage: Readonly<Record<string, string>> | null;
  /** Two versions compared (the versions view): state id and edge id → added, removed or changed. */
  marks?: { states: Readonly<Record<string, 'added' | 'removed' | 'changed'>>; edges: Readonly<Record<string, 'added' | 'removed' | 'changed'>> };
}

// memo: React Flow re-renders a node's wrapper whenever it measures the node or moves it; the state drawn
// inside renders again only when what it shows changed
const nodeTypes = { state: memo(StateNodeView) };
const edgeTypes = { transition: memo(TransitionEdge) };
// memo: each lists every state (a select and a datalist of 300 options for the bench playbook), and the canvas
// renders again on every selection
const AddState = memo(AddStateForm);
const Search = memo(CanvasSearch);
const FIT = { padding: 0.08, maxZoom: 1.1 };
const MULTI_SELECT_KEYS = ['Control', 'Meta'];
// one object per language, not written inline: React Flow copies every changed prop into its store, and each
// copy runs the store's listeners (one per state, edge and overview box: about 900 for a 300-state playbook)
const ARIA_LABELS = new Map<Language, Record<string, string>>();
function ariaLabels(language: Language, t: Translate): Record<string, string> {
  let labels = ARIA_LABELS.get(language);
  if (!labels) {
    labels = {
      'controls.ariaLabel': t('canvas.playbook.zoomControls'),
      'controls.zoomIn.ariaLabel': t('canvas.playbook.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.playbook.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.playbook.fitView'),
      'controls.interactive.ariaLabel': t('canvas.playbook.interactive'),
      'minimap.ariaLabel': t('canvas.playbook.overview'),
    };
    ARIA_LABELS.set(language, labels);
  }
  return labels;
}
/** The size of a connection point (`.canvas .react-flow__handle` in styles.css). */
const HANDLE = 12;

/**
 * Where a state's connection points are (StateNodeView: into it at the middle of its top, out of it at the
 * middle of its bottom, none out of a final state), as React Flow measures them: given with the node, the
 * transitions are drawn in the same frame as the states, not one frame later once React Flow has measured
 * every state's handles (for 300 states, a second full render, style and layout pass).
 */
function handlesOf(n: GraphNode): NodeHandle[] {
  const target: NodeHandle = { type: 'target', position: Position.Top, x: n.width / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE };
  if (n.kind === 'final') return [target];
  return [target, { type: 'source', position: Position.Bottom, x: n.width / 2 - HANDLE / 2, y: n.height - HANDLE / 2, width: HANDLE, height: HANDLE }];
}

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

/** A state's accessible name: "State Triage (final) (initial) (collapsed, 3 states) (added)", each part when it applies. */
function stateName(n: GraphNode, mark: string | undefined, t: Translate): string {
  return [
    t('canvas.playbook.node', { title: n.title }),
    ...(n.kind === 'final' ? [t('canvas.playbook.nodeFinal')] : []),
    ...(n.initial ? [t('canvas.playbook.nodeInitial')] : []),
    ...(n.collapsed ? [t('canvas.playbook.nodeCollapsed', { count: n.descendants })] : []),
    ...(mark ? [`(${t(`canvas.shared.mark.${mark}`, { defaultValue: mark })})`] : []),
  ].join(' ');
}

function Canvas({ def, edit, selection, select, overlay }: EditProps & { overlay?: CanvasOverlay }) {
  const flow = useReactFlow();
  const { language, t } = useWords();
  // one object while the language stands: buildGraph's labels and the names below depend on it
  const words = useMemo(() => ({ language, t }), [language, t]);
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
  const graph = useMemo(() => buildGraph(def, (id) => stored?.[id] ?? auto.positions[id], collapsed, words), [def, stored, auto, collapsed, words]);
  const unstored = graph.nodes.some((n) => !stored?.[n.id]);
  const structure = useMemo(() => JSON.stringify(graph.nodes.map((n) => [n.id, n.parent])) + JSON.stringify(graph.edges.map((e) => e.id + e.label)), [graph]);
  const layoutRun = useRef(0);
  const [fitPending, setFitPending] = useState(false);
  // busy from the first render when ELK is to lay states out (not one render later, when the layout starts)
  const [laying, setLaying] = useState(unstored);

  const defRef = useRef(def);
  defRef.current = def;
  const collapsedRef = useRef(collapsed);
  collapsedRef.current = collapsed;

  const store = useStoreApi();
  const runLayout = useCallback(async (save: boolean) => {
    const run = ++layoutRun.current;
    setLaying(true);
    try {
      // the size React Flow measured (reading the element's would lay out the page again, just drawn)
      const { width, height } = store.getState();
      const el = host.current;
      const ratio = width > 0 && height > 0 ? width / height : el && el.clientHeight > 0 ? el.clientWidth / el.clientHeight : 1;
      const result = await autoLayout(buildGraph(defRef.current, () => undefined, collapsedRef.current), ratio);
      if (run !== layoutRun.current) return;
      setLayoutError(null);
      if (save) edit((d) => setPositions(d, result.positions));
      setAuto(result);
      setFitPending(true);
    } catch (e) {
      setLayoutError(t('canvas.playbook.layoutFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (run === layoutRun.current) setLaying(false);
    }
  }, [structure, edit, flow, store, t]);

  // states without a saved position are laid out by elk, again whenever the graph's structure changes. A large
  // playbook's layout (seconds of CPU in the worker) starts once the canvas is drawn and the page is idle: on a
  // two-core machine it would otherwise compete with drawing the states, which then took longer, and so did the
  // layout itself. A small one starts at once.
  const large = graph.nodes.length > WRAP_ABOVE;
  useEffect(() => {
    if (!unstored) return;
    const start = () => void runLayout(false);
    if (!large || typeof requestIdleCallback === 'undefined') return start();
    const id = requestIdleCallback(start, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }, [unstored, runLayout, large]);

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
  const selectedRef = useRef(selectedState);
  selectedRef.current = selectedState;
  // the nodes and edges given to React Flow last time: an unchanged one is passed again as the same object
  const lastNodes = useRef(kept<StateFlowNode>());
  const lastEdges = useRef(kept<TransitionFlowEdge>());
  const built = useMemo<StateFlowNode[]>(
    () =>
      keepSame(lastNodes.current, graph.nodes.map((n) => ({
        id: n.id,
        type: 'state',
        position: n.position,
        data: { state: n, active: overlay?.active.includes(n.id) ?? false, mark: overlay?.marks?.states[n.id], editable, openMenu, toggleCollapsed, t },
        width: n.width,
        height: n.height,
        handles: handlesOf(n),
        selected: selectedState === n.id || picked.has(n.id),
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
        ariaLabel: stateName(n, overlay?.marks?.states[n.id], t),
      }))),
    [graph, selectedState, picked, overlay, editable, openMenu, toggleCollapsed, t],
  );
  // React Flow's nodes: the built ones with their measured size (and moves while dragging). A node whose built
  // object is unchanged stays the same object, and an unchanged list the same list: no work for React Flow.
  const builtFrom = useRef(new WeakMap<StateFlowNode, StateFlowNode>());
  const toFlow = useCallback((b: StateFlowNode, before: StateFlowNode | undefined): StateFlowNode => {
    if (before && builtFrom.current.get(before) === b) return before;
    const n = { ...b, measured: before?.measured ?? { width: b.width, height: b.height } };
    builtFrom.current.set(n, b);
    return n;
  }, []);
  const [nodes, setNodes] = useState<StateFlowNode[]>(() => built.map((b) => toFlow(b, undefined)));
  useEffect(() => {
    setNodes((prev) => {
      const byId = new Map(prev.map((p) => [p.id, p]));
      const next = built.map((b) => toFlow(b, byId.get(b.id)));
      return next.length === prev.length && next.every((n, i) => n === prev[i]) ? prev : next;
    });
  }, [built, toFlow]);
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  // The first fit, at once: React Flow's own (the fitView prop) waits until it has measured every state, after
  // the first frame, and the canvas is then styled and laid out again at the new zoom (for 300 states, ~0.1 s).
  // By then the view is already fitted, so its fit changes nothing.
  useEffect(() => {
    const { width, height, panZoom, minZoom, nodeLookup } = store.getState();
    if (!panZoom || width <= 0 || height <= 0 || nodeLookup.size === 0) return;
    const bounds = flow.getNodesBounds([...nodeLookup.keys()]);
    void flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, FIT.maxZoom, FIT.padding));
  }, [flow, store]);

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
    return keepSame(lastEdges.current, graph.edges.map((e) => {
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
        ariaLabel: [
          t('canvas.playbook.edge', { label: e.label, sourceTitle: title.get(e.source) ?? e.source, targetTitle: title.get(e.target) ?? e.target, source: e.source, target: e.target }),
          ...(cov ? [`(${t(`canvas.shared.coverage.${cov}`, { defaultValue: cov })})`] : []),
          ...(mark ? [`(${t(`canvas.shared.mark.${mark}`)})`] : []),
        ].join(' '),
        data: { kind: e.kind, event: e.event, index: e.index, lane: labels.lanes.get(e.id) ?? 0, box: placed?.box ?? { lines: [e.label], width: 0, height: 0, font: 12 }, at: placed?.at ?? null, through: placed?.through ?? null },
        zIndex: 10,
        // no wider invisible path to click: a line takes no clicks (styles.css), its label does
        interactionWidth: 0,
      };
    }));
  }, [graph, labels, selection, overlay, t]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      // selection is ours (it drives the side panel); a node selected with the keyboard (Enter) selects its state.
      // With Ctrl (or Shift+drag) React Flow keeps the others selected: they are the multiple selection.
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length > 0) {
        const now = new Set(nodesRef.current.filter((n) => n.selected).map((n) => n.id));
        for (const c of selects) {
          if (c.type !== 'select') continue;
          if (c.selected) now.add(c.id);
          else now.delete(c.id);
        }
        const last = [...selects].reverse().find((c) => c.type === 'select' && c.selected);
        const current = selectedRef.current;
        const primary = last?.id ?? (current && now.has(current) ? current : [...now][0]);
        setPicked((p) => (now.size > 1 ? now : p.size === 0 ? p : new Set()));
        if (primary && primary !== current) select({ type: 'state', id: primary });
      }
      const rest = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
      if (rest.length > 0) setNodes((ns) => applyNodeChanges(rest, ns));
    },
    [select],
  );

  const connect = useCallback(
    (source: string, target: string) => {
      const def = defRef.current;
      const event = eventNameFor(target, (name) => Boolean(def.events?.[name]));
      const r = addTransition(def, { source, target, event });
      if (!r) return;
      // the new event's title names the state it goes to, in words
      const targetTitle = listStates(def).find((s) => s.id === target)?.node.title;
      const titled = targetTitle ? { ...r.def, events: { ...r.def.events, [event]: { ...r.def.events?.[event], title: t('canvas.playbook.goTo', { title: targetTitle }) } } } : r.def;
      edit(() => titled);
      select({ type: 'transition', ...r.ref });
    },
    [edit, select, t],
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

  // the handlers keep their identity across renders (see ariaLabels)
  const clearPicked = useCallback(() => setPicked((p) => (p.size === 0 ? p : new Set())), []);
  const onNodeClick = useCallback<NodeMouseHandler<StateFlowNode>>(
    (e, n) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      clearPicked();
      select({ type: 'state', id: n.id });
    },
    [clearPicked, select],
  );
  const onNodeContextMenu = useCallback<NodeMouseHandler<StateFlowNode>>(
    (e, n) => {
      if (!editable) return;
      e.preventDefault();
      setMenu({ id: n.id, connecting: false });
    },
    [editable],
  );
  const onEdgeClick = useCallback<EdgeMouseHandler<TransitionFlowEdge>>(
    (_, e) => {
      const d = e.data;
      clearPicked();
      if (d?.kind === 'on') select({ type: 'transition', source: e.source, event: d.event, index: d.index });
      else select({ type: 'state', id: e.source });
    },
    [clearPicked, select],
  );
  const onPaneClick = useCallback(() => {
    clearPicked();
    setMenu(null);
    select(null);
  }, [clearPicked, select]);
  const onNodeDragStop = useCallback<OnNodeDrag<StateFlowNode>>(
    (_, node) => {
      const positions: Record<string, Pos> = {};
      for (const n of nodesRef.current) positions[n.id] = n.id === node.id ? node.position : n.position;
      edit((d: CaseType) => setPositions(d, positions));
    },
    [edit],
  );

  const menuState = menu ? graph.nodes.find((n) => n.id === menu.id) : undefined;

  return (
    <div className="canvas-wrap">
      <div className="canvas-toolbar">
        {overlay ? null : <AddState def={def} edit={edit} select={select} />}
        <button type="button" onClick={() => void runLayout(true)}>
          {t('canvas.playbook.autoLayout')}
        </button>
        <button type="button" onClick={() => void flow.fitView(FIT)}>
          {t('canvas.playbook.fit')}
        </button>
        {editable ? (
          <button type="button" className="danger" onClick={deleteSelected} disabled={selectedCount === 0} aria-keyshortcuts="Delete">
            {selectedCount > 1 ? t('canvas.playbook.deleteSelectedCount', { count: selectedCount }) : t('canvas.playbook.deleteSelected')}
          </button>
        ) : null}
        <Search states={allStates} onFound={find} />
        {layoutError ? <span role="alert" className="error">{layoutError}</span> : null}
      </div>
      <div className="canvas" aria-label={t('canvas.playbook.canvas')} role="region" aria-busy={laying} ref={host} onKeyDown={onCanvasKey}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onNodeClick={onNodeClick}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          onNodeDragStop={onNodeDragStop}
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          ariaLabelConfig={ariaLabels(language, t)}
        >
          <Background />
          <Controls aria-label={t('canvas.playbook.zoomControls')} />
          <MiniMap pannable zoomable ariaLabel={t('canvas.playbook.overview')} />
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
