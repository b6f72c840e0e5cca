// The selected field: name, label, help, type, required, constraints, choices, default value, section, widget, visibility.
import { useState } from 'react';
import type { FieldRef, FieldSchema } from '../../../../schemas/generated/case-type.ts';
import {
  changeKind, deleteField, fieldKindOptions, fieldRenameProblem, moveField, renameField, setRequired, updateField, type FieldEntry, type FieldKind,
} from '../../model/fields.ts';
import { moveFieldToSection, sectionOf, setFieldRef } from '../../model/form.ts';
import { FieldValueInput } from '../FieldValueInput.tsx';
import { GuardPicker } from '../GuardPicker.tsx';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

function NumberInput({ id, label, value, onChange }: { id: string; label: string; value: number | undefined; onChange: (v: number | undefined) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    </div>
  );
}

/** Widgets a kind can be shown with ('' is the kind's default); each label a key of editor.fieldEditor.widgets. */
const WIDGETS: Partial<Record<FieldKind, { value: string; label: string }[]>> = {
  choice: [
    { value: '', label: 'dropDown' },
    { value: 'radio', label: 'radio' },
  ],
  yesNo: [
    { value: '', label: 'checkbox' },
    { value: 'toggle', label: 'toggle' },
  ],
};

const NUMERIC: FieldKind[] = ['number', 'money', 'integer'];
const TEXTUAL: FieldKind[] = ['text', 'longText'];

/**
 * The editor of one field. Render it with `key={field.pointer}`: the name being typed (and its error) is
 * state started from the field, so another field (or this one renamed) needs a fresh editor, not an
 * effect that copies the new name in after a first render with the old one.
 */
