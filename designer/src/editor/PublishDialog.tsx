// Publish (admin): shows what changes against the latest published version, takes an optional note (kept
// with the version, listed in the versions view), saves the draft, publishes, and shows the new version
// number. Blocked while errors remain.
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ApiClient } from '../api/client.ts';
import { describeDiff, diffCaseTypes } from '../model/diff.ts';
import { DialogClose, DialogDescription, ModalDialog } from '../app/ModalDialog.tsx';
import { useWords } from '../i18n/use-words.ts';
import { migratePath, navigate } from '../app/router.ts';

interface Props {
  api: ApiClient;
  def: CaseType;
  published: CaseType | null;
  errorCount: number;
  saveDraft: () => Promise<boolean>;
  onClose: () => void;
  onPublished: (def: CaseType) => void;
}

/** `previous`: the version published before this one (its open cases may move to the new one). */
type Step = { type: 'review' } | { type: 'publishing' } | { type: 'failed'; message: string } | { type: 'done'; version: number; previous: number | null };

export function PublishDialog({ api, def, published, errorCount, saveDraft, onClose, onPublished }: Props) {
  const words = useWords();
  const { t } = words;
  const [step, setStep] = useState<Step>({ type: 'review' });
  const [note, setNote] = useState('');
  const changes = diffCaseTypes(published, def, words);
  const publish = async () => {
    setStep({ type: 'publishing' });
    if (!(await saveDraft())) return setStep({ type: 'failed', message: t('editor.publish.notSaved') });
    const r = await api.publish(def.key, note);
    if (!r.ok) return setStep({ type: 'failed', message: r.message });
    setStep({ type: 'done', version: r.value.version, previous: published?.version ?? null });
    onPublished({ ...def, version: r.value.version });
  };
  return (
    <ModalDialog
      title={t('editor.publish.title', { title: def.title })}
      className="publish-dialog"
      onClose={onClose}
      // while publishing, Escape does not unmount the dialog before the answer comes
      closable={step.type !== 'publishing'}
      buttons={
        <>
          {step.type !== 'done' ? (
            <button type="button" onClick={() => void publish()} disabled={errorCount > 0 || step.type === 'publishing'}>
              {step.type === 'publishing' ? t('editor.publish.publishing') : t('editor.publish.publishNow')}
            </button>
          ) : null}
          <DialogClose asChild>
            <button type="button">{step.type === 'done' ? t('editor.publish.close') : t('editor.publish.cancel')}</button>
          </DialogClose>
        </>
      }
    >
      {step.type === 'done' ? (
        <>
          <DialogDescription role="status" className="ok">
            {t('editor.publish.done', { key: def.key, version: step.version })}
          </DialogDescription>
          {step.previous !== null ? <MigrateOffer api={api} caseType={def.key} from={step.previous} to={step.version} /> : null}
        </>
      ) : (
        <>
          <DialogDescription>{published ? t('editor.publish.changesAgainst', { version: published.version ?? '' }) : t('editor.publish.firstVersion')}</DialogDescription>
          {published && changes.length === 0 ? <p>{t('editor.publish.noChanges')}</p> : null}
          <ul className="diff" aria-label={t('editor.publish.changes')}>
            {changes.map((c) => (
              <li key={c.key} className={`diff-${c.change}`}>
                {describeDiff(c, words)}
              </li>
            ))}
          </ul>
          <label className="publish-note">
            {t('editor.publish.note')}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              rows={3}
              placeholder={t('editor.publish.notePlaceholder')}
              aria-describedby="publish-note-hint"
              disabled={step.type === 'publishing'}
            />
          </label>
          <p id="publish-note-hint" className="muted">
            {t('editor.publish.noteHint')}
          </p>
          {errorCount > 0 ? (
            <p role="alert" className="error">
              {t('editor.publish.blocked', { count: errorCount })}
            </p>
          ) : null}
          {step.type === 'failed' ? (
            <p role="alert" className="error">
              {t('editor.publish.failed', { message: step.message })}
            </p>
          ) : null}
        </>
      )}
    </ModalDialog>
  );
}

/** After a new version is published: how many open cases the previous version holds, and the way to move them. */
function MigrateOffer({ api, caseType, from, to }: { api: ApiClient; caseType: string; from: number; to: number }) {
  const { t } = useWords();
  const [count, setCount] = useState<{ type: 'counting' } | { type: 'counted'; n: number } | { type: 'failed'; message: string }>({ type: 'counting' });
  useEffect(() => {
    let live = true;
    // the suggested plan's dry run with no case listed: its count is every open case of the previous version
    void api.migrations.suggest(caseType, from, to).then(async (suggested) => {
      const counted = suggested.ok ? await api.migrations.dryRun(suggested.value.plan, 0) : suggested;
      if (!live) return;
      setCount(counted.ok ? { type: 'counted', n: counted.value.counts.total } : { type: 'failed', message: counted.message });
    });
    return () => {
      live = false;
    };
  }, [api, caseType, from, to]);
  return (
    <div className="publish-migrate">
      <p role="status">
        {count.type === 'counting'
          ? t('migrations.entry.counting', { from })
          : count.type === 'failed'
            ? t('migrations.entry.countFailed', { from, message: count.message })
            : count.n === 0
              ? t('migrations.entry.none', { from })
              : t('migrations.entry.open', { count: count.n, from, to })}
      </p>
      <button type="button" onClick={() => navigate(migratePath(caseType, from, to))}>
        {t('migrations.entry.button')}
      </button>
    </div>
  );
}
