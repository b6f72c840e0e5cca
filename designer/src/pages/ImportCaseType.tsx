// Import a `.case.json` file as a draft (it may be invalid: the editor's problems panel says what to fix).
import { useState, type ChangeEvent } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import { CASE_TYPE_KEY_PATTERN } from '../model/blank.ts';
import { useWords } from '../i18n/use-words.ts';

export function ImportCaseType({ api, existing }: { api: ApiClient; existing: CaseTypeSummary[] }) {
  const { t } = useWords();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      return setError(t('pages.import.notJson', { file: file.name, error: err instanceof Error ? err.message : String(err) }));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return setError(t('pages.import.notObject', { file: file.name }));
    const def = parsed as CaseType;
    if (typeof def.key !== 'string' || !CASE_TYPE_KEY_PATTERN.test(def.key)) {
      return setError(t('pages.import.noKey', { file: file.name }));
    }
    if (existing.some((x) => x.key === def.key && x.hasDraft) && !window.confirm(t('pages.import.confirmReplace', { key: def.key, file: file.name }))) return;
    const copy: CaseType = { ...def };
    delete copy.version;
    setBusy(true);
    const r = await api.saveDraft(copy);
    setBusy(false);
    if (!r.ok) return setError(t('pages.import.failed', { file: file.name, message: r.message }));
    navigate(`/case-types/${encodeURIComponent(def.key)}`);
  };
  return (
    <div className="card">
      <h2 id="import-heading">{t('pages.import.heading')}</h2>
      <label htmlFor="import-file">{t('pages.import.label')}</label>
      <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} disabled={busy} />
      {busy ? <p role="status">{t('pages.import.importing')}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
