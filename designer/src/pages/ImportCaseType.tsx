// Import a `.case.json` file as a draft (it may be invalid: the editor's problems panel says what to fix).
import { useState, type ChangeEvent } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import { CASE_TYPE_KEY_PATTERN } from '../model/blank.ts';

export function ImportCaseType({ api, existing }: { api: ApiClient; existing: CaseTypeSummary[] }) {
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
      return setError(`${file.name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return setError(`${file.name} does not hold a case type (a JSON object).`);
    const def = parsed as CaseType;
    if (typeof def.key !== 'string' || !CASE_TYPE_KEY_PATTERN.test(def.key)) {
      return setError(`${file.name} has no valid "key" (lowercase letters, digits and dashes, e.g. complaint): add one and import again.`);
    }
    if (existing.some((x) => x.key === def.key && x.hasDraft) && !window.confirm(`A draft of ${def.key} exists. Replace it with ${file.name}?`)) return;
    const copy: CaseType = { ...def };
    delete copy.version;
    setBusy(true);
    const r = await api.saveDraft(copy);
    setBusy(false);
    if (!r.ok) return setError(`Could not import ${file.name}: ${r.message}`);
    navigate(`/case-types/${encodeURIComponent(def.key)}`);
  };
  return (
    <div className="card">
      <h2 id="import-heading">Import</h2>
      <label htmlFor="import-file">Import a .case.json file</label>
      <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} disabled={busy} />
      {busy ? <p role="status">Importing…</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
