// Migrations of open cases to another version (issue 19) in PostgreSQL: the same rows as SQLite's
// (sqlite-case-migrations.ts). A migration's cases are written with one statement (an array of ids),
// and marked a batch at a time; a case no longer pending is never marked again, whichever host works it.
import type { Instant, JsonValue } from '../../engine/index.ts';
import type { CaseMigrationCounts, CaseMigrationRecord, MigrationItem, MigrationItemStatus, Page } from '../case-store.ts';
import { migrationOf, type MigrationRow } from '../case-migration-row.ts';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import { hasNul, statement, type PostgresDb } from './postgres-db.ts';

const C = 'text COLLATE "C"';

export const caseMigrationTables = `
  CREATE TABLE case_migrations (
    tenant ${C} NOT NULL REFERENCES tenants(id), id ${C} NOT NULL, case_type ${C} NOT NULL,
    from_version integer NOT NULL, to_version integer NOT NULL, plan json NOT NULL, status ${C} NOT NULL,
    started_by text NOT NULL, started_at ${C} NOT NULL, finished_at ${C}, PRIMARY KEY (tenant, id));
  CREATE TABLE case_migration_items (
    tenant ${C} NOT NULL, migration_id ${C} NOT NULL, n integer NOT NULL, case_id ${C} NOT NULL,
    status ${C} NOT NULL, detail json, at ${C}, PRIMARY KEY (tenant, migration_id, n),
    UNIQUE (tenant, migration_id, case_id));
  CREATE INDEX case_migration_items_by_status ON case_migration_items (tenant, migration_id, status, n);
  `;



export function createPostgresCaseMigrations(db: PostgresDb) {
  const s = {
    ensureTenant: statement('migrations.ensureTenant', 'INSERT INTO tenants (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING'),
    insert: statement(
      'migrations.insert',
      `INSERT INTO case_migrations (tenant, id, case_type, from_version, to_version, plan, status, started_by, started_at)
      VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8) ON CONFLICT DO NOTHING`,
    ),
    insertItems: statement(
      'migrations.insertItems',
      `INSERT INTO case_migration_items (tenant, migration_id, n, case_id, status)
      SELECT $1, $2, o.n - 1, o.id, 'pending' FROM unnest($3::text[]) WITH ORDINALITY AS o(id, n)`,
    ),
    get: statement('migrations.get', 'SELECT * FROM case_migrations WHERE tenant = $1 AND id = $2'),
    list: statement('migrations.list', 'SELECT * FROM case_migrations WHERE tenant = $1 AND ($2::text IS NULL OR case_type = $2) ORDER BY started_at DESC, id'),
    counts: statement('migrations.counts', 'SELECT status, COUNT(*)::int AS n FROM case_migration_items WHERE tenant = $1 AND migration_id = $2 GROUP BY status'),
    pending: statement(
      'migrations.pending',
      "SELECT case_id FROM case_migration_items WHERE tenant = $1 AND migration_id = $2 AND status = 'pending' ORDER BY n LIMIT $3",
    ),
    mark: statement(
      'migrations.mark',
      `UPDATE case_migration_items i SET status = x.status, detail = x.detail, at = x.at
      FROM json_to_recordset($3::json) AS x(case_id text, status text, detail json, at text)
      WHERE i.tenant = $1 AND i.migration_id = $2 AND i.case_id = x.case_id AND i.status = 'pending'`,
    ),
    finish: statement(
      'migrations.finish',
      `UPDATE case_migrations SET status = 'done', finished_at = $3 WHERE tenant = $1 AND id = $2 AND status = 'running'
      AND NOT EXISTS (SELECT 1 FROM case_migration_items WHERE tenant = $1 AND migration_id = $2 AND status = 'pending')`,
    ),
    running: statement('migrations.running', "SELECT tenant, id FROM case_migrations WHERE status = 'running' ORDER BY started_at, id"),
    items: statement(
      'migrations.items',
      `SELECT n, case_id, status, detail, at FROM case_migration_items WHERE tenant = $1 AND migration_id = $2 AND n > $3
      AND ($4::text IS NULL OR status = $4) ORDER BY n LIMIT $5`,
    ),
  };

  async function counted(row: MigrationRow): Promise<CaseMigrationRecord & { counts: CaseMigrationCounts }> {
    return migrationOf(row, await db.rows<{ status: MigrationItemStatus; n: number }>(s.counts, [row.tenant, row.id]));
  }


  return {
    async createCaseMigration(record: CaseMigrationRecord, caseIds: readonly string[]): Promise<boolean> {
      return db.transaction(async (tx) => {
        await tx.changes(s.ensureTenant, [record.tenant, record.startedAt]);
        const inserted = await tx.changes(s.insert, [
          record.tenant, record.id, record.caseType, record.fromVersion, record.toVersion, JSON.stringify(record.plan), record.startedBy, record.startedAt,
        ]);
        if (inserted !== 1) return false;
        await tx.changes(s.insertItems, [record.tenant, record.id, [...caseIds]]);
        return true;
      });
    },

    async getCaseMigration(tenant: string, id: string) {
      if (hasNul(tenant, id)) return null;
      const [row] = await db.rows<MigrationRow>(s.get, [tenant, id]);
      return row === undefined ? null : counted(row);
    },

    async listCaseMigrations(tenant: string, caseType?: string) {
      if (hasNul(tenant, caseType ?? '')) return [];
      const rows = await db.rows<MigrationRow>(s.list, [tenant, caseType ?? null]);
      return Promise.all(rows.map(counted));
    },

    async pendingMigrationCases(tenant: string, id: string, limit: number): Promise<string[]> {
      return (await db.rows<{ case_id: string }>(s.pending, [tenant, id, limit])).map((r) => r.case_id);
    },

    async markMigrationCases(tenant: string, id: string, items: readonly MigrationItem[]): Promise<void> {
      if (items.length === 0) return;
      const rows = items.map((item) => ({ case_id: item.caseId, status: item.status, detail: item.detail, at: item.at }));
      await db.changes(s.mark, [tenant, id, JSON.stringify(rows)]);
    },

    async finishCaseMigration(tenant: string, id: string, at: Instant): Promise<void> {
      await db.changes(s.finish, [tenant, id, at]);
    },

    async runningCaseMigrations(): Promise<{ tenant: string; id: string }[]> {
      return db.rows<{ tenant: string; id: string }>(s.running);
    },

    async migrationItems(tenant: string, id: string, status: MigrationItemStatus | undefined, limit: number, cursor: string | null): Promise<Page<MigrationItem>> {
      if (hasNul(tenant, id)) return { items: [], nextCursor: null };
      const after = cursor === null ? -1 : Number(decodeCursor(cursor, 1)[0]);
      if (!Number.isSafeInteger(after)) throw new CursorError();
      const rows = await db.rows<{ n: number; case_id: string; status: MigrationItemStatus; detail: JsonValue | null; at: string | null }>(s.items, [
        tenant, id, after, status ?? null, limit + 1,
      ]);
      const items = rows.slice(0, limit).map((r) => ({ caseId: r.case_id, status: r.status, detail: r.detail, at: r.at }));
      const last = rows[limit - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.n]) : null };
    },
  };
}
