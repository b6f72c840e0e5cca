import { useState, type FormEvent } from 'react';
import { addField, fieldKindOptions, FIELD_NAME_PATTERN, getField, listFields, type FieldKind } from '../../model/fields.ts';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

/** "Answer given" → "answerGiven". */
export function nameFromLabel(label: string): string {
  const words = label.replace(/[^a-zA-Z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return name.replace(/^[^a-zA-Z]+/, '');
}

export function AddFieldForm({ def, edit, select }: EditProps) {
  const words = useWords();
  const { t } = words;
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<FieldKind>('text');
  const [parent, setParent] = useState('');
  const [section, setSection] = useState('');
  const [error, setError] = useState<string | null>(null);
  const groups = listFields(def).filter((f) => f.kind === 'group' || f.kind === 'list');
  const sections = def.form?.sections ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = nameFromLabel(label);
    if (!name || !FIELD_NAME_PATTERN.test(name)) return setError(t('editor.addField.needLabel'));
    const pointer = `${parent}/${name}`;
    if (getField(def, pointer)) return setError(t('editor.addField.taken', { pointer }));
    setError(null);
    edit((d) => addField(d, { parent, name, kind, title: label.trim(), ...(section ? { section } : {}) }, words));
    select({ type: 'field', pointer });
    setLabel('');
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby="add-field-heading">
      <h3 id="add-field-heading">{t('editor.addField.heading')}</h3>
      <label htmlFor="add-field-label">{t('editor.addField.label')}</label>
      <input id="add-field-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor="add-field-kind">{t('editor.addField.kind')}</label>
      <select id="add-field-kind" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
        {fieldKindOptions(words).map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {groups.length > 0 ? (
        <>
          <label htmlFor="add-field-parent">{t('editor.addField.parent')}</label>
          <select id="add-field-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('editor.addField.topLevel')}</option>
            {groups.map((g) => (
              <option key={g.pointer} value={g.pointer}>
                {g.schema.title ?? g.name} ({g.pointer})
              </option>
            ))}
          </select>
        </>
      ) : null}
      {parent === '' && sections.length > 1 ? (
        <>
          <label htmlFor="add-field-section">{t('editor.addField.section')}</label>
          <select id="add-field-section" value={section} onChange={(e) => setSection(e.target.value)}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title ?? s.id}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit">{t('editor.addField.submit')}</button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
