// A row of case_migrations (and the counts of its cases) as both stores read them: SQLite keeps the plan
// as text, PostgreSQL as json (already parsed by the driver).
import type { JsonValue } from '../engine/index.ts';
import type { CaseMigrationCounts, CaseMigrationRecord, MigrationItemStatus } from './case-store.ts';

export interface MigrationRow {
  tenant: string;
  id: string;
  case_type: string;
  from_version: number;
  to_version: number;
  plan: string | JsonValue;
  status: 'running' | 'done';
  started_by: string;
  started_at: string;
  finished_at: string | null;
}

export function migrationOf(row: MigrationRow, counted: readonly { status: MigrationItemStatus; n: number }[]): CaseMigrationRecord & { counts: CaseMigrationCounts } {
  const counts: CaseMigrationCounts = { total: 0, pending: 0, migrated: 0, blocked: 0, skipped: 0 };
  for (const { status, n } of counted) {
    counts[status] = n;
    counts.total += n;
  }
  return {
    tenant: row.tenant,
    id: row.id,
    caseType: row.case_type,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    plan: typeof row.plan === 'string' ? (JSON.parse(row.plan) as JsonValue) : row.plan,
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts,
  };
}
