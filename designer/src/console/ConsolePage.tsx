// The worker console at /work: the inbox, new case (intake) and the case view, over the HTTP API only.
import { useMemo, type ReactNode } from 'react';
import { navigate } from '../app/router.ts';
import { CaseView } from './CaseView.tsx';
import { Inbox } from './Inbox.tsx';
import { IntakePage } from './IntakePage.tsx';
import { useConsoleContext } from './use-console-context.ts';
import { createConsoleApi } from './console-api.ts';
import './console.css';

export type ConsoleRoute = { type: 'inbox' } | { type: 'new' } | { type: 'case'; id: string } | { type: 'unknown' };

export function matchConsoleRoute(path: string): ConsoleRoute {
  if (path === '/work' || path === '/work/') return { type: 'inbox' };
  if (path === '/work/new') return { type: 'new' };
  const m = /^\/work\/cases\/([^/]+)\/?$/.exec(path);
  return m ? { type: 'case', id: decodeURIComponent(m[1] as string) } : { type: 'unknown' };
}

export function ConsolePage({ token, path, onSignOut }: { token: string; path: string; onSignOut: () => void }) {
  const api = useMemo(() => createConsoleApi(token), [token]);
  const ctx = useConsoleContext(api);
  const route = matchConsoleRoute(path);
  let body: ReactNode;
  if (ctx.status === 'loading') body = <p role="status">Loading…</p>;
  else if (ctx.status === 'failed') body = <p className="error-box" role="alert">{ctx.message}</p>;
  else {
    switch (route.type) {
      case 'inbox':
        body = <Inbox api={api} ctx={ctx.value} />;
        break;
      case 'new':
        body = <IntakePage api={api} ctx={ctx.value} />;
        break;
      case 'case':
        body = <CaseView key={route.id} api={api} ctx={ctx.value} caseId={route.id} />;
        break;
      case 'unknown':
        body = (
          <>
            <h1>Page not found</h1>
            <p>Nothing lives at {path}.</p>
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
        <strong>Dossier · Worker console</strong>
        <nav aria-label="Worker console">
          {link('/work', 'Inbox', route.type === 'inbox')}
          {link('/work/new', 'New case', route.type === 'new')}
        </nav>
        <span className="muted work-me">{ctx.status === 'ready' ? `${ctx.value.me.name} (${ctx.value.me.roles.join(', ')})` : ''}</span>
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main className="work-main">{body}</main>
    </div>
  );
}
