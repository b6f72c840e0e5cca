// The customer's side (issue 20, item 4): the self-service form of a case type (/forms/<tenant>/<key>),
// drawn by the one form renderer and checked live with the engine's own problems, and the status page
// of the request it opened (/status/<tenant>/<reference>, the code in the address's fragment or typed
// in). No sign-in: they talk only to /api/public (docs/public-form.md).
import { useEffect, useMemo, useState } from 'react';
import type { CaseType, FieldSchema, Form } from '../../../schemas/generated/case-type.ts';
import { dataProblems, isMissingProblem, type FieldProblem, type JsonValue } from '../../../runtime/engine/index.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { errorsByField } from '../form/field-errors.ts';
import { fieldLabel } from '../model/field-label.ts';
import { useWords } from '../i18n/use-words.ts';
import { formatDateTime } from '../i18n/format.ts';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { SurveyForm, type Survey } from './SurveyPage.tsx';

interface FormView {
  key: string;
  title: string;
  description: string | null;
  schema: FieldSchema;
  form: Form;
  documents: boolean;
}

interface Receipt {
  reference: string;
  secret: string;
  statusPath: string;
}

interface Status {
  reference: string;
  title: string;
  stages: string[];
  closed: boolean;
  createdAt: string;
  closedAt: string | null;
  updates: { at: string; title: string | null }[];
  canReply: boolean;
  canAddDocuments: boolean;
}

interface Problem {
  code?: string;
  detail?: string;
  problems?: FieldProblem[];
}

async function call<T>(path: string, init: RequestInit = {}): Promise<{ ok: true; value: T } | { ok: false; status: number; problem: Problem }> {
  try {
    const res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
    const body = (await res.json().catch(() => ({}))) as unknown;
    return res.ok ? { ok: true, value: body as T } : { ok: false, status: res.status, problem: body as Problem };
  } catch {
    return { ok: false, status: 0, problem: {} };
  }
}

/** Sends the files to the request's documents, one by one; the words for each that was not taken. */
async function uploadAll(tenant: string, reference: string, code: string, files: readonly File[], refused: (name: string, why: string) => string): Promise<{ added: number; failures: string[] }> {
  let added = 0;
  const failures: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    const r = await call<{ name: string }>(`/api/public/${encodeURIComponent(tenant)}/cases/${encodeURIComponent(reference)}/documents`, { method: 'POST', headers: { 'X-Case-Code': code }, body: form });
    if (r.ok) added += 1;
    else failures.push(refused(file.name, r.problem.detail ?? String(r.status)));
  }
  return { added, failures };
}

/** A labelled file picker for documents (several at once). */
function DocumentsPicker({ id, label, help, onChange }: { id: string; label: string; help: string; onChange: (files: File[]) => void }) {
  return (
    <div className="public-documents">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" multiple aria-describedby={`${id}-help`} onChange={(e) => onChange([...(e.target.files ?? [])])} />
      <p id={`${id}-help`} className="help">
        {help}
      </p>
    </div>
  );
}

