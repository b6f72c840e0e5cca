// The sign-in token lives in the browser session only; `/?token=...` (the URL `dossier serve` prints)
// signs in directly and is stripped from the address bar at once.
const KEY = 'dossier.token';

export function takeTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete('token');
  // keep the entry's state: the router counts its place in the history there (after a reload too)
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
