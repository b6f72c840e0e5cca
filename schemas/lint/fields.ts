// Lint of the case data schema and of every place that names a field: form fields, set actions,
// startFrom, customer keys, event payloads and createCase copies.
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { createProblem, type Problem } from '../problems.ts';
import { listFieldPointers, resolveField, resolveLocalRef, walkSchemas } from './data-index.ts';
import type { Model } from './model.ts';
import { typeWord } from './schema-words.ts';
import {
  asArray,
  asObject,
  asString,
  didYouMean,
  isObject,
  ptr,
  showValue,
  type JsonObject,
} from './util.ts';

const DATA_ID = 'urn:dossier:case-data';

export function lintDataSchema(model: Model): Problem[] {
  const problems: Problem[] = [];
  const data = model.def.data;
  if (!isObject(data)) return problems;
  if (data.type !== 'object') {
    problems.push(createProblem('data.not_object', data.type === undefined ? '/data' : '/data/type'));
  }
  const schemaRoots: [unknown, string][] = [[data, '/data']];
  for (const [name, event] of Object.entries(asObject(model.def.events)))
    schemaRoots.push([asObject(event).data, ptr('/events', name, 'data')]);
  // documents fields (issue 20): lists of document references, at a fixed place in the data
  walkSchemas(data, '/data', (node, pointer) => {
    if (node.documents !== true) return;
    if (node.type !== 'array') problems.push(createProblem('data.documents_not_array', node.type === undefined ? pointer : ptr(pointer, 'type')));
    if (!onlyThroughProperties(pointer)) problems.push(createProblem('data.documents_not_a_field', ptr(pointer, 'documents')));
  });
  for (const [root, rootPointer] of schemaRoots) {
    walkSchemas(root, rootPointer, (node, pointer) => {
      const ref = asString(node.$ref);
      if (ref !== undefined && resolveLocalRef(root, ref) === undefined) {
        problems.push(createProblem('data.unresolved_ref', ptr(pointer, '$ref'), { ref }));
      }
    });
  }
  return problems;
}

/** Whether a schema pointer under /data goes through `properties` only (keywords and names alternate: properties, name, ...). */
function onlyThroughProperties(pointer: string): boolean {
  const tokens = pointer.split('/').slice(2);
  return tokens.every((token, i) => i % 2 === 1 || token === 'properties');
}

export function lintFieldPointers(model: Model, ajv: Ajv2020): Problem[] {
  const problems: Problem[] = [];
  const data = model.def.data;
  const field = (value: unknown, pointer: string, what: string): JsonObject | undefined => {
    if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
    const resolved = resolveField(data, value);
    if (resolved === undefined)
      problems.push(
        createProblem('field.unknown', pointer, { what, field: value, hint: fieldHint(data, value) }),
      );
    return resolved?.schema;
  };

  asArray(asObject(model.def.form).sections).forEach((section, i) => {
    asArray(asObject(section).fields).forEach((f, j) => {
      const at = ptr('/form/sections', i, 'fields', j);
      if (typeof f === 'string') field(f, at, 'form field');
      else if (isObject(f)) field(f.field, ptr(at, 'field'), 'form field');
    });
  });

  for (const { action, pointer } of model.actions) {
    if (action.type === 'set') problems.push(...lintSet(model, action, pointer, ajv, field));
    if (action.type === 'lookup') {
      for (const [name, source] of Object.entries(asObject(action.query)))
        field(source, ptr(pointer, 'query', name), 'lookup query field');
      for (const [name, source] of Object.entries(asObject(action.body)))
        field(source, ptr(pointer, 'body', name), 'lookup body field');
      for (const target of Object.keys(asObject(action.map))) field(target, ptr(pointer, 'map', target), 'lookup answer field');
    }
    if (action.type === 'createCase') {
      for (const [child, parent] of Object.entries(asObject(action.copy)))
        field(parent, ptr(pointer, 'copy', child), 'copied field');
    }
  }

  for (const [name, sla] of Object.entries(asObject(model.def.slas))) {
    const startFrom = asObject(sla).startFrom;
    const at = ptr('/slas', name, 'startFrom');
    const schema = field(startFrom, at, 'startFrom field');
    if (schema !== undefined && schema.format !== 'date-time') {
      const detail = typeof schema.format === 'string' ? `; it is a ${schema.format} field` : '';
      problems.push(createProblem('sla.start_from_not_date_time', at, { field: String(startFrom), detail }));
    }
  }

  const customer = asObject(model.def.customer);
  asArray(customer.keys).forEach((key, i) => field(key, ptr('/customer/keys', i), 'customer key'));
  field(customer.name, '/customer/name', 'customer name');
  field(customer.email, '/customer/email', 'customer e-mail');
  field(customer.language, '/customer/language', 'customer language');

  problems.push(...lintEmailIntake(model, field));

  for (const [name, event] of Object.entries(asObject(model.def.events))) {
    lintPayload(asObject(event).data, ptr('/events', name, 'data'), '', (pointer, dataPointer) => {
      if (resolveField(data, dataPointer) !== undefined) return true;
      problems.push(
        createProblem('field.unknown', pointer, {
          what: 'event field',
          field: dataPointer,
          hint: fieldHint(data, dataPointer),
        }),
      );
      return false;
    });
  }
  return problems;
}

