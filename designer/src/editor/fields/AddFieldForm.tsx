import { useState, type FormEvent } from 'react';
import { addField, FIELD_KINDS, FIELD_NAME_PATTERN, getField, listFields, type FieldKind } from '../../model/fields.ts';
import type { EditProps } from '../edit-props.ts';

/** "Answer given" → "answerGiven". */
export function nameFromLabel(label: string): string {
  const words = label.replace(/[^a-zA-Z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return name.replace(/^[^a-zA-Z]+/, '');
}

export function AddFieldForm({ def, edit, select }: EditProps) {
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
    if (!name || !FIELD_NAME_PATTERN.test(name)) return setError('Give the field a label that starts with a letter, e.g. Customer e-mail.');
    const pointer = `${parent}/${name}`;
    if (getField(def, pointer)) return setError(`There is a field ${pointer} already: choose another label.`);
    setError(null);
    edit((d) => addField(d, { parent, name, kind, title: label.trim(), ...(section ? { section } : {}) }));
    select({ type: 'field', pointer });
    setLabel('');
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby="add-field-heading">
      <h3 id="add-field-heading">Add a field</h3>
      <label htmlFor="add-field-label">Field label</label>
      <input id="add-field-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor="add-field-kind">Field type</label>
      <select id="add-field-kind" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
        {FIELD_KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {groups.length > 0 ? (
        <>
          <label htmlFor="add-field-parent">Add into</label>
          <select id="add-field-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">the case (top level)</option>
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
          <label htmlFor="add-field-section">Show in section</label>
          <select id="add-field-section" value={section} onChange={(e) => setSection(e.target.value)}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title ?? s.id}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit">Add field</button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
