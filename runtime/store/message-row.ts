// A `messages` row and a MessageRecord, both ways: the one mapping of both stores.
import type { MessageRecord, MessageStatus } from './case-store.ts';

export interface MessageRow {
  key: string;
  tenant: string;
  case_id: string;
  recipient: string;
  template: string;
  sent_at: string;
  status: string;
  address: string | null;
  subject: string | null;
  message_id: string | null;
  language: string | null;
  attempts: number;
  last_error: string | null;
}

/** The insert's parameters, in the column order of both stores' statements. */
export function messageParams(m: MessageRecord): (string | number | null)[] {
  return [m.key, m.tenant, m.caseId, m.to, m.template, m.sentAt, m.status ?? 'recorded', m.address ?? null, m.subject ?? null, m.messageId ?? null, m.language ?? null, m.attempts ?? 1, m.lastError ?? null];
}

export function toMessage(r: MessageRow): MessageRecord {
  return {
    tenant: r.tenant,
    caseId: r.case_id,
    key: r.key,
    to: r.recipient,
    template: r.template,
    sentAt: r.sent_at,
    status: r.status as MessageStatus,
    address: r.address,
    subject: r.subject,
    messageId: r.message_id,
    language: r.language,
    attempts: Number(r.attempts),
    lastError: r.last_error,
  };
}
