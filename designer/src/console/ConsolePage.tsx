// The worker console at /work: the inbox, new case (intake), the contact reasons report and the case view,
// over the HTTP API only.
import { lazy, Suspense, useContext, useMemo, type ReactNode } from 'react';
import { SignedInUser } from '../app/signed-in-user.ts';
import { navigate, useLocationSearch } from '../app/router.ts';
import { SearchBox } from './SearchBox.tsx';
import { SearchPage } from './SearchPage.tsx';
import { CaseView } from './CaseView.tsx';
import { Inbox } from './Inbox.tsx';
import { IntakePage } from './IntakePage.tsx';
import { ProcessMapPage } from './ProcessMapPage.tsx';
import { AgentsPage } from './AgentsPage.tsx';
import { createRoutingApi, RoutingApiContext } from './routing-api.ts';
import { useConsoleContext } from './use-console-context.ts';
import { createConsoleApi } from './console-api.ts';
import { useI18n, useWords } from '../i18n/use-words.ts';
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import './console.css';

// the reports area carries the charting library: loaded when it is opened, not with the console
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx'));

export type ConsoleRoute = { type: 'inbox' } | { type: 'new' } | { type: 'reports' } | { type: 'process-map' } | { type: 'search' } | { type: 'agents' } | { type: 'case'; id: string } | { type: 'unknown' };

export function matchConsoleRoute(path: string): ConsoleRoute {
  if (path === '/work' || path === '/work/') return { type: 'inbox' };
  if (path === '/work/new') return { type: 'new' };
  if (path === '/work/reports') return { type: 'reports' };
  if (path === '/work/reports/process-map') return { type: 'process-map' };
  if (path === '/work/search') return { type: 'search' };
  if (path === '/work/agents') return { type: 'agents' };
  const m = /^\/work\/cases\/([^/]+)\/?$/.exec(path);
  return m ? { type: 'case', id: decodeURIComponent(m[1] as string) } : { type: 'unknown' };
}

interface Props {
  token: string;
  path: string;
  onSignOut: () => void;
}

/** The worker console, in the reader's language (the app's provider, docs/i18n.md). */
export function ConsolePage({ token, path, onSignOut }: Props) {
  const i18n = useI18n();
  // failures worded in the console's current language (the instance's `t` follows a change)
  const { t, language } = useWords();
  // a language change loads the case types again: their own texts come in the reader's language where translated
  const forPartner = useContext(SignedInUser)?.partner !== undefined;
  const api = useMemo(() => createConsoleApi(token, (key, values) => i18n.t(key, values ?? {}), language, forPartner), [token, i18n, language, forPartner]);
  const ctx = useConsoleContext(api);
  const routingApi = useMemo(() => createRoutingApi(token, (key, values) => i18n.t(key, values ?? {})), [token, i18n]);
  const route = matchConsoleRoute(path);
  const locationSearch = useLocationSearch();
  let body: ReactNode;
  if (ctx.status === 'loading') body = <p role="status">{t('common.loading')}</p>;
  else if (ctx.status === 'failed') body = <p className="error-box" role="alert">{ctx.message}</p>;
  else {
    switch (route.type) {
      case 'inbox':
        body = <Inbox api={api} ctx={ctx.value} />;
        break;
      case 'new':
        body = <IntakePage api={api} ctx={ctx.value} />;
        break;
      case 'reports':
        body = (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <ReportsPage api={api} ctx={ctx.value} token={token} />
          </Suspense>
        );
        break;
      case 'process-map':
        body = <ProcessMapPage token={token} api={api} ctx={ctx.value} />;
        break;
      case 'search':
        body = <SearchPage api={api} ctx={ctx.value} q={new URLSearchParams(locationSearch).get('q') ?? ''} />;
        break;
      case 'agents':
        body = <AgentsPage />;
        break;
      case 'case':
        body = <CaseView key={route.id} api={api} ctx={ctx.value} caseId={route.id} />;
        break;
      case 'unknown':
        body = (
          <>
            <h1>{t('console.notFound')}</h1>
            <p>{t('console.nothingAt', { path })}</p>
          </>
        );
        break;
      default: {
        const _never: never = route;
        body = _never;
      }
    }
  }
  const link = (to: string, label: string, current: boolean) => (
    <a
      href={to}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <div className="work">
      <header className="work-bar">
        <strong>{t('console.title')}</strong>
        <nav aria-label={t('console.nav')}>
          {link('/work', t('console.navInbox'), route.type === 'inbox')}
          {/* a partner organisation's people work the cases delegated to it; the tenant's own people open new ones */}
          {forPartner ? null : link('/work/new', t('console.navNew'), route.type === 'new')}
          {/* the reports are the tenant's own (a partner's people are refused them) */}
          {forPartner ? null : link('/work/reports', t('console.navReports'), route.type === 'reports' || route.type === 'process-map')}
          {/* push routing's agents: admins keep them (docs/routing.md) */}
          {ctx.status === 'ready' && ctx.value.me.roles.includes('admin') ? link('/work/agents', t('routing.navAgents'), route.type === 'agents') : null}
        </nav>
        <SearchBox api={api} path={path} />
        <span className="muted work-me">{ctx.status === 'ready' ? t('console.me', { name: ctx.value.me.name, roles: ctx.value.me.roles.join(', ') }) : ''}</span>
        <LanguageSelect id="work-language" />
        <button type="button" className="link" onClick={onSignOut}>
          {t('common.signOut')}
        </button>
      </header>
      <main className="work-main">
        <RoutingApiContext.Provider value={routingApi}>{body}</RoutingApiContext.Provider>
      </main>
    </div>
  );
}
