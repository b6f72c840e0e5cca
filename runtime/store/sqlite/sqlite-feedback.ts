// Customer feedback on SQLite (issue 22, docs/feedback.md): a survey per case (its link's token kept as a
// SHA-256 hash) and an answer per case, and the feedback report, aggregated here.
import type Database from 'better-sqlite3';
import type { FeedbackCounts, FeedbackRecord, ReportBucket, ReportWindow, SurveyRecord } from '../case-store.ts';
import type { WriteQueue } from './write-queue.ts';

export const feedbackTables = `
  CREATE TABLE feedback_surveys (
    tenant TEXT NOT NULL, case_id TEXT NOT NULL, case_type TEXT NOT NULL, version INTEGER NOT NULL, channel TEXT, queue TEXT,
    token_hash TEXT UNIQUE, via TEXT NOT NULL, sent_at TEXT NOT NULL, expires_at TEXT NOT NULL, PRIMARY KEY (tenant, case_id));
  CREATE INDEX feedback_surveys_by_sent ON feedback_surveys(tenant, sent_at);
  CREATE TABLE feedback (
    tenant TEXT NOT NULL, case_id TEXT NOT NULL, case_type TEXT NOT NULL, version INTEGER NOT NULL, channel TEXT, queue TEXT,
    score INTEGER NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (tenant, case_id));
  CREATE INDEX feedback_by_answered ON feedback(tenant, answered_at);
  CREATE INDEX feedback_by_type ON feedback(tenant, case_type, answered_at);
  CREATE TRIGGER history_feedback AFTER INSERT ON history WHEN NEW.event_type = 'feedback.received' BEGIN
    INSERT INTO feedback (tenant, case_id, case_type, version, channel, queue, score, answered_at)
      SELECT NEW.tenant, c.id, c.case_type, c.version, c.channel, c.queue, CAST(NEW.entry ->> '$.event.data.score' AS INTEGER), NEW.at
      FROM cases c WHERE c.id = NEW.case_id
      ON CONFLICT DO NOTHING;
  END;
  `;

interface SurveyRow {
  tenant: string; case_id: string; case_type: string; version: number; channel: string | null; queue: string | null;
  token_hash: string | null; via: 'mail' | 'status'; sent_at: string; expires_at: string;
}

function surveyOf(r: SurveyRow): SurveyRecord {
  return {
    tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, version: r.version, channel: r.channel, queue: r.queue,
    tokenHash: r.token_hash, via: r.via, sentAt: r.sent_at, expiresAt: r.expires_at,
  };
}

/** The first instant of the bucket of the instant in `column`, as text (UTC; weeks from Monday). */
export function sqliteBucketStart(column: string, bucket: ReportBucket): string {
  switch (bucket) {
    case 'day':
      return `substr(${column}, 1, 10) || 'T00:00:00.000Z'`;
    case 'week':
      return `date(${column}, '-6 days', 'weekday 1') || 'T00:00:00.000Z'`;
    case 'month':
      return `substr(${column}, 1, 7) || '-01T00:00:00.000Z'`;
    default: {
      const never: never = bucket;
      throw new Error(`unknown bucket ${String(never)}`);
    }
  }
}

/** The conditions of the report window on a feedback table, `at` the instant it counts by. */
function where(tenant: string, window: ReportWindow, at: string): [sql: string, values: (string | number)[]] {
  const parts: [string, string | number | undefined][] = [
    ['tenant = ?', tenant],
    ['case_type = ?', window.caseType],
    ['version = ?', window.version],
    ['queue = ?', window.queue],
    ['channel = ?', window.channel],
    [`${at} >= ?`, window.from],
    [`${at} < ?`, window.to],
  ];
  const given = parts.filter((p): p is [string, string | number] => p[1] !== undefined);
  return [given.map(([sql]) => sql).join(' AND '), given.map(([, v]) => v)];
}

