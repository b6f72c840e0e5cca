// Customer feedback on PostgreSQL (issue 22, docs/feedback.md): the same rows as SQLite's
// (sqlite-feedback.ts), and the feedback report, aggregated here.
import type { FeedbackCounts, FeedbackRecord, ReportBucket, ReportWindow, SurveyRecord } from '../case-store.ts';
import { hasNul, statement, type PostgresDb, type SqlValue } from './postgres-db.ts';

const C = 'text COLLATE "C"';

export const feedbackTables = `
  CREATE TABLE feedback_surveys (
    tenant ${C} NOT NULL, case_id ${C} NOT NULL, case_type ${C} NOT NULL, version integer NOT NULL, channel ${C}, queue ${C},
    token_hash ${C} UNIQUE, via ${C} NOT NULL, sent_at ${C} NOT NULL, expires_at ${C} NOT NULL, PRIMARY KEY (tenant, case_id));
  CREATE INDEX feedback_surveys_by_sent ON feedback_surveys (tenant, sent_at);
  CREATE TABLE feedback (
    tenant ${C} NOT NULL, case_id ${C} NOT NULL, case_type ${C} NOT NULL, version integer NOT NULL, channel ${C}, queue ${C},
    score integer NOT NULL, answered_at ${C} NOT NULL, PRIMARY KEY (tenant, case_id));
  CREATE INDEX feedback_by_answered ON feedback (tenant, answered_at);
  CREATE INDEX feedback_by_type ON feedback (tenant, case_type, answered_at);
  CREATE FUNCTION dossier_history_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    doc json := CASE WHEN strpos(NEW.entry::text, E'\\\\u0000') > 0
      THEN replace(NEW.entry::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE NEW.entry END;
  BEGIN
    INSERT INTO feedback (tenant, case_id, case_type, version, channel, queue, score, answered_at)
      SELECT NEW.tenant, c.id, c.case_type, c.version, c.channel, c.queue, (doc -> 'event' -> 'data' ->> 'score')::integer, NEW.at
      FROM cases c WHERE c.id = NEW.case_id
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;
  CREATE TRIGGER history_feedback AFTER INSERT ON history FOR EACH ROW WHEN (NEW.event_type = 'feedback.received')
    EXECUTE FUNCTION dossier_history_feedback();
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

/** The first instant of the bucket of the instant in `column`, as text (UTC; ISO weeks from Monday). */
export function postgresBucketStart(column: string, bucket: ReportBucket): string {
  switch (bucket) {
    case 'day':
      return `left(${column}, 10) || 'T00:00:00.000Z'`;
    case 'week':
      return `to_char(date_trunc('week', ${column}::timestamptz AT TIME ZONE 'UTC'), 'YYYY-MM-DD') || 'T00:00:00.000Z'`;
    case 'month':
      return `left(${column}, 7) || '-01T00:00:00.000Z'`;
    default: {
      const never: never = bucket;
      throw new Error(`unknown bucket ${String(never)}`);
    }
  }
}

function where(tenant: string, window: ReportWindow, at: string): [sql: string, values: SqlValue[]] {
  const parts: [string, string | number | undefined][] = [
    ['tenant = $', tenant],
    ['case_type = $', window.caseType],
    ['version = $', window.version],
    ['queue = $', window.queue],
    ['channel = $', window.channel],
    [`${at} >= $`, window.from],
    [`${at} < $`, window.to],
  ];
  const given = parts.filter((p): p is [string, string | number] => p[1] !== undefined);
  return [given.map(([sql], i) => `${sql}${String(i + 1)}`).join(' AND '), given.map(([, v]) => v)];
}

const SURVEY_COLUMNS = 'tenant, case_id, case_type, version, channel, queue, token_hash, via, sent_at, expires_at';

export function createPostgresFeedback(db: PostgresDb) {
  const s = {
    insertSurvey: statement(
      'feedback.insertSurvey',
      `INSERT INTO feedback_surveys (${SURVEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant, case_id) DO NOTHING`,
    ),
    replaceSurvey: statement(
      'feedback.replaceSurvey',
      `INSERT INTO feedback_surveys AS s (${SURVEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (tenant, case_id) DO UPDATE SET token_hash = excluded.token_hash, via = excluded.via, sent_at = excluded.sent_at,
        expires_at = excluded.expires_at
      WHERE NOT EXISTS (SELECT 1 FROM feedback f WHERE f.tenant = s.tenant AND f.case_id = s.case_id)`,
    ),
    getSurvey: statement('feedback.getSurvey', 'SELECT * FROM feedback_surveys WHERE tenant = $1 AND case_id = $2'),
    byToken: statement('feedback.byToken', 'SELECT * FROM feedback_surveys WHERE token_hash = $1 AND tenant = $2'),
    insertFeedback: statement(
      'feedback.insertFeedback',
      `INSERT INTO feedback (tenant, case_id, case_type, version, channel, queue, score, answered_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant, case_id) DO NOTHING`,
    ),
    getFeedback: statement('feedback.getFeedback', 'SELECT * FROM feedback WHERE tenant = $1 AND case_id = $2'),
  };
  const getSurvey = async (tenant: string, caseId: string): Promise<SurveyRecord | null> => {
    if (hasNul(tenant, caseId)) return null;
    const [row] = await db.rows<SurveyRow>(s.getSurvey, [tenant, caseId]);
    return row === undefined ? null : surveyOf(row);
  };
  return {
    async saveSurvey(r: SurveyRecord, replace: boolean): Promise<SurveyRecord> {
      await db.changes(replace ? s.replaceSurvey : s.insertSurvey, [r.tenant, r.caseId, r.caseType, r.version, r.channel, r.queue, r.tokenHash, r.via, r.sentAt, r.expiresAt]);
      return (await getSurvey(r.tenant, r.caseId)) as SurveyRecord;
    },
    getSurvey,
    async surveyByToken(tenant: string, tokenHash: string): Promise<SurveyRecord | null> {
      if (hasNul(tenant, tokenHash)) return null;
      const [row] = await db.rows<SurveyRow>(s.byToken, [tokenHash, tenant]);
      return row === undefined ? null : surveyOf(row);
    },
    async saveFeedback(r: FeedbackRecord): Promise<boolean> {
      return (await db.changes(s.insertFeedback, [r.tenant, r.caseId, r.caseType, r.version, r.channel, r.queue, r.score, r.answeredAt])) === 1;
    },
    async getFeedback(tenant: string, caseId: string): Promise<FeedbackRecord | null> {
      if (hasNul(tenant, caseId)) return null;
      const [r] = await db.rows<{ tenant: string; case_id: string; case_type: string; version: number; channel: string | null; queue: string | null; score: number; answered_at: string }>(
        s.getFeedback,
        [tenant, caseId],
      );
      return r === undefined
        ? null
        : { tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, version: r.version, channel: r.channel, queue: r.queue, score: r.score, answeredAt: r.answered_at };
    },
    async feedbackCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<FeedbackCounts> {
      const strings = [tenant, window.caseType, window.queue, window.channel, window.from, window.to].filter((v): v is string => v !== undefined);
      if (hasNul(...strings)) return { surveys: 0, responses: 0, scoreSum: 0, distribution: [], trend: [] };
      const [sentWhere, sentValues] = where(tenant, window, 'sent_at');
      const [answeredWhere, answeredValues] = where(tenant, window, 'answered_at');
      const [sent] = await db.rows<{ surveys: string }>(`SELECT COUNT(*) AS surveys FROM feedback_surveys WHERE ${sentWhere}`, sentValues);
      const distribution = (
        await db.rows<{ score: number; count: string }>(`SELECT score, COUNT(*) AS count FROM feedback WHERE ${answeredWhere} GROUP BY score ORDER BY score`, answeredValues)
      ).map((r) => ({ score: r.score, count: Number(r.count) }));
      const trend = (
        await db.rows<{ start: string; responses: string; score_sum: string }>(
          `SELECT ${postgresBucketStart('answered_at', bucket)} AS start, COUNT(*) AS responses, SUM(score) AS score_sum
          FROM feedback WHERE ${answeredWhere} GROUP BY 1 ORDER BY 1`,
          answeredValues,
        )
      ).map((r) => ({ start: r.start, responses: Number(r.responses), scoreSum: Number(r.score_sum) }));
      const responses = distribution.reduce((n, d) => n + d.count, 0);
      const scoreSum = distribution.reduce((n, d) => n + d.score * d.count, 0);
      return { surveys: Number(sent?.surveys ?? 0), responses, scoreSum, distribution, trend };
    },
  };
}
