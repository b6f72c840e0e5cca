// The search box in the worker console's header (docs/search.md): what is typed goes to the results page
// (/work/search?q=…); a case reference typed in full (COM-000123) opens that case at once.
import { useEffect, useState, type FormEvent } from 'react';
import { navigate, useLocationSearch } from '../app/router.ts';
import type { ConsoleApi } from './console-api.ts';
import { useWords } from '../i18n/use-words.ts';

/** The shape of a case reference: a prefix of capitals and digits, a dash, the number. */
const REFERENCE = /^[A-Za-z][A-Za-z0-9]{0,9}-[0-9]+$/;

export function searchPath(q: string): string {
  return `/work/search?q=${encodeURIComponent(q)}`;
}

export function SearchBox({ api, path }: { api: ConsoleApi; path: string }) {
  const words = useWords();
  const t = (key: string) => words.t(`console.search.${key}`);
  const search = useLocationSearch();
  const [q, setQ] = useState('');
  // on the results page the box shows what was searched
  useEffect(() => {
    if (path === '/work/search') setQ(new URLSearchParams(search).get('q') ?? '');
  }, [path, search]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = q.trim();
    if (text === '') return;
    if (REFERENCE.test(text)) {
      const r = await api.search(text, null, 1);
      const first = r.ok ? r.value.items[0] : undefined;
      if (first?.exact === true) {
        navigate(`/work/cases/${encodeURIComponent(first.id)}`);
        return;
      }
    }
    navigate(searchPath(text));
  }

  return (
    <form role="search" aria-label={t('form')} className="work-search" onSubmit={(e) => void submit(e)}>
      <input type="search" aria-label={t('input')} placeholder={t('placeholder')} value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
