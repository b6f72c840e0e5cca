// formView: the form's sections and fields for a case right now, with `visibleWhen`/`readOnlyWhen`
// evaluated by the shared guard evaluator, labels and widgets resolved from the data schema.
import type { FieldRef, FieldSchema, Guard } from '../../schemas/generated/case-type.ts';
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

function lastToken(pointer: string): string {
  return parsePointer(pointer).at(-1) ?? pointer;
}

export function formView(type: CompiledCaseType, kase: Case): FormView {
  const scope = guardScope(type, kase.state, kase.data);
  const holds = (guard: Guard | undefined, otherwise: boolean): boolean => (guard === undefined ? otherwise : evaluateGuard(guard, scope));
  const required = new Set(requiredPointers(type.def.data));
  for (const id of activeStateIds(kase.state)) {
    for (const rule of type.index.states.get(id)?.node.checklist ?? []) {
      for (const pointer of requiredPointers(type.def.rules?.[rule]?.schema)) required.add(pointer);
    }
  }
  const sections = (type.def.form?.sections ?? []).map((section): FormSectionView => {
    const visible = holds(section.visibleWhen, true);
    const readOnly = holds(section.readOnlyWhen, false);
    return {
      id: section.id,
      title: section.title ?? section.id,
      visible,
      readOnly,
      fields: section.fields.map((field): FormFieldView => {
        const ref: FieldRef = typeof field === 'string' ? { field } : field;
        const schema = fieldSchemaAt(type.def.data, ref.field);
        return {
          pointer: ref.field,
          label: ref.label ?? schema?.title ?? lastToken(ref.field),
          widget: ref.widget ?? defaultWidget(schema),
          help: ref.help ?? schema?.description ?? null,
          visible: visible && holds(ref.visibleWhen, true),
          readOnly: readOnly || holds(ref.readOnlyWhen, false) || schema?.readOnly === true,
          required: required.has(ref.field),
        };
      }),
    };
  });
  return { sections };
}
