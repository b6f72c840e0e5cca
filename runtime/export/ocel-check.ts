// Checks an OCEL 2.0 JSON log for what its JSON Schema cannot express: declared types, unique ids,
// relationships that point at existing objects, attributes that are declared and whose string
// values fit the declared type. Run it after the schema; it skips parts the schema already rejects.
import { OCEL_ATTRIBUTE_TYPES, type OcelAttributeType } from './ocel-types.ts';

export type OcelProblemCode =
  | 'ocel.version_1'
  | 'ocel.type_duplicate'
  | 'ocel.attribute_type_unknown'
  | 'ocel.id_duplicate'
  | 'ocel.event_type_undeclared'
  | 'ocel.object_type_undeclared'
  | 'ocel.attribute_undeclared'
  | 'ocel.value_mismatch'
  | 'ocel.object_missing';

export interface OcelProblem {
  code: OcelProblemCode;
  /** JSON Pointer into the log. */
  pointer: string;
  message: string;
}

type Rec = { [key: string]: unknown };
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** RFC 3339 date-time with an offset, and a day that exists in its month (Date.parse accepts 30 February). */
function isRfc3339(value: string): boolean {
  if (!RFC3339.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Does `value` read as `type`? (OCEL 2.0 writes every value as a string.) */
export function fitsType(value: string, type: OcelAttributeType): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'time':
      return isRfc3339(value);
    case 'integer':
      return /^[+-]?\d+$/.test(value);
    case 'float':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) || /^([+-]?INF|[+-]?Infinity|NaN)$/.test(value);
    case 'boolean':
      return /^(true|false|0|1)$/i.test(value);
    default: {
      const _never: never = type;
      return _never;
    }
  }
}

/** The cross-reference problems of an OCEL 2.0 log, in document order; [] when there are none. */
export function checkOcel(log: unknown): OcelProblem[] {
  const problems: OcelProblem[] = [];
  const add = (code: OcelProblemCode, pointer: string, message: string): void => void problems.push({ code, pointer, message });
  if (!isRec(log)) return problems;
  if ('ocel:events' in log || 'ocel:objects' in log || 'ocel:global-log' in log) {
    add('ocel.version_1', '', 'This is an OCEL 1.0 log (ocel:events, ocel:objects); export it as OCEL 2.0 (eventTypes, objectTypes, events, objects).');
    return problems;
  }
  const eventTypes = declaredTypes(log.eventTypes, '/eventTypes', add);
  const objectTypes = declaredTypes(log.objectTypes, '/objectTypes', add);

  const objectIds = new Set<string>();
  list(log.objects).forEach((object, i) => {
    const id = isRec(object) ? str(object.id) : null;
    if (id === null) return;
    if (objectIds.has(id)) add('ocel.id_duplicate', `/objects/${i}/id`, `Object id "${id}" is used twice; object ids must be unique.`);
    objectIds.add(id);
  });

  const eventIds = new Set<string>();
  list(log.events).forEach((event, i) => {
    if (!isRec(event)) return;
    const at = `/events/${i}`;
    const id = str(event.id);
    if (id !== null) {
      if (eventIds.has(id)) add('ocel.id_duplicate', `${at}/id`, `Event id "${id}" is used twice; event ids must be unique.`);
      eventIds.add(id);
    }
    const type = str(event.type);
    const declared = type === null ? undefined : eventTypes.get(type);
    if (type !== null && declared === undefined) {
      add('ocel.event_type_undeclared', `${at}/type`, `Event type "${type}" is not declared: add it to eventTypes.`);
    }
    checkAttributes(event.attributes, `${at}/attributes`, declared, type, 'event', add);
    checkRelationships(event.relationships, `${at}/relationships`, objectIds, add);
  });

  list(log.objects).forEach((object, i) => {
    if (!isRec(object)) return;
    const at = `/objects/${i}`;
    const type = str(object.type);
    const declared = type === null ? undefined : objectTypes.get(type);
    if (type !== null && declared === undefined) {
      add('ocel.object_type_undeclared', `${at}/type`, `Object type "${type}" is not declared: add it to objectTypes.`);
    }
    checkAttributes(object.attributes, `${at}/attributes`, declared, type, 'object', add);
    checkRelationships(object.relationships, `${at}/relationships`, objectIds, add);
  });
  return problems;
}

type Add = (code: OcelProblemCode, pointer: string, message: string) => void;

function declaredTypes(types: unknown, at: string, add: Add): Map<string, Map<string, OcelAttributeType>> {
  const out = new Map<string, Map<string, OcelAttributeType>>();
  list(types).forEach((type, i) => {
    const name = isRec(type) ? str(type.name) : null;
    if (name === null || !isRec(type)) return;
    if (out.has(name)) {
      add('ocel.type_duplicate', `${at}/${i}/name`, `Type "${name}" is declared twice; declare each type once.`);
      return;
    }
    const attributes = new Map<string, OcelAttributeType>();
    list(type.attributes).forEach((attribute, j) => {
      if (!isRec(attribute)) return;
      const attributeName = str(attribute.name);
      const attributeType = str(attribute.type);
      if (attributeName === null || attributeType === null) return;
      if (!(OCEL_ATTRIBUTE_TYPES as readonly string[]).includes(attributeType)) {
        add(
          'ocel.attribute_type_unknown',
          `${at}/${i}/attributes/${j}/type`,
          `Attribute "${attributeName}" of "${name}" has type "${attributeType}"; use one of ${OCEL_ATTRIBUTE_TYPES.join(', ')}.`,
        );
        return;
      }
      attributes.set(attributeName, attributeType as OcelAttributeType);
    });
    out.set(name, attributes);
  });
  return out;
}

function checkAttributes(
  attributes: unknown,
  at: string,
  declared: Map<string, OcelAttributeType> | undefined,
  type: string | null,
  kind: 'event' | 'object',
  add: Add,
): void {
  if (declared === undefined) return;
  list(attributes).forEach((attribute, j) => {
    if (!isRec(attribute)) return;
    const name = str(attribute.name);
    const value = str(attribute.value);
    if (name === null || value === null) return;
    const attributeType = declared.get(name);
    if (attributeType === undefined) {
      add('ocel.attribute_undeclared', `${at}/${j}/name`, `Attribute "${name}" is not declared for ${kind} type "${type}": add it to the type's attributes.`);
    } else if (!fitsType(value, attributeType)) {
      add('ocel.value_mismatch', `${at}/${j}/value`, `Value "${value}" of attribute "${name}" is not ${attributeType === 'integer' ? 'an' : 'a'} ${attributeType}, as ${kind} type "${type}" declares.`);
    }
  });
}

function checkRelationships(relationships: unknown, at: string, objectIds: ReadonlySet<string>, add: Add): void {
  list(relationships).forEach((relationship, j) => {
    const id = isRec(relationship) ? str(relationship.objectId) : null;
    if (id !== null && !objectIds.has(id)) {
      add('ocel.object_missing', `${at}/${j}/objectId`, `Relationship to object "${id}", which is not in objects: add the object or remove the relationship.`);
    }
  });
}
