// The customer index on SQLite: case_customer_keys holds one row per (normalised value, pointer) of each
// case's customer identifiers, so the customer view finds every case of a customer by an index seek.
import type Database from 'better-sqlite3';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { JsonValue } from '../../engine/index.ts';
import type { CaseCommit } from '../case-store.ts';
import { identifiersOf, normalizeIdentifier, type CustomerIdentifier } from '../customer-keys.ts';

const insertSql = `INSERT INTO case_customer_keys (tenant, value_norm, case_id, pointer) VALUES (?, ?, ?, ?)
  ON CONFLICT DO NOTHING`;

interface KeyRow {
  valueNorm: string;
  pointer: string;
}

/** Whether two lists of identifiers are the same as typed (the usual case: the event changed none). */
function sameIdentifiers(a: CustomerIdentifier[], b: CustomerIdentifier[]): boolean {
  return a.length === b.length && a.every((identifier, i) => identifier.pointer === b[i]?.pointer && identifier.value === b[i]?.value);
}

/** The rows of a list of identifiers, by a key that compares them as the index does. */
function rowsOf(identifiers: CustomerIdentifier[]): Map<string, KeyRow> {
  const rows = new Map<string, KeyRow>();
  for (const { pointer, value } of identifiers) {
    const valueNorm = normalizeIdentifier(value);
    rows.set(`${pointer}\u0000${valueNorm}`, { valueNorm, pointer });
  }
  return rows;
}

export function createCustomerKeyWriter(db: Database.Database) {
  const s = {
    insert: db.prepare(insertSql),
    delete: db.prepare('DELETE FROM case_customer_keys WHERE tenant = ? AND value_norm = ? AND case_id = ? AND pointer = ?'),
    clear: db.prepare('DELETE FROM case_customer_keys WHERE case_id = ?'),
  };

  /**
   * Brings the case's rows from the previous identifiers to the new ones, inside the commit's
   * transaction. Most events change no identifier: then this compares two short lists and writes nothing.
   */
  return function writeCustomerKeys(commit: CaseCommit): void {
    const { tenant, case: kase, customerKeys, previousCustomerKeys } = commit;
    if (customerKeys === undefined) return;
    let before = new Map<string, KeyRow>(); // a creation: the case has no rows yet
    if (commit.expectedRevision !== null) {
      if (previousCustomerKeys === undefined) s.clear.run(kase.id); // without the old identifiers: replace all
      else if (sameIdentifiers(previousCustomerKeys, customerKeys)) return;
      else before = rowsOf(previousCustomerKeys);
    }
    const after = rowsOf(customerKeys);
    for (const [key, row] of before) if (!after.has(key)) s.delete.run(tenant, row.valueNorm, kase.id, row.pointer);
    for (const [key, row] of after) if (!before.has(key)) s.insert.run(tenant, row.valueNorm, kase.id, row.pointer);
  };
}

/** Cases read per step of the backfill: bounded memory on a large database. */
const BACKFILL_PAGE = 1000;

/**
 * Fills the index from the cases already stored (the migration that creates it runs this once, in its
 * transaction). The identifiers come from each case's published definition through `identifiersOf`,
 * the function the commits use, so old and new rows normalise alike (SQLite's lower() and trim() do not
 * match JavaScript's on non-ASCII letters and whitespace, nor does its text of a number).
 */
export function backfillCustomerKeys(db: Database.Database): void {
  const definitions = new Map<string, CaseType>();
  for (const row of db.prepare('SELECT tenant, key, version, definition FROM case_types').all() as { tenant: string; key: string; version: number; definition: string }[]) {
    const def = JSON.parse(row.definition) as CaseType;
    if ((def.customer?.keys.length ?? 0) > 0) definitions.set(`${row.tenant}\u0000${row.key}@${row.version}`, def);
  }
  if (definitions.size === 0) return;
  const page = db.prepare('SELECT rowid, id, tenant, case_type, version, data FROM cases WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const insert = db.prepare(insertSql);
  let after = 0;
  for (;;) {
    const rows = page.all(after, BACKFILL_PAGE) as { rowid: number; id: string; tenant: string; case_type: string; version: number; data: string }[];
    for (const row of rows) {
      const def = definitions.get(`${row.tenant}\u0000${row.case_type}@${row.version}`);
      if (def === undefined) continue;
      for (const { pointer, value } of identifiersOf(def, JSON.parse(row.data) as JsonValue)) insert.run(row.tenant, normalizeIdentifier(value), row.id, pointer);
    }
    if (rows.length < BACKFILL_PAGE) return;
    after = (rows[rows.length - 1] as { rowid: number }).rowid;
  }
}
