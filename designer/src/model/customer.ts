// Pure edits of the customer identifiers (`customer`): the fields that identify the customer across cases and
// channels (`keys`, at least one) and the field that holds their name.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';
import { listFields, type FieldEntry } from './fields.ts';

/** Fields that can identify a customer: single values outside repeating groups (not groups, lists, yes/no). */
export function customerFieldCandidates(def: CaseType): FieldEntry[] {
  const fields = listFields(def);
  const inList = (p: string) => fields.some((f) => f.kind === 'list' && p.startsWith(`${f.pointer}/`));
  return fields.filter((f) => f.kind !== 'group' && f.kind !== 'list' && f.kind !== 'yesNo' && !inList(f.pointer));
}

/** Makes the field at `pointer` one of the customer keys, or not; no keys left removes `customer`. */
export function setCustomerKey(def: CaseType, pointer: string, on: boolean): CaseType {
  const next = clone(def);
  const keys = (next.customer?.keys ?? []).filter((k) => k !== pointer);
  if (on) keys.push(pointer);
  if (keys.length === 0) delete next.customer;
  else next.customer = { ...(next.customer ?? {}), keys: keys as [string, ...string[]] };
  return next;
}

/** Sets (or, with undefined, removes) the field that holds the customer's name; needs a key first. */
export function setCustomerName(def: CaseType, pointer: string | undefined): CaseType {
  return setCustomerField(def, 'name', pointer);
}

/**
 * Sets (or, with undefined, removes) the field that holds the customer's name, e-mail address (where
 * messages to the customer go, docs/email.md) or language; needs a key first.
 */
export function setCustomerField(def: CaseType, which: 'name' | 'email' | 'language', pointer: string | undefined): CaseType {
  if (!def.customer) return def;
  const next = clone(def);
  const customer = next.customer as NonNullable<CaseType['customer']>;
  if (pointer === undefined) delete customer[which];
  else customer[which] = pointer;
  return next;
}
