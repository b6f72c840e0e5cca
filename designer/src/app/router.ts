// A tiny history router: the path is the state; an unsaved-changes guard may stop leaving a page.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let blocker: (() => boolean) | null = null;

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** While set, navigation asks `confirmLeave` first (the editor sets it when there are unsaved changes). */
export function setNavigationBlocker(confirmLeave: (() => boolean) | null): void {
  blocker = confirmLeave;
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  if (blocker && !blocker()) return;
  window.history.pushState(null, '', path);
  for (const fn of listeners) fn();
}

export type Route = { type: 'list' } | { type: 'editor'; key: string } | { type: 'work' } | { type: 'notFound'; path: string };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { type: 'list' };
  const m = /^\/case-types\/([^/]+)\/?$/.exec(path);
  if (m) return { type: 'editor', key: decodeURIComponent(m[1] as string) };
  if (path === '/work' || path.startsWith('/work/')) return { type: 'work' };
  return { type: 'notFound', path };
}
