// The process map on SQLite (docs/reports.md, Process map): the directly-follows graph of a case type's
// history, kept at write time in `transitions`, one row per history entry, by a trigger on history (as the
// stage tables are, sqlite-stages.ts), and filled from the history written before by one statement.
//
// - source, target: the entry's `from` and `to` as state keys (a state id; the JSON text of a nested or
//   parallel value); source '' for the creation (an entry without `from`).
// - ms: the time since the case's previous history entry (null for the creation): what the case spent
//   before this event, as process-mining tools measure a directly-follows edge.
// - revisit: 1 when the entry entered a state the case had been in before (an earlier row of the case
//   with that target), source and target differing; a self-edge is a loop without it.
// - version: the case's version when the entry was written (the report's version filter).
// Keyed in report order (tenant, case type, edge, at, case, seq): the map groups by edge in key order, and
// one edge's cases, newest first, are one range read backwards. The index by case serves the revisit.
import type Database from 'better-sqlite3';
import type { Page, ProcessMapCaseRow, ProcessMapEdge, ProcessMapRows, ProcessMapWindow } from '../case-store.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

/** A state value's key: the id itself for a string, else its JSON text; '' for none. */
const stateKey = (json: string, path: string) =>
  `COALESCE(CASE json_type(${json}, '${path}') WHEN 'text' THEN ${json} ->> '${path}' WHEN 'null' THEN NULL ELSE ${json} -> '${path}' END, '')`;

const msBetween = (from: string, to: string) => `CAST(ROUND((unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec')) * 1000) AS INTEGER)`;

export const transitionTablesSql = `
  CREATE TABLE transitions (
    tenant TEXT NOT NULL, case_type TEXT NOT NULL, source TEXT NOT NULL, event TEXT NOT NULL, target TEXT NOT NULL,
    at TEXT NOT NULL, case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL, ms INTEGER,
    revisit INTEGER NOT NULL,
    PRIMARY KEY (tenant, case_type, source, event, target, at, case_id, seq)) WITHOUT ROWID;
  CREATE INDEX transitions_by_case ON transitions(case_id, target);
  CREATE TRIGGER history_transitions AFTER INSERT ON history BEGIN
    INSERT INTO transitions (tenant, case_type, source, event, target, at, case_id, seq, version, ms, revisit)
      SELECT NEW.tenant, c.case_type, e.source, NEW.event_type, e.target, NEW.at, NEW.case_id, NEW.seq, c.version,
        (SELECT ${msBetween('h.at', 'NEW.at')} FROM history h WHERE h.case_id = NEW.case_id AND h.seq < NEW.seq ORDER BY h.seq DESC LIMIT 1),
        e.source <> e.target AND EXISTS (SELECT 1 FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = e.target)
      FROM cases c, (SELECT ${stateKey('NEW.entry', '$.from')} AS source, ${stateKey('NEW.entry', '$.to')} AS target) e
      WHERE c.id = NEW.case_id;
  END;
`;

/** Fills `transitions` from the history already stored (the migration runs it once, in its transaction). */
export function backfillTransitions(db: Database.Database): void {
  db.exec(`
    INSERT INTO transitions (tenant, case_type, source, event, target, at, case_id, seq, version, ms, revisit)
    SELECT tenant, case_type, source, event, target, at, case_id, seq, version,
      CASE WHEN prev IS NULL THEN NULL ELSE ${msBetween('prev', 'at')} END,
      source <> target AND ROW_NUMBER() OVER (PARTITION BY case_id, target ORDER BY seq) > 1
    FROM (
      SELECT h.tenant, c.case_type, ${stateKey('h.entry', '$.from')} AS source, h.event_type AS event, ${stateKey('h.entry', '$.to')} AS target,
        h.at, h.case_id, h.seq, c.version, LAG(h.at) OVER (PARTITION BY h.case_id ORDER BY h.seq) AS prev
      FROM history h JOIN cases c ON c.id = h.case_id
    )`);
}

/** The rows of the window: `t.` columns; the case's queue and channel read from cases only when asked for. */
function windowWhere(tenant: string, window: ProcessMapWindow): [sql: string, values: (string | number)[]] {
  const parts: [string, (string | number)[]][] = [['t.tenant = ? AND t.case_type = ?', [tenant, window.caseType]]];
  if (window.from !== undefined) parts.push(['t.at >= ?', [window.from]]);
  if (window.to !== undefined) parts.push(['t.at < ?', [window.to]]);
  if (window.version !== undefined) parts.push(['t.version = ?', [window.version]]);
  if (window.queue !== undefined) parts.push(['(SELECT queue FROM cases c WHERE c.id = t.case_id) = ?', [window.queue]]);
  if (window.channel !== undefined) parts.push(["(SELECT COALESCE(channel, 'api') FROM cases c WHERE c.id = t.case_id) = ?", [window.channel]]);
  return [parts.map(([sql]) => sql).join(' AND '), parts.flatMap(([, values]) => values)];
}

