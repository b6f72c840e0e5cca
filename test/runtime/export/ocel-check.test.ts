import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOcel, fitsType } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { itWithOcelSchema, ocelSchemaErrors, STANDARDS } from './fixtures.ts';

function example(): OcelLog {
  return JSON.parse(readFileSync(join(STANDARDS, 'examples', 'ocel20_example.jsonocel'), 'utf8')) as OcelLog;
}

function small(): OcelLog {
  return {
    objectTypes: [{ name: 'complaint', attributes: [{ name: 'version', type: 'integer' }] }],
    eventTypes: [{ name: 'CLOSE', attributes: [{ name: 'seq', type: 'integer' }, { name: 'at', type: 'time' }, { name: 'ok', type: 'boolean' }, { name: 'x', type: 'float' }] }],
    objects: [{ id: 'c-1', type: 'complaint', attributes: [{ name: 'version', value: '1', time: '2026-01-05T09:00:00Z' }], relationships: [] }],
    events: [
      {
        id: 'e1', type: 'CLOSE', time: '2026-01-05T09:00:00Z',
        attributes: [{ name: 'seq', value: '1' }, { name: 'at', value: '2026-01-05T09:00:00+01:00' }, { name: 'ok', value: 'false' }, { name: 'x', value: '-1.5e3' }],
        relationships: [{ objectId: 'c-1', qualifier: 'case' }],
      },
    ],
  };
}

