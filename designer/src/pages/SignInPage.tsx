// Sign in with a token (printed by `dossier serve`, or created by an admin); it is checked against the API.
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useEffect, useState, type FormEvent } from 'react';
import { createApiClient } from '../api/client.ts';
import { useWords } from '../i18n/use-words.ts';

export function SignInPage({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const { t } = useWords();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // an identity provider, where the server has one (`dossier serve --oidc-issuer`)
  const [provider, setProvider] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetch('/auth/options', { headers: { Accept: 'application/json' } })
      .then(async (r) => (r.ok ? ((await r.json()) as { oidc?: { issuer?: unknown } | null }) : null))
      .then((answer) => {
        if (live && answer?.oidc && typeof answer.oidc.issuer === 'string') setProvider(answer.oidc.issuer);
      })
      .catch(() => undefined); // no server: the token form says so when it is used
    return () => {
      live = false;
    };
  }, []);
  const signInWithProvider = () => {
    // back here after signing in: the page the person opened
    const here = window.location.pathname + window.location.search + window.location.hash;
    window.location.assign(`/auth/login?return=${encodeURIComponent(here)}`);
  };
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
      {provider !== null ? (
        <section className="sign-in-provider">
          <button type="button" onClick={signInWithProvider}>
            {t('pages.signIn.withProvider')}
          </button>
          <p className="muted">{t('pages.signIn.via', { issuer: provider })}</p>
          <p>{t('pages.signIn.orToken')}</p>
        </section>
      ) : null}
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
