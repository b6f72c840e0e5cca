// The process map on PostgreSQL, as SQLite keeps it (sqlite-process-map.ts): the same `transitions`
// table, key and meaning, kept by a trigger on history and filled from the history written before.
// Medians and p90s are percentile_disc (nearest rank), as SQLite's ranks pick them. An entry holding
// U+0000 is read with the escape written as U+FFFD (postgres-stages.ts says why; state ids never hold it).
import type { Page, ProcessMapCaseRow, ProcessMapEdge, ProcessMapRows, ProcessMapWindow } from '../case-store.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { PostgresDb, Queryable } from './postgres-db.ts';
import { createWhere, type Where } from './where.ts';

const C = 'text COLLATE "C"';

const nulSafe = (column: string) =>
  `CASE WHEN strpos(${column}::text, E'\\\\u0000') > 0 THEN replace(${column}::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE ${column} END`;

/** A state value's key: the id for a string, else its JSON text; '' for none. */
const stateKey = (value: string) => `COALESCE(CASE json_typeof((${value})) WHEN 'string' THEN (${value}) #>> '{}' WHEN 'null' THEN NULL ELSE (${value})::text END, '')`;

export const transitionTablesSql = `
  CREATE TABLE transitions (
    tenant ${C} NOT NULL, case_type ${C} NOT NULL, source ${C} NOT NULL, event ${C} NOT NULL, target ${C} NOT NULL,
    at ${C} NOT NULL, case_id ${C} NOT NULL, seq integer NOT NULL, version integer NOT NULL, ms bigint,
    revisit integer NOT NULL,
    PRIMARY KEY (tenant, case_type, source, event, target, at, case_id, seq));
  CREATE INDEX transitions_by_case ON transitions(case_id, target);

  CREATE FUNCTION dossier_history_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    doc json := ${nulSafe('NEW.entry')};
    src text := ${stateKey("doc -> 'from'")};
    tgt text := ${stateKey("doc -> 'to'")};
  BEGIN
    INSERT INTO transitions (tenant, case_type, source, event, target, at, case_id, seq, version, ms, revisit)
      SELECT NEW.tenant, c.case_type, src, NEW.event_type, tgt, NEW.at, NEW.case_id, NEW.seq, c.version,
        (SELECT round(dossier_instant_ms(NEW.at) - dossier_instant_ms(h.at))::bigint FROM history h
          WHERE h.case_id = NEW.case_id AND h.seq < NEW.seq ORDER BY h.seq DESC LIMIT 1),
        CASE WHEN src <> tgt AND EXISTS (SELECT 1 FROM transitions p WHERE p.case_id = NEW.case_id AND p.target = tgt) THEN 1 ELSE 0 END
      FROM cases c WHERE c.id = NEW.case_id;
    RETURN NULL;
  END
  $$;

  CREATE TRIGGER history_transitions AFTER INSERT ON history FOR EACH ROW EXECUTE FUNCTION dossier_history_transitions();
`;

/** Fills `transitions` from the history already stored (after the trigger, in the migration's transaction). */
export async function backfillTransitions(tx: Queryable): Promise<void> {
  await tx.rows(`
    INSERT INTO transitions (tenant, case_type, source, event, target, at, case_id, seq, version, ms, revisit)
    SELECT tenant, case_type, source, event, target, at, case_id, seq, version,
      round(dossier_instant_ms(at) - dossier_instant_ms(prev))::bigint,
      CASE WHEN source <> target AND ROW_NUMBER() OVER (PARTITION BY case_id, target ORDER BY seq) > 1 THEN 1 ELSE 0 END
    FROM (
      SELECT h.tenant, c.case_type, ${stateKey(`(${nulSafe('h.entry')}) -> 'from'`)} AS source, h.event_type AS event,
        ${stateKey(`(${nulSafe('h.entry')}) -> 'to'`)} AS target,
        h.at, h.case_id, h.seq, c.version, LAG(h.at) OVER (PARTITION BY h.case_id ORDER BY h.seq) AS prev
      FROM history h JOIN cases c ON c.id = h.case_id
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

export function createPostgresProcessMap(db: PostgresDb) {
  return {
    async processMap(tenant: string, window: ProcessMapWindow): Promise<ProcessMapRows> {
      const where = windowWhere(createWhere(), tenant, window);
      const edges = await db.rows<ProcessMapRows['edges'][number]>(
        `SELECT source, event, target, COUNT(*)::integer AS count, COUNT(DISTINCT case_id)::integer AS cases, SUM(revisit)::integer AS revisits,
          (percentile_disc(0.5) WITHIN GROUP (ORDER BY ms))::double precision AS "medianMs",
          (percentile_disc(0.9) WITHIN GROUP (ORDER BY ms))::double precision AS "p90Ms"
        FROM transitions t WHERE ${where.sql()} GROUP BY source, event, target ORDER BY source, event, target`,
        where.values,
      );
      const nodes = await db.rows<ProcessMapRows['nodes'][number]>(
        `SELECT target AS state, COUNT(*)::integer AS visits, COUNT(DISTINCT case_id)::integer AS cases FROM transitions t
        WHERE ${where.sql()} AND t.source <> t.target GROUP BY target ORDER BY target`,
        where.values,
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
        const [at, caseId, seq] = decodeCursor(cursor, 3);
        where.add(`(t.at, t.case_id, t.seq) < (${where.param(at as string)}, ${where.param(caseId as string)}, ${where.param(Number(seq))}::integer)`);
      }
      const rows = await db.rows<ProcessMapCaseRow>(
        `SELECT t.case_id AS "caseId", (SELECT reference FROM cases c WHERE c.id = t.case_id) AS reference, t.seq, t.at, t.ms::double precision AS ms
        FROM transitions t WHERE ${where.sql()} ORDER BY t.at DESC, t.case_id DESC, t.seq DESC LIMIT ${where.param(limit + 1)}::integer`,
        where.values,
      );
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.at, last.caseId, last.seq]) : null };
    },
  };
}
