// The confirmation before a version becomes the draft: it says that the current draft (with any changes
// not saved yet) will be replaced, and that Undo brings it back.
import { useState } from 'react';
import { DialogClose, DialogDescription, ModalDialog } from '../../app/ModalDialog.tsx';

interface Props {
  version: number;
  /** Saves the version as the draft; the failure in words, or null when it is done. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

export function RestoreDialog({ version, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailed(null);
    const error = await onConfirm();
    setBusy(false);
    if (error === null) onClose();
    else setFailed(error);
  };
  return (
    <ModalDialog
      title={`New draft from version ${version}?`}
      onClose={onClose}
      closable={!busy}
      buttons={
        <>
          <button type="button" onClick={() => void confirm()} disabled={busy}>
            {busy ? 'Replacing the draft…' : 'Replace the draft'}
          </button>
          <DialogClose asChild>
            <button type="button" disabled={busy}>
              Cancel
            </button>
          </DialogClose>
        </>
      }
    >
      <DialogDescription>
        The current draft will be replaced by version {version}, including any changes not saved yet. Published versions and running cases are not
        changed. Until you leave the editor, Undo brings the current draft back.
      </DialogDescription>
      {failed ? (
        <p role="alert" className="error">
          The draft was not replaced: {failed}
        </p>
      ) : null}
    </ModalDialog>
  );
}
