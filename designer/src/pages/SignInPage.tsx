// Sign in with a token (printed by `dossier serve`, or created by an admin); it is checked against the API.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useState, type FormEvent } from 'react';
import { createApiClient } from '../api/client.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) {
      setError('Paste the token that dossier serve printed, or one an admin gave you.');
      return;
    }
    setBusy(true);
    setError(null);
    const r = await createApiClient(t).listCaseTypes();
    setBusy(false);
    if (r.ok) onSignedIn(t);
    else setError(r.status === 401 ? 'This token was not accepted. Check that you copied all of it.' : r.message);
  };
  return (
    <main className="page sign-in">
      <h1>Dossier designer</h1>
      <LanguageSelect id="sign-in-language" />
      <form onSubmit={submit} aria-label="Sign in">
        <label htmlFor="token">Access token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </form>
      <p className="muted">The token is kept in this browser tab only and forgotten when you close it.</p>
    </main>
  );
}
