// The history as an OCEL 2.0 JSON log: cases and customers are objects, history entries are events
// related to their case (qualifier "case") and its customer ("customer"); a child case relates to
// its parent ("parent"). Documents of the case file (issue 20) are objects too, read from the history
// entries `document.added` / `document.removed` (related to them with qualifier "document"), each
// related to its case. Streams: events in one pass over the cases, objects in a second one.
import { DOCUMENT_ADDED, DOCUMENT_REMOVED, type HistoryEntry } from '../engine/index.ts';
import { createCaseTypeLookup, customerOf, payloadScalars, stateText, type Scalar } from './case-facts.ts';
import type { OcelAttributeType, OcelEvent, OcelObject, OcelRelationship, OcelType } from './ocel-types.ts';
import type { ExportCase, ExportSink, ExportSource, ExportSummary } from './types.ts';

/** The attributes every event has, whatever its type, with their declared types. */
const EVENT_ATTRIBUTES: readonly { name: string; type: OcelAttributeType }[] = [
  { name: 'actor', type: 'string' },
  // the partner organisation (an outsourced back office) the actor works for, when one did
  { name: 'partner', type: 'string' },
  { name: 'seq', type: 'integer' },
  { name: 'from', type: 'string' },
  { name: 'to', type: 'string' },
  { name: 'notes', type: 'string' },
];

/** The attributes of a case object, with their declared types. */
const CASE_ATTRIBUTES: readonly { name: string; type: OcelAttributeType }[] = [
  { name: 'version', type: 'integer' },
  { name: 'channel', type: 'string' },
  { name: 'priority', type: 'string' },
  { name: 'state', type: 'string' },
];

/** Prefix of payload members among an event's attributes (`data.severity`), apart from the fixed ones. */
export const PAYLOAD_PREFIX = 'data.';

/** The attributes of a document object, with their declared types. */
const DOCUMENT_ATTRIBUTES: readonly { name: string; type: OcelAttributeType }[] = [
  { name: 'name', type: 'string' },
  { name: 'contentType', type: 'string' },
  { name: 'size', type: 'integer' },
  { name: 'sha256', type: 'string' },
  { name: 'field', type: 'string' },
  { name: 'status', type: 'string' },
];

/** A document as its history entries tell it: its case, its facts and when it was added and removed. */
interface DocumentRecord {
  caseId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  field: string | null;
  addedAt: string | null;
  removedAt: string | null;
}

/** The document a `document.added` / `document.removed` entry names, or null for any other entry. */
export function documentOf(entry: HistoryEntry): { id: string; name: string; contentType: string; size: number; sha256: string; field: string | null } | null {
  if (entry.event.type !== DOCUMENT_ADDED && entry.event.type !== DOCUMENT_REMOVED) return null;
  const document = entry.event.data?.document;
  if (typeof document !== 'object' || document === null || Array.isArray(document) || typeof document.id !== 'string') return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const field = entry.event.data?.field;
  return {
    id: document.id,
    name: text(document.name),
    contentType: text(document.contentType),
    size: typeof document.size === 'number' ? document.size : 0,
    sha256: text(document.sha256),
    field: typeof field === 'string' ? field : null,
  };
}

/** The OCEL object id of a document (apart from case and customer ids). */
export const documentObjectId = (id: string): string => `document:${id}`;

interface CustomerRecord {
  /** name → the values seen, each with the creation time of the case it came from (any order). */
  values: Map<string, { value: string; time: string }[]>;
}

