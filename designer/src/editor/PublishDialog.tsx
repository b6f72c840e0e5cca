// Publish (admin): shows what changes against the latest published version, takes an optional note (kept
// with the version, listed in the versions view), saves the draft, publishes, and shows the new version
// number. Blocked while errors remain.
import { useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ApiClient } from '../api/client.ts';
import { describeDiff, diffCaseTypes } from '../model/diff.ts';
import { DialogClose, DialogDescription, ModalDialog } from '../app/ModalDialog.tsx';

interface Props {
  api: ApiClient;
  def: CaseType;
  published: CaseType | null;
  errorCount: number;
  saveDraft: () => Promise<boolean>;
  onClose: () => void;
  onPublished: (def: CaseType) => void;
}

type Step = { type: 'review' } | { type: 'publishing' } | { type: 'failed'; message: string } | { type: 'done'; version: number };

export function PublishDialog({ api, def, published, errorCount, saveDraft, onClose, onPublished }: Props) {
  const [step, setStep] = useState<Step>({ type: 'review' });
  const [note, setNote] = useState('');
  const changes = diffCaseTypes(published, def);
  const publish = async () => {
    setStep({ type: 'publishing' });
    if (!(await saveDraft())) return setStep({ type: 'failed', message: 'The draft could not be saved first; see the save status.' });
    const r = await api.publish(def.key, note);
    if (!r.ok) return setStep({ type: 'failed', message: r.message });
    setStep({ type: 'done', version: r.value.version });
    onPublished({ ...def, version: r.value.version });
  };
  return (
    <ModalDialog
      title={`Publish ${def.title}`}
      className="publish-dialog"
      onClose={onClose}
      // while publishing, Escape does not unmount the dialog before the answer comes
      closable={step.type !== 'publishing'}
      buttons={
        <>
          {step.type !== 'done' ? (
            <button type="button" onClick={() => void publish()} disabled={errorCount > 0 || step.type === 'publishing'}>
              {step.type === 'publishing' ? 'Publishing…' : 'Publish now'}
            </button>
          ) : null}
          <DialogClose asChild>
            <button type="button">{step.type === 'done' ? 'Close' : 'Cancel'}</button>
          </DialogClose>
        </>
      }
    >
      {step.type === 'done' ? (
        <DialogDescription role="status" className="ok">
          Published {def.key} as version {step.version}. New cases use it from now on; running cases stay on their version.
        </DialogDescription>
      ) : (
        <>
          <DialogDescription>{published ? `Changes against the published version ${published.version ?? ''}:` : 'Nothing is published yet: this will be version 1.'}</DialogDescription>
          {published && changes.length === 0 ? <p>No changes.</p> : null}
          <ul className="diff" aria-label="Changes">
            {changes.map((c) => (
              <li key={c.key} className={`diff-${c.change}`}>
                {describeDiff(c)}
              </li>
            ))}
          </ul>
          <label className="publish-note">
            Note
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              rows={3}
              placeholder="What changes for the people who work on these cases, and why"
              aria-describedby="publish-note-hint"
              disabled={step.type === 'publishing'}
            />
          </label>
          <p id="publish-note-hint" className="muted">
            Optional. Kept with the version and shown in the versions list, with your name.
          </p>
          {errorCount > 0 ? (
            <p role="alert" className="error">
              Publishing is blocked: fix the {errorCount} error{errorCount === 1 ? '' : 's'} in the problems panel first.
            </p>
          ) : null}
          {step.type === 'failed' ? (
            <p role="alert" className="error">
              Not published: {step.message}
            </p>
          ) : null}
        </>
      )}
    </ModalDialog>
  );
}