/** Each payload property must be a case data field (a payload is merged into the data). */
function lintPayload(
  schema: unknown,
  pointer: string,
  dataPointer: string,
  check: (pointer: string, dataPointer: string) => boolean,
): void {
  for (const [name, child] of Object.entries(asObject(asObject(schema).properties))) {
    const childPointer = ptr(pointer, 'properties', name);
    const childData = ptr(dataPointer, name);
    if (check(childPointer, childData)) lintPayload(child, childPointer, childData, check);
  }
}

export function fieldHint(data: unknown, pointer: string): string {
  const fields = listFieldPointers(data);
  const nested = fields.find((f) => f.endsWith(pointer));
  return nested !== undefined ? `; did you mean '${nested}'?` : didYouMean(pointer, fields);
}

function lintSet(
  model: Model,
  action: JsonObject,
  pointer: string,
  ajv: Ajv2020,
  field: (value: unknown, pointer: string, what: string) => JsonObject | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const target = field(action.path, ptr(pointer, 'path'), 'set path');
  field(action.from, ptr(pointer, 'from'), 'set from');
  const hasValue = 'value' in action;
  const hasFrom = 'from' in action;
  if (hasValue === hasFrom) {
    const detail = hasValue
      ? 'it has both: keep one'
      : 'it has neither: add "value" (a constant) or "from" (a field pointer to copy)';
    problems.push(createProblem('action.set_value_or_from', pointer, { detail }));
  }
  if (hasValue && target !== undefined) {
    const message = valueError(model, ajv, String(action.path), action.value);
    if (message !== undefined) {
      problems.push(
        createProblem('action.set_value_invalid', ptr(pointer, 'value'), {
          value: showValue(action.value),
          field: String(action.path),
          detail: message,
        }),
      );
    }
  }
  return problems;
}

function valueError(model: Model, ajv: Ajv2020, path: string, value: unknown): string | undefined {
  const resolved = resolveField(model.def.data, path);
  if (resolved === undefined) return undefined;
  try {
    if (ajv.getSchema(DATA_ID) === undefined) ajv.addSchema({ ...asObject(model.def.data), $id: DATA_ID });
    const validate = ajv.compile({ $ref: `${DATA_ID}#${encodeURI(resolved.schemaPath)}` });
    if (validate(value)) return undefined;
    return describeDataError((validate.errors ?? [])[0]);
  } catch {
    return undefined;
  }
}

/** One ajv error on case data, in words. */
export function describeDataError(error: ErrorObject | undefined): string {
  if (error === undefined) return 'it does not match the field';
  const params = error.params as Record<string, unknown>;
  const where = error.instancePath === '' ? '' : `${error.instancePath} `;
  switch (error.keyword) {
    case 'enum':
      return `${where}must be one of ${asArray(params.allowedValues).map(showValue).join(', ')}`;
    case 'const':
      return `${where}must be ${showValue(params.allowedValue)}`;
    case 'type':
      return `${where}must be ${String(params.type).split(',').map(typeWord).join(' or ')}`;
    case 'format':
      return `${where}must be a valid ${String(params.format)}`;
    case 'required':
      return `missing: ${ptr(error.instancePath, String(params.missingProperty))}`;
    default:
      return `${where}${error.message ?? 'is not valid'}`;
  }
}

type FieldCheck = (value: unknown, pointer: string, what: string) => JsonObject | undefined;

/** The fields mail and the public form fill must be fields of the data (a subject and text: text fields); a reply's event must be defined and carry its text field. */
function lintEmailIntake(model: Model, field: FieldCheck): Problem[] {
  const problems: Problem[] = [];
  const email = asObject(model.def.email);
  const text = (name: 'subject' | 'body', what: string): void => {
    const schema = field(email[name], ptr('/email', name), what);
    if (schema !== undefined && schema.type !== 'string') {
      problems.push(createProblem('email.not_text', ptr('/email', name), { what, field: String(email[name]) }));
    }
  };
  text('subject', 'e-mail subject field');
  text('body', 'e-mail text field');
  field(email.attachments, '/email/attachments', 'e-mail attachments field');
  for (const pointer of Object.keys(asObject(email.values))) field(pointer, ptr('/email/values', pointer), 'e-mail starting value field');
  problems.push(...lintReply(model, field, email.reply, '/email/reply'));
  const form = asObject(model.def.public);
  asArray(form.fields).forEach((pointer, i) => field(pointer, ptr('/public/fields', i), 'public form field'));
  for (const pointer of Object.keys(asObject(form.values))) field(pointer, ptr('/public/values', pointer), 'public form starting value field');
  field(form.attachments, '/public/attachments', 'public form documents field');
  problems.push(...lintReply(model, field, form.reply, '/public/reply'));
  return problems;
}

function lintReply(model: Model, field: FieldCheck, value: unknown, at: string): Problem[] {
  const problems: Problem[] = [];
  const reply = asObject(value);
  const event = asString(reply.event);
  if (event === undefined) return problems;
  const events = asObject(model.def.events);
  if (!(event in events)) {
    problems.push(createProblem('event.unknown', ptr(at, 'event'), { name: event, hint: didYouMean(event, Object.keys(events)) }));
    return problems;
  }
  const body = asString(reply.body);
  if (body === undefined) return problems;
  const schema = field(body, ptr(at, 'body'), 'reply text field');
  const name = body.slice(1);
  const carried = asObject(asObject(asObject(events[event]).data).properties);
  if (schema !== undefined && (name.includes('/') || !(name in carried))) {
    problems.push(createProblem('email.reply_body_not_in_event', ptr(at, 'body'), { field: body, event }));
  }
  return problems;
}
