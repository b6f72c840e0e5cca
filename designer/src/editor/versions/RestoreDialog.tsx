// The confirmation before a version becomes the draft: it says that the current draft (with any changes
// not saved yet) will be replaced, and that Undo brings it back.
import { useState } from 'react';
import { DialogClose, DialogDescription, ModalDialog } from '../../app/ModalDialog.tsx';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  version: number;
  /** Saves the version as the draft; the failure in words, or null when it is done. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

export function RestoreDialog({ version, onConfirm, onClose }: Props) {
  const { t } = useWords();
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
      title={t('versions.restore.title', { version })}
      onClose={onClose}
      closable={!busy}
      buttons={
        <>
          <button type="button" onClick={() => void confirm()} disabled={busy}>
            {busy ? t('versions.restore.replacing') : t('versions.restore.replace')}
          </button>
          <DialogClose asChild>
            <button type="button" disabled={busy}>
              {t('versions.restore.cancel')}
            </button>
          </DialogClose>
        </>
      }
    >
      <DialogDescription>{t('versions.restore.description', { version })}</DialogDescription>
      {failed ? (
        <p role="alert" className="error">
          {t('versions.restore.failed', { error: failed })}
        </p>
      ) : null}
    </ModalDialog>
  );
}
