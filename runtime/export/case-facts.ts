// What both exporters read off a case: its customer (from the case type's `customer` pointers),
// the scalar members of an event payload, and a state value as text.
import { getAtPointer, parsePointer, stateLabel } from '../engine/index.ts';
import type { CaseData, StateValue } from '../engine/index.ts';
import type { ExportCase, ExportCaseType } from './types.ts';

export type Scalar = string | number | boolean;

export interface CustomerFacts {
  /** `customer:<value of the first customer key that has one>`. */
  id: string;
  /** Attribute name → value, in the order of `keys`, then `name`. */
  attributes: { name: string; value: string }[];
}

/** A state value as text: `triage`, `investigating.collect`, `review.{legal.check, finance.check}` (as `dossier test --paths`). */
export function stateText(value: StateValue): string {
  return stateLabel(value);
}

/** The top-level members of an event payload whose values are strings, numbers or booleans (nested values are left out). */
export function payloadScalars(data: CaseData | undefined): { name: string; value: Scalar }[] {
  if (data === undefined) return [];
  const out: { name: string; value: Scalar }[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      out.push({ name, value });
    }
  }
  return out;
}

/**
 * Attribute names for the customer pointers: the last token (`/customer/email` → `email`); when two
 * pointers end in the same token, each of them keeps its whole path with dots (`customer.email`).
 */
export function customerAttributeNames(customer: NonNullable<ExportCaseType['customer']>): { pointer: string; name: string }[] {
  const pointers = [...customer.keys, ...(customer.name === undefined ? [] : [customer.name])];
  const unique = [...new Set(pointers)];
  const last = (pointer: string): string => parsePointer(pointer).at(-1) ?? '';
  const counts = new Map<string, number>();
  for (const pointer of unique) counts.set(last(pointer), (counts.get(last(pointer)) ?? 0) + 1);
  return unique.map((pointer) => ({
    pointer,
    name: counts.get(last(pointer)) === 1 && last(pointer) !== '' ? last(pointer) : parsePointer(pointer).join('.') || 'value',
  }));
}

/** The case's customer, from its current data; null when the case type names no customer keys or none has a value. */
export function customerOf(kase: ExportCase, type: ExportCaseType | undefined): CustomerFacts | null {
  const customer = type?.customer;
  if (customer === undefined || customer.keys.length === 0) return null;
  let id: string | null = null;
  for (const pointer of customer.keys) {
    const value = scalarText(getAtPointer(kase.data, pointer));
    if (value !== null && value !== '') {
      id = `customer:${value}`;
      break;
    }
  }
  if (id === null) return null;
  const attributes: CustomerFacts['attributes'] = [];
  for (const { pointer, name } of customerAttributeNames(customer)) {
    const value = scalarText(getAtPointer(kase.data, pointer));
    if (value !== null && value !== '') attributes.push({ name, value });
  }
  return { id, attributes };
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** Looks up the case type of a case: its own version, else the latest version of its key. */
export function createCaseTypeLookup(types: readonly ExportCaseType[]): (kase: Pick<ExportCase, 'caseType' | 'version'>) => ExportCaseType | undefined {
  const exact = new Map<string, ExportCaseType>();
  const latest = new Map<string, ExportCaseType>();
  for (const type of types) {
    exact.set(`${type.key}@${type.version}`, type);
    const current = latest.get(type.key);
    if (current === undefined || current.version < type.version) latest.set(type.key, type);
  }
  return (kase) => exact.get(`${kase.caseType}@${kase.version}`) ?? latest.get(kase.caseType);
}
