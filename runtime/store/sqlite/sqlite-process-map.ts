// The process map on SQLite (docs/reports.md, Process map): the directly-follows graph of a case type's
// history, kept at write time in `transitions`, one row per history entry that is a playbook step (not the
// SIDE_ENTRIES of process-map-keys.ts: notes, survey answers, link records), by a trigger on history (as the
// stage tables are, sqlite-stages.ts), and filled from the history written before by one statement.
//
// - source, target: the entry's `from` and `to` as state keys (a state id; the JSON text of a nested or
//   parallel value); source '' for the creation (an entry without `from`).
// - ms: the time since the case's previous history entry (-1 for the creation, which has none): what the
//   case spent before this event, as process-mining tools measure a directly-follows edge.
// - edge_prev_at: when the case took the same edge before (null: never). The distinct cases of an edge in a
//   window are its rows whose edge_prev_at is null or before the window: no COUNT(DISTINCT) at read time.
// - visit_prev_at: for a row that enters its target (source and target differ), when the case entered that
//   state before (null: never): a revisit when not null, and the distinct cases of a state as above.
// - version: the case's version when the entry was written (the report's version filter).
// Keyed in report order (tenant, case type, edge, ms, at, case, seq): the map groups by edge in key order and
// reads an edge's median and p90 by rank in key order (no sort of a million times); one edge's cases, newest
// first, are a top-N of that edge's rows. The index by case serves the trigger's lookups of earlier rows.
import type Database from 'better-sqlite3';
import type { Page, ProcessMapCaseRow, ProcessMapEdge, ProcessMapEdgeRow, ProcessMapRows, ProcessMapWindow } from '../case-store.ts';
import { encodeCursor } from '../cursor.ts';
import { processMapCursor, sideEntriesSql } from '../process-map-keys.ts';

/** A state value's key: the id itself for a string, else its JSON text; '' for none. */
const stateKey = (json: string, path: string) =>
  `COALESCE(CASE json_type(${json}, '${path}') WHEN 'text' THEN ${json} ->> '${path}' WHEN 'null' THEN NULL ELSE ${json} -> '${path}' END, '')`;

const sideList = sideEntriesSql;

/** The version of the case when an entry was written: the \`fromVersion\` of the first case.migrated entry after it, else the case's current one. */
const versionAt = (h: string, current: string) =>
  `COALESCE((SELECT CAST(m.entry ->> '$.event.data.fromVersion' AS INTEGER) FROM history m WHERE m.case_id = ${h}.case_id AND m.seq > ${h}.seq AND m.event_type = 'case.migrated' ORDER BY m.seq LIMIT 1), ${current})`;

const msBetween = (from: string, to: string) => `CAST(ROUND((unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec')) * 1000) AS INTEGER)`;

export const transitionTablesSql = `
  CREATE TABLE transitions (
    tenant TEXT NOT NULL, case_type TEXT NOT NULL, source TEXT NOT NULL, event TEXT NOT NULL, target TEXT NOT NULL,
    ms INTEGER NOT NULL, at TEXT NOT NULL, case_id TEXT NOT NULL, seq INTEGER NOT NULL, version INTEGER NOT NULL,
    edge_prev_at TEXT, visit_prev_at TEXT,
    PRIMARY KEY (tenant, case_type, source, event, target, ms, at, case_id, seq)) WITHOUT ROWID;
  CREATE INDEX transitions_by_case ON transitions(case_id, target, source, event, at);
  CREATE TRIGGER history_transitions AFTER INSERT ON history WHEN NEW.event_type NOT IN (${sideList}) BEGIN
    INSERT INTO transitions (tenant, case_type, source, event, target, ms, at, case_id, seq, version, edge_prev_at, visit_prev_at)
      SELECT NEW.tenant, c.case_type, e.source, NEW.event_type, e.target,
        COALESCE((SELECT ${msBetween('h.at', 'NEW.at')} FROM history h WHERE h.case_id = NEW.case_id AND h.seq < NEW.seq AND h.event_type NOT IN (${sideList}) ORDER BY h.seq DESC LIMIT 1), -1),
        NEW.at, NEW.case_id, NEW.seq, c.version,
        (SELECT MAX(p.at) FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = e.target AND p.source = e.source AND p.event = NEW.event_type),
        CASE WHEN e.source <> e.target THEN (SELECT MAX(p.at) FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = e.target AND p.source <> e.target) END
      FROM cases c, (SELECT ${stateKey('NEW.entry', '$.from')} AS source, ${stateKey('NEW.entry', '$.to')} AS target) e
      WHERE c.id = NEW.case_id;
  END;
`;

