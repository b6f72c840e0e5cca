// The customer's feedback survey (issue 22, docs/feedback.md): the page a mailed link opens
// (/survey/<tenant>#<token>: the token in the fragment, never sent to a server log) and the same form on
// the status page of a closed request. The question and the scale's ends in the case type's words, in the
// customer's language; one answer, then thanks. No sign-in: it talks only to /api/public.
import { useEffect, useState } from 'react';
import { useI18n, useWords } from '../i18n/use-words.ts';
import { isLanguage } from '../i18n/i18n.ts';

export interface Survey {
  title: string;
  reference: string;
  question: string;
  scale: { min: number; max: number; low: string | null; high: string | null };
  comment: { label: string } | null;
  language: string;
  expiresAt: string;
  answered: boolean;
}

type Answer = (body: { score: number; comment?: string }) => Promise<{ ok: true } | { ok: false; status: number; detail?: string }>;

async function call<T>(path: string, init: RequestInit = {}): Promise<{ ok: true; value: T } | { ok: false; status: number; detail?: string }> {
  try {
    const res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
    const body = (await res.json().catch(() => ({}))) as { detail?: string };
    return res.ok ? { ok: true, value: body as T } : { ok: false, status: res.status, ...(body.detail === undefined ? {} : { detail: body.detail }) };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** The words for a refused answer or survey. */
function refusal(status: number, t: (key: string) => string): string {
  return status === 409 ? t('answered') : status === 410 ? t('expired') : status === 404 ? t('notFound') : status === 429 ? t('tooMany') : t('notSent');
}

/** The question, a score per radio button, the comment box and the send button; thanks once answered. */
export function SurveyForm({ survey, answer, id }: { survey: Survey; answer: Answer; id: string }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`feedback.${key}`, values);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(survey.answered);
  const [message, setMessage] = useState<string | null>(null);
  if (done) return <p role="status">{survey.answered ? t('answered') : t('thanks')}</p>;
  const scores: number[] = [];
  for (let s = survey.scale.min; s <= survey.scale.max; s++) scores.push(s);
  const send = async () => {
    if (score === null) {
      setMessage(t('pickScore'));
      return;
    }
    setBusy(true);
    const r = await answer(comment.trim() === '' ? { score } : { score, comment });
    setBusy(false);
    if (r.ok) {
      setDone(true);
      setMessage(null);
    } else setMessage(refusal(r.status, t));
  };
  return (
    <form
      aria-label={t('title')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <fieldset className="survey-scale" role="radiogroup" aria-labelledby={`${id}-question`}>
        <legend id={`${id}-question`}>{survey.question}</legend>
        {survey.scale.low !== null || survey.scale.high !== null ? (
          <p className="help">
            {survey.scale.min}: {survey.scale.low ?? ''} · {survey.scale.max}: {survey.scale.high ?? ''}
          </p>
        ) : null}
        {scores.map((s) => (
          <label key={s} className="survey-score">
            <input type="radio" name={`${id}-score`} value={s} checked={score === s} onChange={() => setScore(s)} aria-label={t('scoreOf', { score: s, max: survey.scale.max })} /> {s}
          </label>
        ))}
      </fieldset>
      {survey.comment !== null ? (
        <>
          <label htmlFor={`${id}-comment`}>{survey.comment.label}</label>
          <textarea id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} rows={4} maxLength={2000} />
        </>
      ) : null}
      {message ? (
        <p className="error-box" role="alert">
          {message}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}

/** /survey/<tenant>#<token>: the survey a mailed link opens. */
export function SurveyPage({ tenant }: { tenant: string }) {
  const words = useWords();
  const i18n = useI18n();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`feedback.${key}`, values);
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const path = `/api/public/${encodeURIComponent(tenant)}/survey`;
  useEffect(() => {
    if (token === '') return;
    let live = true;
    void call<Survey>(path, { headers: { 'X-Survey-Token': token, 'Accept-Language': words.language } }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSurvey(r.value);
        // the page in the customer's language where the survey is in one the app speaks
        if (isLanguage(r.value.language) && r.value.language !== i18n.language) void i18n.changeLanguage(r.value.language);
      } else setMessage(refusal(r.status, (k) => words.t(`feedback.${k}`)));
    });
    return () => {
      live = false;
    };
  }, [path, token, words, i18n]);
  return (
    <main className="page public-page" lang={survey?.language || undefined}>
      <h1>{survey?.title ?? t('title')}</h1>
      {survey !== null ? <p>{t('about', { reference: survey.reference })}</p> : null}
      {token === '' ? (
        <p className="error-box" role="alert">
          {t('noToken')}
        </p>
      ) : null}
      {message ? (
        <p className="error-box" role="alert">
          {message}
        </p>
      ) : null}
      {survey !== null ? (
        <SurveyForm
          id="survey"
          survey={survey}
          answer={async (body) => {
            const r = await call(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Survey-Token': token }, body: JSON.stringify(body) });
            return r.ok ? { ok: true } : r;
          }}
        />
      ) : null}
    </main>
  );
}
