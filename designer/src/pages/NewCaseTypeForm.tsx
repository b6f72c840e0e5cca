// New case type: from nothing, from a shipped template, or as a copy of a published one; saved as a draft.
import { useState, type FormEvent } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import { CASE_TYPE_KEY_PATTERN, copyCaseType, createBlankCaseType } from '../model/blank.ts';
import { templates } from './templates.ts';

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
    if (!title.trim()) return setError('Give the case type a title, e.g. Complaint.');
    if (!CASE_TYPE_KEY_PATTERN.test(effectiveKey)) {
      return setError('The key must start with a lowercase letter and use only lowercase letters, digits and dashes (2 to 63 characters), e.g. complaint.');
    }
    if (existing.some((x) => x.key === effectiveKey)) return setError(`A case type with key ${effectiveKey} exists already: choose another key or open that one.`);
    setBusy(true);
    let def: CaseType;
    if (start === 'blank') def = createBlankCaseType(effectiveKey, title.trim());
    else if (start.startsWith('template:')) {
      const t = templates.find((x) => `template:${x.name}` === start);
      if (!t) {
        setBusy(false);
        return setError('That template is no longer available.');
      }
      def = copyCaseType(await t.load(), effectiveKey, title.trim());
    } else {
      const r = await api.getPublished(start.slice('published:'.length));
      if (!r.ok) {
        setBusy(false);
        return setError(`Could not read that case type: ${r.message}`);
      }
      def = copyCaseType(r.value, effectiveKey, title.trim());
    }
    const saved = await api.saveDraft(def);
    setBusy(false);
    if (!saved.ok) return setError(`Could not save the new draft: ${saved.message}`);
    navigate(`/case-types/${encodeURIComponent(effectiveKey)}`);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-heading">
      <h2 id="new-heading">New case type</h2>
      <label htmlFor="new-title">Title</label>
      <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="new-key">Key</label>
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
        The stable identifier cases and scripts use. It cannot change later.
      </p>
      <label htmlFor="new-start">Start from</label>
      <select id="new-start" value={start} onChange={(e) => setStart(e.target.value)}>
        <option value="blank">Nothing (a blank case type)</option>
        {templates.map((t) => (
          <option key={t.name} value={`template:${t.name}`}>
            Template: {t.name}
          </option>
        ))}
        {existing
          .filter((x) => x.version !== null)
          .map((x) => (
            <option key={x.key} value={`published:${x.key}`}>
              Copy of {x.title} (version {x.version})
            </option>
          ))}
      </select>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create case type'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
