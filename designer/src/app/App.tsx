// The app shell: sign-in, then the routes (case types list, one case type's editor).
import { lazy, Suspense, useMemo, useState } from 'react';
import { createApiClient } from '../api/client.ts';
import { CaseTypesPage } from '../pages/CaseTypesPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { matchRoute, navigate, usePath } from './router.ts';
import { readToken, storeToken } from './session.ts';

// The editor (React Flow, ajv, the validator) loads on demand, so the first screen stays small.
// The worker console (/work) loads on demand too.
const ConsolePage = lazy(() => import('../console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const EditorPage = lazy(() => import('../editor/EditorPage.tsx').then((m) => ({ default: m.EditorPage })));

export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const path = usePath();
  const api = useMemo(() => (token ? createApiClient(token) : null), [token]);
  const signOut = () => {
    storeToken(null);
    setToken(null);
  };
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
      return <CaseTypesPage api={api} onSignOut={signOut} />;
    case 'editor':
      return (
        <Suspense fallback={<p role="status" className="page">Loading the editor…</p>}>
          <EditorPage key={route.key} api={api} caseTypeKey={route.key} />
        </Suspense>
      );
    case 'console':
      return (
        <Suspense fallback={<p role="status" className="page">Loading the worker console…</p>}>
          <ConsolePage token={token as string} path={path} onSignOut={signOut} />
        </Suspense>
      );
    case 'notFound':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>.
          </p>
          <button type="button" onClick={() => navigate('/')}>
            Go to case types
          </button>
        </main>
      );
    default: {
      const _never: never = route;
      return _never;
    }
  }
}
