// A state on the canvas: its title (never its id, unless it has no title), its task; final states drawn with
// a double border, the initial one marked; a stage (compound state) can be collapsed into one box. Handles
// are named and focusable (Enter opens the state's menu at "Connect to…"); the ⋯ button opens the menu.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { GraphNode } from './flow-graph.ts';

export interface StateNodeData extends Record<string, unknown> {
  state: GraphNode;
  active?: boolean;
  /** Versions compared: the state was added, removed or changed (drawn in colour and said in words). */
  mark?: 'added' | 'removed' | 'changed' | undefined;
  /** Editing controls (menu, handles that connect) are shown: not in the simulator. */
  editable: boolean;
  openMenu: (id: string, connect: boolean) => void;
  toggleCollapsed: (id: string) => void;
}

export type StateFlowNode = Node<StateNodeData, 'state'>;

/**
 * A handle's semantics. React Flow draws it as a plain `div`, on which a name is not allowed (axe:
 * aria-prohibited-attr): where it can be used (focusable, Enter or Space opens "Connect to…") it is a named
 * button; where it cannot (the simulator, versions compared) it is decoration, hidden from assistive technology.
 */
function handleA11y(editable: boolean, name: string) {
  return editable ? { role: 'button', 'aria-label': name, tabIndex: 0 } : { 'aria-hidden': true, tabIndex: -1 };
}

export function StateNodeView({ data, selected }: NodeProps<StateFlowNode>) {
  const s = data.state;
  const group = (s.kind === 'compound' || s.kind === 'parallel') && !s.collapsed;
  const stage = s.descendants > 0;
  const onHandleKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    data.openMenu(s.id, true);
  };
  return (
    <div
      className={`state-node state-${s.kind}${selected ? ' selected' : ''}${group ? ' state-group' : ''}${s.collapsed ? ' state-collapsed' : ''}${data.active ? ' state-active' : ''}${data.mark ? ` state-diff-${data.mark}` : ''}`}
      data-state-id={s.id}
      data-active={data.active ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Top} {...handleA11y(data.editable, `Connection point into ${s.title}`)} onKeyDown={onHandleKey} />
      <div className="state-head">
        {stage ? (
          <button
            type="button"
            className="state-toggle nodrag"
            aria-expanded={!s.collapsed}
            aria-label={s.collapsed ? `Expand stage ${s.title} (${s.descendants} states)` : `Collapse stage ${s.title}`}
            onClick={(e) => {
              e.stopPropagation();
              data.toggleCollapsed(s.id);
            }}
          >
            <span aria-hidden="true">{s.collapsed ? '▸' : '▾'}</span>
          </button>
        ) : null}
        <div className="state-title" title={s.title}>
          {s.initial ? <span title="initial state" aria-hidden="true">▶ </span> : null}
          {s.title}
          {s.kind === 'final' ? <span className="badge">final</span> : null}
          {s.kind === 'parallel' ? <span className="badge">parallel</span> : null}
          {data.mark ? <span className={`badge diff-badge diff-badge-${data.mark}`}>{data.mark}</span> : null}
        </div>
        {data.editable ? (
          <button
            type="button"
            className="state-menu-button nodrag"
            aria-haspopup="menu"
            aria-label={`Menu of state ${s.title}`}
            onClick={(e) => {
              e.stopPropagation();
              data.openMenu(s.id, false);
            }}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        ) : null}
      </div>
      {s.collapsed ? <div className="state-task">{s.descendants} states inside</div> : null}
      {s.task && !group && !s.collapsed ? <div className="state-task">Task: {s.task}</div> : null}
      {s.kind !== 'final' ? (
        <Handle type="source" position={Position.Bottom} {...handleA11y(data.editable, `Start a connection from ${s.title}`)} onKeyDown={onHandleKey} isConnectable={data.editable} />
      ) : null}
    </div>
  );
}
