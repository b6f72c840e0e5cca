// A state's menu on the canvas, drawn beside the state at screen size (NodeToolbar): connect it to another
// state chosen by title (the keyboard's way to draw a transition), collapse or expand a stage, delete it.
import { NodeToolbar, Position } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphNode } from './flow-graph.ts';

interface Props {
  state: GraphNode;
  /** Every state a transition may go to, by title. */
  targets: readonly { id: string; title: string }[];
  connecting: boolean;
  setConnecting: (on: boolean) => void;
  onConnect: (target: string) => void;
  onToggleCollapsed: () => void;
  onDelete: () => void;
  onClose: () => void;
}

export function StateMenu({ state, targets, connecting, setConnecting, onConnect, onToggleCollapsed, onDelete, onClose }: Props) {
  const [target, setTarget] = useState('');
  const menu = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (connecting) picker.current?.focus();
    else menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [connecting]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (connecting || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  };
  return (
    <NodeToolbar nodeId={state.id} isVisible position={Position.Right} className="state-menu nodrag nopan" onKeyDown={onKey}>
      {connecting ? (
        <form
          aria-label={`Connect ${state.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (target) onConnect(target);
          }}
        >
          <label htmlFor="connect-target">Connect {state.title} to</label>
          <select id="connect-target" ref={picker} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">choose a state…</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <div className="button-row">
            <button type="submit" disabled={!target}>
              Connect
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div role="menu" aria-label={`Menu of state ${state.title}`} ref={menu}>
          {state.kind !== 'final' ? (
            <button type="button" role="menuitem" onClick={() => setConnecting(true)}>
              Connect to…
            </button>
          ) : null}
          {state.descendants > 0 ? (
            <button type="button" role="menuitem" onClick={onToggleCollapsed}>
              {state.collapsed ? 'Expand the stage' : 'Collapse the stage'}
            </button>
          ) : null}
          <button type="button" role="menuitem" className="danger" onClick={onDelete}>
            Delete this state
          </button>
          <button type="button" role="menuitem" onClick={onClose}>
            Close the menu
          </button>
        </div>
      )}
    </NodeToolbar>
  );
}
