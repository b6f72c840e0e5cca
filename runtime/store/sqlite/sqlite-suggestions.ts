// Contact-reason suggestions on SQLite (issue 21, docs/reason-suggestion.md): one row per case with
// its suggestion and, once the field was first set, the outcome; the closed cases a model trains on.
import type Database from 'better-sqlite3';
import type { Instant } from '../../engine/index.ts';
import type { ClosedCaseData, Page, ReportWindow, SuggestionCounts, SuggestionRecord } from '../case-store.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { ppm, suggestionOf, type SuggestionRow } from '../suggestion-row.ts';
import type { WriteQueue } from './write-queue.ts';

export const suggestionTables = `
  CREATE TABLE reason_suggestions (
    tenant TEXT NOT NULL, case_id TEXT NOT NULL, case_type TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    confidence_ppm INTEGER NOT NULL, trained_on INTEGER NOT NULL, trained_at TEXT NOT NULL, suggested_at TEXT NOT NULL,
    outcome TEXT, chosen TEXT, decided_at TEXT, PRIMARY KEY (tenant, case_id));
  CREATE INDEX reason_suggestions_by_type ON reason_suggestions(tenant, case_type, suggested_at);
  CREATE INDEX cases_closed_by_type ON cases(tenant, case_type, closed_at DESC, id DESC) WHERE closed_at IS NOT NULL;
  `;

export function createSqliteSuggestions(db: Database.Database, queue: WriteQueue) {
  const s = {
    tenants: db.prepare('SELECT id FROM tenants ORDER BY id'),
    closedFirst: db.prepare(`SELECT id, version, channel, data, closed_at FROM cases
      WHERE tenant = ? AND case_type = ? AND closed_at IS NOT NULL ORDER BY closed_at DESC, id DESC LIMIT ?`),
    closedAfter: db.prepare(`SELECT id, version, channel, data, closed_at FROM cases
      WHERE tenant = ? AND case_type = ? AND closed_at IS NOT NULL AND (closed_at, id) < (?, ?) ORDER BY closed_at DESC, id DESC LIMIT ?`),
    insert: db.prepare(`INSERT INTO reason_suggestions (tenant, case_id, case_type, field, value, confidence_ppm, trained_on, trained_at, suggested_at)
      VALUES (@tenant, @caseId, @caseType, @field, @value, @confidencePpm, @trainedOn, @trainedAt, @suggestedAt) ON CONFLICT DO NOTHING`),
    get: db.prepare('SELECT * FROM reason_suggestions WHERE tenant = ? AND case_id = ?'),
    decide: db.prepare(`UPDATE reason_suggestions SET outcome = CASE WHEN value = @chosen THEN 'accepted' ELSE 'corrected' END,
      chosen = @chosen, decided_at = @at WHERE tenant = @tenant AND case_id = @caseId AND outcome IS NULL RETURNING outcome`),
  };
  return {
    async listTenants(): Promise<string[]> {
      return (s.tenants.all() as { id: string }[]).map((r) => r.id);
    },
    async closedCaseData(tenant: string, caseType: string, limit: number, cursor: string | null): Promise<Page<ClosedCaseData>> {
      const rows = (
        cursor === null
          ? s.closedFirst.all(tenant, caseType, limit + 1)
          : (() => {
              const [closedAt, id] = decodeCursor(cursor, 2);
              return s.closedAfter.all(tenant, caseType, closedAt, id, limit + 1);
            })()
      ) as { id: string; version: number; channel: string | null; data: string; closed_at: string }[];
      const items = rows.slice(0, limit).map((r) => ({ id: r.id, version: r.version, channel: r.channel, data: JSON.parse(r.data) as ClosedCaseData['data'], closedAt: r.closed_at }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.closedAt, last.id]) : null };
    },
    async saveSuggestion(record: SuggestionRecord): Promise<boolean> {
      const { tenant, caseId, caseType, field, value, trainedOn, trainedAt, suggestedAt } = record;
      const row = { tenant, caseId, caseType, field, value, confidencePpm: ppm(record.confidence), trainedOn, trainedAt, suggestedAt };
      return queue.submit(() => s.insert.run(row).changes === 1);
    },
    async getSuggestion(tenant: string, caseId: string): Promise<SuggestionRecord | null> {
      const row = s.get.get(tenant, caseId) as SuggestionRow | undefined;
      return row === undefined ? null : suggestionOf(row);
    },
    async recordSuggestionOutcome(tenant: string, caseId: string, chosen: string, at: Instant): Promise<'accepted' | 'corrected' | null> {
      return queue.submit(() => {
        const row = s.decide.get({ tenant, caseId, chosen, at }) as { outcome: 'accepted' | 'corrected' } | undefined;
        return row?.outcome ?? null;
      });
    },
    async suggestionCounts(tenant: string, window: ReportWindow & { caseType: string }): Promise<SuggestionCounts[]> {
      const conditions = ['tenant = ?', 'case_type = ?'];
      const values: string[] = [tenant, window.caseType];
      if (window.from !== undefined) {
        conditions.push('suggested_at >= ?');
        values.push(window.from);
      }
      if (window.to !== undefined) {
        conditions.push('suggested_at < ?');
        values.push(window.to);
      }
      return db
        .prepare(`SELECT value, COUNT(*) AS suggested, COUNT(*) FILTER (WHERE outcome = 'accepted') AS accepted,
          COUNT(*) FILTER (WHERE outcome = 'corrected') AS corrected FROM reason_suggestions WHERE ${conditions.join(' AND ')}
          GROUP BY value ORDER BY value`)
        .all(...values) as SuggestionCounts[];
    },
  };
}
