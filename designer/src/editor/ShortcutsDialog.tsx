// "Keyboard shortcuts": every key the designer answers to, in one dialog (the toolbar's button, or "?" when
// the focus is not in a text box). The list is kept beside the handlers it describes: Workspace (undo, redo,
// save, "?"), the tabs and dialogs (Radix), the problems panel's separator, the canvas (PlaybookView,
// StateNodeView, StateMenu). docs/designer.md says the same.
import { DialogClose, DialogDescription, ModalDialog } from '../app/ModalDialog.tsx';

interface Shortcut {
  keys: string;
  does: string;
}

const SHORTCUTS: readonly { area: string; items: readonly Shortcut[] }[] = [
  {
    area: 'Anywhere in the editor (not inside the JSON editor, which has its own undo)',
    items: [
      { keys: 'Ctrl+Z (⌘Z)', does: 'Undo the last edit of the definition' },
      { keys: 'Ctrl+Shift+Z or Ctrl+Y (⌘⇧Z)', does: 'Redo' },
      { keys: 'Ctrl+S (⌘S)', does: 'Save the draft' },
      { keys: '?', does: 'Show these shortcuts (when the focus is not in a text box)' },
    ],
  },
  {
    area: 'Editor views (the tabs)',
    items: [
      { keys: 'Arrow Left / Arrow Right', does: 'Move to the previous or next tab' },
      { keys: 'Home / End', does: 'Move to the first or last tab' },
      { keys: 'Enter or Space', does: 'Open the tab' },
    ],
  },
  {
    area: 'Problems panel',
    items: [{ keys: 'Arrow Left / Arrow Right', does: 'On its separator ("Resize the problems panel"): make the panel wider or narrower' }],
  },
  {
    area: 'Playbook canvas',
    items: [
      { keys: 'Tab', does: 'Move through the states, their buttons and connection points, and the transitions' },
      { keys: 'Enter or Space', does: 'On a state: select it; on a connection point: open its menu at “Connect to…”' },
      { keys: 'Ctrl+click (⌘-click)', does: 'Add a state to the selection' },
      { keys: 'Delete', does: 'Delete the selected states or transition' },
      { keys: 'Arrow keys', does: 'Move the selected state on screen (not stored; drag or Auto layout stores positions)' },
    ],
  },
  {
    area: 'State menu',
    items: [
      { keys: 'Arrow Up / Arrow Down', does: 'Move between its items' },
      { keys: 'Enter or Space', does: 'Choose the item' },
      { keys: 'Escape', does: 'Close the menu; the focus goes back to the state' },
    ],
  },
  {
    area: 'Name boxes and dialogs',
    items: [
      { keys: 'Enter', does: 'In a name box (field, rule, state, event, delay): keep the new name' },
      { keys: 'Escape', does: 'Close the dialog; the focus goes back where it was' },
    ],
  },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      className="shortcuts-dialog"
      onClose={onClose}
      buttons={
        <DialogClose asChild>
          <button type="button">Close</button>
        </DialogClose>
      }
    >
      <DialogDescription>Every key the designer answers to. On a Mac, ⌘ stands for Ctrl.</DialogDescription>
      {SHORTCUTS.map((group) => (
        <section key={group.area}>
          <h3>{group.area}</h3>
          <dl className="shortcuts">
            {group.items.map((s) => (
              <div key={s.keys + s.does}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}