/** Fills `transitions` from the history already stored (the migration runs it once, in its transaction). */
export function backfillTransitions(db: Database.Database): void {
  db.exec(`
    INSERT INTO transitions (tenant, case_type, source, event, target, ms, at, case_id, seq, version, edge_prev_at, visit_prev_at)
    SELECT tenant, case_type, source, event, target, COALESCE(CASE WHEN prev IS NULL THEN NULL ELSE ${msBetween('prev', 'at')} END, -1),
      at, case_id, seq, version,
      LAG(at) OVER (PARTITION BY case_id, source, event, target ORDER BY seq),
      CASE WHEN source <> target THEN LAG(at) OVER (PARTITION BY case_id, target, source <> target ORDER BY seq) END
    FROM (
      SELECT h.tenant, c.case_type, ${stateKey('h.entry', '$.from')} AS source, h.event_type AS event, ${stateKey('h.entry', '$.to')} AS target,
        h.at, h.case_id, h.seq, ${versionAt('h', 'c.version')} AS version, LAG(h.at) OVER (PARTITION BY h.case_id ORDER BY h.seq) AS prev
      FROM history h JOIN cases c ON c.id = h.case_id
      WHERE h.event_type NOT IN (${sideList})
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

/** The distinct cases among rows whose previous one (`column`) is null or before the window. */
const firstIn = (column: string, window: ProcessMapWindow): [sql: string, values: string[]] =>
  window.from === undefined ? [`COUNT(*) FILTER (WHERE ${column} IS NULL)`, []] : [`COUNT(*) FILTER (WHERE ${column} IS NULL OR ${column} < ?)`, [window.from]];

/** Nearest rank: the k-th (from 1) of n is ceil(p·n). */
const rank = (n: number, p: 50 | 90) => (p === 50 ? Math.floor((n + 1) / 2) : Math.floor((9 * n + 9) / 10));

export function createSqliteProcessMap(db: Database.Database) {
  return {
    async processMap(tenant: string, window: ProcessMapWindow): Promise<ProcessMapRows> {
      const [where, values] = windowWhere(tenant, window);
      const [cases, caseValues] = firstIn('t.edge_prev_at', window);
      const [visitCases, visitValues] = firstIn('t.visit_prev_at', window);
      // counts per edge, in key order
      const counted = db
        .prepare(
          `SELECT source, event, target, COUNT(*) AS count, ${cases} AS cases, COUNT(*) FILTER (WHERE source <> target AND visit_prev_at IS NOT NULL) AS revisits,
            COUNT(*) FILTER (WHERE ms >= 0) AS timed
          FROM transitions t WHERE ${where} GROUP BY source, event, target ORDER BY source, event, target`,
        )
        .all(...caseValues, ...values) as (Omit<ProcessMapEdgeRow, 'medianMs' | 'p90Ms'> & { timed: number })[];
      // an edge's median and p90 by rank, read in key order (ms follows the edge in the key)
      const nth = db.prepare(`SELECT ms FROM transitions t WHERE ${where} AND t.source = ? AND t.event = ? AND t.target = ? AND t.ms >= 0 ORDER BY t.ms LIMIT 1 OFFSET ?`).pluck();
      const edges = counted.map(({ timed, ...row }): ProcessMapEdgeRow => {
        const at = (k: number) => (timed === 0 || row.source === '' ? null : ((nth.get(...values, row.source, row.event, row.target, k - 1) as number | undefined) ?? null));
        return { ...row, medianMs: at(rank(timed, 50)), p90Ms: at(rank(timed, 90)) };
      });
      const nodes = db
        .prepare(`SELECT target AS state, COUNT(*) AS visits, ${visitCases} AS cases FROM transitions t WHERE ${where} AND t.source <> t.target GROUP BY target ORDER BY target`)
        .all(...visitValues, ...values) as ProcessMapRows['nodes'];
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
      const after = cursor === null ? null : processMapCursor(cursor);
      const rows = db
        .prepare(
          `SELECT t.case_id AS caseId, (SELECT reference FROM cases c WHERE c.id = t.case_id) AS reference, t.seq, t.at, CASE WHEN t.ms >= 0 THEN t.ms END AS ms
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
