// Time per stage on PostgreSQL, kept at write time (runtime/store/stage-visits.ts): the tables, the
// trigger that keeps them on every history insert, and the backfill of the history written before
// them. The same tables, keys and trigger as SQLite's (runtime/store/sqlite/sqlite-stages.ts): mark the
// state ids of the entry's `to` as active in it, end the case's visits not marked.
//
// - `dossier_state_ids(json)`: the state ids of a state value as stateIds() splits them, every object
//   key at any depth and every string. PL/pgSQL: as a recursive SQL query it cost 5 µs a call, and
//   1.8 ms where its estimate (a recursive CTE's) made the server JIT-compile it on every call.
// - An entry holding U+0000 anywhere (`\u0000` in its text) cannot go through json's operators, which
//   turn every string into text on the way: the trigger reads such an entry with the escape written as
//   U+FFFD (state ids never hold either: the meta-schema allows only [a-zA-Z0-9_-]).
// - ms from the instants' epoch (numeric, exact), null for an instant not in ISO 8601 form.
import type { StateValue } from '../../engine/index.ts';
import { stageVisits } from '../stage-visits.ts';
import type { Queryable } from './postgres-db.ts';

const C = 'text COLLATE "C"';

export const stageTablesSql = `
  CREATE TABLE stage_current (
    case_id ${C} NOT NULL, state ${C} NOT NULL, tenant ${C} NOT NULL, case_type ${C} NOT NULL,
    entered_seq integer NOT NULL, entered_at ${C} NOT NULL, last_seq integer NOT NULL, PRIMARY KEY (case_id, state));
  CREATE TABLE stage_visits (
    tenant ${C} NOT NULL, case_type ${C} NOT NULL, state ${C} NOT NULL, entered_at ${C} NOT NULL,
    case_id ${C} NOT NULL, entered_seq integer NOT NULL, left_at ${C} NOT NULL, ms bigint,
    PRIMARY KEY (tenant, case_type, state, entered_at, case_id, entered_seq));

  CREATE FUNCTION dossier_state_ids(value json) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE
    ids text[] := '{}';
    k text;
    v json;
  BEGIN
    CASE json_typeof(value)
      WHEN 'string' THEN RETURN ARRAY[value #>> '{}'];
      WHEN 'object' THEN
        FOR k, v IN SELECT e.key, e.value FROM json_each(value) AS e LOOP
          ids := ids || k || dossier_state_ids(v);
        END LOOP;
      ELSE NULL;
    END CASE;
    RETURN ids;
  END
  $$;

  CREATE FUNCTION dossier_instant_ms(at text) RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN at ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?(Z|[+-]\\d\\d:\\d\\d)$'
      THEN extract(epoch FROM at::timestamptz) * 1000 END
  $$;

  CREATE FUNCTION dossier_history_stages() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    doc json := CASE WHEN strpos(NEW.entry::text, E'\\\\u0000') > 0
      THEN replace(NEW.entry::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE NEW.entry END;
    active text[] := dossier_state_ids(doc -> 'to');
  BEGIN
    -- one statement (its parts see one snapshot: the marked rows and the ended ones are apart)
    WITH marked AS (
      INSERT INTO stage_current (case_id, state, tenant, case_type, entered_seq, entered_at, last_seq)
        SELECT NEW.case_id, s.state, NEW.tenant, c.case_type, NEW.seq, NEW.at, NEW.seq
        FROM (SELECT DISTINCT unnest(active) AS state) AS s JOIN cases c ON c.id = NEW.case_id
        ON CONFLICT (case_id, state) DO UPDATE SET last_seq = EXCLUDED.last_seq
    ), ended AS (
      DELETE FROM stage_current WHERE case_id = NEW.case_id AND NOT (state = ANY (active)) RETURNING *
    )
    INSERT INTO stage_visits (tenant, case_type, state, entered_at, case_id, entered_seq, left_at, ms)
      SELECT tenant, case_type, state, entered_at, case_id, entered_seq, NEW.at,
        round(dossier_instant_ms(NEW.at) - dossier_instant_ms(entered_at))::bigint
      FROM ended;
    RETURN NULL;
  END
  $$;

  CREATE TRIGGER history_stages AFTER INSERT ON history FOR EACH ROW EXECUTE FUNCTION dossier_history_stages();
`;

/** Cases read per step of the backfill: bounded memory on a large database. */
const BACKFILL_PAGE = 1000;

/**
 * Fills both tables from the history already stored (the migration that creates them runs this once,
 * in its transaction, after the trigger: creating it locked history against inserts until the commit,
 * so no entry escapes both the backfill and the trigger).
 */
export async function backfillStages(tx: Queryable): Promise<void> {
  let after = '';
  for (;;) {
    const cases = await tx.rows<{ id: string; case_type: string }>('SELECT id, case_type FROM cases WHERE id > $1 ORDER BY id LIMIT $2', [after, BACKFILL_PAGE]);
    if (cases.length === 0) return;
    const rows = await tx.rows<{ case_id: string; seq: number; tenant: string; at: string; to: StateValue }>(
      `SELECT case_id, seq, tenant, at,
        (CASE WHEN strpos(entry::text, E'\\\\u0000') > 0 THEN replace(entry::text, E'\\\\u0000', E'\\\\ufffd')::json ELSE entry END) -> 'to' AS "to"
      FROM history WHERE case_id = ANY ($1::text[]) ORDER BY case_id, seq`,
      [cases.map((c) => c.id)],
    );
    const byCase = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byCase.get(row.case_id);
      if (list === undefined) byCase.set(row.case_id, [row]);
      else list.push(row);
    }
    const current: Record<string, unknown>[] = [];
    const ended: Record<string, unknown>[] = [];
    for (const kase of cases) {
      const entries = byCase.get(kase.id);
      const tenant = entries?.[0]?.tenant;
      const lastSeq = entries?.[entries.length - 1]?.seq;
      if (entries === undefined || tenant === undefined) continue;
      for (const visit of stageVisits(entries)) {
        const row = { tenant, case_type: kase.case_type, state: visit.state, entered_at: visit.enteredAt, case_id: kase.id, entered_seq: visit.enteredSeq };
        if (visit.leftAt === null) current.push({ ...row, last_seq: lastSeq });
        else ended.push({ ...row, left_at: visit.leftAt, ms: visit.ms });
      }
    }
    await tx.rows('INSERT INTO stage_current SELECT * FROM json_populate_recordset(NULL::stage_current, $1::json)', [JSON.stringify(current)]);
    await tx.rows('INSERT INTO stage_visits SELECT * FROM json_populate_recordset(NULL::stage_visits, $1::json)', [JSON.stringify(ended)]);
    after = (cases[cases.length - 1] as { id: string }).id;
  }
}
