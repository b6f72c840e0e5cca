// A state's menu on the canvas, drawn beside the state at screen size (NodeToolbar): connect it to another
// state chosen by title (the keyboard's way to draw a transition), collapse or expand a stage, delete it.
// The menu is Radix's DropdownMenu (roving focus, Arrow Up/Down that wrap, Home/End, type-ahead, Escape);
// it opens beside the state (a hidden anchor in the NodeToolbar) and follows it as the canvas pans. The
// canvas decides when it is open (the ⋯ button, a right-click, Enter on a handle), so the menu is always
// open while it is drawn and every way of closing it goes through `onClose`.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { NodeToolbar, Position } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphNode } from './flow-graph.ts';
import { useWords } from '../i18n/use-words.ts';

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
  const entered = useRef(false);
  const { t } = useWords();
  if (connecting) return <ConnectForm state={state} targets={targets} onConnect={onConnect} onClose={onClose} />;
  return (
    <DropdownMenu.Root open modal={false} onOpenChange={(open) => !open && onClose()}>
      <NodeToolbar nodeId={state.id} isVisible position={Position.Right} className="state-menu-anchor nodrag nopan">
        <DropdownMenu.Trigger asChild>
          <span aria-hidden="true" />
        </DropdownMenu.Trigger>
      </NodeToolbar>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="state-menu"
          aria-label={t('canvas.shared.menuOf', { title: state.title })}
          aria-labelledby={undefined}
          side="right"
          align="start"
          sideOffset={4}
          loop
          updatePositionStrategy="always"
          onFocus={(e) => {
            // opened, the menu takes the focus: on to its first item, however it was opened (Radix moves there
            // only when a key opened it); later, when the pointer leaves an item, the focus stays on the menu
            if (e.target !== e.currentTarget || entered.current) return;
            entered.current = true;
            e.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={(e) => e.preventDefault() /* onClose puts the focus back on the state */}
        >
          {state.kind !== 'final' ? (
            <DropdownMenu.Item
              className="state-menu-item"
              onSelect={(e) => {
                e.preventDefault();
                setConnecting(true);
              }}
            >
              {t('canvas.menu.connectTo')}
            </DropdownMenu.Item>
          ) : null}
          {state.descendants > 0 ? (
            <DropdownMenu.Item
              className="state-menu-item"
              onSelect={(e) => {
                e.preventDefault();
                onToggleCollapsed();
              }}
            >
              {state.collapsed ? t('canvas.menu.expand') : t('canvas.menu.collapse')}
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item
            className="state-menu-item danger"
            onSelect={(e) => {
              e.preventDefault();
              onDelete();
            }}
          >
            {t('canvas.menu.delete')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="state-menu-item"
            onSelect={(e) => {
              e.preventDefault();
              onClose();
            }}
          >
            {t('canvas.menu.close')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** "Connect to…": the target state chosen by title; Escape or Cancel closes it. */
function ConnectForm({ state, targets, onConnect, onClose }: Pick<Props, 'state' | 'targets' | 'onConnect' | 'onClose'>) {
  const { t } = useWords();
  const [target, setTarget] = useState('');
  const picker = useRef<HTMLSelectElement>(null);
  useEffect(() => picker.current?.focus(), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };
  return (
    <NodeToolbar nodeId={state.id} isVisible position={Position.Right} className="state-menu nodrag nopan" onKeyDown={onKey}>
      <form
        aria-label={t('canvas.menu.connectForm', { title: state.title })}
        onSubmit={(e) => {
          e.preventDefault();
          if (target) onConnect(target);
        }}
      >
        <label htmlFor="connect-target">{t('canvas.menu.connectLabel', { title: state.title })}</label>
        <select id="connect-target" ref={picker} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('canvas.shared.chooseState')}</option>
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <div className="button-row">
          <button type="submit" disabled={!target}>
            {t('canvas.menu.connect')}
          </button>
          <button type="button" onClick={onClose}>
            {t('canvas.menu.cancel')}
          </button>
        </div>
      </form>
    </NodeToolbar>
  );
}
