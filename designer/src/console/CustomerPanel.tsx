// The one customer view: every case sharing an identifier (customer.keys) with this one, across case
// types and channels (GET /api/cases/:id/related).
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { navigate } from '../app/router.ts';
import type { Related, ConsoleApi } from './console-api.ts';
import { fieldLabel } from '../model/field-label.ts';
import { stateLabel } from './console-model.ts';
import { formatDate } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';

export function CustomerPanel({ api, caseId, def, types, revision }: { api: ConsoleApi; caseId: string; def: CaseType; types: Map<string, CaseType>; revision: number }) {
  const [related, setRelated] = useState<Related | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.customer.${key}`, values);
  useEffect(() => {
    let live = true;
    void api.related(caseId).then((r) => {
      if (!live) return;
      if (r.ok) setRelated(r.value);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, caseId, revision]);
  if (error) return <p className="error">{error}</p>;
  if (!related) return <p role="status">{t('loading')}</p>;
  return (
    <div>
      <p>
        <strong>{related.customer.name ?? t('fallbackName')}</strong>
      </p>
      {related.customer.identifiers.length === 0 ? (
        <p className="muted">{t('noIdentifier', { keys: (def.customer?.keys ?? []).map((k) => fieldLabel(def, k)).join(', ') || t('noneDefined') })}</p>
      ) : (
        <ul className="identifiers">
          {related.customer.identifiers.map((i) => (
            <li key={i.pointer}>
              {fieldLabel(def, i.pointer)}: {i.value}
            </li>
          ))}
        </ul>
      )}
      <h3>{t(related.nextCursor === null ? 'others' : 'othersLatest', { count: related.items.length })}</h3>
      {related.items.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="related" aria-label={t('othersLabel')}>
          {related.items.map((c) => (
            <li key={c.id}>
              <a
                href={`/work/cases/${c.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/work/cases/${encodeURIComponent(c.id)}`);
                }}
              >
                {c.caseTypeTitle} {c.reference}
              </a>{' '}
              <span className="muted">
                {c.customerName ? `${c.customerName} · ` : ''}
                {stateLabel(c.state, types.get(c.caseType))} · {c.channel ? words.t(`console.channel.${c.channel}`, { defaultValue: c.channel }) : t('noChannel')} ·{' '}
                {formatDate(c.createdAt, words.language)} · {t('same')}{' '}
                {c.matches.map((m) => fieldLabel(types.get(c.caseType) ?? null, m.pointer)).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
