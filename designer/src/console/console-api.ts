// The worker console's calls: the HTTP API (GET /api/openapi.json: cases, tasks, events, history) plus the customer
// view (`/api/cases/:id/related`) and `/api/me`. Results are values; a problem keeps its field problems.
// A failure is worded with the `t` it is created with (the console's language; the server's own `detail` as it came).
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { translateDefinition } from '../../../schemas/translations.ts';
import { partnerDefinition } from './partner-view.ts';
import type { CaseTask, FieldProblem, HistoryEntry, NextEvent, StateValue, ChecklistItem, SlaView } from '../../../runtime/engine/index.ts';
import { loadPages, type Page } from './paging.ts';
import type { Refine, Wire } from '../api/wire.ts';
import { ENGLISH, type Translate } from '../i18n/index.ts';
import { authHeaders, isSession } from '../app/credential.ts';

/**
 * A case as the API sends it (`Case`: `GET /api/cases/{id}`, lists, events), with the engine's own types where the
 * document says less (state value, tasks, SLA views, checklist, next events) and the fields every case view carries.
 */
export type CaseRecord = Refine<
  Wire['Case'],
  {
    state: StateValue;
    queue: string | null;
    assignee: string | null;
    channel: string | null;
    parentId: string | null;
    children: string[];
    createdAt: string;
    updatedAt: string;
    closedAt: string | null;
    tasks: CaseTask[];
    slas: SlaView[];
    checklist: ChecklistItem[];
    next: NextEvent[];
  }
>;

/** A work item as `GET /api/tasks` sends it (`Task`), every field present; it is a `CaseTask` of its case. */
export type TaskItem = Required<Omit<Wire['Task'], 'escalatedAt'>> & CaseTask;

export type Me = Wire['Me'];

/** A document of the case file (`Document`: `GET /api/cases/{id}/documents`). */
export type DocumentItem = Wire['Document'];

/** A case sharing a customer identifier (`RelatedCase`), its state an engine state value. */
export type RelatedCase = Refine<Wire['RelatedCase'], { state: StateValue }>;

/** A case found by `GET /api/search` (`SearchResult`), its state an engine state value. */
export type SearchResult = Refine<Wire['SearchResult'], { state: StateValue }>;

/** `GET /api/cases/{id}/related` (`RelatedCases`); `nextCursor` is set when the customer has more cases than one page holds. */
export type Related = Refine<Wire['RelatedCases'], { items: RelatedCase[] }>;

export type { Failure, Result } from './api-result.ts';
import type { Result } from './api-result.ts';
import type { ReasonsReport } from './reasons-report.ts';
import type { SuggestionsReport } from './suggestion-words.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ConsoleApi {
  me(): Promise<Result<Me>>;
  caseTypes(): Promise<Result<Wire['CaseTypeSummary'][]>>;
  caseType(key: string, version?: number): Promise<Result<CaseType>>;
  cases(query: Record<string, string>): Promise<Result<Page<CaseRecord>>>;
  getCase(id: string): Promise<Result<CaseRecord>>;
  createCase(body: Wire['CreateCaseRequest']): Promise<Result<CaseRecord>>;
  sendEvent(id: string, type: Wire['EventRequest']['type'], data: Wire['EventRequest']['data'], revision: number): Promise<Result<CaseRecord>>;
  history(id: string): Promise<Result<HistoryEntry[]>>;
  tasks(query: Record<string, string>): Promise<Result<Page<TaskItem>>>;
  claim(taskId: string): Promise<Result<TaskItem>>;
  release(taskId: string): Promise<Result<TaskItem>>;
  related(id: string): Promise<Result<Related>>;
  /** Case search (docs/search.md): a page of the cases matching `q`, best first. */
  search(q: string, cursor: string | null, limit?: number): Promise<Result<Page<SearchResult>>>;
  /** The contact reasons report: the top values of a field of a case type, with their channels. */
  reasons(query: { caseType: string; field: string }): Promise<Result<ReasonsReport>>;
  /** The accuracy of the contact-reason suggestions of a case type. */
  suggestions(query: { caseType: string }): Promise<Result<SuggestionsReport>>;
  documents(caseId: string): Promise<Result<DocumentItem[]>>;
  /** Uploads a file (multipart, streamed by the browser), attached to the documents field `field` when given. */
  uploadDocument(caseId: string, file: Blob, name: string, field?: string): Promise<Result<DocumentItem>>;
  /** The content of a document, to save or open. */
  downloadDocument(caseId: string, documentId: string): Promise<Result<Blob>>;
  removeDocument(caseId: string, documentId: string): Promise<Result<DocumentItem>>;
  /** The case's conversation with the customer as server-sent events, after history entry `after`. */
  chatStream(caseId: string, after: number, signal: AbortSignal): Promise<Response>;
  sendChat(caseId: string, text: string): Promise<Result<unknown>>;
  /** An agent note on the case: a history entry with its author and time (issue 21). */
  addNote(caseId: string, text: string): Promise<Result<Wire['Note']>>;
  /** Links the open case with this reference as a child of `parentId` (docs/linked-work.md). */
  linkChild(parentId: string, reference: string): Promise<Result<unknown>>;
  unlinkChild(parentId: string, childId: string): Promise<Result<unknown>>;
}

