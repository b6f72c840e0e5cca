// Search results at /work/search?q=… (docs/search.md): the cases matching what was typed, best first, each
// with its reference (a link to the case), case type, state, customer and the words where it matched;
// Load more for the next page; when nothing matches, what to try.
import { useEffect, useState } from 'react';
import { navigate } from '../app/router.ts';
import type { ConsoleApi, SearchResult } from './console-api.ts';
import { stateLabel } from './console-model.ts';
import type { ConsoleContext } from './use-console-context.ts';
import { useWords } from '../i18n/use-words.ts';

type Results = { q: string; items: SearchResult[]; nextCursor: string | null };

export function SearchPage({ api, ctx, q }: { api: ConsoleApi; ctx: ConsoleContext; q: string }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.search.${key}`, values);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const text = q.trim();

  useEffect(() => {
    if (text === '') return;
    let live = true;
    setResults(null);
    setError(null);
    void api.search(text, null).then((r) => {
      if (!live) return;
      if (r.ok) setResults({ q: text, items: r.value.items, nextCursor: r.value.nextCursor });
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, text]);

  async function more() {
    if (results?.nextCursor == null) return;
    setLoadingMore(true);
    const r = await api.search(results.q, results.nextCursor);
    setLoadingMore(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    const seen = new Set(results.items.map((i) => i.id));
    setResults({ q: results.q, items: [...results.items, ...r.value.items.filter((i) => !seen.has(i.id))], nextCursor: r.value.nextCursor });
  }

  if (text === '') {
    return (
      <section className="search-page">
        <h1>{t('title')}</h1>
        <p className="muted">{t('hint')}</p>
      </section>
    );
  }
  return (
    <section className="search-page">
      <h1>{t('resultsFor', { q: text })}</h1>
      {error ? <p className="error-box" role="alert">{error}</p> : null}
      {results === null && error === null ? <p role="status">{t('searching')}</p> : null}
      {results !== null && results.items.length === 0 ? (
        <div className="search-empty" role="status">
          <p>{t('none', { q: text })}</p>
          <p className="muted">{t('hint')}</p>
        </div>
      ) : null}
      {results !== null && results.items.length > 0 ? (
        <ul className="search-results" aria-label={t('results')}>
          {results.items.map((c) => (
            <li key={c.id}>
              <a
                href={`/work/cases/${encodeURIComponent(c.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/work/cases/${encodeURIComponent(c.id)}`);
                }}
              >
                {c.reference}
              </a>{' '}
              <span>{c.caseTypeTitle}</span>
              <span className="muted">
                {' · '}
                {stateLabel(c.state, ctx.types.get(c.caseType))}
                {c.customerName ? ` · ${c.customerName}` : ''}
              </span>
              {c.snippet ? <p className="search-snippet">{c.snippet}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {results?.nextCursor != null ? (
        <button type="button" onClick={() => void more()} disabled={loadingMore}>
          {t('loadMore')}
        </button>
      ) : null}
    </section>
  );
}
