// The parent and child cases of a case, named by their references (PA-000123) and case types: the
// parent read by id, the children listed by parentId (GET /api/cases?parentId=…). An agent links an
// existing open case as a child by its reference, or undoes a child's link (docs/linked-work.md).
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import type { CaseRecord, ConsoleApi } from './console-api.ts';
import { stateLabel } from './console-model.ts';
import { useWords } from '../i18n/use-words.ts';

export function CaseLink({ kase, types }: { kase: Pick<CaseRecord, 'id' | 'reference' | 'caseType' | 'state'>; types: Map<string, CaseType> }) {
  const def = types.get(kase.caseType);
  return (
    <>
      <a
        href={`/work/cases/${encodeURIComponent(kase.id)}`}
        onClick={(e) => {
          e.preventDefault();
          navigate(`/work/cases/${encodeURIComponent(kase.id)}`);
        }}
      >
        {kase.reference}
      </a>{' '}
      <span className="muted">
        ({def?.title ?? kase.caseType}, {stateLabel(kase.state, def)})
      </span>
    </>
  );
}

interface Linked {
  parent: CaseRecord | null;
  children: CaseRecord[];
}

interface Props {
  api: ConsoleApi;
  caseId: string;
  parentId: string | null;
  childIds: string[];
  types: Map<string, CaseType>;
  /** Offer linking and unlinking (an open case, the tenant's own people). */
  canLink?: boolean;
  /** A link was made or undone: the case (its history, its children) is read again. */
  onChanged?: () => void;
}

/** "Link a case as a child": the reference typed, the server's refusal said as it is. */
function LinkForm({ api, caseId, onLinked }: { api: ConsoleApi; caseId: string; onLinked: (reference: string) => void }) {
  const { t } = useWords();
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const typed = reference.trim();
    if (typed === '') return;
    setBusy(true);
    setError(null);
    const r = await api.linkChild(caseId, typed);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setReference('');
    onLinked(typed.toUpperCase());
  };
  return (
    <form
      className="link-child"
      aria-labelledby={`${caseId}-link-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${caseId}-link-title`}>{t('console.linked.linkTitle')}</h3>
      <span className="field inline">
        <label htmlFor={`${caseId}-link-reference`}>{t('console.linked.reference')}</label>
        <input
          id={`${caseId}-link-reference`}
          value={reference}
          aria-describedby={`${caseId}-link-hint`}
          aria-invalid={error !== null ? true : undefined}
          onChange={(e) => setReference(e.target.value)}
        />
        <span id={`${caseId}-link-hint`} className="muted">
          {t('console.linked.referenceHint')}
        </span>
      </span>
      <button type="submit" disabled={busy || reference.trim() === ''}>
        {busy ? t('console.linked.linking') : t('console.linked.link')}
      </button>
      {error !== null ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function LinkedCases({ api, caseId, parentId, childIds, types, canLink = false, onChanged }: Props) {
  const [linked, setLinked] = useState<Linked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const childKey = childIds.join(',');
  const { t } = useWords();
  useEffect(() => {
    let live = true;
    void (async () => {
      const parent = parentId === null ? null : await api.getCase(parentId);
      // the children by parentId, also those linked later (the list of ids is what this case recorded)
      const children = await api.cases({ parentId: caseId, limit: '200' });
      if (!live) return;
      if (parent !== null && !parent.ok) return setError(parent.message);
      if (!children.ok) return setError(children.message);
      setLinked({ parent: parent?.value ?? null, children: children.value.items });
    })();
    return () => {
      live = false;
    };
  }, [api, caseId, parentId, childKey]);
  if (error) return <p className="error">{error}</p>;
  if (!linked) return <p role="status">{t('console.linked.loading')}</p>;
  const unlink = async (child: CaseRecord) => {
    const r = await api.unlinkChild(caseId, child.id);
    if (!r.ok) return setNotice(r.message);
    setNotice(t('console.linked.unlinked', { reference: child.reference }));
    onChanged?.();
  };
  return (
    <>
      {linked.parent ? (
        <p>
          {t('console.linked.parent')} <CaseLink kase={linked.parent} types={types} />
        </p>
      ) : null}
      {linked.children.length > 0 ? <p>{t('console.linked.children')}</p> : null}
      {linked.children.length > 0 ? (
        <ul className="related" aria-label={t('console.linked.childrenLabel')}>
          {linked.children.map((c) => (
            <li key={c.id}>
              <CaseLink kase={c} types={types} />
              {canLink && c.closedAt === null ? (
                <>
                  {' '}
                  <button type="button" className="link" onClick={() => void unlink(c)}>
                    {t('console.linked.unlink', { reference: c.reference })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!linked.parent && linked.children.length === 0 ? <p className="muted">{t('console.linked.none')}</p> : null}
      {notice !== null ? <p role="status">{notice}</p> : null}
      {canLink ? (
        <LinkForm
          api={api}
          caseId={caseId}
          onLinked={(reference) => {
            setNotice(t('console.linked.linked', { reference }));
            onChanged?.();
          }}
        />
      ) : null}
    </>
  );
}
