// Reads a Dossier SQLite file for the exporters, read-only. The store (runtime/store) has no
// streaming read of all cases with their history, so this adapter queries its tables directly:
// `case_types` (definition JSON), `cases` (body: the Case JSON) and `history` (entry: the HistoryEntry
// JSON). Cases come in pages (keyset on created_at, id) so 100k cases never sit in memory at once.
import Database from 'better-sqlite3';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { Case, HistoryEntry } from '../engine/types.ts';
import type { ExportCase, ExportCaseType, ExportSource } from './types.ts';

export interface SqliteSourceOptions {
  file: string;
  tenant: string;
  /** Only cases of this case type key. */
  caseType?: string;
  /** Cases read per query (default 500). */
  pageSize?: number;
}

export type SqliteSourceResult =
  | { ok: true; source: ExportSource; close(): void }
  | { ok: false; code: 'db.unreadable' | 'db.not_dossier' | 'case_type.unknown'; message: string };

/** Opens `file` read-only; fails (as a value) when it is missing, not a Dossier database, or lacks the case type. */
export function openSqliteSource(options: SqliteSourceOptions): SqliteSourceResult {
  let db: Database.Database;
  try {
    db = new Database(options.file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, code: 'db.unreadable', message: `cannot open '${options.file}': ${(error as Error).message}` };
  }
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    if (!['case_types', 'cases', 'history'].every((t) => tables.has(t))) {
      db.close();
      return { ok: false, code: 'db.not_dossier', message: `'${options.file}' is not a Dossier database (no cases and history tables); start 'dossier serve --db ${options.file}' once to create one` };
    }
    const rows = db
      .prepare(`SELECT key, version, definition FROM case_types WHERE tenant = ? ${options.caseType === undefined ? '' : 'AND key = ?'} ORDER BY key, version`)
      .all(...(options.caseType === undefined ? [options.tenant] : [options.tenant, options.caseType])) as { key: string; version: number; definition: string }[];
    if (options.caseType !== undefined && rows.length === 0) {
      db.close();
      return { ok: false, code: 'case_type.unknown', message: `no published case type '${options.caseType}' in tenant '${options.tenant}'` };
    }
    const caseTypes: ExportCaseType[] = rows.map((row) => {
      const definition = JSON.parse(row.definition) as CaseType;
      const customer = definition.customer;
      return customer === undefined
        ? { key: row.key, version: row.version }
        : { key: row.key, version: row.version, customer: { keys: [...customer.keys], ...(customer.name === undefined ? {} : { name: customer.name }) } };
    });
    return { ok: true, source: { caseTypes, cases: () => readCases(db, options) }, close: () => db.close() };
  } catch (error) {
    db.close();
    return { ok: false, code: 'db.unreadable', message: `cannot read '${options.file}': ${(error as Error).message}` };
  }
}

function* readCases(db: Database.Database, options: SqliteSourceOptions): Generator<ExportCase> {
  const pageSize = options.pageSize ?? 500;
  const filter = options.caseType === undefined ? '' : 'AND case_type = @caseType';
  const first = db.prepare(`SELECT id, created_at, body FROM cases WHERE tenant = @tenant ${filter}
    ORDER BY created_at, id LIMIT @limit`);
  const next = db.prepare(`SELECT id, created_at, body FROM cases WHERE tenant = @tenant ${filter}
    AND (created_at > @at OR (created_at = @at AND id > @id)) ORDER BY created_at, id LIMIT @limit`);
  const params: Record<string, string | number> = { tenant: options.tenant, limit: pageSize };
  if (options.caseType !== undefined) params.caseType = options.caseType;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page = (after === null ? first.all(params) : next.all({ ...params, at: after.at, id: after.id })) as { id: string; created_at: string; body: string }[];
    if (page.length === 0) return;
    const history = historyOf(db, page.map((r) => r.id));
    for (const row of page) {
      const kase = JSON.parse(row.body) as Case;
      yield {
        id: kase.id, caseType: kase.caseType, version: kase.version, state: kase.state, data: kase.data,
        priority: kase.priority, channel: kase.channel, parentId: kase.parentId, createdAt: kase.createdAt,
        updatedAt: kase.updatedAt, closedAt: kase.closedAt, history: history.get(row.id) ?? [],
      };
    }
    const last = page[page.length - 1] as { id: string; created_at: string };
    after = { at: last.created_at, id: last.id };
    if (page.length < pageSize) return;
  }
}

function historyOf(db: Database.Database, ids: string[]): Map<string, HistoryEntry[]> {
  const out = new Map<string, HistoryEntry[]>();
  const placeholders = ids.map(() => '?').join(', ');
  const rows = db.prepare(`SELECT case_id, entry FROM history WHERE case_id IN (${placeholders}) ORDER BY case_id, seq`).all(...ids) as { case_id: string; entry: string }[];
  for (const row of rows) {
    const entries = out.get(row.case_id) ?? [];
    entries.push(JSON.parse(row.entry) as HistoryEntry);
    out.set(row.case_id, entries);
  }
  return out;
}
