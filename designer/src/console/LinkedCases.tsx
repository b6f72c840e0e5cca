// The parent and child cases of a case, named by their references (PA-000123) and case types: the
// parent read by id, the children listed by parentId (GET /api/cases?parentId=…).
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
}

export function LinkedCases({ api, caseId, parentId, childIds, types }: Props) {
  const [linked, setLinked] = useState<Linked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const childKey = childIds.join(',');
  const { t } = useWords();
  useEffect(() => {
    let live = true;
    void (async () => {
      const parent = parentId === null ? null : await api.getCase(parentId);
      const children = childKey === '' ? null : await api.cases({ parentId: caseId, limit: '200' });
      if (!live) return;
      if (parent !== null && !parent.ok) return setError(parent.message);
      if (children !== null && !children.ok) return setError(children.message);
      setLinked({ parent: parent?.value ?? null, children: children?.value.items ?? [] });
    })();
    return () => {
      live = false;
    };
  }, [api, caseId, parentId, childKey]);
  if (error) return <p className="error">{error}</p>;
  if (!linked) return <p role="status">{t('console.linked.loading')}</p>;
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
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
