// The reports, aggregated by SQLite: SLA records by status, time per stage (from the tables the
// history trigger keeps, sqlite-stages.ts), and cases counted by a field of their data. Each answers
// rows per group, not per record; runtime/host/reports.ts finishes them (ratios, order, the top N).
import type Database from 'better-sqlite3';
import type { PartnerActivity, ReasonCounts, ReportWindow, SlaCounts, SlaRecord, StageCounts } from '../case-store.ts';
import { isArrayIndex, pointerTokens } from '../json-pointer.ts';
import { bySplit } from '../reason-split.ts';

export { resolvePointer } from '../json-pointer.ts';

/** `tenant = ? AND case_type = ? AND <at> >= ? AND <at> < ?`, each part only when given, and its values. */
function windowWhere(tenant: string, window: ReportWindow, at: string): [sql: string, values: string[]] {
  const conditions: [sql: string, value: string | undefined][] = [
    ['tenant = ?', tenant],
    ['case_type = ?', window.caseType],
    [`${at} >= ?`, window.from],
    [`${at} < ?`, window.to],
  ];
  const given = conditions.filter((c): c is [string, string] => c[1] !== undefined);
  return [given.map(([sql]) => sql).join(' AND '), given.map(([, value]) => value)];
}

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
      return db
        .prepare(
          `SELECT caseType, state, SUM(visits) AS visits, SUM(completed) AS completed, SUM(totalMs) AS totalMs, SUM(current) AS current FROM (
            SELECT case_type AS caseType, state, COUNT(*) AS visits, COUNT(*) AS completed, TOTAL(ms) AS totalMs, 0 AS current
            FROM stage_visits WHERE ${where} GROUP BY case_type, state
            UNION ALL
            SELECT case_type, state, COUNT(*), 0, 0, COUNT(*) FROM stage_current WHERE ${where} GROUP BY case_type, state
          ) GROUP BY caseType, state`,
        )
        .all(...values, ...values) as StageCounts[];
    },

    async reasonCounts(tenant: string, pointer: string, window: ReportWindow & { limit: number }): Promise<ReasonCounts> {
      const [where, values] = windowWhere(tenant, window, 'created_at');
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
      if (window.caseType !== undefined) conditions.push(['case_id IN (SELECT id FROM cases WHERE tenant = ? AND case_type = ?)', [tenant, window.caseType]]);
      return db
        .prepare(
          `SELECT partner, COUNT(*) AS events, COUNT(DISTINCT case_id) AS cases, MAX(at) AS lastAt
          FROM history WHERE ${conditions.map(([sql]) => sql).join(' AND ')} GROUP BY 1 ORDER BY 1`,
        )
        .all(...conditions.flatMap(([, values]) => values)) as PartnerActivity[];
    },
  };
}
