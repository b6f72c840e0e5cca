// The reports, aggregated by SQLite: SLA records by status, time per stage (from the tables the
// history trigger keeps, sqlite-stages.ts), and cases counted by a field of their data. Each answers
// rows per group, not per record; runtime/host/reports.ts finishes them (ratios, order, the top N).
import type Database from 'better-sqlite3';
import type {
  AgentCounts, BacklogRow, ChannelCounts, PartnerActivity, ReasonCounts, ReasonTrend, ReportBucket, ReportWindow, SlaCounts, SlaRecord, SlaTrendRow, StageCounts,
} from '../case-store.ts';
import { ageLimits } from '../report-buckets.ts';
import { isArrayIndex, pointerTokens } from '../json-pointer.ts';
import { bySplit, channelTotals, trendBySplit } from '../reason-split.ts';

export { resolvePointer } from '../json-pointer.ts';

/**
 * `tenant = ? AND case_type = ? AND <at> >= ? AND <at> < ?`, each part only when given, and its values; the
 * case filters (version, queue, channel) on the cases table itself (`cases`), or through the record's case
 * (`case_id IN (…)`, only when one is given: the reports without them read no case).
 */
function windowWhere(tenant: string, window: ReportWindow, at: string, table: 'cases' | 'byCase' = 'byCase'): [sql: string, values: (string | number)[]] {
  const caseConditions: [sql: string, value: string | number | undefined][] = [
    ['version = ?', window.version],
    ['queue = ?', window.queue],
    ["COALESCE(channel, 'api') = ?", window.channel],
  ];
  const conditions: [sql: string, value: string | number | undefined][] = [
    ['tenant = ?', tenant],
    ['case_type = ?', window.caseType],
    [`${at} >= ?`, window.from],
    [`${at} < ?`, window.to],
  ];
  const givenCase = caseConditions.filter((c): c is [string, string | number] => c[1] !== undefined);
  if (table === 'cases') conditions.push(...givenCase);
  const given = conditions.filter((c): c is [string, string | number] => c[1] !== undefined);
  const sql = given.map(([part]) => part);
  const values = given.map(([, value]) => value);
  if (table === 'byCase' && givenCase.length > 0) {
    sql.push(`case_id IN (SELECT id FROM cases WHERE tenant = ? AND ${givenCase.map(([part]) => part).join(' AND ')})`);
    values.push(tenant, ...givenCase.map(([, value]) => value));
  }
  return [sql.join(' AND '), values];
}

/** The first instant of the UTC bucket holding the instant `column` (store form), as text in store form. */
export function sqliteBucket(column: string, bucket: ReportBucket): string {
  switch (bucket) {
    case 'day':
      return `substr(${column}, 1, 10) || 'T00:00:00.000Z'`;
    case 'week': // the Monday on or before the day
      return `date(substr(${column}, 1, 10), '-6 days', 'weekday 1') || 'T00:00:00.000Z'`;
    case 'month':
      return `substr(${column}, 1, 7) || '-01T00:00:00.000Z'`;
  }
}

/** Milliseconds from the instant `a` to the instant `b` (store form), rounded. */
const msBetween = (a: string, b: string) => `CAST(ROUND((unixepoch(${b}, 'subsec') - unixepoch(${a}, 'subsec')) * 1000) AS INTEGER)`;

/** The top-level state id of the JSON state value `column`: the string, or the first key of an object. */
const topState = (column: string) => `CASE WHEN json_type(${column}) = 'text' THEN ${column} ->> '$' ELSE (SELECT key FROM json_each(${column}) LIMIT 1) END`;

/**
 * The JSON text at `pointer` in the JSON text `column` (NULL where there is none), as resolvePointer
 * finds it. A run of member names is one path (`$."a"."b"`, each name quoted as JSON quotes it); a
 * token that could be an array index is looked up both ways (`$."0"` finds nothing in an array, `$[0]`
 * nothing in an object), on the value bound once in a subquery so the SQL grows linearly.
 */
export function sqlitePointer(column: string, pointer: string): [sql: string, values: string[]] {
  let sql = column;
  let values: string[] = [];
  let path = '$';
  const flush = () => {
    if (path === '$') return;
    sql = `(${sql} -> ?)`;
    values.push(path);
    path = '$';
  };
  for (const token of pointerTokens(pointer)) {
    if (!isArrayIndex(token)) {
      path += `.${JSON.stringify(token)}`;
      continue;
    }
    flush();
    // the two new values come first in the text
    sql = `(SELECT COALESCE(v -> ?, v -> ?) FROM (SELECT ${sql} AS v))`;
    values = [`$.${JSON.stringify(token)}`, `$[${token}]`, ...values];
  }
  flush();
  return [sql, values];
}

