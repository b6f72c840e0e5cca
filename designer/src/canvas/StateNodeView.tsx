// A state on the canvas: its title (never its id, unless it has no title), its task; final states drawn with
// a double border, the initial one marked; a stage (compound state) can be collapsed into one box. Handles
// are named and focusable (Enter opens the state's menu at "Connect to…"); the ⋯ button opens the menu.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { GraphNode } from './flow-graph.ts';
import type { Translate } from '../i18n/i18n.ts';

export interface StateNodeData extends Record<string, unknown> {
  state: GraphNode;
  active?: boolean;
  /** Versions compared: the state was added, removed or changed (drawn in colour and said in words). */
  mark?: 'added' | 'removed' | 'changed' | undefined;
  /** Editing controls (menu, handles that connect) are shown: not in the simulator. */
  editable: boolean;
  openMenu: (id: string, connect: boolean) => void;
  toggleCollapsed: (id: string) => void;
  /** The canvas's words (its language's `t`), given with the data: no translation hook in each of hundreds of states. */
  t: Translate;
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
  const { t } = data;
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
      <Handle type="target" position={Position.Top} {...handleA11y(data.editable, t('canvas.node.into', { title: s.title }))} onKeyDown={onHandleKey} />
      <div className="state-head">
        {stage ? (
          <button
            type="button"
            className="state-toggle nodrag"
            aria-expanded={!s.collapsed}
            aria-label={s.collapsed ? t('canvas.node.expand', { title: s.title, count: s.descendants }) : t('canvas.node.collapse', { title: s.title })}
            onClick={(e) => {
              e.stopPropagation();
              data.toggleCollapsed(s.id);
            }}
          >
            <span aria-hidden="true">{s.collapsed ? '▸' : '▾'}</span>
          </button>
        ) : null}
        <div className="state-title" title={s.title}>
          {s.initial ? <span title={t('canvas.node.initial')} aria-hidden="true">▶ </span> : null}
          {s.title}
          {s.kind === 'final' ? <span className="badge">{t('canvas.node.final')}</span> : null}
          {s.kind === 'parallel' ? <span className="badge">{t('canvas.node.parallel')}</span> : null}
          {data.mark ? <span className={`badge diff-badge diff-badge-${data.mark}`}>{t(`canvas.shared.mark.${data.mark}`)}</span> : null}
        </div>
        {data.editable ? (
          <button
            type="button"
            className="state-menu-button nodrag"
            aria-haspopup="menu"
            aria-label={t('canvas.shared.menuOf', { title: s.title })}
            onClick={(e) => {
              e.stopPropagation();
              data.openMenu(s.id, false);
            }}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        ) : null}
      </div>
      {s.collapsed ? <div className="state-task">{t('canvas.node.inside', { count: s.descendants })}</div> : null}
      {s.task && !group && !s.collapsed ? <div className="state-task">{t('canvas.node.task', { task: s.task })}</div> : null}
      {s.kind !== 'final' ? (
        <Handle type="source" position={Position.Bottom} {...handleA11y(data.editable, t('canvas.node.from', { title: s.title }))} onKeyDown={onHandleKey} isConnectable={data.editable} />
      ) : null}
    </div>
  );
}
