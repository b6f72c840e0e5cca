// The list of case types (published and drafts), new from scratch or a template, import and export.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useIsAdmin } from '../app/signed-in-user.ts';
import { useWords } from '../i18n/use-words.ts';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import { navigate } from '../app/router.ts';
import { downloadCaseType } from '../app/download.ts';
import { NewCaseTypeForm } from './NewCaseTypeForm.tsx';
import { ImportCaseType } from './ImportCaseType.tsx';

type Load = { type: 'loading' } | { type: 'error'; message: string } | { type: 'ready'; items: CaseTypeSummary[] };

export function CaseTypesPage({ api, onSignOut }: { api: ApiClient; onSignOut: () => void }) {
  const { t } = useWords();
  const isAdmin = useIsAdmin();
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
      else setExportError(t('pages.list.exportFailed', { key: item.key, message: pub.message }));
    }
    setExporting(null);
  };

  return (
    <main className="page">
      <header className="page-header">
        <h1>{t('pages.list.title')}</h1>
        {isAdmin ? (
          <a
            href="/tokens"
            onClick={(e) => {
              e.preventDefault();
              navigate('/tokens');
            }}
          >
            {t('pages.list.tokens')}
          </a>
        ) : null}
        <LanguageSelect id="list-language" />
        <button type="button" onClick={onSignOut}>
          {t('common.signOut')}
        </button>
      </header>
      {load.type === 'loading' ? <p role="status">{t('pages.list.loading')}</p> : null}
      {load.type === 'error' ? (
        <div role="alert" className="error-box">
          <p>{t('pages.list.loadFailed', { message: load.message })}</p>
          <button type="button" onClick={() => void refresh()}>
            {t('pages.list.retry')}
          </button>
        </div>
      ) : null}
      {load.type === 'ready' ? (
        load.items.length === 0 ? (
          <p>{t('pages.list.empty')}</p>
        ) : (
          <table className="case-types">
            <caption className="visually-hidden">{t('pages.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pages.list.colTitle')}</th>
                <th scope="col">{t('pages.list.colKey')}</th>
                <th scope="col">{t('pages.list.colPublished')}</th>
                <th scope="col">{t('pages.list.colDraft')}</th>
                <th scope="col">{t('pages.list.colActions')}</th>
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
                  <td>{item.version === null ? t('pages.list.notYet') : t('pages.list.version', { version: item.version })}</td>
                  <td>
                    {item.hasDraft ? t(item.draftValid === false ? 'pages.list.draftErrors' : item.draftValid ? 'pages.list.draftReady' : 'pages.list.draftInProgress') : '—'}
                  </td>
                  <td>
                    <button type="button" onClick={() => void exportOne(item)} disabled={exporting === item.key} aria-label={t('pages.list.exportLabel', { title: item.title })}>
                      {exporting === item.key ? t('pages.list.exporting') : t('pages.list.export')}
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
