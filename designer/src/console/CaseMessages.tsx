// The messages of a case (docs/email.md): each notice its playbook sent, by the message's title, to whom,
// and where it stands in plain words: waiting, sent (when, to which address, with which subject), tried
// and to be tried again, not sent (why), or recorded on the case only.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { idWords, queueTitle, roleTitle } from '../model/titles.ts';
import type { CaseRecord } from './console-api.ts';

export type CaseMessage = NonNullable<CaseRecord['messages']>[number];

export function CaseMessages({ messages, def }: { messages: readonly CaseMessage[]; def: CaseType }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.messages.${key}`, values);
  if (messages.length === 0) return <p className="muted">{t('none')}</p>;
  const recipient = (to: string): string => {
    if (to === 'customer') return t('toCustomer');
    if (to === 'assignee') return t('toAssignee');
    if (to.startsWith('role:')) return t('toRole', { role: roleTitle(def, to.slice(5)) });
    if (to.startsWith('queue:')) return t('toQueue', { queue: queueTitle([def], to.slice(6)) });
    return t('toUser', { name: to.replace(/^user:/, '') });
  };
  const status = (m: CaseMessage): string => {
    const when = m.sentAt ? formatDateTime(m.sentAt, words.language) : '';
    switch (m.status) {
      case 'sent':
        return t('sent', { when, address: m.address ?? '' });
      case 'queued':
        return t('queued');
      case 'failed':
        return t('failed', { count: m.attempts, error: m.lastError ?? '' });
      case 'dead':
        return t('dead', { error: m.lastError ?? '' });
      default:
        return t('recorded', { when });
    }
  };
  return (
    <ul className="case-messages" aria-label={t('label')}>
      {messages.map((m) => (
        <li key={m.key} data-status={m.status}>
          <strong>{def.messages?.[m.template]?.title ?? idWords(m.template)}</strong> · {recipient(m.to)}
          <br />
          <span className={m.status === 'dead' || m.status === 'failed' ? 'error' : 'muted'}>{status(m)}</span>
          {m.subject ? (
            <>
              <br />
              <span className="muted">{t('subject', { subject: m.subject })}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
