// Pure edits of the case data fields (the `data` schema) and of their place in the form.
import type { CaseType, FieldSchema, FieldRef } from '../../../schemas/generated/case-type.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';
import { clone } from './clone.ts';
import { fromPointer, isAtOrBelow, toPointer } from './pointer.ts';
import { renameFieldInRules } from './rename-field-in-rules.ts';
import { mapFormRefs } from './form.ts';
import { listStates } from './states.ts';

export type FieldKind =
  | 'text'
  | 'longText'
  | 'number'
  | 'money'
  | 'integer'
  | 'yesNo'
  | 'date'
  | 'dateTime'
  | 'email'
  | 'phone'
  | 'choice'
  | 'group'
  | 'list'
  | 'documents';

export const FIELD_KINDS: readonly { kind: FieldKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'longText', label: 'Long text' },
  { kind: 'number', label: 'Number' },
  { kind: 'money', label: 'Money' },
  { kind: 'integer', label: 'Whole number' },
  { kind: 'yesNo', label: 'Yes/no' },
  { kind: 'date', label: 'Date' },
  { kind: 'dateTime', label: 'Date and time' },
  { kind: 'email', label: 'E-mail' },
  { kind: 'phone', label: 'Phone' },
  { kind: 'choice', label: 'Choice list' },
  { kind: 'group', label: 'Group' },
  { kind: 'list', label: 'Repeating group' },
  { kind: 'documents', label: 'Documents' },
];

/** A field kind's name in the reader's language ("Choice list", "Keuzelijst"); FIELD_KINDS holds the English ones. */
export function fieldKindLabel(kind: FieldKind, words: Words = ENGLISH): string {
  return words.t(`model.fields.kinds.${kind}`);
}

/** FIELD_KINDS in the reader's language, in the same order. */
export function fieldKindOptions(words: Words = ENGLISH): { kind: FieldKind; label: string }[] {
  return FIELD_KINDS.map((k) => ({ kind: k.kind, label: fieldKindLabel(k.kind, words) }));
}

export const FIELD_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** The schema a new field of `kind` starts with (a choice list's two first choices in the reader's words). */
export function schemaForKind(kind: FieldKind, title: string, words: Words = ENGLISH): FieldSchema {
  switch (kind) {
    case 'text':
    case 'longText':
      return { type: 'string', title };
    case 'number':
      return { type: 'number', title };
    case 'money':
      return { type: 'number', format: 'money', title };
    case 'integer':
      return { type: 'integer', title };
    case 'yesNo':
      return { type: 'boolean', title };
    case 'date':
      return { type: 'string', format: 'date', title };
    case 'dateTime':
      return { type: 'string', format: 'date-time', title };
    case 'email':
      return { type: 'string', format: 'email', title };
    case 'phone':
      return { type: 'string', format: 'phone', title };
    case 'choice':
      return { type: 'string', title, enum: [words.t('model.fields.option', { n: 1 }), words.t('model.fields.option', { n: 2 })] };
    case 'group':
      return { type: 'object', title, properties: {} };
    case 'list':
      return { type: 'array', title, items: { type: 'object', properties: {} } };
    case 'documents':
      // files of the case file attached to it (docs/documents.md); count them with minItems in a rule
      return { type: 'array', title, documents: true };
    default: {
      const _never: never = kind;
      return _never;
    }
  }
}

/** Reads a field's kind back from its schema (and its form widget, for long text). */
export function kindOf(schema: FieldSchema, widget?: FieldRef['widget']): FieldKind {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.documents === true) return 'documents';
  if (schema.enum) return 'choice';
  switch (type) {
    case 'number':
      return schema.format === 'money' ? 'money' : 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'yesNo';
    case 'object':
      return 'group';
    case 'array':
      return 'list';
    default:
      break;
  }
  switch (schema.format) {
    case 'date':
      return 'date';
    case 'date-time':
      return 'dateTime';
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    default:
      return widget === 'textarea' ? 'longText' : 'text';
  }
}

/** The object schema that holds the children of the field at `path` (the root for `[]`). */
function containerOf(data: FieldSchema, path: readonly string[]): FieldSchema | undefined {
  let node: FieldSchema | undefined = data;
  for (const name of path) {
    node = node?.properties?.[name];
    if (node?.type === 'array') node = node.items;
  }
  return node;
}

/** The schema of the field at `pointer`, or undefined. */
export function getField(def: CaseType, pointer: string): FieldSchema | undefined {
  const path = fromPointer(pointer);
  const name = path.pop();
  if (name === undefined) return undefined;
  return containerOf(def.data, path)?.properties?.[name];
}

