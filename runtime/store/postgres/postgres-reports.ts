// The raw rows reports are computed from, on PostgreSQL: SLA records, state changes, and case data by
// field (counted here as the SQLite store counts it, with the same pointer resolution and ordering).
import type { HistoryEntry, JsonValue } from '../../engine/types.ts';
import type { ReportHistoryRow, SlaRecord } from '../case-store.ts';
import { resolvePointer } from '../sqlite/sqlite-reports.ts';
import { hasNul, type PostgresDb } from './postgres-db.ts';

interface SlaRow {
  tenant: string;
  case_id: string;
  case_type: string;
  sla_id: string;
  name: string;
  status: SlaRecord['status'];
  started_at: string;
  closed_at: string | null;
  urgency: number;
}

/** `AND <column> = $2` when a case type is given, and the values to go with it. */
function byCaseType(tenant: string, column: string, caseType?: string): [sql: string, values: string[]] {
  return caseType === undefined ? ['', [tenant]] : [`AND ${column} = $2`, [tenant, caseType]];
}

export function createPostgresReports(db: PostgresDb) {
  return {
    async slaRecords(tenant: string, caseType?: string): Promise<SlaRecord[]> {
      if (hasNul(tenant, caseType ?? '')) return [];
      const [filter, values] = byCaseType(tenant, 'case_type', caseType);
      const rows = await db.rows<SlaRow>(
        `SELECT tenant, case_id, case_type, sla_id, name, status, started_at, closed_at, urgency FROM slas
        WHERE tenant = $1 ${filter} ORDER BY case_type, name, case_id, sla_id`,
        values,
      );
      return rows.map((r) => ({
        tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, slaId: r.sla_id, name: r.name,
        status: r.status, startedAt: r.started_at, closedAt: r.closed_at, urgency: r.urgency,
      }));
    },

    async reportHistory(tenant: string, caseType?: string): Promise<ReportHistoryRow[]> {
      if (hasNul(tenant, caseType ?? '')) return [];
      const [filter, values] = byCaseType(tenant, 'c.case_type', caseType);
      // only the three fields a report reads are taken out of each entry (`->` keeps their JSON text)
      const rows = await db.rows<{ case_id: string; case_type: string; seq: number; at: string; from: HistoryEntry['from']; to: HistoryEntry['to'] }>(
        `SELECT h.case_id, c.case_type, h.seq, h.entry->>'at' AS at, h.entry->'from' AS "from", h.entry->'to' AS "to"
        FROM history h JOIN cases c ON c.id = h.case_id WHERE h.tenant = $1 ${filter} ORDER BY h.case_id, h.seq`,
        values,
      );
      return rows.map((r) => ({ caseId: r.case_id, caseType: r.case_type, seq: r.seq, at: r.at, from: r.from, to: r.to }));
    },

    async countByField(tenant: string, pointer: string, caseType?: string): Promise<{ value: JsonValue; count: number }[]> {
      if (hasNul(tenant, caseType ?? '')) return [];
      const [filter, values] = byCaseType(tenant, 'case_type', caseType);
      const rows = await db.rows<{ data: JsonValue }>(`SELECT data FROM cases WHERE tenant = $1 ${filter}`, values);
      const counts = new Map<string, { value: JsonValue; count: number }>();
      for (const row of rows) {
        const value = resolvePointer(row.data, pointer);
        const key = JSON.stringify(value);
        const entry = counts.get(key) ?? { value, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
      return [...counts.values()].sort((a, b) => b.count - a.count || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
    },
  };
}
