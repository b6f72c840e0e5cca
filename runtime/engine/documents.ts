// Documents in the case file (issue 20, docs/documents.md). The host keeps the files; the engine keeps
// what the case data says of them: a documents field (`{ "type": "array", "documents": true }`) holds
// references to the documents attached to it, changed only by the runtime's own events
// `document.added` and `document.removed`, which go through the machine like any other event (SLA
// conditions, `always` transitions and rules see the new data) but need no transition in the playbook.
import type { FieldSchema } from '../../schemas/generated/case-type.ts';
import type { CompiledCaseType } from './compile.ts';
import { finishStep } from './finish-step.ts';
import { formatPointer, getAtPointer, parsePointer } from './json-pointer.ts';
import { sendEvent } from './machine-step.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { validate } from './rules.ts';
import { scratchOf } from './actions.ts';
import type { Actor, Case, CaseData, FieldProblem, Instant, JsonValue, Outcome } from './types.ts';

export const DOCUMENT_ADDED = 'document.added';
export const DOCUMENT_REMOVED = 'document.removed';

/** What a documents field holds of one document: enough to show and check it without the file. */
export interface DocumentRef {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The schema of one item of a documents field (the engine's data validator checks every item with it). */
export const DOCUMENT_REF_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'contentType', 'size', 'sha256'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    contentType: { type: 'string', minLength: 1 },
    size: { type: 'integer', minimum: 0 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
} as const;

/** Is this field schema a documents field? */
export function isDocumentsField(schema: FieldSchema | undefined): boolean {
  return schema?.documents === true;
}

/** The pointers of the documents fields of a data schema (through nested object properties), in schema order. */
export function documentFields(data: FieldSchema, prefix: string[] = []): string[] {
  const pointers: string[] = [];
  for (const [name, child] of Object.entries(data.properties ?? {})) {
    if (child === undefined) continue;
    if (isDocumentsField(child)) pointers.push(formatPointer([...prefix, name]));
    else if (child.properties !== undefined) pointers.push(...documentFields(child, [...prefix, name]));
  }
  return pointers;
}

/** The data schema as the engine validates it: every documents field an array of document references. */
export function withDocumentItems(schema: FieldSchema): FieldSchema {
  if (isDocumentsField(schema)) return { ...schema, type: 'array', items: DOCUMENT_REF_SCHEMA as unknown as FieldSchema };
  if (schema.properties === undefined) return schema;
  const properties: Record<string, FieldSchema> = {};
  for (const [name, child] of Object.entries(schema.properties)) if (child !== undefined) properties[name] = withDocumentItems(child);
  return { ...schema, properties };
}

/**
 * The problems of an event payload that writes a documents field: documents are attached by upload
 * (the documents API), never by event data, so that every reference names a stored file.
 */
export function documentPayloadProblems(type: CompiledCaseType, payload: CaseData): FieldProblem[] {
  return documentFields(type.def.data)
    .filter((pointer) => getAtPointer(payload as JsonValue, pointer) !== undefined)
    .map((pointer) => ({ pointer, message: `${pointer} lists documents: upload a file to it instead of sending it as event data` }));
}

/** A document attached to (or taken off) the case file, and the documents field it belongs to (null: none). */
export interface DocumentChange {
  kind: 'added' | 'removed';
  document: DocumentRef;
  field: string | null;
}

/** The case data with the change made to its documents field; a problem when the field is not one. */
function changedData(type: CompiledCaseType, data: CaseData, change: DocumentChange): { ok: true; data: CaseData } | { ok: false; problem: FieldProblem } {
  if (change.field === null) return { ok: true, data };
  const pointer = change.field;
  if (!documentFields(type.def.data).includes(pointer)) {
    return { ok: false, problem: { pointer, message: `${pointer} is not a documents field of this case type` } };
  }
  const tokens = parsePointer(pointer);
  const current = getAtPointer(data as JsonValue, pointer);
  const list = Array.isArray(current) ? current : [];
  const next =
    change.kind === 'added'
      ? [...list, { ...change.document } as unknown as JsonValue]
      : list.filter((item) => !(typeof item === 'object' && item !== null && !Array.isArray(item) && item.id === change.document.id));
  return { ok: true, data: setAt(data, tokens, next) as CaseData };
}

/** A copy of `value` with `next` at the path of `tokens` (objects made on the way). */
function setAt(value: JsonValue, tokens: readonly string[], next: JsonValue): JsonValue {
  const [head, ...rest] = tokens;
  if (head === undefined) return next;
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  return { ...object, [head]: setAt(object[head] ?? {}, rest, next) };
}

/**
 * Records a document added to or removed from the case file: a history entry `document.added` /
 * `document.removed` whose data names the document (and the field), with the documents field changed
 * in the case data and checked against the data schema (its minItems/maxItems included). Refused,
 * changing nothing, when the case is closed or the new data is not valid.
 */
export function recordDocument(type: CompiledCaseType, kase: Case, change: DocumentChange, now: Instant, actor?: Actor): Outcome {
  const eventType = change.kind === 'added' ? DOCUMENT_ADDED : DOCUMENT_REMOVED;
  if (kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.closed(eventType));
  const changed = changedData(type, kase.data, change);
  if (!changed.ok) return reject('data.invalid', `The document cannot be ${change.kind === 'added' ? 'added to' : 'removed from'} ${change.field ?? 'the case'}: ${changed.problem.message}.`, [changed.problem]);
  const problems = validate(type.validators.data, changed.data);
  if (problems.length > 0) {
    return reject(
      'data.invalid',
      change.kind === 'added'
        ? `The document cannot be added: the case data would not be valid (fix the fields listed).`
        : `The document cannot be removed: the case data would not be valid without it (fix the fields listed, e.g. add another document first).`,
      problems,
    );
  }
  const env = { caseId: kase.id, now, revision: kase.revision + 1 };
  const step = sendEvent(type, kase.state, scratchOf(kase, changed.data), env, eventType);
  const data: CaseData = { document: { ...change.document } as unknown as JsonValue, ...(change.field === null ? {} : { field: change.field }) };
  return finishStep(type, {
    before: kase,
    base: kase,
    step,
    env,
    event: { type: eventType, data },
    actor: actor?.id ?? 'system',
    ...(actor?.partner === undefined ? {} : { partner: actor.partner }),
    slas: kase.slas,
  });
}

