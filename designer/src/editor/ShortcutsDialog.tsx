// "Keyboard shortcuts": every key the designer answers to, in one dialog (the toolbar's button, or "?" when
// the focus is not in a text box). The list is kept beside the handlers it describes: Workspace (undo, redo,
// save, "?"), the tabs and dialogs (Radix), the problems panel's separator, the canvas (PlaybookView,
// StateNodeView, StateMenu). docs/designer.md says the same.
import { DialogClose, DialogDescription, ModalDialog } from '../app/ModalDialog.tsx';
import { useWords } from '../i18n/use-words.ts';

/** A key (a key of editor.shortcuts.keys) and what it does (a key of editor.shortcuts.does). */
interface Shortcut {
  keys: string;
  does: string;
}

/** The groups, by their keys in editor.shortcuts: the area's title (areas), each key and what it does. */
const SHORTCUTS: readonly { area: string; items: readonly Shortcut[] }[] = [
  {
    area: 'anywhere',
    items: [
      { keys: 'ctrlZ', does: 'undo' },
      { keys: 'redo', does: 'redo' },
      { keys: 'ctrlS', does: 'save' },
      { keys: 'question', does: 'shortcuts' },
    ],
  },
  {
    area: 'views',
    items: [
      { keys: 'leftRight', does: 'tabNext' },
      { keys: 'homeEnd', does: 'tabEnds' },
      { keys: 'enterSpace', does: 'tabOpen' },
    ],
  },
  {
    area: 'problems',
    items: [{ keys: 'leftRight', does: 'resize' }],
  },
  {
    area: 'canvas',
    items: [
      { keys: 'tab', does: 'canvasTab' },
      { keys: 'enterSpace', does: 'canvasEnter' },
      { keys: 'ctrlClick', does: 'canvasAdd' },
      { keys: 'delete', does: 'canvasDelete' },
      { keys: 'arrows', does: 'canvasMove' },
    ],
  },
  {
    area: 'stateMenu',
    items: [
      { keys: 'upDown', does: 'menuMove' },
      { keys: 'enterSpace', does: 'menuChoose' },
      { keys: 'escape', does: 'menuClose' },
    ],
  },
  {
    area: 'dialogs',
    items: [
      { keys: 'enter', does: 'nameKeep' },
      { keys: 'escape', does: 'dialogClose' },
    ],
  },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useWords();
  return (
    <ModalDialog
      title={t('editor.shortcuts.title')}
      className="shortcuts-dialog"
      onClose={onClose}
      buttons={
        <DialogClose asChild>
          <button type="button">{t('editor.shortcuts.close')}</button>
        </DialogClose>
      }
    >
      <DialogDescription>{t('editor.shortcuts.description')}</DialogDescription>
      {SHORTCUTS.map((group) => (
        <section key={group.area}>
          <h3>{t(`editor.shortcuts.areas.${group.area}`)}</h3>
          <dl className="shortcuts">
            {group.items.map((s) => (
              <div key={s.keys + s.does}>
                <dt>
                  <kbd>{t(`editor.shortcuts.keys.${s.keys}`)}</kbd>
                </dt>
                {/* the problems panel's separator by the name the workspace gives it */}
                <dd>{t(`editor.shortcuts.does.${s.does}`, { separator: t('editor.workspace.resizeProblems') })}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}
