// "Add a note" on a case (issue 21, item 7): free text saved as a history entry with the agent's name and
// the time; the history timeline shows it as "Note by Ann". Empty or over-long text is refused here and
// by the server (422).
import { useState } from 'react';
import { MAX_NOTE_TEXT } from '../../../runtime/engine/index.ts';
import type { ConsoleApi } from './console-api.ts';
import { useWords } from '../i18n/use-words.ts';

export function NotesPanel({ api, caseId, onAdded }: { api: ConsoleApi; caseId: string; onAdded: () => Promise<void> }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`due.notes.${key}`, values);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  const save = async () => {
    const trimmed = text.trim();
    if (trimmed === '') return setMessage({ kind: 'error', text: t('empty') });
    if (trimmed.length > MAX_NOTE_TEXT) return setMessage({ kind: 'error', text: t('tooLong', { max: MAX_NOTE_TEXT }) });
    setBusy(true);
    const r = await api.addNote(caseId, trimmed);
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    setText('');
    setMessage({ kind: 'done', text: t('added') });
    await onAdded();
  };

  return (
    <form
      className="case-notes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`note-${caseId}`}>{t('label')}</label>
      <textarea id={`note-${caseId}`} value={text} maxLength={MAX_NOTE_TEXT} onChange={(e) => setText(e.target.value)} />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t('saving') : t('add')}
        </button>
      </div>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-box' : 'muted'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