export function isRequired(def: CaseType, pointer: string): boolean {
  const path = fromPointer(pointer);
  const name = path.pop();
  return name !== undefined && (containerOf(def.data, path)?.required ?? []).includes(name);
}

export interface FieldEntry {
  pointer: string;
  name: string;
  depth: number;
  schema: FieldSchema;
  kind: FieldKind;
  required: boolean;
}

/** Every field, depth first, in definition order. */
export function listFields(def: CaseType): FieldEntry[] {
  const out: FieldEntry[] = [];
  const widgets = new Map<string, FieldRef['widget']>();
  for (const section of def.form?.sections ?? []) {
    for (const ref of section.fields) if (typeof ref !== 'string' && ref.widget) widgets.set(ref.field, ref.widget);
  }
  const walk = (container: FieldSchema | undefined, path: string[]): void => {
    for (const [name, schema] of Object.entries(container?.properties ?? {})) {
      if (!schema) continue;
      const pointer = toPointer([...path, name]);
      out.push({
        pointer,
        name,
        depth: path.length,
        schema,
        kind: kindOf(schema, widgets.get(pointer)),
        required: (container?.required ?? []).includes(name),
      });
      if (schema.type === 'object') walk(schema, [...path, name]);
      if (schema.type === 'array') walk(schema.items, [...path, name]);
    }
  };
  walk(def.data, []);
  return out;
}

export interface AddFieldArgs {
  /** Pointer of the group or repeating group to add into; '' for the top level. */
  parent: string;
  name: string;
  kind: FieldKind;
  title: string;
  /** Form section to show a top-level field in; default: the first section (created if none). */
  section?: string;
}

export function addField(def: CaseType, args: AddFieldArgs, words: Words = ENGLISH): CaseType {
  const next = clone(def);
  const container = containerOf(next.data, fromPointer(args.parent));
  if (!container) return def;
  container.properties = { ...(container.properties ?? {}), [args.name]: schemaForKind(args.kind, args.title, words) };
  if (args.parent === '') {
    const pointer = toPointer([args.name]);
    const ref: string | FieldRef = args.kind === 'longText' ? { field: pointer, widget: 'textarea' } : pointer;
    const sections = next.form?.sections ?? [];
    let section = sections.find((s) => s.id === args.section) ?? sections[0];
    if (!section) {
      section = { id: 'details', title: words.t('model.fields.detailsSection'), fields: [] };
      next.form = { sections: [section] };
    }
    section.fields.push(ref);
  }
  return next;
}

