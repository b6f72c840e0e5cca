// The customer index on PostgreSQL: case_customer_keys holds one row per (normalised value, pointer) of
// each case's customer identifiers, so the customer view finds every case of a customer by an index
// seek. Written inside the commit's transaction; the identifiers are normalised in JavaScript
// (normalizeIdentifier), never by the database's lower()/trim(), which differ on non-ASCII text.
import type { CaseCommit } from '../case-store.ts';
import { normalizeIdentifier, type CustomerIdentifier } from '../customer-keys.ts';
import { statement, type Queryable } from './postgres-db.ts';

interface KeyRow {
  valueNorm: string;
  pointer: string;
}

const s = {
  insert: statement(
    'customerKeys.insert',
    'INSERT INTO case_customer_keys (tenant, value_norm, case_id, pointer) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
  ),
  delete: statement('customerKeys.delete', 'DELETE FROM case_customer_keys WHERE tenant = $1 AND value_norm = $2 AND case_id = $3 AND pointer = $4'),
  clear: statement('customerKeys.clear', 'DELETE FROM case_customer_keys WHERE case_id = $1'),
};

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

/**
 * Brings the case's rows from the previous identifiers to the new ones, inside the commit's
 * transaction. Most events change no identifier: then this compares two short lists and writes nothing.
 */
export async function writeCustomerKeys(tx: Queryable, commit: CaseCommit): Promise<void> {
  const { tenant, case: kase, customerKeys, previousCustomerKeys } = commit;
  if (customerKeys === undefined) return;
  let before = new Map<string, KeyRow>(); // a creation: the case has no rows yet
  if (commit.expectedRevision !== null) {
    if (previousCustomerKeys === undefined) await tx.changes(s.clear, [kase.id]); // without the old identifiers: replace all
    else if (sameIdentifiers(previousCustomerKeys, customerKeys)) return;
    else before = rowsOf(previousCustomerKeys);
  }
  const after = rowsOf(customerKeys);
  for (const [key, row] of before) if (!after.has(key)) await tx.changes(s.delete, [tenant, row.valueNorm, kase.id, row.pointer]);
  for (const [key, row] of after) if (!before.has(key)) await tx.changes(s.insert, [tenant, row.valueNorm, kase.id, row.pointer]);
}
