// New case type: from nothing, from a shipped template, or as a copy of a published one; saved as a draft.
import { useState, type FormEvent } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import { CASE_TYPE_KEY_PATTERN, copyCaseType, createBlankCaseType } from '../model/blank.ts';
import { templates } from './templates.ts';
import { useWords } from '../i18n/use-words.ts';

export function keyFromTitle(title: string): string {
  const k = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63);
  return k;
}

export function NewCaseTypeForm({ api, existing }: { api: ApiClient; existing: CaseTypeSummary[] }) {
  const words = useWords();
  const { t } = words;
  const [title, setTitle] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [start, setStart] = useState('blank');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const effectiveKey = keyTouched ? key : keyFromTitle(title);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!title.trim()) return setError(t('pages.new.needTitle'));
    if (!CASE_TYPE_KEY_PATTERN.test(effectiveKey)) {
      return setError(t('pages.new.keyPattern'));
    }
    if (existing.some((x) => x.key === effectiveKey)) return setError(t('pages.new.keyTaken', { key: effectiveKey }));
    setBusy(true);
    let def: CaseType;
    if (start === 'blank') def = createBlankCaseType(effectiveKey, title.trim(), words);
    else if (start.startsWith('template:')) {
      const template = templates.find((x) => `template:${x.name}` === start);
      if (!template) {
        setBusy(false);
        return setError(t('pages.new.templateGone'));
      }
      def = copyCaseType(await template.load(), effectiveKey, title.trim());
    } else {
      const r = await api.getPublished(start.slice('published:'.length));
      if (!r.ok) {
        setBusy(false);
        return setError(t('pages.new.readFailed', { message: r.message }));
      }
      def = copyCaseType(r.value, effectiveKey, title.trim());
    }
    const saved = await api.saveDraft(def);
    setBusy(false);
    if (!saved.ok) return setError(t('pages.new.saveFailed', { message: saved.message }));
    navigate(`/case-types/${encodeURIComponent(effectiveKey)}`);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-heading">
      <h2 id="new-heading">{t('pages.new.heading')}</h2>
      <label htmlFor="new-title">{t('pages.new.title')}</label>
      <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="new-key">{t('pages.new.key')}</label>
      <input
        id="new-key"
        value={effectiveKey}
        aria-describedby="new-key-help"
        onChange={(e) => {
          setKeyTouched(true);
          setKey(e.target.value);
        }}
      />
      <p id="new-key-help" className="help">
        {t('pages.new.keyHelp')}
      </p>
      <label htmlFor="new-start">{t('pages.new.startFrom')}</label>
      <select id="new-start" value={start} onChange={(e) => setStart(e.target.value)}>
        <option value="blank">{t('pages.new.blank')}</option>
        {templates.map((template) => (
          <option key={template.name} value={`template:${template.name}`}>
            {t('pages.new.template', { name: template.name })}
          </option>
        ))}
        {existing
          .filter((x) => x.version !== null)
          .map((x) => (
            <option key={x.key} value={`published:${x.key}`}>
              {t('pages.new.copyOf', { title: x.title, version: x.version })}
            </option>
          ))}
      </select>
      <button type="submit" disabled={busy}>
        {busy ? t('pages.new.creating') : t('pages.new.create')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
