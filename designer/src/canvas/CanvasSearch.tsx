// Find a state by name: the first state whose title (or key) matches is selected and centred.
import { useState } from 'react';
import type { GraphNode } from './flow-graph.ts';
import { useWords } from '../i18n/use-words.ts';

/** The best match for `query` among states: an exact title, then a title that starts with it, then one that holds it. */
export function findState<T extends Pick<GraphNode, 'id' | 'title'>>(states: readonly T[], query: string): T | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const title = (s: T) => s.title.toLowerCase();
  return states.find((s) => title(s) === q) ?? states.find((s) => title(s).startsWith(q)) ?? states.find((s) => title(s).includes(q) || s.id.toLowerCase() === q);
}

export function CanvasSearch({ states, onFound }: { states: readonly { id: string; title: string }[]; onFound: (id: string) => void }) {
  const { t } = useWords();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  return (
    <form
      role="search"
      aria-label={t('canvas.search.form')}
      className="inline-form canvas-search"
      onSubmit={(e) => {
        e.preventDefault();
        const hit = findState(states, query);
        setStatus(hit ? t('canvas.search.showing', { title: hit.title }) : query.trim() ? t('canvas.search.noMatch', { query: query.trim() }) : '');
        if (hit) onFound(hit.id);
      }}
    >
      <input type="search" aria-label={t('canvas.search.input')} placeholder={t('canvas.search.placeholder')} list="canvas-state-titles" value={query} onChange={(e) => setQuery(e.target.value)} />
      <datalist id="canvas-state-titles">
        {states.map((s) => (
          <option key={s.id} value={s.title} />
        ))}
      </datalist>
      <button type="submit">{t('canvas.search.submit')}</button>
      <span role="status" className="muted">
        {status}
      </span>
    </form>
  );
}