function closedWhere(tenant: string, window: ProcessMapWindow): [sql: string, values: (string | number)[]] {
  const parts: [string, (string | number)[]][] = [['tenant = ? AND case_type = ? AND closed_at IS NOT NULL', [tenant, window.caseType]]];
  if (window.from !== undefined) parts.push(['closed_at >= ?', [window.from]]);
  if (window.to !== undefined) parts.push(['closed_at < ?', [window.to]]);
  if (window.version !== undefined) parts.push(['version = ?', [window.version]]);
  if (window.queue !== undefined) parts.push(['queue = ?', [window.queue]]);
  if (window.channel !== undefined) parts.push(["COALESCE(channel, 'api') = ?", [window.channel]]);
  return [parts.map(([sql]) => sql).join(' AND '), parts.flatMap(([, values]) => values)];
}

export function createSqliteProcessMap(db: Database.Database) {
  return {
    async processMap(tenant: string, window: ProcessMapWindow): Promise<ProcessMapRows> {
      const [where, values] = windowWhere(tenant, window);
      // counts per edge in key order; the nearest-rank median and p90 of ms from one sort per edge
      const edges = db
        .prepare(
          `WITH w AS (SELECT source, event, target, case_id, ms, revisit FROM transitions t WHERE ${where}),
          counted AS (
            SELECT source, event, target, COUNT(*) AS count, COUNT(DISTINCT case_id) AS cases, SUM(revisit) AS revisits
            FROM w GROUP BY source, event, target
          ),
          ranked AS (
            SELECT source, event, target, ms, ROW_NUMBER() OVER (PARTITION BY source, event, target ORDER BY ms) AS r,
              COUNT(*) OVER (PARTITION BY source, event, target) AS n
            FROM w WHERE ms IS NOT NULL
          ),
          ranks AS (
            SELECT source, event, target, MAX(CASE WHEN r = (n + 1) / 2 THEN ms END) AS medianMs, MAX(CASE WHEN r = (9 * n + 9) / 10 THEN ms END) AS p90Ms
            FROM ranked WHERE r = (n + 1) / 2 OR r = (9 * n + 9) / 10 GROUP BY source, event, target
          )
          SELECT counted.*, ranks.medianMs, ranks.p90Ms FROM counted
          LEFT JOIN ranks ON ranks.source = counted.source AND ranks.event = counted.event AND ranks.target = counted.target
          ORDER BY counted.source, counted.event, counted.target`,
        )
        .all(...values) as ProcessMapRows['edges'];
      const nodes = db
        .prepare(
          `SELECT target AS state, COUNT(*) AS visits, COUNT(DISTINCT case_id) AS cases FROM transitions t
          WHERE ${where} AND t.source <> t.target GROUP BY target ORDER BY target`,
        )
        .all(...values) as ProcessMapRows['nodes'];
      const [closed, closedValues] = closedWhere(tenant, window);
      const ends = db
        .prepare(
          `SELECT CASE json_type(state) WHEN 'text' THEN state ->> '$' ELSE state END AS state, COUNT(*) AS cases
          FROM cases WHERE ${closed} GROUP BY 1 ORDER BY 1`,
        )
        .all(...closedValues) as ProcessMapRows['ends'];
      return { edges, nodes, ends };
    },

    async processMapCases(tenant: string, window: ProcessMapWindow, edge: ProcessMapEdge, limit: number, cursor: string | null): Promise<Page<ProcessMapCaseRow>> {
      const [where, values] = windowWhere(tenant, window);
      const after = cursor === null ? null : decodeCursor(cursor, 3);
      const rows = db
        .prepare(
          `SELECT t.case_id AS caseId, (SELECT reference FROM cases c WHERE c.id = t.case_id) AS reference, t.seq, t.at, t.ms
          FROM transitions t WHERE ${where} AND t.source = ? AND t.event = ? AND t.target = ?
          ${after === null ? '' : 'AND (t.at, t.case_id, t.seq) < (?, ?, ?)'}
          ORDER BY t.at DESC, t.case_id DESC, t.seq DESC LIMIT ?`,
        )
        .all(...values, edge.source, edge.event, edge.target, ...(after ?? []), limit + 1) as ProcessMapCaseRow[];
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.at, last.caseId, last.seq]) : null };
    },
  };
}