const statusColumns = `COUNT(*) AS total,
  COUNT(*) FILTER (WHERE status = 'running') AS running, COUNT(*) FILTER (WHERE status = 'paused') AS paused,
  COUNT(*) FILTER (WHERE status = 'warning') AS warning, COUNT(*) FILTER (WHERE status = 'missed-goal') AS missedGoal,
  COUNT(*) FILTER (WHERE status = 'breached') AS breached, COUNT(*) FILTER (WHERE status = 'met') AS met,
  COUNT(*) FILTER (WHERE status = 'met-late') AS metLate, COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled`;

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

    async slaSummary(tenant: string, window: ReportWindow): Promise<SlaCounts[]> {
      const [where, values] = windowWhere(tenant, window, 'started_at');
      return db
        .prepare(`SELECT case_type AS caseType, name AS sla, ${statusColumns} FROM slas WHERE ${where} GROUP BY case_type, name ORDER BY case_type, name`)
        .all(...values) as SlaCounts[];
    },

    async stageSummary(tenant: string, window: ReportWindow): Promise<StageCounts[]> {
      const [where, values] = windowWhere(tenant, window, 'entered_at');
      // percentile_cont: linear interpolation between the closest ranks, as PostgreSQL's (the host rounds to whole ms)
      return db
        .prepare(
          `SELECT caseType, state, SUM(visits) AS visits, SUM(completed) AS completed, SUM(totalMs) AS totalMs, SUM(current) AS current,
            MAX(medianMs) AS medianMs, MAX(p90Ms) AS p90Ms FROM (
            SELECT case_type AS caseType, state, COUNT(*) AS visits, COUNT(*) AS completed, TOTAL(ms) AS totalMs, 0 AS current,
              percentile_cont(ms, 0.5) AS medianMs, percentile_cont(ms, 0.9) AS p90Ms
            FROM stage_visits WHERE ${where} GROUP BY case_type, state
            UNION ALL
            SELECT case_type, state, COUNT(*), 0, 0, COUNT(*), NULL, NULL FROM stage_current WHERE ${where} GROUP BY case_type, state
          ) GROUP BY caseType, state`,
        )
        .all(...values, ...values) as StageCounts[];
    },

    async reasonCounts(tenant: string, pointer: string, window: ReportWindow & { limit: number }): Promise<ReasonCounts> {
      const [where, values] = windowWhere(tenant, window, 'created_at', 'cases');
      const [value, pointerValues] = sqlitePointer('data', pointer);
      // per value and channel; the values that can be among the top, each with its channels
      const rows = db
        .prepare(
          `WITH base AS (
            SELECT COALESCE(${value}, 'null') AS value, COALESCE(channel, 'api') AS channel FROM cases WHERE ${where}
          ), split AS (
            SELECT value, channel, COUNT(*) AS n FROM base GROUP BY value, channel
          ), counted AS (
            SELECT value, SUM(n) AS n FROM split GROUP BY value
          ), ranked AS (
            SELECT value, n, SUM(n) OVER () AS total, RANK() OVER (ORDER BY n DESC) AS rnk FROM counted
          )
          SELECT ranked.value AS value, ranked.n AS n, ranked.total AS total, split.channel AS channel, split.n AS cn
          FROM ranked JOIN split ON split.value = ranked.value WHERE ranked.rnk <= ?`,
        )
        .all(...pointerValues, ...values, window.limit) as { value: string; n: number; total: number; channel: string; cn: number }[];
      const channels = db
        .prepare(`SELECT COALESCE(channel, 'api') AS channel, COUNT(*) AS n FROM cases WHERE ${where} GROUP BY 1`)
        .all(...values) as { channel: string; n: number }[];
      return { total: rows[0]?.total ?? 0, counts: bySplit(rows), channels: Object.fromEntries(channels.map((c) => [c.channel, c.n])) };
    },

    async partnerActivity(tenant: string, window: ReportWindow): Promise<PartnerActivity[]> {
      // the partial index history_by_partner holds only the partners' entries: the tenant's own are not read
      const conditions: [string, string[]][] = [['tenant = ? AND partner IS NOT NULL', [tenant]]];
      if (window.from !== undefined) conditions.push(['at >= ?', [window.from]]);
      if (window.to !== undefined) conditions.push(['at < ?', [window.to]]);
      if (window.caseType !== undefined || window.version !== undefined || window.queue !== undefined || window.channel !== undefined) {
        const [caseWhere, caseValues] = windowWhere(tenant, { ...window, from: undefined, to: undefined }, 'created_at', 'cases');
        conditions.push([`case_id IN (SELECT id FROM cases WHERE ${caseWhere})`, caseValues as string[]]);
      }
      return db
        .prepare(
          `SELECT partner, COUNT(*) AS events, COUNT(DISTINCT case_id) AS cases, MAX(at) AS lastAt
          FROM history WHERE ${conditions.map(([sql]) => sql).join(' AND ')} GROUP BY 1 ORDER BY 1`,
        )
        .all(...conditions.flatMap(([, values]) => values)) as PartnerActivity[];
    },

    async slaTrend(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<SlaTrendRow[]> {
      const [where, values] = windowWhere(tenant, window, 'started_at');
      return db
        .prepare(
          `SELECT ${sqliteBucket('started_at', bucket)} AS start, COUNT(*) FILTER (WHERE status = 'met') AS met,
            COUNT(*) FILTER (WHERE status = 'met-late') AS metLate, COUNT(*) FILTER (WHERE status = 'missed-goal') AS missedGoal,
            COUNT(*) FILTER (WHERE status = 'breached') AS breached
          FROM slas WHERE ${where} GROUP BY 1 ORDER BY 1`,
        )
        .all(...values) as SlaTrendRow[];
    },

    async backlog(tenant: string, window: ReportWindow, now: string): Promise<BacklogRow[]> {
      const [where, values] = windowWhere(tenant, window, 'created_at', 'cases');
      const [d1, d3, d7, d30] = ageLimits(now);
      return db
        .prepare(
          `SELECT queue, ${topState('state')} AS state, COUNT(*) AS count,
            COUNT(*) FILTER (WHERE created_at > ?) AS under1d, COUNT(*) FILTER (WHERE created_at <= ? AND created_at > ?) AS d1to3,
            COUNT(*) FILTER (WHERE created_at <= ? AND created_at > ?) AS d3to7, COUNT(*) FILTER (WHERE created_at <= ? AND created_at > ?) AS d7to30,
            COUNT(*) FILTER (WHERE created_at <= ?) AS over30d, MIN(created_at) AS oldestCreatedAt
          FROM cases WHERE ${where} AND closed_at IS NULL GROUP BY 1, 2`,
        )
        .all(d1, d1, d3, d3, d7, d7, d30, d30, ...values) as BacklogRow[];
    },

    async reasonTrend(tenant: string, pointer: string, window: ReportWindow & { limit: number }, bucket: ReportBucket): Promise<ReasonTrend> {
      const [where, values] = windowWhere(tenant, window, 'created_at', 'cases');
      const [value, pointerValues] = sqlitePointer('data', pointer);
      const rows = db
        .prepare(
          `WITH base AS (
            SELECT COALESCE(${value}, 'null') AS value, ${sqliteBucket('created_at', bucket)} AS start FROM cases WHERE ${where}
          ), split AS (
            SELECT value, start, COUNT(*) AS n FROM base GROUP BY value, start
          ), counted AS (
            SELECT value, SUM(n) AS n FROM split GROUP BY value
          ), ranked AS (
            SELECT value, n, RANK() OVER (ORDER BY n DESC) AS rnk FROM counted
          )
          SELECT ranked.value AS value, ranked.n AS n, split.start AS start, split.n AS bn
          FROM ranked JOIN split ON split.value = ranked.value WHERE ranked.rnk <= ? ORDER BY split.start`,
        )
        .all(...pointerValues, ...values, window.limit) as { value: string; n: number; start: string; bn: number }[];
      return { values: trendBySplit(rows) };
    },

    async channelCounts(tenant: string, window: ReportWindow, bucket: ReportBucket): Promise<ChannelCounts> {
      const [where, values] = windowWhere(tenant, window, 'created_at', 'cases');
      const trend = db
        .prepare(
          `SELECT ${sqliteBucket('created_at', bucket)} AS start, COALESCE(channel, 'api') AS channel, COUNT(*) AS count
          FROM cases WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all(...values) as ChannelCounts['trend'];
      return { items: channelTotals(trend), trend };
    },

    async agentCounts(tenant: string, window: ReportWindow & { limit: number }): Promise<AgentCounts> {
      // the task's own queue; version and channel through its case
      const [where, values] = windowWhere(tenant, { ...window, queue: undefined }, 'closed_at');
      const [queueSql, queueValues] = window.queue === undefined ? ['', []] : [' AND queue = ?', [window.queue]];
      const rows = db
        .prepare(
          `SELECT assignee AS agent, COUNT(*) AS tasksClosed, COUNT(DISTINCT case_id) AS cases,
            percentile_cont(ms, 0.5) AS medianHandlingMs, percentile_cont(ms, 0.9) AS p90HandlingMs, SUM(COUNT(*)) OVER () AS total
          FROM (
            SELECT assignee, case_id, ${msBetween('COALESCE(claimed_at, opened_at)', 'closed_at')} AS ms
            FROM tasks WHERE ${where}${queueSql} AND status = 'closed' AND assignee IS NOT NULL
          ) GROUP BY assignee ORDER BY tasksClosed DESC, agent LIMIT ?`,
        )
        .all(...values, ...queueValues, window.limit) as (AgentCounts['items'][number] & { total: number })[];
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((row) => ({ agent: row.agent, tasksClosed: row.tasksClosed, cases: row.cases, medianHandlingMs: row.medianHandlingMs, p90HandlingMs: row.p90HandlingMs })),
      };
    },
  };
}
