// Pure edits of the form: sections and the field references in them (widget, label, visibility).
import type { CaseType, FieldRef, FormSection } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';

/** Maps every field reference of every section; null drops the reference. */
export function mapFormRefs(
  form: CaseType['form'],
  fn: (ref: string | FieldRef) => string | FieldRef | null,
): CaseType['form'] {
  if (!form) return form;
  return {
    ...form,
    sections: form.sections.map((s) => ({
      ...s,
      fields: s.fields.map(fn).filter((r): r is string | FieldRef => r !== null),
    })),
  };
}

/** Sets (or clears with undefined) a property of a field's form reference: widget, label, help, visibleWhen... */
export function setFieldRef(def: CaseType, pointer: string, patch: Partial<Omit<FieldRef, 'field'>>): CaseType {
  const next = clone(def);
  next.form = mapFormRefs(next.form, (ref) => {
    const target = typeof ref === 'string' ? ref : ref.field;
    if (target !== pointer) return ref;
    const base: Record<string, unknown> = typeof ref === 'string' ? { field: ref } : { ...ref };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') delete base[k];
      else base[k] = v;
    }
    return Object.keys(base).length === 1 ? target : (base as unknown as FieldRef);
  });
  return next;
}

/** The section a field is shown in, if any. */
export function sectionOf(def: CaseType, pointer: string): FormSection | undefined {
  return def.form?.sections.find((s) => s.fields.some((r) => (typeof r === 'string' ? r : r.field) === pointer));
}

/** Moves a field's form reference into another section (appending it there). */
export function moveFieldToSection(def: CaseType, pointer: string, sectionId: string): CaseType {
  const next = clone(def);
  const sections = next.form?.sections ?? [];
  const target = sections.find((s) => s.id === sectionId);
  if (!target) return def;
  let ref: string | FieldRef = pointer;
  for (const s of sections) {
    const i = s.fields.findIndex((r) => (typeof r === 'string' ? r : r.field) === pointer);
    if (i >= 0) ref = s.fields.splice(i, 1)[0] as string | FieldRef;
  }
  target.fields.push(ref);
  return next;
}

export function addSection(def: CaseType, id: string, title: string): CaseType {
  const next = clone(def);
  const sections = next.form?.sections ?? [];
  if (sections.some((s) => s.id === id)) return def;
  next.form = { ...(next.form ?? {}), sections: [...sections, { id, title, fields: [] }] };
  return next;
}

export function updateSection(def: CaseType, id: string, patch: Partial<Omit<FormSection, 'id' | 'fields'>>): CaseType {
  const next = clone(def);
  const section = next.form?.sections.find((s) => s.id === id);
  if (!section) return def;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete (section as unknown as Record<string, unknown>)[k];
    else (section as unknown as Record<string, unknown>)[k] = v;
  }
  return next;
}

/** Deletes a section; its fields stay in the data (and move to the first remaining section). */
export function deleteSection(def: CaseType, id: string): CaseType {
  const next = clone(def);
  const sections = next.form?.sections ?? [];
  const i = sections.findIndex((s) => s.id === id);
  if (i < 0 || !next.form) return def;
  const [removed] = sections.splice(i, 1);
  const first = sections[0];
  if (first && removed) first.fields.push(...removed.fields);
  return next;
}
