// The reports, aggregated by PostgreSQL, as SQLite aggregates them (sqlite-reports.ts): SLA records by
// status, time per stage (from the tables the history trigger keeps, postgres-stages.ts), and cases
// counted by a field of their data.
//
// Case data holding U+0000 (`\u0000` in its JSON text, which the json type keeps) cannot go through
// json's operators, which turn every string into text on the way and refuse that one. Such a document
// is read with the escape written as `\ufffd`, and the escape is put back in the value counted (JSON
// as JSON.stringify writes it never holds `\ufffd` itself, only the character).
import type { PartnerActivity, ReasonCounts, ReportWindow, SlaCounts, SlaRecord, StageCounts } from '../case-store.ts';
import { isArrayIndex, pointerTokens } from '../json-pointer.ts';
import { bySplit } from '../reason-split.ts';
import { hasNul, type PostgresDb } from './postgres-db.ts';
import { createWhere, type Where } from './where.ts';

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

/** tenant, case type and the window on `at`, each only when given (U+0000 in any: nothing matches). */
function windowWhere(where: Where, tenant: string, window: ReportWindow, at: string): Where {
  return where
    .when(tenant, (p) => `tenant = ${p}`)
    .when(window.caseType, (p) => `case_type = ${p}`)
    .when(window.from, (p) => `${at} >= ${p}`)
    .when(window.to, (p) => `${at} < ${p}`);
}

/**
 * The json at `pointer` in the json `column` (NULL where there is none), as resolvePointer finds it:
 * `->` with a text key finds nothing in an array, with an integer nothing in an object, so a token
 * that could be an array index is looked up both ways, on the value bound once in a subquery. A token
 * holding U+0000 names nothing PostgreSQL text can hold: NULL.
 */
export function postgresPointer(where: Where, column: string, pointer: string): string {
  let sql = column;
  for (const token of pointerTokens(pointer)) {
    if (hasNul(token)) return 'NULL::json';
    sql = isArrayIndex(token)
      ? `(SELECT COALESCE(v -> ${where.param(token)}::text, v -> ${where.param(Number(token))}::integer) FROM (SELECT ${sql} AS v) AS step)`
      : `(${sql} -> ${where.param(token)}::text)`;
  }
  return sql;
}

const nulSafe = (column: string) =>
  `CASE WHEN strpos(${column}::text, E'\\\\u0000') > 0 THEN replace(${column}::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE ${column} END`;

const statusColumns = `COUNT(*)::integer AS total,
  (COUNT(*) FILTER (WHERE status = 'running'))::integer AS running, (COUNT(*) FILTER (WHERE status = 'paused'))::integer AS paused,
  (COUNT(*) FILTER (WHERE status = 'warning'))::integer AS warning, (COUNT(*) FILTER (WHERE status = 'missed-goal'))::integer AS "missedGoal",
  (COUNT(*) FILTER (WHERE status = 'breached'))::integer AS breached, (COUNT(*) FILTER (WHERE status = 'met'))::integer AS met,
  (COUNT(*) FILTER (WHERE status = 'met-late'))::integer AS "metLate", (COUNT(*) FILTER (WHERE status = 'cancelled'))::integer AS cancelled`;

