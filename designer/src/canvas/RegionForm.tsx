// Adds a region to a parallel state: a title, and an id derived from it that the analyst may change.
import { useState, type FormEvent } from 'react';
import type { EditProps } from '../editor/edit-props.ts';
import { stateIdFromTitle, stateIdProblem } from '../model/ids.ts';
import { addRegion } from '../model/parallel.ts';
import { useWords } from '../i18n/use-words.ts';

export function RegionForm({ def, edit, parallelId }: Pick<EditProps, 'def' | 'edit'> & { parallelId: string }) {
  const words = useWords();
  const { t } = words;
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownId = idTouched ? id : stateIdFromTitle(title);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError(t('canvas.region.noTitle'));
    const problem = stateIdProblem(def, shownId, words);
    if (problem) return setError(problem);
    setError(null);
    edit((d) => addRegion(d, parallelId, { id: shownId, title: title.trim() }));
    setTitle('');
    setId('');
    setIdTouched(false);
  };
  return (
    <form onSubmit={submit} aria-label={t('canvas.region.form')}>
      <label htmlFor="new-region-title">{t('canvas.region.title')}</label>
      <input id="new-region-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="new-region-id">{t('canvas.region.id')}</label>
      <input
        id="new-region-id"
        value={shownId}
        onChange={(e) => {
          setIdTouched(true);
          setId(e.target.value);
        }}
      />
      <button type="submit">{t('canvas.region.submit')}</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </form>
  );
}
