// Sign in with a token (printed by `dossier serve`, or created by an admin); it is checked against the API.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useState, type FormEvent } from 'react';
import { createApiClient } from '../api/client.ts';
import { useWords } from '../i18n/use-words.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useWords();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) {
      setError(t('pages.signIn.needToken'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await createApiClient(value, t).listCaseTypes();
    setBusy(false);
    if (r.ok) onSignedIn(value);
    else setError(r.status === 401 ? t('pages.signIn.notAccepted') : r.message);
  };
  return (
    <main className="page sign-in">
      <h1>{t('pages.signIn.heading')}</h1>
      <LanguageSelect id="sign-in-language" />
      <form onSubmit={submit} aria-label={t('pages.signIn.signIn')}>
        <label htmlFor="token">{t('pages.signIn.token')}</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? t('pages.signIn.signingIn') : t('pages.signIn.signIn')}
        </button>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </form>
      <p className="muted">{t('pages.signIn.kept')}</p>
    </main>
  );
}
