// The reports, aggregated by PostgreSQL, as SQLite aggregates them (sqlite-reports.ts): SLA records by
// status, time per stage (from the tables the history trigger keeps, postgres-stages.ts), and cases
// counted by a field of their data.
//
// Case data holding U+0000 (`\u0000` in its JSON text, which the json type keeps) cannot go through
// json's operators, which turn every string into text on the way and refuse that one. Such a document
// is read with the escape written as `\ufffd`, and the escape is put back in the value counted (JSON
// as JSON.stringify writes it never holds `\ufffd` itself, only the character).
import type {
  AgentCounts, BacklogRow, ChannelCounts, PartnerActivity, ReasonCounts, ReasonTrend, ReportBucket, ReportWindow, SlaCounts, SlaRecord, SlaTrendRow, StageCounts,
} from '../case-store.ts';
import { ageLimits } from '../report-buckets.ts';
import { isArrayIndex, pointerTokens } from '../json-pointer.ts';
import { bySplit, channelTotals, trendBySplit } from '../reason-split.ts';
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

/**
 * tenant, case type and the window on `at`, each only when given (U+0000 in any: nothing matches); the case
 * filters (version, queue, channel) on the cases table itself (`cases`), or through the record's case
 * (`case_id IN (…)`, only when one is given).
 */
function windowWhere(where: Where, tenant: string, window: ReportWindow, at: string, table: 'cases' | 'byCase' = 'byCase'): Where {
  where
    .when(tenant, (p) => `tenant = ${p}`)
    .when(window.caseType, (p) => `case_type = ${p}`)
    .when(window.from, (p) => `${at} >= ${p}`)
    .when(window.to, (p) => `${at} < ${p}`);
  const caseFilters = (w: Where) =>
    w.when(window.version, (p) => `version = ${p}::integer`).when(window.queue, (p) => `queue = ${p}`).when(window.channel, (p) => `COALESCE(channel, 'api') = ${p}`);
  if (table === 'cases') return caseFilters(where);
  if (window.version === undefined && window.queue === undefined && window.channel === undefined) return where;
  // the subquery's parameters are the outer one's
  const parts = [`tenant = ${where.param(tenant)}`];
  if (window.version !== undefined) parts.push(`version = ${where.param(window.version)}::integer`);
  for (const [column, value] of [['queue', window.queue], ["COALESCE(channel, 'api')", window.channel]] as const) {
    if (value !== undefined) parts.push(hasNul(value) ? 'FALSE' : `${column} = ${where.param(value)}`);
  }
  return where.add(`case_id IN (SELECT id FROM cases WHERE ${parts.join(' AND ')})`);
}

/** The first instant of the UTC bucket holding the instant `column` (store form), as text in store form. */
export function postgresBucket(column: string, bucket: ReportBucket): string {
  switch (bucket) {
    case 'day':
      return `(substr(${column}, 1, 10) || 'T00:00:00.000Z')`;
    case 'week': // the Monday on or before the day (isodow: Monday 1 … Sunday 7); text in code-point order as the others
      return `((to_char(substr(${column}, 1, 10)::date - (extract(isodow FROM substr(${column}, 1, 10)::date)::integer - 1), 'YYYY-MM-DD') || 'T00:00:00.000Z') COLLATE "C")`;
    case 'month':
      return `(substr(${column}, 1, 7) || '-01T00:00:00.000Z')`;
  }
}

