// A task's due time in words, with an "Overdue" look once it has passed and an "Escalated" badge once its
// onOverdue ran (issue 21; designer/src/console/due-words.ts).
import { dueView } from './due-words.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';

export function DueCell({ dueAt, escalatedAt, now }: { dueAt: string | null; escalatedAt?: string | undefined; now: number }) {
  const words = useWords();
  const view = dueView(dueAt, now, words);
  return (
    <span className="due-cell" data-due-at={dueAt ?? ''}>
      {dueAt === null ? <span className="muted">{view.text}</span> : <time dateTime={dueAt} className={view.overdue ? 'due-overdue' : undefined}>{view.text}</time>}
      {escalatedAt !== undefined ? (
        <span className="escalated-badge" title={words.t('due.escalatedAt', { when: formatDateTime(escalatedAt, words.language) })}>
          {words.t('due.escalated')}
        </span>
      ) : null}
    </span>
  );
}
