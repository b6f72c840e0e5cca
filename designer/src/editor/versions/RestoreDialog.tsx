// The confirmation before a version becomes the draft: it says that the current draft (with any changes
// not saved yet) will be replaced, and that Undo brings it back.
import { useEffect, useRef, useState } from 'react';

interface Props {
  version: number;
  /** Saves the version as the draft; the failure in words, or null when it is done. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

export function RestoreDialog({ version, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setFailed(null);
    const error = await onConfirm();
    setBusy(false);
    if (error === null) ref.current?.close();
    else setFailed(error);
  };
  return (
    <dialog ref={ref} className="publish-dialog" aria-labelledby="restore-heading" aria-describedby="restore-text" onClose={onClose}>
      <h2 id="restore-heading">New draft from version {version}?</h2>
      <p id="restore-text">
        The current draft will be replaced by version {version}, including any changes not saved yet. Published versions and running cases are not
        changed. Until you leave the editor, Undo brings the current draft back.
      </p>
      {failed ? (
        <p role="alert" className="error">
          The draft was not replaced: {failed}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Replacing the draft…' : 'Replace the draft'}
        </button>
        <button type="button" onClick={() => ref.current?.close()} disabled={busy}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
