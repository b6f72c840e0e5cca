// The one form renderer: the designer's preview, the simulator and the worker console all draw case
// forms with it, so what the analyst previews is what the agent gets.
import type { FieldRef, FieldSchema, Form, Guard } from '../../../schemas/generated/case-type.ts';
import { fieldSchemaAt, formSections, formViewOf } from '../../../runtime/engine/index.ts';
import type { FormScope } from '../../../runtime/engine/index.ts';
import { kindOf } from '../model/fields.ts';
import { FieldInput } from './FieldInput.tsx';
import { useWords } from '../i18n/use-words.ts';

export interface FormRendererProps {
  /** The case data schema (`CaseType.data`). */
  schema: FieldSchema;
  form?: Form;
  value: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  /** Field pointer → message (the engine's field problems, see errorsByField). */
  errors?: Record<string, string>;
  /**
   * The engine's scope for `visibleWhen`/`readOnlyWhen` and the checklist's required fields (`formScope`
   * for a case, `draftFormScope` for a draft); without it every section and field shows and is editable.
   */
  scope?: FormScope;
  readOnly?: boolean;
  /**
   * Why a read-only field is read-only, shown under it: `cause` is the guard that held (the section's
   * or the field's `readOnlyWhen`), null when the whole form (or the field's schema) is read-only. Without
   * it, "Read-only here." under a field a guard made read-only, and nothing otherwise.
   */
  readOnlyReason?: (pointer: string, cause: Guard | null) => string | undefined;
  /** Prefix for element ids, when two forms share a page. */
  idPrefix?: string;
  /** The level of the section headings: one below the page's own heading (default 3, under a page's h1 and a card's h2). */
  sectionLevel?: 2 | 3;
}

/** Without a scope there is no case to evaluate conditions against: nothing is hidden or locked by one. */
const UNEVALUATED: FormScope = { holds: () => false };
function withoutConditions(sections: Form['sections']): Form {
  return {
    sections: sections.map(({ visibleWhen: _v, readOnlyWhen: _r, ...section }) => ({
      ...section,
      fields: section.fields.map((r) => (typeof r === 'string' ? r : (({ visibleWhen: _fv, readOnlyWhen: _fr, ...ref }) => ref)(r))),
    })),
  };
}

export function FormRenderer(props: FormRendererProps) {
  const { schema, form, value, onChange, errors = {}, scope, readOnly = false, readOnlyReason, idPrefix = 'f', sectionLevel = 3 } = props;
  const { t } = useWords();
  const SectionHeading = sectionLevel === 2 ? 'h2' : 'h3';
  const sections = formSections({ data: schema, form });
  const view = formViewOf({ data: schema, form: scope ? { sections } : withoutConditions(sections) }, scope ?? UNEVALUATED);
  return (
    <div className="form-renderer">
      {view.sections.map((section, i) => {
        if (!section.visible) return null;
        const source = sections[i];
        const headingId = `${idPrefix}-section-${section.id}`;
        return (
          <section key={section.id} className="form-section" aria-labelledby={headingId}>
            <SectionHeading id={headingId}>{section.title}</SectionHeading>
            {source?.description ? <p className="help">{source.description}</p> : null}
            {section.fields.length === 0 ? <p className="muted">{t('form.noFields')}</p> : null}
            {section.fields.map((fieldView, j) => {
              if (!fieldView.visible) return null;
              const r = source?.fields[j] ?? fieldView.pointer;
              const ref: FieldRef = typeof r === 'string' ? { field: r } : r;
              const field = fieldSchemaAt(schema, ref.field);
              if (!field) return null;
              const cause = readOnly ? null : fieldView.readOnlyWhen;
              const locked = readOnly || fieldView.readOnly;
              return (
                <FieldInput
                  key={ref.field}
                  pointer={ref.field}
                  schema={field}
                  fieldRef={ref}
                  kind={kindOf(field, ref.widget)}
                  required={fieldView.required}
                  data={value}
                  onChange={onChange}
                  errors={errors}
                  readOnly={locked}
                  readOnlyReason={locked ? (readOnlyReason ? readOnlyReason(ref.field, cause) : cause === null ? undefined : t('form.readOnlyHere')) : undefined}
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
