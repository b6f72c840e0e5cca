// Time per stage on SQLite, kept at write time (runtime/store/stage-visits.ts): the tables, the trigger
// that keeps them on every history insert, and the backfill of the history written before them.
//
// - stage_current: the visits still open, one row per case and state id, keyed by case (the trigger's
//   lookups); `last_seq` is the last entry the state was active in.
// - stage_visits: the ended visits, never updated; keyed in report order (tenant, case type, state,
//   entered_at), so a report reads only this table, in order, and an insert lands near the end of its
//   state's range (visits end soon after they begin) instead of at a random page.
// No foreign keys: the rows are derived from the history, and written only by the trigger.
//
// The trigger marks every state id of the entry's `to` as active in it (inserting the ones just
// entered), then ends the case's visits it did not mark: two range steps on the case's rows. It splits
// `to` as stateIds() does: every object key at any depth, and every string (json_tree lists both). ms
// are Date.parse differences, from unixepoch(…, 'subsec'). Of the shapes measured (the ids as one set
// with NOT IN, a WHEN that skips an entry whose `to` is the previous one's), this one commits fastest,
// with state changes or without.
import type Database from 'better-sqlite3';
import type { StateValue } from '../../engine/index.ts';
import { stageVisits } from '../stage-visits.ts';

/** Marks the state ids `column` holds in the json_tree rows matching `where` as active in the entry (inserting new ones). */
const markActive = (column: string, where: string) => `
    INSERT INTO stage_current (case_id, state, tenant, case_type, entered_seq, entered_at, last_seq)
      SELECT NEW.case_id, ${column}, NEW.tenant, (SELECT case_type FROM cases WHERE id = NEW.case_id), NEW.seq, NEW.at, NEW.seq
      FROM json_tree(NEW.entry -> '$.to') WHERE ${where}
      ON CONFLICT (case_id, state) DO UPDATE SET last_seq = NEW.seq;`;

export const stageTablesSql = `
  CREATE TABLE stage_current (
    case_id TEXT NOT NULL, state TEXT NOT NULL, tenant TEXT NOT NULL, case_type TEXT NOT NULL,
    entered_seq INTEGER NOT NULL, entered_at TEXT NOT NULL, last_seq INTEGER NOT NULL,
    PRIMARY KEY (case_id, state)) WITHOUT ROWID;
  CREATE TABLE stage_visits (
    tenant TEXT NOT NULL, case_type TEXT NOT NULL, state TEXT NOT NULL, entered_at TEXT NOT NULL,
    case_id TEXT NOT NULL, entered_seq INTEGER NOT NULL, left_at TEXT NOT NULL, ms INTEGER,
    PRIMARY KEY (tenant, case_type, state, entered_at, case_id, entered_seq)) WITHOUT ROWID;
  CREATE TRIGGER history_stages AFTER INSERT ON history BEGIN
    ${markActive('key', 'parent IS NOT NULL')}
    ${markActive('atom', "type = 'text'")}
    INSERT INTO stage_visits (tenant, case_type, state, entered_at, case_id, entered_seq, left_at, ms)
      SELECT tenant, case_type, state, entered_at, case_id, entered_seq, NEW.at,
        CAST(ROUND((unixepoch(NEW.at, 'subsec') - unixepoch(entered_at, 'subsec')) * 1000) AS INTEGER)
      FROM stage_current WHERE case_id = NEW.case_id AND last_seq <> NEW.seq;
    DELETE FROM stage_current WHERE case_id = NEW.case_id AND last_seq <> NEW.seq;
  END;
`;

/** Cases read per step of the backfill: bounded memory on a large database. */
const BACKFILL_PAGE = 1000;

/** Fills both tables from the history already stored (the migration that creates them runs this once, in its transaction). */
export function backfillStages(db: Database.Database): void {
  const page = db.prepare('SELECT rowid, id, case_type FROM cases WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const history = db.prepare(`SELECT seq, tenant, at, entry -> '$.to' AS "to" FROM history WHERE case_id = ? ORDER BY seq`);
  const current = db.prepare('INSERT INTO stage_current (case_id, state, tenant, case_type, entered_seq, entered_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const ended = db.prepare(`INSERT INTO stage_visits (tenant, case_type, state, entered_at, case_id, entered_seq, left_at, ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  let after = 0;
  for (;;) {
    const cases = page.all(after, BACKFILL_PAGE) as { rowid: number; id: string; case_type: string }[];
    for (const kase of cases) {
      const rows = history.all(kase.id) as { seq: number; tenant: string; at: string; to: string }[];
      const tenant = rows[0]?.tenant;
      const lastSeq = rows[rows.length - 1]?.seq;
      if (tenant === undefined || lastSeq === undefined) continue;
      for (const visit of stageVisits(rows.map((r) => ({ seq: r.seq, at: r.at, to: JSON.parse(r.to) as StateValue })))) {
        if (visit.leftAt === null) current.run(kase.id, visit.state, tenant, kase.case_type, visit.enteredSeq, visit.enteredAt, lastSeq);
        else ended.run(tenant, kase.case_type, visit.state, visit.enteredAt, kase.id, visit.enteredSeq, visit.leftAt, visit.ms);
      }
    }
    if (cases.length < BACKFILL_PAGE) return;
    after = (cases[cases.length - 1] as { rowid: number }).rowid;
  }
}