/** Writes the OCEL 2.0 JSON log of `source` to `sink`; returns how many cases and events were written. */
export async function toOcel(source: ExportSource, sink: ExportSink): Promise<ExportSummary> {
  const lookup = createCaseTypeLookup(source.caseTypes);
  const customerType = source.caseTypes.some((t) => t.key === 'customer') ? 'customer-identity' : 'customer';
  const documentType = source.caseTypes.some((t) => t.key === 'document') ? 'case-document' : 'document';
  const documents = new Map<string, DocumentRecord>();
  const eventTypes = new Map<string, Map<string, OcelAttributeType>>();
  const caseTypes = new Set<string>();
  const caseIds = new Set<string>();
  const customers = new Map<string, CustomerRecord>();
  const customerAttributes = new Set<string>();
  const summary: ExportSummary = { cases: 0, events: 0 };

  await sink('{\n"events": [\n');
  const events = createArrayWriter();
  for await (const kase of source.cases()) {
    caseIds.add(kase.id);
    caseTypes.add(kase.caseType);
    const customer = customerOf(kase, lookup(kase));
    if (customer !== null) {
      const record = customers.get(customer.id) ?? { values: new Map() };
      customers.set(customer.id, record);
      for (const { name, value } of customer.attributes) {
        customerAttributes.add(name);
        const values = record.values.get(name) ?? [];
        values.push({ value, time: ocelTime(kase.createdAt) });
        record.values.set(name, values);
      }
    }
    const lines: string[] = [];
    for (const entry of kase.history) {
      const event = ocelEvent(kase.id, entry, customer?.id ?? null);
      const document = documentOf(entry);
      if (document !== null) {
        const known = documents.get(document.id) ?? { ...document, caseId: kase.id, addedAt: null, removedAt: null };
        if (entry.event.type === DOCUMENT_ADDED) known.addedAt = ocelTime(entry.at);
        else known.removedAt = ocelTime(entry.at);
        documents.set(document.id, known);
      }
      noteEventType(eventTypes, entry);
      lines.push(...events.push(JSON.stringify(event)));
    }
    summary.cases += 1;
    summary.events += kase.history.length;
    if (lines.length > 0) await sink(lines.join(''));
  }
  await sink(events.close() + '],\n"objects": [\n');

  const objects = createArrayWriter();
  for await (const kase of source.cases()) {
    // A case created between the two passes has no events in this log: leave it out here too.
    if (!caseIds.has(kase.id)) continue;
    const customer = customerOf(kase, lookup(kase));
    const object = caseObject(kase, customer === null ? null : customer.id, caseIds);
    const chunk = objects.push(JSON.stringify(object)).join('');
    if (chunk !== '') await sink(chunk);
  }
  const customerLines: string[] = [];
  for (const [id, record] of customers) {
    const byName = [...record.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const attributes = byName.flatMap(([name, values]) => valueChanges(values).map((v) => ({ name, value: v.value, time: v.time })));
    const object: OcelObject = { id, type: customerType, attributes, relationships: [] };
    customerLines.push(...objects.push(JSON.stringify(object)));
  }
  for (const [id, document] of documents) {
    const first = document.addedAt ?? document.removedAt ?? '1970-01-01T00:00:00.000Z';
    const attributes: OcelObject['attributes'] = [
      { name: 'name', value: document.name, time: first },
      { name: 'contentType', value: document.contentType, time: first },
      { name: 'size', value: String(document.size), time: first },
      { name: 'sha256', value: document.sha256, time: first },
      ...(document.field === null ? [] : [{ name: 'field', value: document.field, time: first }]),
      ...(document.addedAt === null ? [] : [{ name: 'status', value: 'in case file', time: document.addedAt }]),
      ...(document.removedAt === null ? [] : [{ name: 'status', value: 'removed', time: document.removedAt }]),
    ];
    const object: OcelObject = { id: documentObjectId(id), type: documentType, attributes, relationships: [{ objectId: document.caseId, qualifier: 'case' }] };
    customerLines.push(...objects.push(JSON.stringify(object)));
  }
  customerLines.push(objects.close());

  const objectTypes: OcelType[] = [...caseTypes].sort().map((name) => ({ name, attributes: CASE_ATTRIBUTES.map((a) => ({ ...a })) }));
  if (customers.size > 0) {
    objectTypes.push({ name: customerType, attributes: [...customerAttributes].sort().map((name) => ({ name, type: 'string' as const })) });
  }
  if (documents.size > 0) objectTypes.push({ name: documentType, attributes: DOCUMENT_ATTRIBUTES.map((a) => ({ ...a })) });
  const eventTypeList: OcelType[] = [...eventTypes.keys()].sort().map((name) => ({
    name,
    attributes: [...(eventTypes.get(name) as Map<string, OcelAttributeType>)].map(([attribute, type]) => ({ name: attribute, type })),
  }));
  await sink(
    customerLines.join('') +
      '],\n"objectTypes": ' + JSON.stringify(objectTypes) +
      ',\n"eventTypes": ' + JSON.stringify(eventTypeList) + '\n}\n',
  );
  return summary;
}

/** One history entry as an OCEL event; its id is `<caseId>#<seq>`. */
export function ocelEvent(caseId: string, entry: HistoryEntry, customerId: string | null): OcelEvent {
  const attributes: OcelEvent['attributes'] = [
    { name: 'actor', value: entry.actor },
    ...(entry.partner === undefined ? [] : [{ name: 'partner', value: entry.partner }]),
    { name: 'seq', value: String(entry.seq) },
  ];
  if (entry.from !== null) attributes.push({ name: 'from', value: stateText(entry.from) });
  attributes.push({ name: 'to', value: stateText(entry.to) });
  if (entry.notes.length > 0) attributes.push({ name: 'notes', value: entry.notes.join('\n') });
  for (const { name, value } of payloadScalars(entry.event.data)) {
    attributes.push({ name: PAYLOAD_PREFIX + name, value: String(value) });
  }
  const relationships: OcelRelationship[] = [{ objectId: caseId, qualifier: 'case' }];
  if (customerId !== null) relationships.push({ objectId: customerId, qualifier: 'customer' });
  const document = documentOf(entry);
  if (document !== null) relationships.push({ objectId: documentObjectId(document.id), qualifier: 'document' });
  return { id: `${caseId}#${entry.seq}`, type: entry.event.type, time: ocelTime(entry.at), attributes, relationships };
}

/** A case as an OCEL object: its state over time (one value per change), version, channel and current priority. */
export function caseObject(kase: ExportCase, customerId: string | null, exportedCaseIds: ReadonlySet<string>): OcelObject {
  const created = ocelTime(kase.createdAt);
  const attributes: OcelObject['attributes'] = [{ name: 'version', value: String(kase.version), time: created }];
  if (kase.channel !== null) attributes.push({ name: 'channel', value: kase.channel, time: created });
  // The history does not record priority changes: the current priority is given as of the last update.
  attributes.push({ name: 'priority', value: kase.priority, time: ocelTime(kase.updatedAt) });
  let last: string | null = null;
  for (const entry of kase.history) {
    const state = stateText(entry.to);
    if (state !== last) attributes.push({ name: 'state', value: state, time: ocelTime(entry.at) });
    last = state;
  }
  const relationships: OcelRelationship[] = [];
  if (kase.parentId !== null && exportedCaseIds.has(kase.parentId)) relationships.push({ objectId: kase.parentId, qualifier: 'parent' });
  if (customerId !== null) relationships.push({ objectId: customerId, qualifier: 'customer' });
  return { id: kase.id, type: kase.caseType, attributes, relationships };
}

/** Values in time order, each kept only when it differs from the one before (a customer seen in many cases). */
export function valueChanges(values: readonly { value: string; time: string }[]): { value: string; time: string }[] {
  const sorted = [...values].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return sorted.filter((v, i) => i === 0 || (sorted[i - 1] as { value: string }).value !== v.value);
}

function noteEventType(types: Map<string, Map<string, OcelAttributeType>>, entry: HistoryEntry): void {
  let attributes = types.get(entry.event.type);
  if (attributes === undefined) {
    attributes = new Map(EVENT_ATTRIBUTES.map((a) => [a.name, a.type]));
    types.set(entry.event.type, attributes);
  }
  for (const { name, value } of payloadScalars(entry.event.data)) {
    const key = PAYLOAD_PREFIX + name;
    const seen = attributes.get(key);
    const type = scalarType(value);
    attributes.set(key, seen === undefined ? type : mergeTypes(seen, type));
  }
}

function scalarType(value: Scalar): OcelAttributeType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'integer' : 'float';
  return 'string';
}

/** The declared type that fits values of both types: integers widen to float, anything else mixed is a string. */
export function mergeTypes(a: OcelAttributeType, b: OcelAttributeType): OcelAttributeType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'float') || (a === 'float' && b === 'integer')) return 'float';
  return 'string';
}

/** RFC 3339 with `Z`: an ISO instant with an offset is kept; anything else parseable is converted to UTC. */
export function ocelTime(at: string): string {
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(at)) return at;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/** Writes a JSON array one element per line, the comma after an element added once the next one comes. */
function createArrayWriter(): { push(json: string): string[]; close(): string } {
  let pending: string | null = null;
  return {
    push(json) {
      const out = pending === null ? [] : [pending + ',\n'];
      pending = json;
      return out;
    },
    close() {
      const out = pending === null ? '' : pending + '\n';
      pending = null;
      return out;
    },
  };
}
