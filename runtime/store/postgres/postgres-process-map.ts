// The process map on PostgreSQL, as SQLite keeps it (sqlite-process-map.ts): the same `transitions`
// table, key and meaning, kept by a trigger on history and filled from the history written before.
// Medians and p90s by nearest rank, read in key order as SQLite reads them (percentile_disc sorted a third of a
// million times per map, spilling to disk past work_mem: 0.9 s at 1,000,000 history entries). An entry holding
// U+0000 is read with the escape written as U+FFFD (postgres-stages.ts says why; state ids never hold it).
import type { Page, ProcessMapCaseRow, ProcessMapEdge, ProcessMapEdgeRow, ProcessMapRows, ProcessMapWindow } from '../case-store.ts';
import { encodeCursor } from '../cursor.ts';
import { processMapCursor, sideEntriesSql } from '../process-map-keys.ts';
import type { PostgresDb, Queryable } from './postgres-db.ts';
import { createWhere, type Where } from './where.ts';

const C = 'text COLLATE "C"';

const nulSafe = (column: string) =>
  `CASE WHEN strpos(${column}::text, E'\\\\u0000') > 0 THEN replace(${column}::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE ${column} END`;

/** A state value's key: the id for a string, else its JSON text; '' for none. */
const stateKey = (value: string) => `COALESCE(CASE json_typeof((${value})) WHEN 'string' THEN (${value}) #>> '{}' WHEN 'null' THEN NULL ELSE (${value})::text END, '')`;

const sideList = sideEntriesSql;

/** The version of the case when an entry was written: the \`fromVersion\` of the first case.migrated entry after it, else the case's current one. */
const versionAt = (h: string, current: string) =>
  `COALESCE((SELECT (m.entry #>> '{event,data,fromVersion}')::integer FROM history m WHERE m.case_id = ${h}.case_id AND m.seq > ${h}.seq AND m.event_type = 'case.migrated' ORDER BY m.seq LIMIT 1), ${current})`;

export const transitionTablesSql = `
  CREATE TABLE transitions (
    tenant ${C} NOT NULL, case_type ${C} NOT NULL, source ${C} NOT NULL, event ${C} NOT NULL, target ${C} NOT NULL,
    ms bigint NOT NULL, at ${C} NOT NULL, case_id ${C} NOT NULL, seq integer NOT NULL, version integer NOT NULL,
    edge_prev_at ${C}, visit_prev_at ${C},
    PRIMARY KEY (tenant, case_type, source, event, target, ms, at, case_id, seq));
  CREATE INDEX transitions_by_case ON transitions(case_id, target, source, event, at);

  CREATE FUNCTION dossier_history_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    doc json := ${nulSafe('NEW.entry')};
    src text := ${stateKey("doc -> 'from'")};
    tgt text := ${stateKey("doc -> 'to'")};
  BEGIN
    INSERT INTO transitions (tenant, case_type, source, event, target, ms, at, case_id, seq, version, edge_prev_at, visit_prev_at)
      SELECT NEW.tenant, c.case_type, src, NEW.event_type, tgt,
        COALESCE((SELECT round(dossier_instant_ms(NEW.at) - dossier_instant_ms(h.at))::bigint FROM history h
          WHERE h.case_id = NEW.case_id AND h.seq < NEW.seq AND h.event_type NOT IN (${sideList}) ORDER BY h.seq DESC LIMIT 1), -1),
        NEW.at, NEW.case_id, NEW.seq, c.version,
        (SELECT MAX(p.at) FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = tgt AND p.source = src AND p.event = NEW.event_type),
        CASE WHEN src <> tgt THEN (SELECT MAX(p.at) FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = tgt AND p.source <> tgt) END
      FROM cases c WHERE c.id = NEW.case_id;
    RETURN NULL;
  END
  $$;

  CREATE TRIGGER history_transitions AFTER INSERT ON history FOR EACH ROW WHEN (NEW.event_type NOT IN (${sideList})) EXECUTE FUNCTION dossier_history_transitions();
`;

/** Fills `transitions` from the history already stored (after the trigger, in the migration's transaction). */
export async function backfillTransitions(tx: Queryable): Promise<void> {
  await tx.rows(`
    INSERT INTO transitions (tenant, case_type, source, event, target, ms, at, case_id, seq, version, edge_prev_at, visit_prev_at)
    SELECT tenant, case_type, source, event, target, COALESCE(round(dossier_instant_ms(at) - dossier_instant_ms(prev))::bigint, -1),
      at, case_id, seq, version,
      LAG(at) OVER (PARTITION BY case_id, source, event, target ORDER BY seq),
      CASE WHEN source <> target THEN LAG(at) OVER (PARTITION BY case_id, target, source <> target ORDER BY seq) END
    FROM (
      SELECT h.tenant, c.case_type, ${stateKey(`(${nulSafe('h.entry')}) -> 'from'`)} AS source, h.event_type AS event,
        ${stateKey(`(${nulSafe('h.entry')}) -> 'to'`)} AS target,
        h.at, h.case_id, h.seq, ${versionAt('h', 'c.version')} AS version, LAG(h.at) OVER (PARTITION BY h.case_id ORDER BY h.seq) AS prev
      FROM history h JOIN cases c ON c.id = h.case_id
      WHERE h.event_type NOT IN (${sideList})
    ) AS e`);
}

