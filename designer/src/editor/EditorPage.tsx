// One case type's editor: loads the draft (or starts one from the published version), then hands it to
// the workspace. Loading and load errors are shown here.
import { useCallback, useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ApiClient, CaseTypeSummary } from '../api/client.ts';
import { navigate } from '../app/router.ts';
import { KnownCaseTypes } from './known-case-types.ts';
import { Workspace } from './Workspace.tsx';
import { useWords } from '../i18n/use-words.ts';

type Load =
  | { type: 'loading' }
  /** `message` null: there is no case type with this key. */
  | { type: 'error'; message: string | null }
  | { type: 'ready'; draft: CaseType; published: CaseType | null; caseTypes: CaseTypeSummary[] };

/** The list after this case type was published: it can now be opened as a child case too. */
function withPublished(list: CaseTypeSummary[], p: CaseType): CaseTypeSummary[] {
  return list.map((c) => (c.key === p.key ? { ...c, title: p.title, version: p.version ?? c.version } : c));
}

export function EditorPage({ api, caseTypeKey }: { api: ApiClient; caseTypeKey: string }) {
  const { t } = useWords();
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const run = useCallback(async () => {
    setLoad({ type: 'loading' });
    // ask the list first, so that only what exists is fetched (no 404s in the console)
    const list = await api.listCaseTypes();
    if (!list.ok) return setLoad({ type: 'error', message: list.message });
    const entry = list.value.find((x) => x.key === caseTypeKey);
    if (!entry) return setLoad({ type: 'error', message: null });
    const [draft, published] = await Promise.all([
      entry.hasDraft ? api.getDraft(caseTypeKey) : Promise.resolve(null),
      entry.version !== null ? api.getPublished(caseTypeKey) : Promise.resolve(null),
    ]);
    if (published && !published.ok) return setLoad({ type: 'error', message: published.message });
    if (draft && !draft.ok) return setLoad({ type: 'error', message: draft.message });
    const pub = published?.ok ? published.value : null;
    if (draft?.ok) return setLoad({ type: 'ready', draft: draft.value.definition, published: pub, caseTypes: list.value });
    if (!pub) return setLoad({ type: 'error', message: null });
    const start: CaseType = { ...pub };
    delete start.version;
    setLoad({ type: 'ready', draft: start, published: pub, caseTypes: list.value });
  }, [api, caseTypeKey]);
  useEffect(() => {
    void run();
  }, [run]);

  if (load.type === 'ready') {
    return (
      <KnownCaseTypes.Provider value={load.caseTypes}>
        <Workspace api={api} initial={load.draft} published={load.published} onPublished={(p) => setLoad({ ...load, published: p, caseTypes: withPublished(load.caseTypes, p) })} />
      </KnownCaseTypes.Provider>
    );
  }
  return (
    <main className="page">
      <p>
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
          {t('editor.page.back')}
        </a>
      </p>
      {load.type === 'loading' ? <p role="status">{t('editor.page.loading', { key: caseTypeKey })}</p> : null}
      {load.type === 'error' ? (
        <div role="alert" className="error-box">
          <p>{t('editor.page.couldNotOpen', { key: caseTypeKey, message: load.message ?? t('editor.page.noCaseType', { key: caseTypeKey }) })}</p>
          <button type="button" onClick={() => void run()}>
            {t('editor.page.retry')}
          </button>
        </div>
      ) : null}
    </main>
  );
}
