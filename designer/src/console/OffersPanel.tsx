// In the inbox, for an agent of push routing (docs/routing.md): their availability, and the tasks offered to
// them with Accept (the task becomes theirs) and Decline (it goes to the next agent). Looked at again every
// few seconds: offers come and expire while the inbox is open.
import { useCallback, useEffect, useRef, useState } from 'react';
import { navigate } from '../app/router.ts';
import { formatDateTime } from '../i18n/index.ts';
import { useWords } from '../i18n/use-words.ts';
import { AVAILABILITY, useRoutingApi, type Agent, type Availability, type Offer } from './routing-api.ts';

const POLL_MS = 2000;

export function OffersPanel({ onTaken }: { onTaken?: () => void }) {
  const api = useRoutingApi();
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`routing.${key}`, values);
  const [agent, setAgent] = useState<Agent | null>(null);
  const [offers, setOffers] = useState<Offer[]>([]);
  const [error, setError] = useState<string | null>(null);

  // someone no admin made an agent (204) is not asked again every few seconds; a reload looks again
  const notAgent = useRef(false);

  const load = useCallback(async () => {
    if (api === null || notAgent.current) return;
    const me = await api.myAgent();
    if (!me.ok) return;
    if (me.value === null) {
      // 204: no admin made them an agent
      notAgent.current = true;
      setAgent(null);
      return;
    }
    setAgent(me.value);
    const r = await api.offers();
    if (r.ok) setOffers(r.value.items);
  }, [api]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (api === null || agent === null) return null;

  const answer = async (offer: Offer, what: 'accept' | 'decline') => {
    const r = await api.answer(offer.taskId, what);
    setError(r.ok ? null : r.message);
    await load();
    if (r.ok && what === 'accept') onTaken?.();
  };

  const setAvailability = async (availability: Availability) => {
    const r = await api.setAvailability(availability);
    setError(r.ok ? null : r.message);
    if (r.ok) setAgent(r.value);
  };

  return (
    <section aria-labelledby="offers-title" className="card offers">
      <div className="page-header">
        <h2 id="offers-title">{t('offeredToYou')}</h2>
        <label htmlFor="my-availability">
          {t('myAvailability')}{' '}
          <select id="my-availability" value={agent.availability} onChange={(e) => void setAvailability(e.target.value as Availability)}>
            {AVAILABILITY.map((a) => (
              <option key={a} value={a}>
                {t(`availability.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error === null ? null : (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {offers.length === 0 ? (
        <p className="muted">{agent.availability === 'available' ? t('noOffers') : t('notAvailable')}</p>
      ) : (
        <ul aria-label={t('offeredToYou')}>
          {offers.map((offer) => (
            <li key={offer.id}>
              <a
                href={`/work/cases/${encodeURIComponent(offer.caseId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/work/cases/${encodeURIComponent(offer.caseId)}`);
                }}
              >
                {offer.reference}
              </a>{' '}
              · {offer.title} · {t('until', { time: formatDateTime(offer.expiresAt, words.language) })}{' '}
              <button type="button" aria-label={t('acceptOffer', { reference: offer.reference })} onClick={() => void answer(offer, 'accept')}>
                {t('accept')}
              </button>{' '}
              <button type="button" aria-label={t('declineOffer', { reference: offer.reference })} onClick={() => void answer(offer, 'decline')}>
                {t('decline')}
              </button>
              <br />
              <span className="muted">{offer.explanation}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