/** Replaces the schema of a field (its title, constraints, choices...), keeping its children. */
export function updateField(def: CaseType, pointer: string, patch: Partial<FieldSchema>): CaseType {
  const next = clone(def);
  const path = fromPointer(pointer);
  const name = path.pop();
  const container = containerOf(next.data, path);
  const current = name === undefined ? undefined : container?.properties?.[name];
  if (!container?.properties || !current || name === undefined) return def;
  const merged: FieldSchema = { ...current, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (merged as Record<string, unknown>)[k];
  container.properties[name] = merged;
  return next;
}

export function setRequired(def: CaseType, pointer: string, required: boolean): CaseType {
  const next = clone(def);
  const path = fromPointer(pointer);
  const name = path.pop();
  const container = containerOf(next.data, path);
  if (!container || name === undefined) return def;
  const list = (container.required ?? []).filter((n) => n !== name);
  if (required) list.push(name);
  if (list.length > 0) container.required = list;
  else delete container.required;
  return next;
}

/** Changes a field's kind, keeping its title and description. */
export function changeKind(def: CaseType, pointer: string, kind: FieldKind, words: Words = ENGLISH): CaseType {
  const field = getField(def, pointer);
  if (!field) return def;
  const next = clone(def);
  const path = fromPointer(pointer);
  const name = path.pop() as string;
  const container = containerOf(next.data, path) as FieldSchema;
  const fresh = schemaForKind(kind, field.title ?? name, words);
  if (field.description) fresh.description = field.description;
  (container.properties as Record<string, FieldSchema>)[name] = fresh;
  next.form = mapFormRefs(next.form, (ref) => {
    const target = typeof ref === 'string' ? ref : ref.field;
    if (target !== pointer) return ref;
    const base: FieldRef = typeof ref === 'string' ? { field: ref } : { ...ref };
    if (kind === 'longText') base.widget = 'textarea';
    else delete base.widget;
    return Object.keys(base).length === 1 ? base.field : base;
  });
  return next;
}

/**
 * Why the field at `pointer` cannot be renamed to `newName`, in a sentence for the analyst; null when it can
 * (the same name included). `renameField` leaves the definition as it is in each of these cases.
 */
export function fieldRenameProblem(def: CaseType, pointer: string, newName: string, words: Words = ENGLISH): string | null {
  const { t } = words;
  const path = fromPointer(pointer);
  const oldName = path.pop();
  if (oldName === undefined || newName === oldName) return null;
  if (newName === '') return t('model.fields.nameEmpty');
  if (!FIELD_NAME_PATTERN.test(newName)) return t('model.fields.namePattern');
  const container = containerOf(def.data, path);
  if (!container?.properties?.[oldName]) return t('model.fields.gone');
  if (container.properties[newName]) return t(path.length === 0 ? 'model.fields.nameTakenTop' : 'model.fields.nameTakenGroup', { name: newName });
  return null;
}

export function renameField(def: CaseType, pointer: string, newName: string): CaseType {
  const path = fromPointer(pointer);
  const oldName = path.pop();
  if (oldName === undefined || oldName === newName) return def;
  const next = clone(def);
  const container = containerOf(next.data, path);
  if (!container?.properties?.[oldName] || container.properties[newName]) return def;
  // keep the key order: rebuild properties with the new name in the old place
  container.properties = Object.fromEntries(
    Object.entries(container.properties).map(([k, v]) => [k === oldName ? newName : k, v]),
  );
  if (container.required) container.required = container.required.map((n) => (n === oldName ? newName : n));
  const newPointer = toPointer([...path, newName]);
  const move = (p: string): string => (isAtOrBelow(p, pointer) ? newPointer + p.slice(pointer.length) : p);
  next.form = mapFormRefs(next.form, (ref) => (typeof ref === 'string' ? move(ref) : { ...ref, field: move(ref.field) }));
  if (next.customer) {
    next.customer = {
      ...next.customer,
      keys: next.customer.keys.map(move) as [string, ...string[]],
      ...(next.customer.name ? { name: move(next.customer.name) } : {}),
    };
  }
  for (const sla of Object.values(next.slas ?? {})) if (sla?.startFrom) sla.startFrom = move(sla.startFrom);
  // a script's questions follow the field (docs/scripts.md)
  for (const { node } of listStates(next)) for (const step of node.script?.steps ?? []) if (step.ask) step.ask.field = move(step.ask.field);
  next.rules = renameFieldInRules(next.rules, path, oldName, newName);
  return next;
}

export function deleteField(def: CaseType, pointer: string): CaseType {
  const path = fromPointer(pointer);
  const name = path.pop();
  const next = clone(def);
  const container = containerOf(next.data, path);
  if (name === undefined || !container?.properties?.[name]) return def;
  delete container.properties[name];
  if (container.required) {
    container.required = container.required.filter((n) => n !== name);
    if (container.required.length === 0) delete container.required;
  }
  next.form = mapFormRefs(next.form, (ref) => (isAtOrBelow(typeof ref === 'string' ? ref : ref.field, pointer) ? null : ref));
  return next;
}

/** Moves a field one place up (-1) or down (+1) among its siblings, and its form reference with it. */
export function moveField(def: CaseType, pointer: string, delta: -1 | 1): CaseType {
  const path = fromPointer(pointer);
  const name = path.pop();
  const next = clone(def);
  const container = containerOf(next.data, path);
  if (name === undefined || !container?.properties) return def;
  const entries = Object.entries(container.properties);
  const i = entries.findIndex(([k]) => k === name);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= entries.length) return def;
  [entries[i], entries[j]] = [entries[j] as [string, FieldSchema], entries[i] as [string, FieldSchema]];
  container.properties = Object.fromEntries(entries);
  // the form follows when both fields are in the same section
  for (const section of next.form?.sections ?? []) {
    const refPointer = (r: string | FieldRef): string => (typeof r === 'string' ? r : r.field);
    const a = section.fields.findIndex((r) => refPointer(r) === pointer);
    const sibling = toPointer([...path, (entries[i] as [string, FieldSchema])[0]]);
    const b = section.fields.findIndex((r) => refPointer(r) === sibling);
    if (a >= 0 && b >= 0) {
      const tmp = section.fields[a] as string | FieldRef;
      section.fields[a] = section.fields[b] as string | FieldRef;
      section.fields[b] = tmp;
    }
  }
  return next;
}
