// OCEL 2.0 JSON (ocel-standard.org, `ocel20-schema-json.json`): every attribute value is a string,
// typed by its declaration in `eventTypes` / `objectTypes`.

export type OcelAttributeType = 'string' | 'time' | 'integer' | 'float' | 'boolean';

export const OCEL_ATTRIBUTE_TYPES: readonly OcelAttributeType[] = ['string', 'time', 'integer', 'float', 'boolean'];

export interface OcelType {
  name: string;
  attributes: { name: string; type: OcelAttributeType }[];
}

export interface OcelRelationship {
  objectId: string;
  qualifier: string;
}

export interface OcelEvent {
  id: string;
  type: string;
  /** RFC 3339 with an offset (`Z`). */
  time: string;
  attributes: { name: string; value: string }[];
  relationships: OcelRelationship[];
}

export interface OcelObject {
  id: string;
  type: string;
  /** Values over time: the same name may appear again with a later `time`. */
  attributes: { name: string; value: string; time: string }[];
  relationships: OcelRelationship[];
}

export interface OcelLog {
  eventTypes: OcelType[];
  objectTypes: OcelType[];
  events: OcelEvent[];
  objects: OcelObject[];
}