export function createPostgresReports(db: PostgresDb) {
  return {
    async slaRecords(tenant: string, caseType?: string): Promise<SlaRecord[]> {
      const where = createWhere().when(tenant, (p) => `tenant = ${p}`).when(caseType, (p) => `case_type = ${p}`);
      const rows = await db.rows<SlaRow>(
        `SELECT tenant, case_id, case_type, sla_id, name, status, started_at, closed_at, urgency FROM slas
        WHERE ${where.sql()} ORDER BY case_type, name, case_id, sla_id`,
        where.values,
      );
      return rows.map((r) => ({
        tenant: r.tenant, caseId: r.case_id, caseType: r.case_type, slaId: r.sla_id, name: r.name,
        status: r.status, startedAt: r.started_at, closedAt: r.closed_at, urgency: r.urgency,
      }));
    },

    async slaSummary(tenant: string, window: ReportWindow): Promise<SlaCounts[]> {
      const where = windowWhere(createWhere(), tenant, window, 'started_at');
      return db.rows<SlaCounts>(
        `SELECT case_type AS "caseType", name AS sla, ${statusColumns} FROM slas WHERE ${where.sql()} GROUP BY case_type, name ORDER BY case_type, name`,
        where.values,
      );
    },

    async stageSummary(tenant: string, window: ReportWindow): Promise<StageCounts[]> {
      const where = windowWhere(createWhere(), tenant, window, 'entered_at');
      return db.rows<StageCounts>(
        `SELECT case_type AS "caseType", state, SUM(visits)::integer AS visits, SUM(completed)::integer AS completed,
          SUM(total_ms)::float8 AS "totalMs", SUM(current)::integer AS current FROM (
          SELECT case_type, state, COUNT(*) AS visits, COUNT(*) AS completed, COALESCE(SUM(ms), 0) AS total_ms, 0 AS current
          FROM stage_visits WHERE ${where.sql()} GROUP BY case_type, state
          UNION ALL
          SELECT case_type, state, COUNT(*), 0, 0, COUNT(*) FROM stage_current WHERE ${where.sql()} GROUP BY case_type, state
        ) AS groups GROUP BY case_type, state`,
        where.values,
      );
    },

    async reasonCounts(tenant: string, pointer: string, window: ReportWindow & { limit: number }): Promise<ReasonCounts> {
      const where = windowWhere(createWhere(), tenant, window, 'created_at');
      const value = postgresPointer(where, 'data', pointer);
      // per value and channel; the values that can be among the top, each with its channels
      const rows = await db.rows<{ value: string; n: number; total: number; channel: string; cn: number }>(
        `WITH base AS (
          SELECT COALESCE((${value})::text, 'null') AS value, channel FROM (SELECT ${nulSafe('data')} AS data, COALESCE(channel, 'api') AS channel FROM cases WHERE ${where.sql()}) AS docs
        ), split AS (
          SELECT value, channel, COUNT(*) AS n FROM base GROUP BY value, channel
        ), counted AS (
          SELECT value, SUM(n) AS n FROM split GROUP BY value
        ), ranked AS (
          SELECT value, n, SUM(n) OVER () AS total, RANK() OVER (ORDER BY n DESC) AS rnk FROM counted
        )
        SELECT CASE WHEN strpos(ranked.value, E'\\\\ufffd') > 0 THEN replace(ranked.value, E'\\\\ufffd', E'\\\\u0000') ELSE ranked.value END AS value,
          ranked.n::integer AS n, ranked.total::float8 AS total, split.channel AS channel, split.n::integer AS cn
        FROM ranked JOIN split ON split.value = ranked.value WHERE ranked.rnk <= ${where.param(window.limit)}`,
        where.values,
      );
      const channelWhere = windowWhere(createWhere(), tenant, window, 'created_at');
      const channels = await db.rows<{ channel: string; n: number }>(
        `SELECT COALESCE(channel, 'api') AS channel, COUNT(*)::integer AS n FROM cases WHERE ${channelWhere.sql()} GROUP BY 1`,
        channelWhere.values,
      );
      return { total: rows[0]?.total ?? 0, counts: bySplit(rows), channels: Object.fromEntries(channels.map((c) => [c.channel, c.n])) };
    },

    async partnerActivity(tenant: string, window: ReportWindow): Promise<PartnerActivity[]> {
      // the partial index history_by_partner holds only the partners' entries: the tenant's own are not read
      const where = createWhere()
        .when(tenant, (p) => `tenant = ${p}`)
        .add('partner IS NOT NULL')
        .when(window.from, (p) => `at >= ${p}`)
        .when(window.to, (p) => `at < ${p}`);
      if (window.caseType !== undefined) {
        where.add(`case_id IN (SELECT id FROM cases WHERE tenant = ${where.param(tenant)} AND case_type = ${where.param(window.caseType)})`);
      }
      return db.rows<PartnerActivity>(
        `SELECT partner, COUNT(*)::integer AS events, COUNT(DISTINCT case_id)::integer AS cases, MAX(at) AS "lastAt"
        FROM history WHERE ${where.sql()} GROUP BY partner ORDER BY partner`,
        where.values,
      );
    },
  };
}
