// The one modal dialog of the designer, on Radix's Dialog: focus kept inside while it is open, Escape closes
// it, the focus goes back where it was, and the title and description name it. The heading and the buttons
// stay on screen; only the body scrolls (the dialog is never taller than the window). A click outside does
// not close it: what was typed in it would be lost.
import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** The body; it holds a `<DialogDescription>` (the sentence that says what the dialog is for). */
  children: ReactNode;
  /** The button row; a button that only closes is wrapped in `<DialogClose asChild>`. */
  buttons: ReactNode;
  onClose: () => void;
  /** False while something is under way that Escape must not interrupt. */
  closable?: boolean;
  className?: string;
}

export const DialogDescription = Dialog.Description;
export const DialogClose = Dialog.Close;

export function ModalDialog({ title, children, buttons, onClose, closable = true, className }: Props) {
  // what had the focus when the dialog opened (the button that opened it, or "?" pressed on a tab): it gets
  // the focus back on closing. Radix returns it to a Dialog.Trigger; these dialogs are opened by state.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={`dialog${className ? ` ${className}` : ''}`}
          onInteractOutside={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
          onEscapeKeyDown={(e) => {
            if (!closable) e.preventDefault();
          }}
        >
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {/* in the Tab order, so that a body taller than the window scrolls from the keyboard too */}
          <div className="dialog-body" tabIndex={0}>
            {children}
          </div>
          <div className="button-row dialog-buttons">{buttons}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
