// A `documents` row as both stores read it (issue 20, documents in the case file).
import type { DocumentRecord } from './case-store.ts';

export interface DocumentRow {
  tenant: string;
  case_id: string;
  id: string;
  name: string;
  content_type: string;
  /** PostgreSQL hands a bigint out as text. */
  size: string | number;
  sha256: string;
  field: string | null;
  added_at: string;
  added_by: string;
  removed_at: string | null;
  removed_by: string | null;
  storage: 'database' | 'directory';
}

export function documentOf(row: DocumentRow): DocumentRecord {
  return {
    tenant: row.tenant,
    caseId: row.case_id,
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    field: row.field,
    addedAt: row.added_at,
    addedBy: row.added_by,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
    storage: row.storage,
  };
}
