// Contact-reason suggestions on PostgreSQL (issue 21, docs/reason-suggestion.md): the same rows as
// SQLite's (sqlite-suggestions.ts); the closed cases a model trains on, newest closed first.
import type { Instant } from '../../engine/index.ts';
import type { ClosedCaseData, Page, ReportWindow, SuggestionCounts, SuggestionRecord } from '../case-store.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { ppm, suggestionOf, type SuggestionRow } from '../suggestion-row.ts';
import { hasNul, statement, type PostgresDb, type SqlValue } from './postgres-db.ts';

const C = 'text COLLATE "C"';

export const suggestionTables = `
  CREATE TABLE reason_suggestions (
    tenant ${C} NOT NULL, case_id ${C} NOT NULL, case_type ${C} NOT NULL, field text NOT NULL, value text NOT NULL,
    confidence_ppm integer NOT NULL, trained_on integer NOT NULL, trained_at ${C} NOT NULL, suggested_at ${C} NOT NULL,
    outcome ${C}, chosen text, decided_at ${C}, PRIMARY KEY (tenant, case_id));
  CREATE INDEX reason_suggestions_by_type ON reason_suggestions (tenant, case_type, suggested_at);
  CREATE INDEX cases_closed_by_type ON cases (tenant, case_type, closed_at DESC, id DESC) WHERE closed_at IS NOT NULL;
  `;

export function createPostgresSuggestions(db: PostgresDb) {
  const s = {
    tenants: statement('suggestions.tenants', 'SELECT id FROM tenants ORDER BY id'),
    closedFirst: statement(
      'suggestions.closedFirst',
      `SELECT id, version, channel, data, closed_at FROM cases
      WHERE tenant = $1 AND case_type = $2 AND closed_at IS NOT NULL ORDER BY closed_at DESC, id DESC LIMIT $3`,
    ),
    closedAfter: statement(
      'suggestions.closedAfter',
      `SELECT id, version, channel, data, closed_at FROM cases
      WHERE tenant = $1 AND case_type = $2 AND closed_at IS NOT NULL AND (closed_at, id) < ($3, $4) ORDER BY closed_at DESC, id DESC LIMIT $5`,
    ),
    insert: statement(
      'suggestions.insert',
      `INSERT INTO reason_suggestions (tenant, case_id, case_type, field, value, confidence_ppm, trained_on, trained_at, suggested_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    ),
    get: statement('suggestions.get', 'SELECT * FROM reason_suggestions WHERE tenant = $1 AND case_id = $2'),
    decide: statement(
      'suggestions.decide',
      `UPDATE reason_suggestions SET outcome = CASE WHEN value = $3 THEN 'accepted' ELSE 'corrected' END,
      chosen = $3, decided_at = $4 WHERE tenant = $1 AND case_id = $2 AND outcome IS NULL RETURNING outcome`,
    ),
  };
  return {
    async listTenants(): Promise<string[]> {
      return (await db.rows<{ id: string }>(s.tenants)).map((r) => r.id);
    },
    async closedCaseData(tenant: string, caseType: string, limit: number, cursor: string | null): Promise<Page<ClosedCaseData>> {
      if (hasNul(tenant, caseType)) return { items: [], nextCursor: null };
      type Row = { id: string; version: number; channel: string | null; data: ClosedCaseData['data']; closed_at: string };
      let rows: Row[];
      if (cursor === null) rows = await db.rows<Row>(s.closedFirst, [tenant, caseType, limit + 1]);
      else {
        const [closedAt, id] = decodeCursor(cursor, 2);
        rows = await db.rows<Row>(s.closedAfter, [tenant, caseType, String(closedAt), String(id), limit + 1]);
      }
      const items = rows.slice(0, limit).map((r) => ({ id: r.id, version: r.version, channel: r.channel, data: r.data, closedAt: r.closed_at }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.closedAt, last.id]) : null };
    },
    async saveSuggestion(r: SuggestionRecord): Promise<boolean> {
      const changed = await db.changes(s.insert, [r.tenant, r.caseId, r.caseType, r.field, r.value, ppm(r.confidence), r.trainedOn, r.trainedAt, r.suggestedAt]);
      return changed === 1;
    },
    async getSuggestion(tenant: string, caseId: string): Promise<SuggestionRecord | null> {
      if (hasNul(tenant, caseId)) return null;
      const [row] = await db.rows<SuggestionRow>(s.get, [tenant, caseId]);
      return row === undefined ? null : suggestionOf(row);
    },
    async recordSuggestionOutcome(tenant: string, caseId: string, chosen: string, at: Instant): Promise<'accepted' | 'corrected' | null> {
      if (hasNul(tenant, caseId, chosen)) return null;
      const [row] = await db.rows<{ outcome: 'accepted' | 'corrected' }>(s.decide, [tenant, caseId, chosen, at]);
      return row?.outcome ?? null;
    },
    async suggestionCounts(tenant: string, window: ReportWindow & { caseType: string }): Promise<SuggestionCounts[]> {
      if (hasNul(tenant, window.caseType)) return [];
      const conditions = ['tenant = $1', 'case_type = $2'];
      const values: SqlValue[] = [tenant, window.caseType];
      if (window.from !== undefined) {
        values.push(window.from);
        conditions.push(`suggested_at >= $${String(values.length)}`);
      }
      if (window.to !== undefined) {
        values.push(window.to);
        conditions.push(`suggested_at < $${String(values.length)}`);
      }
      const rows = await db.rows<{ value: string; suggested: string; accepted: string; corrected: string }>(
        `SELECT value, COUNT(*) AS suggested, COUNT(*) FILTER (WHERE outcome = 'accepted') AS accepted,
        COUNT(*) FILTER (WHERE outcome = 'corrected') AS corrected FROM reason_suggestions WHERE ${conditions.join(' AND ')}
        GROUP BY value ORDER BY value COLLATE "C"`,
        values,
      );
      return rows.map((r) => ({ value: r.value, suggested: Number(r.suggested), accepted: Number(r.accepted), corrected: Number(r.corrected) }));
    },
  };
}
