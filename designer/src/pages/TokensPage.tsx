// Access tokens, for admins (`/tokens`): every token of the tenant with its roles, status, expiry and last use;
// issue one (with a lifetime), rotate one (the old secret keeps working for a grace period), revoke one. A new
// secret is shown once, beside a Copy button. People sign in with these tokens until single sign-on is set up.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { navigate } from '../app/router.ts';
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { createTokensApi, type IssuedToken, type TokenRow } from '../api/tokens-api.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n, useWords } from '../i18n/use-words.ts';

/** The platform's roles; a case type's own roles (e.g. "intake-agent") are typed in. */
const PLATFORM_ROLES = ['admin', 'analyst', 'agent', 'service'] as const;
/** Lifetimes offered at issue: ISO 8601 durations ('' is no expiry). */
const LIFETIMES = ['', 'P1D', 'P30D', 'P90D', 'P365D'] as const;
/** How long a rotated secret keeps working. */
const GRACES = ['PT0S', 'PT1H', 'P1D', 'P7D'] as const;

type Load = { type: 'loading' } | { type: 'error'; message: string } | { type: 'ready'; rows: TokenRow[] };

export function TokensPage({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const { t, language } = useWords();
  const i18n = useI18n();
  const api = useMemo(() => createTokensApi(token, (key, values) => i18n.t(key, values ?? {})), [token, i18n]);
  const id = useId();
  const [load, setLoad] = useState<Load>({ type: 'loading' });
  const [showAll, setShowAll] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [grace, setGrace] = useState<string>('PT1H');

  const refresh = useCallback(async () => {
    const r = await api.list();
    setLoad(r.ok ? { type: 'ready', rows: r.value } : { type: 'error', message: r.message });
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso, language) : none);
  const rotate = async (name: string) => {
    setFailure(null);
    const r = await api.rotate(name, { grace });
    if (r.ok) setIssued(r.value);
    else setFailure(r.message);
    await refresh();
  };
  const revoke = async (name: string) => {
    setFailure(null);
    setConfirming(null);
    const r = await api.revoke(name);
    if (!r.ok) setFailure(r.message);
    await refresh();
  };

  const rows = load.type === 'ready' ? load.rows.filter((r) => showAll || r.status === 'active') : [];
  return (
    <main className="page tokens-page">
      <header className="page-header">
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('pages.tokens.back')}
        </a>
        <h1>{t('pages.tokens.heading')}</h1>
        <LanguageSelect id="tokens-language" />
        <button type="button" onClick={onSignOut}>
          {t('common.signOut')}
        </button>
      </header>
      <p className="muted">{t('pages.tokens.intro')}</p>
      <IssueForm
        onIssue={async (input) => {
          setFailure(null);
          const r = await api.issue(input);
          if (r.ok) setIssued(r.value);
          else setFailure(r.message);
          await refresh();
          return r.ok;
        }}
      />
      {failure ? (
        <p role="alert" className="error-box">
          {failure}
        </p>
      ) : null}
      {issued ? <NewSecret issued={issued} onDone={() => setIssued(null)} /> : null}
      <section aria-labelledby={`${id}-list`} className="card">
        <h2 id={`${id}-list`}>{t('pages.tokens.listHeading')}</h2>
        <div className="button-row">
          <label className="inline">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {t('pages.tokens.showAll')}
          </label>
          <span className="filter">
            <label htmlFor={`${id}-grace`}>{t('pages.tokens.grace')}</label>{' '}
            <select id={`${id}-grace`} value={grace} onChange={(e) => setGrace(e.target.value)}>
              {GRACES.map((g) => (
                <option key={g} value={g}>
                  {t(`pages.tokens.graces.${g}`)}
                </option>
              ))}
            </select>
          </span>
        </div>
        {load.type === 'loading' ? <p role="status">{t('pages.tokens.loading')}</p> : null}
        {load.type === 'error' ? (
          <p role="alert" className="error-box">
            {t('pages.tokens.loadFailed', { message: load.message })}
          </p>
        ) : null}
        {load.type === 'ready' && rows.length === 0 ? <p>{t('pages.tokens.none')}</p> : null}
        {rows.length > 0 ? (
          <table aria-label={t('pages.tokens.listHeading')}>
            <thead>
              <tr>
                <th scope="col">{t('pages.tokens.col.name')}</th>
                <th scope="col">{t('pages.tokens.col.roles')}</th>
                <th scope="col">{t('pages.tokens.col.status')}</th>
                <th scope="col">{t('pages.tokens.col.expires')}</th>
                <th scope="col">{t('pages.tokens.col.lastUsed')}</th>
                <th scope="col">{t('pages.tokens.col.created')}</th>
                <th scope="col">{t('pages.tokens.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  <td>{row.roles.join(', ')}</td>
                  <td>{t(`pages.tokens.status.${row.status}`)}</td>
                  <td>{when(row.expiresAt, t('pages.tokens.never'))}</td>
                  <td>{when(row.lastUsedAt, t('pages.tokens.notUsed'))}</td>
                  <td>{when(row.createdAt, '—')}</td>
                  <td>
                    {row.status === 'active' ? (
                      confirming === row.id ? (
                        <span role="group" aria-label={t('pages.tokens.confirmGroup', { name: row.name })}>
                          {t('pages.tokens.confirm', { name: row.name })}{' '}
                          <button type="button" className="danger" onClick={() => void revoke(row.name)}>
                            {t('pages.tokens.revokeNow', { name: row.name })}
                          </button>{' '}
                          <button type="button" onClick={() => setConfirming(null)}>
                            {t('pages.tokens.keep')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <button type="button" onClick={() => void rotate(row.name)}>
                            {t('pages.tokens.rotate', { name: row.name })}
                          </button>{' '}
                          <button type="button" className="danger" onClick={() => setConfirming(row.id)}>
                            {t('pages.tokens.revoke', { name: row.name })}
                          </button>
                        </>
                      )
                    ) : (
                      <span className="muted">{row.status === 'revoked' ? when(row.revokedAt, '') : ''}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </main>
  );
}

function IssueForm({ onIssue }: { onIssue: (input: { name: string; roles: string[]; expiresIn?: string }) => Promise<boolean> }) {
  const { t } = useWords();
  const id = useId();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Set<string>>(new Set(['agent']));
  const [other, setOther] = useState('');
  const [lifetime, setLifetime] = useState<string>('P90D');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const all = [...roles, ...other.split(',').map((r) => r.trim()).filter((r) => r !== '')];
    if (name.trim() === '') return setError(t('pages.tokens.needName'));
    if (all.length === 0) return setError(t('pages.tokens.needRole'));
    setError(null);
    setBusy(true);
    const ok = await onIssue({ name: name.trim(), roles: [...new Set(all)], ...(lifetime ? { expiresIn: lifetime } : {}) });
    setBusy(false);
    if (ok) {
      setName('');
      setOther('');
    }
  };
  return (
    <form className="card" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${id}-heading`}>{t('pages.tokens.issueHeading')}</h2>
      <label htmlFor={`${id}-name`}>{t('pages.tokens.name')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      <fieldset>
        <legend>{t('pages.tokens.roles')}</legend>
        {PLATFORM_ROLES.map((role) => (
          <label key={role} className="inline">
            <input
              type="checkbox"
              checked={roles.has(role)}
              onChange={(e) => {
                const next = new Set(roles);
                if (e.target.checked) next.add(role);
                else next.delete(role);
                setRoles(next);
              }}
            />{' '}
            {t(`pages.tokens.role.${role}`)}
          </label>
        ))}
        <label htmlFor={`${id}-other`}>{t('pages.tokens.otherRoles')}</label>
        <input id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)} placeholder={t('pages.tokens.otherRolesHint')} />
      </fieldset>
      <label htmlFor={`${id}-lifetime`}>{t('pages.tokens.lifetime')}</label>
      <select id={`${id}-lifetime`} value={lifetime} onChange={(e) => setLifetime(e.target.value)}>
        {LIFETIMES.map((l) => (
          <option key={l} value={l}>
            {t(`pages.tokens.lifetimes.${l || 'never'}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {busy ? t('pages.tokens.issuing') : t('pages.tokens.issue')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function NewSecret({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  const { t, language } = useWords();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section className="card notice" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('pages.tokens.newSecretHeading', { name: issued.name })}</h2>
      <p>{t('pages.tokens.newSecretOnce')}</p>
      <label htmlFor={`${id}-secret`}>{t('pages.tokens.secret')}</label>
      <input id={`${id}-secret`} readOnly value={issued.token} onFocus={(e) => e.target.select()} data-technical />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(issued.token).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {t('pages.tokens.copy')}
      </button>
      <span role="status">{copied ? t('pages.tokens.copied') : ''}</span>
      <p className="muted">
        {issued.expiresAt ? t('pages.tokens.expiresAt', { when: formatDateTime(issued.expiresAt, language) }) : t('pages.tokens.noExpiry')}
        {issued.previousValidUntil ? ` ${t('pages.tokens.previousUntil', { when: formatDateTime(issued.previousValidUntil, language) })}` : ''}
      </p>
      <button type="button" onClick={onDone}>
        {t('pages.tokens.done')}
      </button>
    </section>
  );
}
