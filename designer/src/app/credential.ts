// How the app proves who it is to the API: a bearer token (pasted, or from `?token=`), or a person's sign-in
// session (OpenID Connect: the browser sends the HTTP-only cookie by itself; the page adds the session's
// CSRF token to every write). One string travels through the app either way; only this module reads it.
const SESSION = 'session ';

/** The credential of a sign-in session whose CSRF token is `csrfToken` (a bearer token never holds a space). */
export function sessionCredential(csrfToken: string): string {
  return `${SESSION}${csrfToken}`;
}

export function isSession(credential: string): boolean {
  return credential.startsWith(SESSION);
}

/** The headers that carry `credential` on a request. */
export function authHeaders(credential: string): Record<string, string> {
  return isSession(credential) ? { 'X-CSRF-Token': credential.slice(SESSION.length) } : { Authorization: `Bearer ${credential}` };
}
