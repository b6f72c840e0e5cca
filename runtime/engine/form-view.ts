// formView: the form's sections and fields for a case right now, with `visibleWhen`/`readOnlyWhen`
// evaluated by the shared guard evaluator, labels and widgets resolved from the data schema.
// `formViewOf` is the same view over any guard evaluator: the designer's preview (a draft, a chosen
// state, sample data) and the worker console draw their forms from it, so they show what the server holds.
import type { FieldRef, FieldSchema, Form, Guard } from '../../schemas/generated/case-type.ts';
import type { CompiledCaseType } from './compile.ts';
import { evaluateGuard } from './guards.ts';
import { formatPointer, getAtPointer, parsePointer } from './json-pointer.ts';
import { activeStateIds } from './playbook-index.ts';
import { guardScope } from './transition-check.ts';
import type { Case, JsonValue } from './types.ts';

export type Widget = NonNullable<FieldRef['widget']>;

export interface FormFieldView {
  pointer: string;
  label: string;
  widget: Widget;
  help: string | null;
  visible: boolean;
  readOnly: boolean;
  /** Required by the data schema, or by a rule of the current states' checklists. */
  required: boolean;
  /** The condition that makes the field read-only (its own `readOnlyWhen`, else its section's), when one does. */
  readOnlyWhen: Guard | null;
}

export interface FormSectionView {
  id: string;
  title: string;
  visible: boolean;
  readOnly: boolean;
  fields: FormFieldView[];
}

export interface FormView {
  sections: FormSectionView[];
}

/** What a form is drawn from: the case data schema and its form (a definition, or an event's payload). */
export interface FormSource {
  data: FieldSchema;
  form?: Form;
}

/** What a form view is evaluated against. */
export interface FormScope {
  /** Whether a guard holds now (`visibleWhen`, `readOnlyWhen`): the engine's `evaluateGuard` over the case. */
  holds(guard: Guard): boolean;
  /** The schemas of the current states' checklist rules: the fields they require are required too. */
  checklist?: readonly unknown[];
}

function resolveRef(root: FieldSchema, schema: FieldSchema | undefined): FieldSchema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref !== undefined && hops < 32; hops++) {
    const ref = current.$ref;
    const target = ref.startsWith('#') ? getAtPointer(root as JsonValue, decodeURIComponent(ref.slice(1))) : undefined;
    current = typeof target === 'object' && target !== null && !Array.isArray(target) ? (target as FieldSchema) : undefined;
  }
  return current;
}

/** The schema of the field at a pointer (through `properties`, `items` and local `$ref`s). */
export function fieldSchemaAt(root: FieldSchema, pointer: string): FieldSchema | undefined {
  let node = resolveRef(root, root);
  for (const token of parsePointer(pointer)) {
    if (!node) return undefined;
    node = resolveRef(root, /^(0|[1-9][0-9]*)$/.test(token) && node.items ? node.items : node.properties?.[token]);
  }
  return node;
}

/** The widget a field gets when its reference names none. */
export function defaultWidget(schema: FieldSchema | undefined): Widget {
  if (!schema) return 'text';
  if (schema.documents === true) return 'documents';
  if (schema.enum) return 'select';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (schema.format) {
    case 'email':
    case 'date':
    case 'date-time':
    case 'phone':
    case 'money':
      return schema.format;
    default:
      break;
  }
  switch (type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'array':
      return schema.items?.enum ? 'checkboxes' : 'list';
    case 'object':
      return 'group';
    default:
      return schema.maxLength !== undefined && schema.maxLength > 200 ? 'textarea' : 'text';
  }
}

/** Pointers a schema requires: its `required` lists, through nested `properties` and `allOf`. */
export function requiredPointers(schema: unknown, prefix: string[] = []): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as { required?: unknown; properties?: { [k: string]: unknown }; allOf?: unknown };
  const own = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
  const result = own.map((name) => formatPointer([...prefix, name]));
  for (const [name, child] of Object.entries(s.properties ?? {})) result.push(...requiredPointers(child, [...prefix, name]));
  if (Array.isArray(s.allOf)) for (const part of s.allOf) result.push(...requiredPointers(part, prefix));
  return result;
}

/** The sections a form shows: the form's, or one "Details" section with every top-level field when it has none. */
export function formSections(source: FormSource): Form['sections'] {
  if (source.form && source.form.sections.length > 0) return source.form.sections;
  const fields = Object.keys(source.data.properties ?? {}).map((name) => formatPointer([name]));
  return [{ id: 'details', title: 'Details', fields }];
}

/** The rules of the active states' checklists, outer states first, each once. */
export function checklistRules(active: Iterable<string>, node: (id: string) => { checklist?: string[] } | undefined): string[] {
  const rules: string[] = [];
  for (const id of active) for (const rule of node(id)?.checklist ?? []) if (!rules.includes(rule)) rules.push(rule);
  return rules;
}

function lastToken(pointer: string): string {
  return parsePointer(pointer).at(-1) ?? pointer;
}

/** The form of `source` under `scope`: sections and fields with visibility, read-only-ness and required-ness. */
export function formViewOf(source: FormSource, scope: FormScope): FormView {
  const holds = (guard: Guard | undefined, otherwise: boolean): boolean => (guard === undefined ? otherwise : scope.holds(guard));
  const required = new Set(requiredPointers(source.data));
  for (const schema of scope.checklist ?? []) for (const pointer of requiredPointers(schema)) required.add(pointer);
  const sections = formSections(source).map((section): FormSectionView => {
    const visible = holds(section.visibleWhen, true);
    const sectionLock = section.readOnlyWhen !== undefined && holds(section.readOnlyWhen, false) ? section.readOnlyWhen : null;
    return {
      id: section.id,
      title: section.title ?? section.id,
      visible,
      readOnly: sectionLock !== null,
      fields: section.fields.map((field): FormFieldView => {
        const ref: FieldRef = typeof field === 'string' ? { field } : field;
        const schema = fieldSchemaAt(source.data, ref.field);
        const lock = ref.readOnlyWhen !== undefined && holds(ref.readOnlyWhen, false) ? ref.readOnlyWhen : sectionLock;
        return {
          pointer: ref.field,
          label: ref.label ?? schema?.title ?? lastToken(ref.field),
          widget: ref.widget ?? defaultWidget(schema),
          help: ref.help ?? schema?.description ?? null,
          visible: visible && holds(ref.visibleWhen, true),
          readOnly: lock !== null || schema?.readOnly === true,
          required: required.has(ref.field),
          readOnlyWhen: lock,
        };
      }),
    };
  });
  return { sections };
}

/** How a compiled case type's forms are evaluated in a state on some data (the case's, or a working copy). */
export function formScope(type: CompiledCaseType, state: Case['state'], data: Case['data']): FormScope {
  const scope = guardScope(type, state, data);
  const rules = checklistRules(activeStateIds(state), (id) => type.index.states.get(id)?.node);
  return {
    holds: (guard) => evaluateGuard(guard, scope),
    checklist: rules.map((rule) => type.def.rules?.[rule]?.schema),
  };
}

export function formView(type: CompiledCaseType, kase: Case): FormView {
  return formViewOf(type.def, formScope(type, kase.state, kase.data));
}