function windowWhere(where: Where, tenant: string, window: ProcessMapWindow): Where {
  return where
    .when(tenant, (p) => `t.tenant = ${p}`)
    .when(window.caseType, (p) => `t.case_type = ${p}`)
    .when(window.from, (p) => `t.at >= ${p}`)
    .when(window.to, (p) => `t.at < ${p}`)
    .when(window.version, (p) => `t.version = ${p}::integer`)
    .when(window.queue, (p) => `(SELECT queue FROM cases c WHERE c.id = t.case_id) = ${p}`)
    .when(window.channel, (p) => `(SELECT COALESCE(channel, 'api') FROM cases c WHERE c.id = t.case_id) = ${p}`);
}

/** The distinct cases among rows whose previous one (`column`) is null or before the window. */
const firstIn = (where: Where, column: string, window: ProcessMapWindow): string =>
  window.from === undefined ? `COUNT(*) FILTER (WHERE ${column} IS NULL)` : `COUNT(*) FILTER (WHERE ${column} IS NULL OR ${column} < ${where.param(window.from)})`;

/** Nearest rank: the k-th (from 1) of n is ceil(p·n). */
const rank = (n: number, p: 50 | 90) => (p === 50 ? Math.floor((n + 1) / 2) : Math.floor((9 * n + 9) / 10));

export function createPostgresProcessMap(db: PostgresDb) {
  return {
    async processMap(tenant: string, window: ProcessMapWindow): Promise<ProcessMapRows> {
      const where = windowWhere(createWhere(), tenant, window);
      const cases = firstIn(where, 't.edge_prev_at', window);
      const counted = await db.rows<Omit<ProcessMapEdgeRow, 'medianMs' | 'p90Ms'> & { timed: number }>(
        `SELECT source, event, target, COUNT(*)::integer AS count, (${cases})::integer AS cases,
          (COUNT(*) FILTER (WHERE source <> target AND visit_prev_at IS NOT NULL))::integer AS revisits, (COUNT(*) FILTER (WHERE ms >= 0))::integer AS timed
        FROM transitions t WHERE ${where.sql()} GROUP BY source, event, target ORDER BY source, event, target`,
        where.values,
      );
      // an edge's median and p90 by rank, read in key order (ms follows the edge in the key)
      const nth = async (row: ProcessMapEdge, k: number): Promise<number | null> => {
        const w = windowWhere(createWhere(), tenant, window)
          .when(row.source, (p) => `t.source = ${p}`)
          .when(row.event, (p) => `t.event = ${p}`)
          .when(row.target, (p) => `t.target = ${p}`)
          .add('t.ms >= 0');
        const [found] = await db.rows<{ ms: number }>(`SELECT ms::double precision AS ms FROM transitions t WHERE ${w.sql()} ORDER BY t.ms LIMIT 1 OFFSET ${w.param(k - 1)}::integer`, w.values);
        return found?.ms ?? null;
      };
      const edges = await Promise.all(
        counted.map(async ({ timed, ...row }): Promise<ProcessMapEdgeRow> => {
          const none = timed === 0 || row.source === '';
          return { ...row, medianMs: none ? null : await nth(row, rank(timed, 50)), p90Ms: none ? null : await nth(row, rank(timed, 90)) };
        }),
      );
      const nodeWhere = windowWhere(createWhere(), tenant, window);
      const visitCases = firstIn(nodeWhere, 't.visit_prev_at', window);
      const nodes = await db.rows<ProcessMapRows['nodes'][number]>(
        `SELECT target AS state, COUNT(*)::integer AS visits, (${visitCases})::integer AS cases FROM transitions t
        WHERE ${nodeWhere.sql()} AND t.source <> t.target GROUP BY target ORDER BY target`,
        nodeWhere.values,
      );
      const closed = createWhere()
        .when(tenant, (p) => `tenant = ${p}`)
        .when(window.caseType, (p) => `case_type = ${p}`)
        .add('closed_at IS NOT NULL')
        .when(window.from, (p) => `closed_at >= ${p}`)
        .when(window.to, (p) => `closed_at < ${p}`)
        .when(window.version, (p) => `version = ${p}::integer`)
        .when(window.queue, (p) => `queue = ${p}`)
        .when(window.channel, (p) => `COALESCE(channel, 'api') = ${p}`);
      const ends = await db.rows<ProcessMapRows['ends'][number]>(
        `SELECT ${stateKey('state')} COLLATE "C" AS state, COUNT(*)::integer AS cases FROM cases WHERE ${closed.sql()} GROUP BY 1 ORDER BY 1`,
        closed.values,
      );
      return { edges, nodes, ends };
    },

    async processMapCases(tenant: string, window: ProcessMapWindow, edge: ProcessMapEdge, limit: number, cursor: string | null): Promise<Page<ProcessMapCaseRow>> {
      const where = windowWhere(createWhere(), tenant, window)
        .when(edge.source, (p) => `t.source = ${p}`)
        .when(edge.event, (p) => `t.event = ${p}`)
        .when(edge.target, (p) => `t.target = ${p}`);
      if (cursor !== null) {
        const [at, caseId, seq] = processMapCursor(cursor);
        where.add(`(t.at, t.case_id, t.seq) < (${where.param(at)}, ${where.param(caseId)}, ${where.param(seq)}::integer)`);
      }
      const rows = await db.rows<ProcessMapCaseRow>(
        `SELECT t.case_id AS "caseId", (SELECT reference FROM cases c WHERE c.id = t.case_id) AS reference, t.seq, t.at, (CASE WHEN t.ms >= 0 THEN t.ms END)::double precision AS ms
        FROM transitions t WHERE ${where.sql()} ORDER BY t.at DESC, t.case_id DESC, t.seq DESC LIMIT ${where.param(limit + 1)}::integer`,
        where.values,
      );
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.at, last.caseId, last.seq]) : null };
    },
  };
}
