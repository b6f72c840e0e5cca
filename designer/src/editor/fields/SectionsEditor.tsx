import { useState, type FormEvent } from 'react';
import { addSection, deleteSection, updateSection } from '../../model/form.ts';
import { GuardPicker } from '../GuardPicker.tsx';
import type { EditProps } from '../edit-props.ts';
import { useWords } from '../../i18n/use-words.ts';

/** Form sections: title, visibility; add and delete (fields of a deleted section move to the first one). */
export function SectionsEditor({ def, edit, selection }: EditProps) {
  const { t } = useWords();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sections = def.form?.sections ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = title.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (!id) return setError(t('editor.sections.needTitle'));
    if (sections.some((s) => s.id === id)) return setError(t('editor.sections.taken', { id }));
    setError(null);
    edit((d) => addSection(d, id, title.trim()));
    setTitle('');
  };
  return (
    <div className="card" aria-labelledby="sections-heading">
      <h3 id="sections-heading">{t('editor.sections.heading')}</h3>
      {sections.map((s, i) => (
        <fieldset key={s.id} className={selection?.type === 'section' && selection.id === s.id ? 'selected' : undefined}>
          <legend>{t('editor.sections.legend', { id: s.id })}</legend>
          <label htmlFor={`section-${i}-title`}>{t('editor.sections.title')}</label>
          <input id={`section-${i}-title`} value={s.title ?? ''} onChange={(e) => edit((d) => updateSection(d, s.id, { title: e.target.value }), `section:${s.id}:title`)} />
          <GuardPicker id={`section-${i}-visible`} label={t('editor.sections.visible')} def={def} value={s.visibleWhen} noneLabel={t('editor.guard.always')} allowStates onChange={(g) => edit((d) => updateSection(d, s.id, { visibleWhen: g }))} />
          {sections.length > 1 ? (
            <button type="button" className="danger" onClick={() => edit((d) => deleteSection(d, s.id))}>
              {t('editor.sections.delete', { title: s.title ?? s.id })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <form onSubmit={submit}>
        <label htmlFor="add-section-title">{t('editor.sections.newTitle')}</label>
        <input id="add-section-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit">{t('editor.sections.add')}</button>
        {error ? <p role="alert" className="error">{error}</p> : null}
      </form>
    </div>
  );
}
