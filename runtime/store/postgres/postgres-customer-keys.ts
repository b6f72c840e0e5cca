// The customer index on PostgreSQL: case_customer_keys holds one row per (normalised value, pointer) of
// each case's customer identifiers, so the customer view finds every case of a customer by an index
// seek. Written by the commit's statement (commit-statement.ts) from the changes computed here; the
// identifiers are normalised in JavaScript (normalizeIdentifier), never by the database's
// lower()/trim(), which differ on non-ASCII text.
import type { CaseCommit } from '../case-store.ts';
import { normalizeIdentifier, type CustomerIdentifier } from '../customer-keys.ts';

/** One row of the index for the case, as the commit statement reads it (`json_to_recordset`). */
export interface KeyRow {
  value_norm: string;
  pointer: string;
}

/**
 * What the commit does to the case's rows. `replace`: keep only the rows of `added` (any other row of
 * the case goes); otherwise the rows of `gone` go and those of `added` come (existing ones are kept).
 */
export interface KeyChanges {
  replace: boolean;
  gone: KeyRow[];
  added: KeyRow[];
}

const none: KeyChanges = { replace: false, gone: [], added: [] };

/** Whether two lists of identifiers are the same as typed (the usual case: the event changed none). */
function sameIdentifiers(a: CustomerIdentifier[], b: CustomerIdentifier[]): boolean {
  return a.length === b.length && a.every((identifier, i) => identifier.pointer === b[i]?.pointer && identifier.value === b[i]?.value);
}

/** The rows of a list of identifiers, by a key that compares them as the index does. */
function rowsOf(identifiers: CustomerIdentifier[]): Map<string, KeyRow> {
  const rows = new Map<string, KeyRow>();
  for (const { pointer, value } of identifiers) {
    const valueNorm = normalizeIdentifier(value);
    rows.set(`${pointer}\u0000${valueNorm}`, { value_norm: valueNorm, pointer });
  }
  return rows;
}

/**
 * How the commit brings the case's rows from the previous identifiers to the new ones. Most events
 * change no identifier: then this compares two short lists and the commit writes nothing.
 */
export function customerKeyChanges(commit: CaseCommit): KeyChanges {
  const { customerKeys, previousCustomerKeys } = commit;
  if (customerKeys === undefined) return none;
  const after = rowsOf(customerKeys);
  if (commit.expectedRevision === null) return { replace: false, gone: [], added: [...after.values()] }; // a creation: no rows yet
  // without the old identifiers: replace all
  if (previousCustomerKeys === undefined) return { replace: true, gone: [], added: [...after.values()] };
  if (sameIdentifiers(previousCustomerKeys, customerKeys)) return none;
  const before = rowsOf(previousCustomerKeys);
  return {
    replace: false,
    gone: [...before].filter(([key]) => !after.has(key)).map(([, row]) => row),
    added: [...after].filter(([key]) => !before.has(key)).map(([, row]) => row),
  };
}