export function FieldEditor({ def, edit, select, field }: EditProps & { field: FieldEntry }) {
  const words = useWords();
  const { t } = words;
  const { pointer, schema, kind } = field;
  const [name, setName] = useState(field.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const k = (what: string) => `${pointer}:${what}`;
  const set = (patch: Partial<FieldSchema>, what: string) => edit((d) => updateField(d, pointer, patch), k(what));
  const topLevel = field.depth === 0;
  const section = sectionOf(def, pointer);
  const ref: FieldRef | undefined = section?.fields
    .map((r) => (typeof r === 'string' ? { field: r } : r))
    .find((r) => r.field === pointer);

  const commitName = () => {
    if (name === field.name) return setNameError(null);
    // a name another field has already is refused here, with the reason, and the editor stays on this field
    const problem = fieldRenameProblem(def, pointer, name, words);
    if (problem) return setNameError(problem);
    const newPointer = pointer.slice(0, pointer.length - field.name.length) + name;
    setNameError(null);
    edit((d) => renameField(d, pointer, name));
    select({ type: 'field', pointer: newPointer });
  };

  return (
    <div className="card" aria-labelledby="field-editor-heading">
      <h2 id="field-editor-heading">
        {t('editor.fieldEditor.heading')} <code>{pointer}</code>
      </h2>
      <div className="field">
        <label htmlFor="field-name">{t('editor.fieldEditor.name')}</label>
        <input
          id="field-name"
          value={name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'field-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => e.key === 'Enter' && commitName()}
        />
        {nameError ? (
          <p id="field-name-error" role="alert" className="error">
            {nameError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="field-title">{t('editor.fieldEditor.label')}</label>
        <input id="field-title" value={schema.title ?? ''} onChange={(e) => set({ title: e.target.value || undefined }, 'title')} />
      </div>
      <div className="field">
        <label htmlFor="field-help">{t('editor.fieldEditor.help')}</label>
        <input id="field-help" value={schema.description ?? ''} onChange={(e) => set({ description: e.target.value || undefined }, 'description')} />
      </div>
      <div className="field">
        <label htmlFor="field-kind">{t('editor.fieldEditor.kind')}</label>
        <select id="field-kind" value={kind} onChange={(e) => edit((d) => changeKind(d, pointer, e.target.value as FieldKind, words))}>
          {fieldKindOptions(words).map((x) => (
            <option key={x.kind} value={x.kind}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input id="field-required" type="checkbox" checked={field.required} onChange={(e) => edit((d) => setRequired(d, pointer, e.target.checked))} />
        <label htmlFor="field-required">{t('editor.fieldEditor.required')}</label>
      </div>
      <div className="field checkbox">
        <input
          id="field-shareable"
          type="checkbox"
          aria-describedby="field-shareable-help"
          checked={schema.shareable === true}
          onChange={(e) => set({ shareable: e.target.checked ? true : undefined }, 'shareable')}
        />
        <label htmlFor="field-shareable">{t('editor.fieldEditor.shareable')}</label>
        <p id="field-shareable-help" className="help">
          {t('editor.fieldEditor.shareableHelp')}
        </p>
      </div>
      {NUMERIC.includes(kind) ? (
        <>
          <NumberInput id="field-minimum" label={t('editor.fieldEditor.minimum')} value={schema.minimum} onChange={(v) => set({ minimum: v }, 'minimum')} />
          <NumberInput id="field-maximum" label={t('editor.fieldEditor.maximum')} value={schema.maximum} onChange={(v) => set({ maximum: v }, 'maximum')} />
        </>
      ) : null}
      {TEXTUAL.includes(kind) ? (
        <>
          <NumberInput id="field-minlength" label={t('editor.fieldEditor.minLength')} value={schema.minLength} onChange={(v) => set({ minLength: v }, 'minLength')} />
          <NumberInput id="field-maxlength" label={t('editor.fieldEditor.maxLength')} value={schema.maxLength} onChange={(v) => set({ maxLength: v }, 'maxLength')} />
          <div className="field">
            <label htmlFor="field-pattern">{t('editor.fieldEditor.pattern')}</label>
            <input id="field-pattern" value={schema.pattern ?? ''} onChange={(e) => set({ pattern: e.target.value || undefined }, 'pattern')} />
          </div>
          {schema.pattern ? (
            <>
              <div className="field">
                <label htmlFor="field-pattern-hint">{t('editor.fieldEditor.patternHint')}</label>
                <input
                  id="field-pattern-hint"
                  aria-describedby="field-pattern-hint-help"
                  placeholder={t('editor.fieldEditor.patternHintPlaceholder')}
                  value={schema.patternHint ?? ''}
                  onChange={(e) => set({ patternHint: e.target.value || undefined }, 'patternHint')}
                />
                <p id="field-pattern-hint-help" className="muted">
                  {t('editor.fieldEditor.patternHintHelp', { field: schema.title || field.name })}
                </p>
              </div>
              <div className="field">
                <label htmlFor="field-example">{t('editor.fieldEditor.example')}</label>
                <input
                  id="field-example"
                  value={typeof schema.examples?.[0] === 'string' ? schema.examples[0] : ''}
                  onChange={(e) => set({ examples: e.target.value ? [e.target.value, ...(schema.examples ?? []).slice(1)] : undefined }, 'examples')}
                />
              </div>
            </>
          ) : null}
        </>
      ) : null}
      {kind === 'list' || kind === 'documents' ? (
        <>
          <NumberInput id="field-minitems" label={t('editor.fieldEditor.minItems')} value={schema.minItems} onChange={(v) => set({ minItems: v }, 'minItems')} />
          <NumberInput id="field-maxitems" label={t('editor.fieldEditor.maxItems')} value={schema.maxItems} onChange={(v) => set({ maxItems: v }, 'maxItems')} />
        </>
      ) : null}
      {kind === 'choice' ? (
        <div className="field">
          <label htmlFor="field-choices">{t('editor.fieldEditor.choices')}</label>
          <textarea
            id="field-choices"
            rows={5}
            value={(schema.enum ?? []).map(String).join('\n')}
            onChange={(e) => {
              const values = e.target.value.split('\n');
              set({ enum: (values.length > 0 ? values : ['']) as [unknown, ...unknown[]] }, 'enum');
            }}
            onBlur={(e) => {
              const values = e.target.value.split('\n').map((v) => v.trim()).filter(Boolean);
              set({ enum: (values.length > 0 ? values : ['option 1']) as [unknown, ...unknown[]] }, 'enum-blur');
            }}
          />
        </div>
      ) : null}
      {kind !== 'group' && kind !== 'list' && kind !== 'documents' ? (
        <div className="field">
          <FieldValueInput key={kind} id="field-default" label={t('editor.fieldEditor.default')} schema={schema} value={schema.default} noneLabel={t('editor.fieldEditor.noDefault')} onChange={(v) => set({ default: v }, 'default')} />
        </div>
      ) : null}
      {topLevel && def.form ? (
        <div className="field">
          <label htmlFor="field-section">{t('editor.fieldEditor.section')}</label>
          <select id="field-section" value={section?.id ?? ''} onChange={(e) => edit((d) => moveFieldToSection(d, pointer, e.target.value))}>
            {section ? null : <option value="">{t('editor.fieldEditor.notInForm')}</option>}
            {def.form.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title ?? s.id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {ref && WIDGETS[kind] ? (
        <div className="field">
          <label htmlFor="field-widget">{t('editor.fieldEditor.widget')}</label>
          <select id="field-widget" value={ref.widget ?? ''} onChange={(e) => edit((d) => setFieldRef(d, pointer, { widget: (e.target.value || undefined) as FieldRef['widget'] }))}>
            {(WIDGETS[kind] ?? []).map((w) => (
              <option key={w.value} value={w.value}>
                {t(`editor.fieldEditor.widgets.${w.label}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {ref ? (
        <>
          <div className="field">
            <label htmlFor="field-form-label">{t('editor.fieldEditor.formLabel')}</label>
            <input id="field-form-label" value={ref.label ?? ''} onChange={(e) => edit((d) => setFieldRef(d, pointer, { label: e.target.value }), k('form-label'))} />
          </div>
          <GuardPicker id="field-visible" label={t('editor.fieldEditor.visible')} def={def} value={ref.visibleWhen} noneLabel={t('editor.guard.always')} allowStates onChange={(g) => edit((d) => setFieldRef(d, pointer, { visibleWhen: g }))} />
          <GuardPicker id="field-readonly" label={t('editor.fieldEditor.readOnly')} def={def} value={ref.readOnlyWhen} noneLabel={t('editor.guard.never')} allowStates onChange={(g) => edit((d) => setFieldRef(d, pointer, { readOnlyWhen: g }))} />
        </>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => edit((d) => moveField(d, pointer, -1))}>
          {t('editor.fieldEditor.moveUp')}
        </button>
        <button type="button" onClick={() => edit((d) => moveField(d, pointer, 1))}>
          {t('editor.fieldEditor.moveDown')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            edit((d) => deleteField(d, pointer));
            select(null);
          }}
        >
          {t('editor.fieldEditor.delete')}
        </button>
      </div>
    </div>
  );
}
