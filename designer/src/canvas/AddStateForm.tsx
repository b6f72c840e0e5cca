import { useState, type FormEvent } from 'react';
import { addState, listStates } from '../model/states.ts';
import { stateIdFromTitle, stateIdProblem } from '../model/ids.ts';
import type { EditProps } from '../editor/edit-props.ts';
import { useWords } from '../i18n/use-words.ts';

export { stateIdFromTitle };

/** Adds a state (top level or inside a stage), optionally final; its id follows the title until the analyst edits it. */
export function AddStateForm({ def, edit, select }: Pick<EditProps, 'def' | 'edit' | 'select'>) {
  const words = useWords();
  const { t } = words;
  const [title, setTitle] = useState('');
  const [parent, setParent] = useState('');
  const [final, setFinal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typedId, setTypedId] = useState<string | null>(null);
  const id = typedId ?? stateIdFromTitle(title);
  const containers = listStates(def).filter((s) => s.node.type !== 'final' && s.node.type !== 'parallel');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || (typedId === null && !id)) return setError(t('canvas.addState.noTitle'));
    const problem = stateIdProblem(def, id, words);
    if (problem) return setError(problem);
    setError(null);
    edit((d) => addState(d, { id, title: title.trim(), ...(parent ? { parent } : {}), final }));
    select({ type: 'state', id });
    setTitle('');
    setTypedId(null);
    setFinal(false);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label={t('canvas.addState.form')}>
      <label htmlFor="add-state-title">{t('canvas.addState.title')}</label>
      <input id="add-state-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="add-state-id">{t('canvas.addState.id')}</label>
      <input id="add-state-id" className="id-input" value={id} onChange={(e) => setTypedId(e.target.value)} />
      {containers.length > 0 ? (
        <>
          <label htmlFor="add-state-parent">{t('canvas.addState.inside')}</label>
          <select id="add-state-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('canvas.addState.topLevel')}</option>
            {containers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label className="inline">
        <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} /> {t('canvas.addState.final')}
      </label>
      <button type="submit">{t('canvas.addState.submit')}</button>
      {error ? <span role="alert" className="error">{error}</span> : null}
    </form>
  );
}
