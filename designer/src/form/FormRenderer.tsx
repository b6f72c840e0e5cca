// The one form renderer: the designer's preview, the simulator and the worker console all draw case
// forms with it, so what the analyst previews is what the agent gets.
import type { CaseType, FieldRef, FieldSchema, Form, Guard } from '../../../schemas/generated/case-type.ts';
import { kindOf } from '../model/fields.ts';
import { fromPointer, toPointer } from '../model/pointer.ts';
import { FieldInput } from './FieldInput.tsx';

export interface FormRendererProps {
  /** The case data schema (`CaseType.data`). */
  schema: FieldSchema;
  form?: Form;
  value: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  /** Field pointer → message (from validateData). */
  errors?: Record<string, string>;
  /** Evaluates `visibleWhen`/`readOnlyWhen`; without it every section and field shows and is editable. */
  guard?: (guard: Guard) => boolean;
  readOnly?: boolean;
  /**
   * Why a read-only field is read-only, shown under it: `cause` is the guard that held (the section's
   * or the field's `readOnlyWhen`), null when the whole form is read-only. Without it, "Read-only here."
   * under a field a guard made read-only, and nothing when the whole form is.
   */
  readOnlyReason?: (pointer: string, cause: Guard | null) => string | undefined;
  /** Prefix for element ids, when two forms share a page. */
  idPrefix?: string;
}

function schemaAt(root: FieldSchema, pointer: string): FieldSchema | undefined {
  let node: FieldSchema | undefined = root;
  for (const part of fromPointer(pointer)) {
    if (node?.type === 'array') node = node.items;
    node = node?.properties?.[part];
  }
  return node;
}

function requiredAt(root: FieldSchema, pointer: string): boolean {
  const path = fromPointer(pointer);
  const name = path.pop();
  const parent = path.length === 0 ? root : schemaAt(root, toPointer(path));
  const container = parent?.type === 'array' ? parent.items : parent;
  return name !== undefined && (container?.required ?? []).includes(name);
}

/** The sections to draw: the form's, or one section with every top-level field when there is no form. */
export function sectionsOf(def: Pick<CaseType, 'data' | 'form'>): Form['sections'] {
  if (def.form && def.form.sections.length > 0) return def.form.sections;
  return [{ id: 'details', title: 'Details', fields: Object.keys(def.data.properties ?? {}).map((n) => toPointer([n])) }];
}

export function FormRenderer(props: FormRendererProps) {
  const { schema, form, value, onChange, errors = {}, guard, readOnly = false, readOnlyReason, idPrefix = 'f' } = props;
  const sections = sectionsOf({ data: schema, form });
  const holds = (g: Guard | undefined, otherwise: boolean): boolean => (g === undefined || !guard ? otherwise : guard(g));
  return (
    <div className="form-renderer">
      {sections.map((section) => {
        if (!holds(section.visibleWhen, true)) return null;
        const sectionCause = section.readOnlyWhen !== undefined && holds(section.readOnlyWhen, false) ? section.readOnlyWhen : undefined;
        const sectionReadOnly = readOnly || sectionCause !== undefined;
        const headingId = `${idPrefix}-section-${section.id}`;
        return (
          <section key={section.id} className="form-section" aria-labelledby={headingId}>
            <h3 id={headingId}>{section.title ?? section.id}</h3>
            {section.description ? <p className="help">{section.description}</p> : null}
            {section.fields.length === 0 ? <p className="muted">No fields in this section yet.</p> : null}
            {section.fields.map((r) => {
              const ref: FieldRef = typeof r === 'string' ? { field: r } : r;
              if (!holds(ref.visibleWhen, true)) return null;
              const field = schemaAt(schema, ref.field);
              if (!field) return null;
              const fieldCause = ref.readOnlyWhen !== undefined && holds(ref.readOnlyWhen, false) ? ref.readOnlyWhen : undefined;
              const cause = readOnly ? null : (fieldCause ?? sectionCause ?? null);
              const locked = sectionReadOnly || fieldCause !== undefined;
              return (
                <FieldInput
                  key={ref.field}
                  pointer={ref.field}
                  schema={field}
                  fieldRef={ref}
                  kind={kindOf(field, ref.widget)}
                  required={requiredAt(schema, ref.field)}
                  data={value}
                  onChange={onChange}
                  errors={errors}
                  readOnly={locked}
                  readOnlyReason={locked ? (readOnlyReason ? readOnlyReason(ref.field, cause) : cause === null ? undefined : 'Read-only here.') : undefined}
                  idPrefix={idPrefix}
                />
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