/** What became of the documents sent: how many were added, and each that was not, with why. */
function UploadOutcome({ result, announce = false }: { result: { added: number; failures: string[] } | null; announce?: boolean }) {
  const words = useWords();
  if (result === null) return null;
  return (
    <>
      {result.added > 0 ? <p role={announce ? 'status' : undefined}>{words.t('public.documentsAdded', { count: result.added })}</p> : null}
      {result.failures.length > 0 ? (
        <ul className="error-box" aria-label={words.t('public.documentsNotAdded')}>
          {result.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** /forms/<tenant>/<key>: the form, then the reference and code of what was sent. */
export function PublicFormPage({ tenant, caseType }: { tenant: string; caseType: string }) {
  const words = useWords();
  const t = (k: string, values?: Record<string, unknown>) => words.t(`public.${k}`, values);
  const [view, setView] = useState<FormView | null>(null);
  const [missing, setMissing] = useState(false);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploaded, setUploaded] = useState<{ added: number; failures: string[] } | null>(null);
  const base = `/api/public/${encodeURIComponent(tenant)}/forms/${encodeURIComponent(caseType)}`;
  useEffect(() => {
    let live = true;
    void call<FormView>(base).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setMissing(true);
    });
    return () => {
      live = false;
    };
  }, [base]);
  // the labeller reads titles from the data schema only
  const def = useMemo(() => (view ? ({ data: view.schema } as unknown as CaseType) : null), [view]);
  const live = useMemo(() => (view ? dataProblems(view.schema, data as JsonValue) : []), [view, data]);
  const errors = useMemo(() => {
    const shown = errorsByField(live.filter((p) => submitted || !isMissingProblem(p)), (p) => fieldLabel(def, p), words);
    return { ...shown, ...serverErrors };
  }, [live, submitted, serverErrors, def, words]);

  const submit = async () => {
    setSubmitted(true);
    setServerErrors({});
    if (live.length > 0) {
      setMessage(t('fixFirst', { count: live.length }));
      return;
    }
    setBusy(true);
    const r = await call<Receipt>(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
    if (!r.ok) setBusy(false);
    if (r.ok) {
      // the request is in; the documents follow, each on its own
      if (files.length > 0) setUploaded(await uploadAll(tenant, r.value.reference, r.value.secret, files, (name, why) => t('documentRefused', { name, why })));
      setBusy(false);
      setReceipt(r.value);
      setMessage(null);
      return;
    }
    const problems = r.problem.problems ?? [];
    setServerErrors(errorsByField(problems, (p) => fieldLabel(def, p), words));
    setMessage(r.status === 429 ? t('tooMany') : r.status === 0 ? t('offline') : problems.length > 0 ? t('fixFirst', { count: problems.length }) : (r.problem.detail ?? t('notSent')));
  };

  if (missing) {
    return (
      <main className="page public-page">
        <h1>{t('noForm')}</h1>
        <p>{t('noFormHelp')}</p>
      </main>
    );
  }
  if (!view) {
    return (
      <p role="status" className="page">
        {words.t('common.loading')}
      </p>
    );
  }
  if (receipt) {
    return (
      <main className="page public-page">
        <h1>{t('thanks')}</h1>
        <p role="status">{t('yourReference', { reference: receipt.reference })}</p>
        <UploadOutcome result={uploaded} />
        <dl className="public-receipt">
          <dt>{t('reference')}</dt>
          <dd>{receipt.reference}</dd>
          <dt>{t('code')}</dt>
          <dd>
            <code>{receipt.secret}</code>
          </dd>
        </dl>
        <p>{t('keepBoth')}</p>
        <p>
          <a href={receipt.statusPath}>{t('follow')}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="page public-page">
      <h1>{view.title}</h1>
      {view.description ? <p className="help">{view.description}</p> : null}
      <form
        noValidate
        aria-label={view.title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormRenderer schema={view.schema} form={{ sections: view.form.sections.map((s) => ({ ...s, title: t('yourRequest') })) }} value={data} onChange={setData} errors={errors} idPrefix="public" sectionLevel={2} />
        {view.documents ? <DocumentsPicker id="public-documents" label={t('documents')} help={t('documentsHelp')} onChange={setFiles} /> : null}
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
    </main>
  );
}

/** /status/<tenant>/<reference>: where the request stands, what happened, and a reply when one is taken. */
export function StatusPage({ tenant, reference }: { tenant: string; reference: string }) {
  const words = useWords();
  const t = (k: string, values?: Record<string, unknown>) => words.t(`public.${k}`, values);
  const [code, setCode] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [uploaded, setUploaded] = useState<{ added: number; failures: string[] } | null>(null);
  const [reloads, setReloads] = useState(0);
  const base = `/api/public/${encodeURIComponent(tenant)}/cases/${encodeURIComponent(reference)}`;
  // a closed request's feedback survey, where its case type asks for one (docs/feedback.md)
  const [survey, setSurvey] = useState<Survey | null>(null);
  const closed = status?.closed === true;
  useEffect(() => {
    if (!closed || code === '') return;
    let live = true;
    void call<Survey>(`${base}/feedback`, { headers: { 'X-Case-Code': code } }).then((r) => {
      if (live && r.ok) setSurvey(r.value);
    });
    return () => {
      live = false;
    };
  }, [base, code, closed]);
  useEffect(() => {
    if (code === '') return;
    const say = (k: string) => words.t(`public.${k}`);
    let live = true;
    void call<Status>(base, { headers: { 'X-Case-Code': code } }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setStatus(r.value);
        setMessage(null);
      } else {
        setStatus(null);
        setMessage(r.status === 429 ? say('tooMany') : say('wrongCode'));
      }
    });
    return () => {
      live = false;
    };
  }, [base, code, words, reloads]);

  const sendReply = async () => {
    if (reply.trim() === '') {
      setMessage(t('replyEmpty'));
      return;
    }
    setBusy(true);
    const r = await call<Status>(`${base}/reply`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Case-Code': code }, body: JSON.stringify({ text: reply }) });
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setReply('');
      setSent(true);
      setMessage(null);
    } else {
      setMessage(r.status === 409 ? t('replyNotExpected') : r.status === 429 ? t('tooMany') : (r.problem.detail ?? t('notSent')));
    }
  };

  if (status === null) {
    return (
      <main className="page public-page">
        <h1>{t('statusOf', { reference })}</h1>
        {message ? (
          <p className="error-box" role="alert">
            {message}
          </p>
        ) : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setCode(typed.trim());
          }}
        >
          <label htmlFor="status-code">{t('code')}</label>
          <input id="status-code" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          <div className="button-row">
            <button type="submit" className="primary">
              {t('show')}
            </button>
          </div>
        </form>
      </main>
    );
  }
  return (
    <main className="page public-page">
      <h1>{status.title}</h1>
      <dl className="public-receipt">
        <dt>{t('reference')}</dt>
        <dd>{status.reference}</dd>
        <dt>{t('stage')}</dt>
        <dd>{status.closed ? t('closed') : status.stages.join(', ')}</dd>
      </dl>
      <h2>{t('history')}</h2>
      <ol className="public-updates" aria-label={t('history')}>
        {status.updates.map((u, i) => (
          <li key={`${u.at}-${String(i)}`}>
            <time dateTime={u.at}>{formatDateTime(u.at, words.language)}</time> {u.title ?? t('received')}
          </li>
        ))}
      </ol>
      {survey !== null ? (
        <section aria-labelledby="status-survey-title">
          <h2 id="status-survey-title">{words.t('feedback.title')}</h2>
          <SurveyForm
            id="status-survey"
            survey={survey}
            answer={async (body) => {
              const r = await call(`${base}/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Case-Code': code }, body: JSON.stringify(body) });
              return r.ok ? { ok: true } : { ok: false, status: r.status, ...(r.problem.detail === undefined ? {} : { detail: r.problem.detail }) };
            }}
          />
        </section>
      ) : null}
      {sent ? <p role="status">{t('replySent')}</p> : null}
      {message ? (
        <p className="error-box" role="alert">
          {message}
        </p>
      ) : null}
      {status.canAddDocuments ? (
        <form
          aria-label={t('addDocuments')}
          onSubmit={(e) => {
            e.preventDefault();
            if (files.length === 0) return;
            setBusy(true);
            void uploadAll(tenant, reference, code, files, (name, why) => t('documentRefused', { name, why })).then((result) => {
              setBusy(false);
              setUploaded(result);
            });
          }}
        >
          <DocumentsPicker id="status-documents" label={t('documents')} help={t('documentsHelp')} onChange={setFiles} />
          <UploadOutcome result={uploaded} announce />
          <div className="button-row">
            <button type="submit" disabled={busy || files.length === 0}>
              {t('addDocuments')}
            </button>
          </div>
        </form>
      ) : null}
      {status.closed ? null : (
        <section aria-labelledby="status-chat-title">
          <h2 id="status-chat-title">{words.t('chat.titleCustomer')}</h2>
          <ChatPanel
            id="status-chat"
            me="customer"
            open={(after, signal) => fetch(`${base}/chat/stream?after=${String(after)}`, { headers: { 'X-Case-Code': code, Accept: 'text/event-stream' }, signal })}
            send={async (text) => {
              const r = await call(`${base}/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Case-Code': code }, body: JSON.stringify({ text }) });
              if (r.ok) {
                // a message may answer a question: where the request stands may have changed
                setReloads((n) => n + 1);
                return { ok: true };
              }
              return { ok: false, message: r.status === 429 ? t('tooMany') : (r.problem.detail ?? t('notSent')) };
            }}
          />
        </section>
      )}
      {status.canReply ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void sendReply();
          }}
        >
          <label htmlFor="status-reply">{t('yourReply')}</label>
          <textarea id="status-reply" value={reply} onChange={(e) => setReply(e.target.value)} rows={5} maxLength={10000} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('sending') : t('sendReply')}
            </button>
          </div>
        </form>
      ) : null}
    </main>
  );
}
