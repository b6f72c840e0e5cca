// Migrations of open cases to another version (issue 19) in SQLite: a row per migration and one per
// case it takes, worked off in batches; the counts are read from the cases' rows (an index on
// (tenant, migration, status)), so a crash between a case's commit and its mark cannot skew them.
import type Database from 'better-sqlite3';
import type { Instant, JsonValue } from '../../engine/index.ts';
import type { CaseMigrationCounts, CaseMigrationRecord, MigrationItem, MigrationItemStatus, Page } from '../case-store.ts';
import { migrationOf, type MigrationRow } from '../case-migration-row.ts';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import type { WriteQueue } from './write-queue.ts';


interface ItemRow {
  n: number;
  case_id: string;
  status: MigrationItemStatus;
  detail: string | null;
  at: string | null;
}

export const caseMigrationTables = `
  CREATE TABLE case_migrations (
    tenant TEXT NOT NULL REFERENCES tenants(id), id TEXT NOT NULL, case_type TEXT NOT NULL,
    from_version INTEGER NOT NULL, to_version INTEGER NOT NULL, plan TEXT NOT NULL, status TEXT NOT NULL,
    started_by TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (tenant, id));
  CREATE TABLE case_migration_items (
    tenant TEXT NOT NULL, migration_id TEXT NOT NULL, n INTEGER NOT NULL, case_id TEXT NOT NULL,
    status TEXT NOT NULL, detail TEXT, at TEXT, PRIMARY KEY (tenant, migration_id, n),
    UNIQUE (tenant, migration_id, case_id));
  CREATE INDEX case_migration_items_by_status ON case_migration_items(tenant, migration_id, status, n);
  `;


export function createSqliteCaseMigrations(db: Database.Database, queue: WriteQueue) {
  const s = {
    ensureTenant: db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING'),
    insert: db.prepare(`INSERT INTO case_migrations (tenant, id, case_type, from_version, to_version, plan, status, started_by, started_at)
      VALUES (@tenant, @id, @caseType, @fromVersion, @toVersion, @plan, 'running', @startedBy, @startedAt) ON CONFLICT DO NOTHING`),
    insertItem: db.prepare(`INSERT INTO case_migration_items (tenant, migration_id, n, case_id, status) VALUES (?, ?, ?, ?, 'pending')`),
    get: db.prepare('SELECT * FROM case_migrations WHERE tenant = ? AND id = ?'),
    list: db.prepare('SELECT * FROM case_migrations WHERE tenant = ? ORDER BY started_at DESC, id'),
    listOfType: db.prepare('SELECT * FROM case_migrations WHERE tenant = ? AND case_type = ? ORDER BY started_at DESC, id'),
    counts: db.prepare('SELECT status, COUNT(*) AS n FROM case_migration_items WHERE tenant = ? AND migration_id = ? GROUP BY status'),
    pending: db.prepare("SELECT case_id FROM case_migration_items WHERE tenant = ? AND migration_id = ? AND status = 'pending' ORDER BY n LIMIT ?"),
    mark: db.prepare(`UPDATE case_migration_items SET status = ?, detail = ?, at = ?
      WHERE tenant = ? AND migration_id = ? AND case_id = ? AND status = 'pending'`),
    finish: db.prepare(`UPDATE case_migrations SET status = 'done', finished_at = ? WHERE tenant = ? AND id = ? AND status = 'running'
      AND NOT EXISTS (SELECT 1 FROM case_migration_items WHERE tenant = ? AND migration_id = ? AND status = 'pending')`),
    running: db.prepare("SELECT tenant, id FROM case_migrations WHERE status = 'running' ORDER BY started_at, id"),
  };

  function counted(row: MigrationRow): CaseMigrationRecord & { counts: CaseMigrationCounts } {
    return migrationOf(row, s.counts.all(row.tenant, row.id) as { status: MigrationItemStatus; n: number }[]);
  }


  return {
    async createCaseMigration(record: CaseMigrationRecord, caseIds: readonly string[]): Promise<boolean> {
      return queue.submit(() => {
        s.ensureTenant.run(record.tenant, record.startedAt);
        const inserted = s.insert.run({ ...record, plan: JSON.stringify(record.plan) }).changes === 1;
        if (!inserted) return false;
        caseIds.forEach((caseId, n) => s.insertItem.run(record.tenant, record.id, n, caseId));
        return true;
      });
    },

    async getCaseMigration(tenant: string, id: string) {
      const row = s.get.get(tenant, id) as MigrationRow | undefined;
      return row === undefined ? null : counted(row);
    },

    async listCaseMigrations(tenant: string, caseType?: string) {
      const rows = (caseType === undefined ? s.list.all(tenant) : s.listOfType.all(tenant, caseType)) as MigrationRow[];
      return rows.map(counted);
    },

    async pendingMigrationCases(tenant: string, id: string, limit: number): Promise<string[]> {
      return (s.pending.all(tenant, id, limit) as { case_id: string }[]).map((r) => r.case_id);
    },

    async markMigrationCases(tenant: string, id: string, items: readonly MigrationItem[]): Promise<void> {
      if (items.length === 0) return;
      await queue.submit(() => {
        for (const item of items) s.mark.run(item.status, item.detail === null ? null : JSON.stringify(item.detail), item.at, tenant, id, item.caseId);
      });
    },

    async finishCaseMigration(tenant: string, id: string, at: Instant): Promise<void> {
      await queue.submit(() => s.finish.run(at, tenant, id, tenant, id));
    },

    async runningCaseMigrations(): Promise<{ tenant: string; id: string }[]> {
      return s.running.all() as { tenant: string; id: string }[];
    },

    async migrationItems(tenant: string, id: string, status: MigrationItemStatus | undefined, limit: number, cursor: string | null): Promise<Page<MigrationItem>> {
      const after = cursor === null ? -1 : Number(decodeCursor(cursor, 1)[0]);
      if (!Number.isSafeInteger(after)) throw new CursorError();
      const rows = db
        .prepare(
          `SELECT n, case_id, status, detail, at FROM case_migration_items WHERE tenant = ? AND migration_id = ? AND n > ?
          ${status === undefined ? '' : 'AND status = ?'} ORDER BY n LIMIT ?`,
        )
        .all(...(status === undefined ? [tenant, id, after, limit + 1] : [tenant, id, after, status, limit + 1])) as ItemRow[];
      const items = rows.slice(0, limit).map((r) => ({
        caseId: r.case_id,
        status: r.status,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as JsonValue),
        at: r.at,
      }));
      const last = rows[limit - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.n]) : null };
    },
  };
}