/** The API's request: JSON (or a blob) in, a Result out, failures in words (`t`): network, 401/403, the server's detail. Shared by the console's calls and push routing's (routing-api.ts). */
export function apiCaller(token: string, t: Translate = ENGLISH.t) {
  return async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, read: 'json' | 'blob' = 'json'): Promise<Result<T>> {
    const form = body instanceof FormData;
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        // a form's Content-Type (multipart, with its boundary) is the browser's to set
        headers: { ...authHeaders(token), Accept: 'application/json', ...(body !== undefined && !form ? { 'Content-Type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
      });
    } catch (e) {
      return { ok: false, status: 0, code: 'network', message: t('console.api.network', { error: e instanceof Error ? e.message : String(e) }), problems: [] };
    }
    if (res.ok && read === 'blob') return { ok: true, value: (await res.blob()) as T };
    const text = await res.text();
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : null;
    } catch {
      payload = text;
    }
    if (res.ok) return { ok: true, value: payload as T };
    const p = isObj(payload) ? payload : {};
    const problems = Array.isArray(p.problems) ? (p.problems as FieldProblem[]).filter((x) => isObj(x) && typeof x.pointer === 'string') : [];
    const detail = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : t('console.api.status', { status: res.status });
    const prefix = res.status === 401 ? t(isSession(token) ? 'console.api.sessionEnded' : 'console.api.token') : res.status === 403 ? t('console.api.forbidden') : '';
    const rules = Array.isArray(p.rules) ? p.rules.filter((r): r is string => typeof r === 'string') : undefined;
    return { ok: false, status: res.status, code: typeof p.code === 'string' ? p.code : `http.${res.status}`, message: prefix + detail, problems, ...(rules ? { rules } : {}) };
  };
}

/**
 * `t` words the failures (`console.api.*`); the console passes its i18next instance's, which follows a language
 * change. `language` is the reader's: case-type definitions come with their own texts in it where the case type
 * translates them (`translations`, docs/i18n.md).
 */
export function createConsoleApi(token: string, t: Translate = ENGLISH.t, language: string = 'en', forPartner = false): ConsoleApi {
  const call = apiCaller(token, t);
  const enc = encodeURIComponent;
  const qs = (q: Record<string, string>) => {
    const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();
    return s ? `?${s}` : '';
  };
  const items = <T>(r: Result<{ items: T[] }>): Result<T[]> => (r.ok ? { ok: true, value: r.value.items } : r);
  return {
    me: () => call('GET', '/api/me'),
    async caseTypes() {
      return items(await call('GET', '/api/case-types'));
    },
    async caseType(key, version) {
      const r = await call<CaseType>('GET', version === undefined ? `/api/case-types/${enc(key)}` : `/api/case-types/${enc(key)}/versions/${version}`);
      if (!r.ok) return r;
      const translated = translateDefinition(r.value, language);
      // a partner's person: only the shared fields are offered (the server sends and accepts no others)
      return { ok: true, value: forPartner ? partnerDefinition(translated) : translated };
    },
    cases: (query) => call('GET', `/api/cases${qs(query)}`),
    getCase: (id) => call('GET', `/api/cases/${enc(id)}`),
    createCase: (body) => call('POST', '/api/cases', body),
    sendEvent: (id, type, data, revision) =>
      call('POST', `/api/cases/${enc(id)}/events`, data === undefined ? { type } : { type, data }, { 'If-Match': `"${revision}"` }),
    async history(id) {
      const page = (cursor: string | null) => call<Page<HistoryEntry>>('GET', `/api/cases/${enc(id)}/history${qs({ limit: '200', cursor: cursor ?? '' })}`);
      return items(await loadPages(page, Infinity, (e) => String(e.seq)));
    },
    tasks: (query) => call('GET', `/api/tasks${qs(query)}`),
    claim: (taskId) => call('POST', `/api/tasks/${enc(taskId)}/claim`),
    release: (taskId) => call('POST', `/api/tasks/${enc(taskId)}/release`),
    related: (id) => call('GET', `/api/cases/${enc(id)}/related?limit=200`),
    search: (q, cursor, limit = 20) => call('GET', `/api/search${qs({ q, limit: String(limit), cursor: cursor ?? '' })}`),
    reasons: (query) => call('GET', `/api/reports/reasons${qs(query)}`),
    suggestions: (query) => call('GET', `/api/reports/suggestions${qs(query)}`),
    async documents(caseId) {
      return items(await call('GET', `/api/cases/${enc(caseId)}/documents`));
    },
    uploadDocument(caseId, file, name, field) {
      const form = new FormData();
      if (field !== undefined) form.append('field', field);
      form.append('file', file, name);
      return call('POST', `/api/cases/${enc(caseId)}/documents`, form);
    },
    downloadDocument: (caseId, documentId) => call('GET', `/api/cases/${enc(caseId)}/documents/${enc(documentId)}`, undefined, { Accept: '*/*' }, 'blob'),
    removeDocument: (caseId, documentId) => call('DELETE', `/api/cases/${enc(caseId)}/documents/${enc(documentId)}`),
    chatStream: (caseId, after, signal) => fetch(`/api/cases/${enc(caseId)}/chat/stream?after=${String(after)}`, { headers: { ...authHeaders(token), Accept: 'text/event-stream' }, signal }),
    sendChat: (caseId, text) => call('POST', `/api/cases/${enc(caseId)}/chat`, { text }),
    addNote: (caseId, text) => call('POST', `/api/cases/${enc(caseId)}/notes`, { text }),
    linkChild: (parentId, reference) => call('POST', `/api/cases/${enc(parentId)}/children`, { reference }),
    unlinkChild: (parentId, childId) => call('DELETE', `/api/cases/${enc(parentId)}/children/${enc(childId)}`),
  };
}