export function createSqliteFeedback(db: Database.Database, queue: WriteQueue) {
  const s = {
    insertSurvey: db.prepare(`INSERT INTO feedback_surveys (tenant, case_id, case_type, version, channel, queue, token_hash, via, sent_at, expires_at)
      VALUES (@tenant, @caseId, @caseType, @version, @channel, @queue, @tokenHash, @via, @sentAt, @expiresAt) ON CONFLICT (tenant, case_id) DO NOTHING`),
    replaceSurvey: db.prepare(`INSERT INTO feedback_surveys (tenant, case_id, case_type, version, channel, queue, token_hash, via, sent_at, expires_at)
      VALUES (@tenant, @caseId, @caseType, @version, @channel, @queue, @tokenHash, @via, @sentAt, @expiresAt)
      ON CONFLICT (tenant, case_id) DO UPDATE SET token_hash = excluded.token_hash, via = excluded.via, sent_at = excluded.sent_at,
        expires_at = excluded.expires_at
      WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.tenant = excluded.tenant AND f.case_id = excluded.case_id)`),
    getSurvey: db.prepare('SELECT * FROM feedback_surveys WHERE tenant = ? AND case_id = ?'),
    byToken: db.prepare('SELECT * FROM feedback_surveys WHERE token_hash = ? AND tenant = ?'),
    insertFeedback: db.prepare(`INSERT INTO feedback (tenant, case_id, case_type, version, channel, queue, score, answered_at)
      VALUES (@tenant, @caseId, @caseType, @version, @channel, @queue, @score, @answeredAt) ON CONFLICT (tenant, case_id) DO NOTHING`),
    getFeedback: db.prepare('SELECT * FROM feedback WHERE tenant = ? AND case_id = ?'),
  };
  return {
    async saveSurvey(record: SurveyRecord, replace: boolean): Promise<SurveyRecord> {
      return queue.submit(() => {
        (replace ? s.replaceSurvey : s.insertSurvey).run(record);
        return surveyOf(s.getSurvey.get(record.tenant, record.caseId) as SurveyRow);
      });
    },
    async getSurvey(tenant: string, caseId: string): Promise<SurveyRecord | null> {
      const row = s.getSurvey.get(tenant, caseId) as SurveyRow | undefined;
      return row === undefined ? null : surveyOf(row);
    },
    async surveyByToken(tenant: string, tokenHash: string): Promise<SurveyRecord | null> {
      const row = s.byToken.get(tokenHash, tenant) as SurveyRow | undefined;
      return row === undefined ? null : surveyOf(row);
    },
    async saveFeedback(record: FeedbackRecord): Promise<boolean> {
      return queue.submit(() => s.insertFeedback.run(record).changes === 1);
    },
    async getFeedback(tenant: string, caseId: string): Promise<FeedbackRecord | null> {
      const r = s.getFeedback.get(tenant, caseId) as
        | { tenant: string; case_id: string; case_type: string; version: number; channel: string | null; queue: string | null; score: number; answered_at: string }
        | undefined;
      return r === undefined
        ? null
        : { tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, version: r.version, channel: r.channel, queue: r.queue, score: r.score, answeredAt: r.answered_at };
    },
    async feedbackCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<FeedbackCounts> {
      const [sentWhere, sentValues] = where(tenant, window, 'sent_at');
      const [answeredWhere, answeredValues] = where(tenant, window, 'answered_at');
      const { surveys } = db.prepare(`SELECT COUNT(*) AS surveys FROM feedback_surveys WHERE ${sentWhere}`).get(...sentValues) as { surveys: number };
      const distribution = db
        .prepare(`SELECT score, COUNT(*) AS count FROM feedback WHERE ${answeredWhere} GROUP BY score ORDER BY score`)
        .all(...answeredValues) as { score: number; count: number }[];
      const trend = db
        .prepare(`SELECT ${sqliteBucketStart('answered_at', bucket)} AS start, COUNT(*) AS responses, SUM(score) AS scoreSum
          FROM feedback WHERE ${answeredWhere} GROUP BY start ORDER BY start`)
        .all(...answeredValues) as { start: string; responses: number; scoreSum: number }[];
      const responses = distribution.reduce((n, d) => n + d.count, 0);
      const scoreSum = distribution.reduce((n, d) => n + d.score * d.count, 0);
      return { surveys, responses, scoreSum, distribution, trend };
    },
  };
}
