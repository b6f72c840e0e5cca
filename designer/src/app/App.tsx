// The app shell: sign-in, then the routes (case types list, one case type's editor).
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, Trans } from 'react-i18next';
import { createI18n } from '../i18n/i18n.ts';
import { useI18n, useWords } from '../i18n/use-words.ts';
import { applyUserLanguage, startLanguage } from '../i18n/user-language.ts';
import { createApiClient } from '../api/client.ts';
import { CaseTypesPage } from '../pages/CaseTypesPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { TokensPage } from '../pages/TokensPage.tsx';
import { matchRoute, navigate, usePath } from './router.ts';
import { readToken, storeToken } from './session.ts';
import { authHeaders, isSession, sessionCredential } from './credential.ts';
import { SignedInUser, type Me } from './signed-in-user.ts';

// The editor (React Flow, ajv, the validator) loads on demand, so the first screen stays small.
// The worker console (/work) loads on demand too.
const ConsolePage = lazy(() => import('../console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const EditorPage = lazy(() => import('../editor/EditorPage.tsx').then((m) => ({ default: m.EditorPage })));
// The customer's self-service form and status page: no sign-in, on demand.
const PublicFormPage = lazy(() => import('../public/PublicPages.tsx').then((m) => ({ default: m.PublicFormPage })));
const StatusPage = lazy(() => import('../public/PublicPages.tsx').then((m) => ({ default: m.StatusPage })));
const SurveyPage = lazy(() => import('../public/SurveyPage.tsx').then((m) => ({ default: m.SurveyPage })));
// "Migrate open cases" of a case type (admins), on demand too.
const MigrationPage = lazy(() => import('../migrations/MigrationPage.tsx').then((m) => ({ default: m.MigrationPage })));

/** The customer's pages (self-service form, status page): nobody signs in there, so nobody is asked about. */
function isPublicPath(path: string): boolean {
  const type = matchRoute(path).type;
  return type === 'publicForm' || type === 'status' || type === 'survey';
}

/**
 * The whole app in its reader's language (docs/i18n.md): resolved at start-up (`?lang=`, the device's last
 * choice, the browser's), then the signed-in user's own once `GET /api/me` names them.
 */
export function App() {
  const [i18n] = useState(() => createI18n(startLanguage()));
  const [token, setToken] = useState<string | null>(() => readToken());
  // without a token in this tab, the browser may hold a sign-in session (OpenID Connect): ask once
  const [checking, setChecking] = useState(() => readToken() === null && !isPublicPath(window.location.pathname));
  const [me, setMe] = useState<Me | null>(null);
  const user = me?.name ?? null;
  useEffect(() => {
    if (!checking) return;
    let live = true;
    void fetch('/api/me', { headers: { Accept: 'application/json' } })
      .then(async (r) => (r.ok ? ((await r.json()) as { csrfToken?: unknown }) : null))
      .then((answer) => {
        if (live && answer && typeof answer.csrfToken === 'string') setToken(sessionCredential(answer.csrfToken));
      })
      .catch(() => undefined) // no server: the sign-in page says so when it is used
      .finally(() => {
        if (live) setChecking(false);
      });
    return () => {
      live = false;
    };
  }, [checking]);
  useEffect(() => {
    setMe(null);
    if (!token) return;
    let live = true;
    void fetch('/api/me', { headers: { ...authHeaders(token), Accept: 'application/json' } })
      .then(async (r) => (r.ok ? ((await r.json()) as { name?: unknown; roles?: unknown; partner?: unknown }) : null))
      .then((answer) => {
        if (live && answer && typeof answer.name === 'string') {
          const roles = Array.isArray(answer.roles) ? answer.roles.filter((x): x is string => typeof x === 'string') : [];
          setMe({ name: answer.name, roles, ...(typeof answer.partner === 'string' ? { partner: answer.partner } : {}) });
        }
      })
      .catch(() => undefined); // the language stays the device's; the screens report a server that is away
    return () => {
      live = false;
    };
  }, [token]);
  useEffect(() => {
    if (user !== null) applyUserLanguage(i18n, user);
  }, [i18n, user]);
  return (
    <I18nextProvider i18n={i18n}>
      <SignedInUser.Provider value={me}>
        <Shell token={token} setToken={setToken} checking={checking} />
      </SignedInUser.Provider>
    </I18nextProvider>
  );
}

function Shell({ token, setToken, checking }: { token: string | null; setToken: (token: string | null) => void; checking: boolean }) {
  const { t } = useWords();
  const i18n = useI18n();
  const path = usePath();
  // the client words its own failures in the language of the moment (a language change needs no new client)
  const api = useMemo(() => (token ? createApiClient(token, (key, values) => i18n.t(key, values ?? {})) : null), [token, i18n]);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const signOut = () => {
    if (token !== null && isSession(token)) {
      // the session ends on the server (every host); where the identity provider can sign the person out too,
      // go there. Until the server says so, the person stays signed in (on a shared computer, a page that only
      // looks signed out would be signed in again by a reload)
      setSignOutError(null);
      void fetch('/auth/logout', { method: 'POST', headers: { ...authHeaders(token), Accept: 'application/json' } })
        .then(async (r) => {
          if (!r.ok) throw new Error(t('pages.signIn.signOutStatus', { status: r.status }));
          return (await r.json()) as { endSessionUrl?: unknown };
        })
        .then((answer) => {
          setToken(null);
          if (typeof answer.endSessionUrl === 'string') window.location.assign(answer.endSessionUrl);
        })
        .catch((e: unknown) => setSignOutError(t('pages.signIn.signOutFailed', { error: e instanceof Error ? e.message : String(e) })));
      return;
    }
    storeToken(null);
    setToken(null);
  };
  const failedSignOut = signOutError === null ? null : (
    <p role="alert" className="error-box sign-out-error">
      {signOutError}
    </p>
  );
  // the customer's pages need no sign-in and show nothing of the signed-in app
  const open = matchRoute(path);
  if (open.type === 'publicForm' || open.type === 'status' || open.type === 'survey') {
    return (
      <Suspense fallback={<p role="status" className="page">{t('common.loading')}</p>}>
        {open.type === 'publicForm' ? (
          <PublicFormPage tenant={open.tenant} caseType={open.key} />
        ) : open.type === 'survey' ? (
          <SurveyPage tenant={open.tenant} />
        ) : (
          <StatusPage tenant={open.tenant} reference={open.reference} />
        )}
      </Suspense>
    );
  }
  if (!api && checking) {
    return (
      <p role="status" className="page">
        {t('pages.signIn.checking')}
      </p>
    );
  }
  if (!api) {
    return (
      <SignInPage
        onSignedIn={(t) => {
          storeToken(t);
          setToken(t);
        }}
      />
    );
  }
  const route = matchRoute(path);
  switch (route.type) {
    case 'list':
      return (
        <>
          {failedSignOut}
          <CaseTypesPage api={api} onSignOut={signOut} />
        </>
      );
    case 'editor':
      return (
        <Suspense fallback={<p role="status" className="page">{t('pages.app.loadingEditor')}</p>}>
          <EditorPage key={route.key} api={api} caseTypeKey={route.key} />
        </Suspense>
      );
    case 'migrate':
      return (
        <Suspense fallback={<p role="status" className="page">{t('migrations.page.opening')}</p>}>
          <MigrationPage key={`${route.key}/${String(route.from)}/${String(route.to)}`} api={api} caseTypeKey={route.key} from={route.from} to={route.to} />
        </Suspense>
      );
    case 'console':
      return (
        <Suspense fallback={<p role="status" className="page">{t('pages.app.loadingConsole')}</p>}>
          {failedSignOut}
          <ConsolePage token={token as string} path={path} onSignOut={signOut} />
        </Suspense>
      );
    case 'tokens':
      return (
        <>
          {failedSignOut}
          <TokensPage token={token as string} onSignOut={signOut} />
        </>
      );
    case 'publicForm':
    case 'status':
    case 'survey':
      // drawn above, signed in or not
      return null;
    case 'notFound':
      return (
        <main className="page">
          <h1>{t('pages.app.notFound')}</h1>
          <p>
            {/* the address as code: it is what was typed, not a sentence */}
            <Trans i18nKey="pages.app.nothingAt" values={{ path: route.path }} components={{ code: <code /> }} />
          </p>
          <button type="button" onClick={() => navigate('/')}>
            {t('pages.app.goToCaseTypes')}
          </button>
        </main>
      );
    default: {
      const _never: never = route;
      return _never;
    }
  }
}
