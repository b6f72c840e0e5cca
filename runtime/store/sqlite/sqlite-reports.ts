// The raw rows reports are computed from: SLA records, state changes, and case data by field.
import type Database from 'better-sqlite3';
import type { HistoryEntry, JsonValue } from '../../engine/types.ts';
import type { ReportHistoryRow, SlaRecord } from '../case-store.ts';

export function createSqliteReports(db: Database.Database) {
  return {
    async slaRecords(tenant: string, caseType?: string): Promise<SlaRecord[]> {
      const rows = db
        .prepare(`SELECT * FROM slas WHERE tenant = ? ${caseType === undefined ? '' : 'AND case_type = ?'} ORDER BY case_type, name, case_id, sla_id`)
        .all(...(caseType === undefined ? [tenant] : [tenant, caseType])) as {
        tenant: string; case_id: string; case_type: string; sla_id: string; name: string; status: SlaRecord['status'];
        started_at: string; closed_at: string | null; urgency: number;
      }[];
      return rows.map((r) => ({
        tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, slaId: r.sla_id, name: r.name,
        status: r.status, startedAt: r.started_at, closedAt: r.closed_at, urgency: r.urgency,
      }));
    },

    async reportHistory(tenant: string, caseType?: string): Promise<ReportHistoryRow[]> {
      const rows = db
        .prepare(`SELECT h.case_id, c.case_type, h.seq, h.entry FROM history h JOIN cases c ON c.id = h.case_id
          WHERE h.tenant = ? ${caseType === undefined ? '' : 'AND c.case_type = ?'} ORDER BY h.case_id, h.seq`)
        .all(...(caseType === undefined ? [tenant] : [tenant, caseType])) as { case_id: string; case_type: string; seq: number; entry: string }[];
      return rows.map((r) => {
        const entry = JSON.parse(r.entry) as HistoryEntry;
        return { caseId: r.case_id, caseType: r.case_type, seq: r.seq, at: entry.at, from: entry.from, to: entry.to };
      });
    },

    async countByField(tenant: string, pointer: string, caseType?: string): Promise<{ value: JsonValue; count: number }[]> {
      const rows = db
        .prepare(`SELECT data FROM cases WHERE tenant = ? ${caseType === undefined ? '' : 'AND case_type = ?'}`)
        .all(...(caseType === undefined ? [tenant] : [tenant, caseType])) as { data: string }[];
      const counts = new Map<string, { value: JsonValue; count: number }>();
      for (const row of rows) {
        const value = resolvePointer(JSON.parse(row.data) as JsonValue, pointer);
        const key = JSON.stringify(value);
        const entry = counts.get(key) ?? { value, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
      return [...counts.values()].sort((a, b) => b.count - a.count || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
    },
  };
}

/** RFC 6901: the value at `pointer`, or null when there is none. */
export function resolvePointer(doc: JsonValue, pointer: string): JsonValue {
  if (pointer === '') return doc;
  let current: JsonValue | undefined = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return null;
    current = Array.isArray(current) ? current[Number(token)] : current[token];
    if (current === undefined) return null;
  }
  return current;
}
