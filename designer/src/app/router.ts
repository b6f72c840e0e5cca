// A tiny history router: the path is the state; an unsaved-changes guard may stop leaving a page, by a
// link (navigate) or by the browser's Back and Forward buttons (popstate).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let blocker: (() => boolean) | null = null;
/** The path the app shows: it follows the address bar, except while a refused Back/Forward is undone. */
let current: string | null = null;
/** Where this entry stands in the session history; each pushed entry carries it, so a popstate knows how far it went. */
let position = 0;
/** Set while `history.go` undoes a refused Back/Forward: the popstate that follows is ours. */
let restoring = false;

const positionOf = (state: unknown): number =>
  typeof state === 'object' && state !== null && typeof (state as { position?: unknown }).position === 'number' ? (state as { position: number }).position : 0;

function notify(): void {
  for (const fn of listeners) fn();
}

function onPopState(e: PopStateEvent): void {
  const to = positionOf(e.state);
  if (restoring) {
    restoring = false;
    position = to;
    return;
  }
  if (window.location.pathname !== current && blocker && !blocker()) {
    // stay: put the address bar back where it was, without a new entry when we know how far it moved
    const delta = position - to;
    if (delta !== 0) {
      restoring = true;
      window.history.go(delta);
    } else {
      window.history.pushState({ position: to + 1 }, '', current);
      position = to + 1;
    }
    return;
  }
  position = to;
  current = window.location.pathname;
  notify();
}

/** Starts following the browser's history on first use (not on import, so that Node tests may import this). */
function start(): void {
  if (current !== null) return;
  current = window.location.pathname;
  position = positionOf(window.history.state);
  window.addEventListener('popstate', onPopState);
}

function subscribe(fn: () => void): () => void {
  start();
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => current ?? window.location.pathname);
}

/** The query string of the address (`?q=…`), following navigate() and Back/Forward like usePath. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** While set, navigation asks `confirmLeave` first (the editor sets it when there are unsaved changes). */
export function setNavigationBlocker(confirmLeave: (() => boolean) | null): void {
  blocker = confirmLeave;
}

export function navigate(path: string): void {
  start();
  if (path === current) return;
  if (blocker && !blocker()) return;
  position += 1;
  window.history.pushState({ position }, '', path);
  current = window.location.pathname;
  notify();
}

export type Route = { type: 'list' } | { type: 'editor'; key: string } | { type: 'console' } | { type: 'tokens' } | { type: 'notFound'; path: string } | { type: 'migrate'; key: string; from: number; to: number }
  | { type: 'publicForm'; tenant: string; key: string }
  | { type: 'status'; tenant: string; reference: string }
  | { type: 'survey'; tenant: string };

/** The page that migrates the open cases of a case type from one published version to another. */
export function migratePath(key: string, from: number, to: number): string {
  return `/case-types/${encodeURIComponent(key)}/migrate/${String(from)}/${String(to)}`;
}

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { type: 'list' };
  const m = /^\/case-types\/([^/]+)\/?$/.exec(path);
  if (m) return { type: 'editor', key: decodeURIComponent(m[1] as string) };
  const migrate = /^\/case-types\/([^/]+)\/migrate\/([1-9][0-9]{0,6})\/([1-9][0-9]{0,6})\/?$/.exec(path);
  if (migrate) return { type: 'migrate', key: decodeURIComponent(migrate[1] as string), from: Number(migrate[2]), to: Number(migrate[3]) };
  if (path === '/work' || path.startsWith('/work/')) return { type: 'console' };
  const form = /^\/forms\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (form) return { type: 'publicForm', tenant: decodeURIComponent(form[1] as string), key: decodeURIComponent(form[2] as string) };
  const status = /^\/status\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (status) return { type: 'status', tenant: decodeURIComponent(status[1] as string), reference: decodeURIComponent(status[2] as string) };
  const survey = /^\/survey\/([^/]+)\/?$/.exec(path);
  if (survey) return { type: 'survey', tenant: decodeURIComponent(survey[1] as string) };
  if (path === '/tokens' || path === '/tokens/') return { type: 'tokens' };
  return { type: 'notFound', path };
}