/** The top-level state id of the json state value `column`: the string, or the first key of an object. */
const topState = (column: string) =>
  `CASE json_typeof(${column}) WHEN 'string' THEN ${column} #>> '{}' ELSE (SELECT k FROM json_object_keys(${column}) AS k LIMIT 1) END`;

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
      // percentile_cont: linear interpolation between the closest ranks, as SQLite's (the host rounds to whole ms)
      return db.rows<StageCounts>(
        `SELECT case_type AS "caseType", state, SUM(visits)::integer AS visits, SUM(completed)::integer AS completed,
          SUM(total_ms)::float8 AS "totalMs", SUM(current)::integer AS current, MAX(median_ms)::float8 AS "medianMs", MAX(p90_ms)::float8 AS "p90Ms" FROM (
          SELECT case_type, state, COUNT(*) AS visits, COUNT(*) AS completed, COALESCE(SUM(ms), 0) AS total_ms, 0 AS current,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms, percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90_ms
          FROM stage_visits WHERE ${where.sql()} GROUP BY case_type, state
          UNION ALL
          SELECT case_type, state, COUNT(*), 0, 0, COUNT(*), NULL, NULL FROM stage_current WHERE ${where.sql()} GROUP BY case_type, state
        ) AS groups GROUP BY case_type, state`,
        where.values,
      );
    },

    async reasonCounts(tenant: string, pointer: string, window: ReportWindow & { limit: number }): Promise<ReasonCounts> {
      const where = windowWhere(createWhere(), tenant, window, 'created_at', 'cases');
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
      const channelWhere = windowWhere(createWhere(), tenant, window, 'created_at', 'cases');
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
      if (window.caseType !== undefined || window.version !== undefined || window.queue !== undefined || window.channel !== undefined) {
        const cases = windowWhere(createWhere(), tenant, { ...window, from: undefined, to: undefined }, 'created_at', 'cases');
        const offset = where.values.length;
        where.values.push(...cases.values);
        where.add(`case_id IN (SELECT id FROM cases WHERE ${cases.sql().replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
      }
      return db.rows<PartnerActivity>(
        `SELECT partner, COUNT(*)::integer AS events, COUNT(DISTINCT case_id)::integer AS cases, MAX(at) AS "lastAt"
        FROM history WHERE ${where.sql()} GROUP BY partner ORDER BY partner`,
        where.values,
      );
    },

    async slaTrend(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<SlaTrendRow[]> {
      const where = windowWhere(createWhere(), tenant, window, 'started_at');
      return db.rows<SlaTrendRow>(
        `SELECT ${postgresBucket('started_at', bucket)} AS start, (COUNT(*) FILTER (WHERE status = 'met'))::integer AS met,
          (COUNT(*) FILTER (WHERE status = 'met-late'))::integer AS "metLate", (COUNT(*) FILTER (WHERE status = 'missed-goal'))::integer AS "missedGoal",
          (COUNT(*) FILTER (WHERE status = 'breached'))::integer AS breached
        FROM slas WHERE ${where.sql()} GROUP BY 1 ORDER BY 1`,
        where.values,
      );
    },

    async backlog(tenant: string, window: ReportWindow, now: string): Promise<BacklogRow[]> {
      const where = createWhere();
      const [d1, d3, d7, d30] = ageLimits(now).map((limit) => where.param(limit));
      windowWhere(where, tenant, window, 'created_at', 'cases');
      return db.rows<BacklogRow>(
        `SELECT queue, ${topState('state')} AS state, COUNT(*)::integer AS count,
          (COUNT(*) FILTER (WHERE created_at > ${d1}))::integer AS under1d,
          (COUNT(*) FILTER (WHERE created_at <= ${d1} AND created_at > ${d3}))::integer AS d1to3,
          (COUNT(*) FILTER (WHERE created_at <= ${d3} AND created_at > ${d7}))::integer AS d3to7,
          (COUNT(*) FILTER (WHERE created_at <= ${d7} AND created_at > ${d30}))::integer AS d7to30,
          (COUNT(*) FILTER (WHERE created_at <= ${d30}))::integer AS over30d, MIN(created_at) AS "oldestCreatedAt"
        FROM cases WHERE ${where.sql()} AND closed_at IS NULL GROUP BY 1, 2`,
        where.values,
      );
    },

    async reasonTrend(tenant: string, pointer: string, window: ReportWindow & { limit: number }, bucket: ReportBucket): Promise<ReasonTrend> {
      const where = windowWhere(createWhere(), tenant, window, 'created_at', 'cases');
      const value = postgresPointer(where, 'data', pointer);
      const rows = await db.rows<{ value: string; n: number; start: string; bn: number }>(
        `WITH base AS (
          SELECT COALESCE((${value})::text, 'null') AS value, start
          FROM (SELECT ${nulSafe('data')} AS data, ${postgresBucket('created_at', bucket)} AS start FROM cases WHERE ${where.sql()}) AS docs
        ), split AS (
          SELECT value, start, COUNT(*) AS n FROM base GROUP BY value, start
        ), counted AS (
          SELECT value, SUM(n) AS n FROM split GROUP BY value
        ), ranked AS (
          SELECT value, n, RANK() OVER (ORDER BY n DESC) AS rnk FROM counted
        )
        SELECT CASE WHEN strpos(ranked.value, E'\\\\ufffd') > 0 THEN replace(ranked.value, E'\\\\ufffd', E'\\\\u0000') ELSE ranked.value END AS value,
          ranked.n::integer AS n, split.start AS start, split.n::integer AS bn
        FROM ranked JOIN split ON split.value = ranked.value WHERE ranked.rnk <= ${where.param(window.limit)}`,
        where.values,
      );
      return { values: trendBySplit(rows) };
    },

    async channelCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<ChannelCounts> {
      const where = windowWhere(createWhere(), tenant, window, 'created_at', 'cases');
      const trend = await db.rows<ChannelCounts['trend'][number]>(
        `SELECT ${postgresBucket('created_at', bucket)} AS start, COALESCE(channel, 'api') AS channel, COUNT(*)::integer AS count
        FROM cases WHERE ${where.sql()} GROUP BY 1, 2 ORDER BY 1, 2`,
        where.values,
      );
      return { items: channelTotals(trend), trend };
    },

    async agentCounts(tenant: string, window: ReportWindow & { limit: number }): Promise<AgentCounts> {
      // the task's own queue; version and channel through its case. The task's instants are the host's
      // (ISO 8601, UTC): a plain cast (dossier_instant_ms's check made it 4× slower at 100,000 tasks)
      const where = windowWhere(createWhere(), tenant, { ...window, queue: undefined }, 'closed_at').when(window.queue, (p) => `queue = ${p}`);
      const rows = await db.rows<AgentCounts['items'][number] & { total: number }>(
        `SELECT assignee AS agent, COUNT(*)::integer AS "tasksClosed", COUNT(DISTINCT case_id)::integer AS cases,
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::float8 AS "medianHandlingMs",
          (percentile_cont(0.9) WITHIN GROUP (ORDER BY ms))::float8 AS "p90HandlingMs", (SUM(COUNT(*)) OVER ())::integer AS total
        FROM (
          SELECT assignee, case_id, round(extract(epoch FROM closed_at::timestamptz - COALESCE(claimed_at, opened_at)::timestamptz) * 1000) AS ms
          FROM tasks WHERE ${where.sql()} AND status = 'closed' AND assignee IS NOT NULL
        ) AS closed GROUP BY assignee ORDER BY 2 DESC, 1 LIMIT ${where.param(window.limit)}`,
        where.values,
      );
      return { total: rows[0]?.total ?? 0, items: rows.map((row) => ({ agent: row.agent, tasksClosed: row.tasksClosed, cases: row.cases, medianHandlingMs: row.medianHandlingMs, p90HandlingMs: row.p90HandlingMs })) };
    },
  };
}
