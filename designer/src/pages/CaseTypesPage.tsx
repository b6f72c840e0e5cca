// The list of case types (published and drafts), new from scratch or a template, import and export.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import { navigate } from '../app/router.ts';
import { downloadCaseType } from '../app/download.ts';
import { NewCaseTypeForm } from './NewCaseTypeForm.tsx';
import { ImportCaseType } from './ImportCaseType.tsx';

type Load = { type: 'loading' } | { type: 'error'; message: string } | { type: 'ready'; items: CaseTypeSummary[] };

export function CaseTypesPage({ api, onSignOut }: { api: ApiClient; onSignOut: () => void }) {
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    setLoad({ type: 'loading' });
    const r = await api.listCaseTypes();
    setLoad(r.ok ? { type: 'ready', items: r.value } : { type: 'error', message: r.message });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const exportOne = async (item: CaseTypeSummary) => {
    setExporting(item.key);
    setExportError(null);
    const draft = item.hasDraft ? await api.getDraft(item.key) : null;
    if (draft?.ok) downloadCaseType(draft.value.definition);
    else {
      const pub = await api.getPublished(item.key);
      if (pub.ok) downloadCaseType(pub.value);
      else setExportError(`Could not export ${item.key}: ${pub.message}`);
    }
    setExporting(null);
  };

  return (
    <main className="page">
      <header className="page-header">
        <h1>Case types</h1>
        <LanguageSelect id="list-language" />
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {load.type === 'loading' ? <p role="status">Loading case types…</p> : null}
      {load.type === 'error' ? (
        <div role="alert" className="error-box">
          <p>Could not load the case types: {load.message}</p>
          <button type="button" onClick={() => void refresh()}>
            Retry
          </button>
        </div>
      ) : null}
      {load.type === 'ready' ? (
        load.items.length === 0 ? (
          <p>No case types yet. Create one below or import a file.</p>
        ) : (
          <table className="case-types">
            <caption className="visually-hidden">Case types</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Key</th>
                <th scope="col">Published</th>
                <th scope="col">Draft</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {load.items.map((item) => (
                <tr key={item.key}>
                  <td>
                    <a
                      href={`/case-types/${encodeURIComponent(item.key)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/case-types/${encodeURIComponent(item.key)}`);
                      }}
                    >
                      {item.title}
                    </a>
                  </td>
                  <td>
                    <code>{item.key}</code>
                  </td>
                  <td>{item.version === null ? 'not yet' : `version ${item.version}`}</td>
                  <td>{item.hasDraft ? (item.draftValid === false ? 'draft with errors' : item.draftValid ? 'draft, ready to publish' : 'draft in progress') : '—'}</td>
                  <td>
                    <button type="button" onClick={() => void exportOne(item)} disabled={exporting === item.key} aria-label={`Export ${item.title}`}>
                      {exporting === item.key ? 'Exporting…' : 'Export'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {exportError ? (
        <p role="alert" className="error">
          {exportError}
        </p>
      ) : null}
      <div className="columns">
        <NewCaseTypeForm api={api} existing={load.type === 'ready' ? load.items : []} />
        <ImportCaseType api={api} existing={load.type === 'ready' ? load.items : []} />
      </div>
    </main>
  );
}
