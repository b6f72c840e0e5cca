// A `mailboxes` row as both stores read it (issue 20, e-mail in).
import type { MailboxRecord } from './case-store.ts';

export interface MailboxRow {
  address: string;
  tenant: string;
  case_type: string;
  secret_hash: string;
  created_at: string;
  created_by: string;
}

export const mailboxOf = (row: MailboxRow): MailboxRecord => ({
  address: row.address,
  tenant: row.tenant,
  caseType: row.case_type,
  createdAt: row.created_at,
  createdBy: row.created_by,
});
