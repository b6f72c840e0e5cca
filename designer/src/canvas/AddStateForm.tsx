import { useState, type FormEvent } from 'react';
import { addState, hasState, listStates, STATE_ID_PATTERN } from '../model/states.ts';
import type { EditProps } from '../editor/fields/FieldsView.tsx';

/** "Waiting for customer" → "waitingForCustomer". */
export function stateIdFromTitle(title: string): string {
  const words = title.replace(/[^a-zA-Z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('').replace(/^[^a-zA-Z]+/, '');
}

/** Adds a state (top level or inside a stage), optionally final. */
export function AddStateForm({ def, edit, select }: Pick<EditProps, 'def' | 'edit' | 'select'>) {
  const [title, setTitle] = useState('');
  const [parent, setParent] = useState('');
  const [final, setFinal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const containers = listStates(def).filter((s) => s.node.type !== 'final' && s.node.type !== 'parallel');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = stateIdFromTitle(title);
    if (!id || !STATE_ID_PATTERN.test(id)) return setError('Give the state a title that starts with a letter, e.g. Triage.');
    if (hasState(def, id)) return setError(`There is a state ${id} already: state ids are unique across the playbook.`);
    setError(null);
    edit((d) => addState(d, { id, title: title.trim(), ...(parent ? { parent } : {}), final }));
    select({ type: 'state', id });
    setTitle('');
    setFinal(false);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Add a state">
      <label htmlFor="add-state-title">New state title</label>
      <input id="add-state-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      {containers.length > 0 ? (
        <>
          <label htmlFor="add-state-parent">Inside</label>
          <select id="add-state-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">the playbook (top level)</option>
            {containers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label className="inline">
        <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} /> Final state
      </label>
      <button type="submit">Add state</button>
      {error ? <span role="alert" className="error">{error}</span> : null}
    </form>
  );
}