describe('checkOcel', () => {
  itWithOcelSchema('accepts the OCEL 2.0 specification example (schema and cross-references)', () => {
    expect(ocelSchemaErrors(example())).toEqual([]);
    expect(checkOcel(example())).toEqual([]);
  });

  it('accepts a small log whose values fit every declared type', () => {
    expect(checkOcel(small())).toEqual([]);
  });

  itWithOcelSchema('the small log passes the OCEL 2.0 JSON Schema too', () => {
    expect(ocelSchemaErrors(small())).toEqual([]);
  });

  it('finds relationships to missing objects in events and objects', () => {
    const log = small();
    (log.events[0] as OcelLog['events'][number]).relationships = [{ objectId: 'PR9', qualifier: 'Regular placement of PR' }];
    (log.objects[0] as OcelLog['objects'][number]).relationships = [{ objectId: 'P9', qualifier: 'Payment from invoice' }];
    expect(checkOcel(log)).toEqual([
      { code: 'ocel.object_missing', pointer: '/events/0/relationships/0/objectId', message: 'Relationship to object "PR9", which is not in objects: add the object or remove the relationship.' },
      { code: 'ocel.object_missing', pointer: '/objects/0/relationships/0/objectId', message: 'Relationship to object "P9", which is not in objects: add the object or remove the relationship.' },
    ]);
  });

  it('finds undeclared types, undeclared attributes, values that do not fit, duplicates', () => {
    const log = small();
    log.eventTypes.push({ name: 'CLOSE', attributes: [] });
    log.objectTypes.push({ name: 'customer', attributes: [{ name: 'age', type: 'number' as 'integer' }] });
    log.events.push({ id: 'e1', type: 'OPEN', time: '2026-01-05T09:00:00Z', attributes: [], relationships: [] });
    const first = log.events[0] as OcelLog['events'][number];
    first.attributes = [
      { name: 'seq', value: '1.0' },
      { name: 'at', value: '2026-01-05T09:00:00' },
      { name: 'ok', value: 'yes' },
      { name: 'x', value: 'ten' },
      { name: 'who', value: 'me' },
    ];
    log.objects.push({ id: 'c-1', type: 'order', attributes: [], relationships: [] });
    expect(checkOcel(log)).toEqual([
      { code: 'ocel.type_duplicate', pointer: '/eventTypes/1/name', message: 'Type "CLOSE" is declared twice; declare each type once.' },
      { code: 'ocel.attribute_type_unknown', pointer: '/objectTypes/1/attributes/0/type', message: 'Attribute "age" of "customer" has type "number"; use one of string, time, integer, float, boolean.' },
      { code: 'ocel.id_duplicate', pointer: '/objects/1/id', message: 'Object id "c-1" is used twice; object ids must be unique.' },
      { code: 'ocel.value_mismatch', pointer: '/events/0/attributes/0/value', message: 'Value "1.0" of attribute "seq" is not an integer, as event type "CLOSE" declares.' },
      { code: 'ocel.value_mismatch', pointer: '/events/0/attributes/1/value', message: 'Value "2026-01-05T09:00:00" of attribute "at" is not a time, as event type "CLOSE" declares.' },
      { code: 'ocel.value_mismatch', pointer: '/events/0/attributes/2/value', message: 'Value "yes" of attribute "ok" is not a boolean, as event type "CLOSE" declares.' },
      { code: 'ocel.value_mismatch', pointer: '/events/0/attributes/3/value', message: 'Value "ten" of attribute "x" is not a float, as event type "CLOSE" declares.' },
      { code: 'ocel.attribute_undeclared', pointer: '/events/0/attributes/4/name', message: 'Attribute "who" is not declared for event type "CLOSE": add it to the type\'s attributes.' },
      { code: 'ocel.id_duplicate', pointer: '/events/1/id', message: 'Event id "e1" is used twice; event ids must be unique.' },
      { code: 'ocel.event_type_undeclared', pointer: '/events/1/type', message: 'Event type "OPEN" is not declared: add it to eventTypes.' },
      { code: 'ocel.object_type_undeclared', pointer: '/objects/1/type', message: 'Object type "order" is not declared: add it to objectTypes.' },
    ]);
  });

  it('reports an OCEL 1.0 log as such', () => {
    const v1 = { 'ocel:global-event': {}, 'ocel:global-object': {}, 'ocel:global-log': {}, 'ocel:events': {}, 'ocel:objects': {} };
    expect(checkOcel(v1)).toEqual([
      { code: 'ocel.version_1', pointer: '', message: 'This is an OCEL 1.0 log (ocel:events, ocel:objects); export it as OCEL 2.0 (eventTypes, objectTypes, events, objects).' },
    ]);
  });

  itWithOcelSchema('the OCEL 2.0 JSON Schema refuses an OCEL 1.0 log', () => {
    const v1 = { 'ocel:global-event': {}, 'ocel:global-object': {}, 'ocel:global-log': {}, 'ocel:events': {}, 'ocel:objects': {} };
    expect(ocelSchemaErrors(v1)).toEqual([
      " must have required property 'eventTypes'",
      " must have required property 'objectTypes'",
      " must have required property 'events'",
      " must have required property 'objects'",
    ]);
  });

  itWithOcelSchema('the schema validator rejects what the traps name: a number as value, a time without offset', () => {
    const log = small() as unknown as { events: { time: string; attributes: { value: unknown }[] }[] };
    (log.events[0] as { time: string }).time = '2026-01-05T09:00:00';
    ((log.events[0] as { attributes: { value: unknown }[] }).attributes[0] as { value: unknown }).value = 1;
    expect(ocelSchemaErrors(log)).toEqual(['/events/0/time must match format "date-time"', '/events/0/attributes/0/value must be string']);
  });
});

describe('fitsType', () => {
  it('reads each OCEL type from its string form', () => {
    expect(['1', '-42', '+7'].every((v) => fitsType(v, 'integer'))).toBe(true);
    expect(['1.5', '1', '.5', '1e-3', '-INF', 'NaN'].every((v) => fitsType(v, 'float'))).toBe(true);
    expect(['true', 'False', '0', '1'].every((v) => fitsType(v, 'boolean'))).toBe(true);
    expect(['2026-01-05T09:00:00Z', '2022-02-03T06:30:00+00:00', '2026-01-05T09:00:00.123Z'].every((v) => fitsType(v, 'time'))).toBe(true);
    expect(fitsType('2026-02-30T09:00:00Z', 'time')).toBe(false);
    expect(fitsType('2028-02-29T09:00:00Z', 'time')).toBe(true);
    expect(fitsType('', 'integer')).toBe(false);
    expect(fitsType('anything', 'string')).toBe(true);
  });
});
