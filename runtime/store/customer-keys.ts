// The customer identifiers of a case: the values at its definition's `customer.keys` (JSON Pointers
// into the data: e-mail, phone, customer number), and how they compare. One definition for the
// customer view (runtime/http/routes/customers.ts), the case service (which hands a snapshot's
// identifiers to the store with each commit) and the store's customer index and its backfill.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { getAtPointer } from '../engine/index.ts';
import type { JsonValue } from '../engine/index.ts';

/** One identifier of a customer: where it sits in the case data and its value (as typed). */
export interface CustomerIdentifier {
  pointer: string;
  value: string;
}

/** Identifiers compare trimmed and case-insensitively (e-mail addresses are typed in every case). */
export function normalizeIdentifier(value: string): string {
  return value.trim().toLowerCase();
}

/** The non-blank strings and the numbers (as their decimal text) at the definition's customer keys. */
export function identifiersOf(def: CaseType, data: JsonValue): CustomerIdentifier[] {
  const out: CustomerIdentifier[] = [];
  for (const pointer of def.customer?.keys ?? []) {
    const value = getAtPointer(data, pointer);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') out.push({ pointer, value: String(value) });
  }
  return out;
}
