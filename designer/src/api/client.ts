// The designer's only way to the server: the HTTP API (GET /api/openapi.json), with the token as a Bearer header.
// Every call returns a Result value; failures carry the server's problem+json in plain words. The client's own
// words (no server, a refused token, an answer it does not know) go through the `t` it is created with (English
// by default); the server's own messages pass through as they came.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Problem } from '../../../schemas/problems.ts';
import type { HistoryEntry } from '../../../runtime/engine/index.ts';
import type { Wire } from './wire.ts';
import type { Translate } from '../i18n/i18n.ts';
import { ENGLISH } from '../i18n/words.ts';
import { authHeaders, isSession } from '../app/credential.ts';
import { createMigrationsApi, type MigrationsApi } from './migrations-api.ts';

export type ApiResult<T> = { ok: true; value: T; status: number } | { ok: false; status: number; code: string; message: string; problems?: ApiProblem[] };

/** A problem a 422 names (`problems` of problem+json): where, as a JSON Pointer into what was sent, and the server's sentence. */
export interface ApiProblem {
  pointer: string;
  message: string;
}

/** A row of the case-type list: the designer's view of the wire's `CaseTypeSummary` (`GET /api/case-types`). */
export interface CaseTypeSummary {
  key: string;
  title: string;
  /** Latest published version, or null when only a draft exists. */
  version: number | null;
  hasDraft: boolean;
  /** Whether the saved draft passed validation (null when unknown or no draft). */
  draftValid: boolean | null;
}

/** A draft (`Draft`, `PUT`/`GET /api/case-types/{key}/draft`) or a published definition, as the editor holds it. */
export interface DraftResponse {
  definition: CaseType;
  problems: Problem[];
}

/** A published version as the versions view lists it (`Version`, `GET /api/case-types/{key}/versions`). */
export interface VersionSummary {
  version: number;
  publishedAt: string;
  /** The name of the token that published it; null when not recorded (the first start's templates, older versions). */
  publishedBy: string | null;
  note: string | null;
}

export interface ApiClient {
  listCaseTypes(): Promise<ApiResult<CaseTypeSummary[]>>;
  getPublished(key: string): Promise<ApiResult<CaseType>>;
  getDraft(key: string): Promise<ApiResult<DraftResponse>>;
  saveDraft(def: CaseType): Promise<ApiResult<DraftResponse>>;
  /** Publishes the saved draft; `note` (optional) is kept with the version. */
  publish(key: string, note?: string): Promise<ApiResult<Wire['Published']>>;
  /** Every published version, oldest first, with who published it and the note. */
  listVersions(key: string): Promise<ApiResult<VersionSummary[]>>;
  /** One published version's definition. */
  getVersion(key: string, version: number): Promise<ApiResult<CaseType>>;
  /** TypeScript types of the case data of a (draft) definition: `POST /api/types`. */
  dataTypes(def: CaseType): Promise<ApiResult<string>>;
  /** Migrating open cases to another published version (`/api/migrations`, admins). */
  migrations: MigrationsApi;
  /** Replays the newest cases of the latest published version on `request.definition` (else the saved draft): `POST /api/case-types/{key}/backtest`. */
  backtest(key: string, request: Wire['BacktestRequest']): Promise<ApiResult<Wire['BacktestReport']>>;
  /** A case's whole history, oldest first (every page of `GET /api/cases/{id}/history`; agents and admins). */
  caseHistory(id: string): Promise<ApiResult<HistoryEntry[]>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function callApi(t: Translate, token: string, method: string, path: string, body?: unknown): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { ...authHeaders(token), Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    return { ok: false, status: 0, code: 'network', message: t('pages.api.network', { error: e instanceof Error ? e.message : String(e) }) };
  }
  let payload: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    }
  }
  if (res.ok) return { ok: true, value: payload, status: res.status };
  const p = isObj(payload) ? payload : {};
  const code = typeof p.code === 'string' ? p.code : `http.${res.status}`;
  const detail = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : typeof payload === 'string' && payload ? payload : res.statusText;
  const said = detail || t('pages.api.status', { status: res.status });
  // a person signed in through the identity provider reads about their sign-in, not a token; a refused CSRF token is a page to reload
  const session = isSession(token);
  const message =
    res.status === 401
      ? t(session ? 'pages.api.sessionEnded' : 'pages.api.token', { detail: said })
      : code === 'auth.csrf'
        ? t('pages.api.reload')
        : res.status === 403
          ? t('pages.api.forbidden', { detail: said })
          : said;
  const problems = Array.isArray(p.problems)
    ? p.problems.flatMap((x: unknown): ApiProblem[] => (isObj(x) && typeof x.pointer === 'string' && typeof x.message === 'string' ? [{ pointer: x.pointer, message: x.message }] : []))
    : [];
  return { ok: false, status: res.status, code, message, ...(problems.length > 0 ? { problems } : {}) };
}

/** A list item (`CaseTypeSummary`) as the designer shows it; null when it is not one. */
function summaryOf(item: unknown): CaseTypeSummary | null {
  if (!isObj(item) || typeof item.key !== 'string') return null;
  const wire = item as Partial<Wire['CaseTypeSummary']>;
  const draft = isObj(wire.draft) ? wire.draft : null;
  return {
    key: item.key,
    title: typeof wire.title === 'string' ? wire.title : item.key,
    version: typeof wire.latestVersion === 'number' ? wire.latestVersion : null,
    hasDraft: draft !== null,
    draftValid: draft !== null && typeof draft.valid === 'boolean' ? draft.valid : null,
  };
}

/** A `Draft` (or a bare published definition, its problems none) as the editor holds it; null when it is neither. */
function draftOf(payload: unknown): DraftResponse | null {
  if (!isObj(payload)) return null;
  const def = isObj(payload.definition) ? payload.definition : isObj(payload.draft) ? payload.draft : payload;
  if (typeof def.key !== 'string') return null;
  // The wire's definition problems are the validator's `Problem`s: a change to either fails to compile here.
  const problems: Problem[] = Array.isArray(payload.problems) ? (payload.problems as Wire['Draft']['problems']) : [];
  return { definition: def as unknown as CaseType, problems };
}

/** What the client expected, for its message when the answer is of another shape: `pages.api.what.*`. */
type Expected = 'caseTypes' | 'caseType' | 'draft' | 'savedDraft' | 'published' | 'versions' | 'version' | 'dataTypes' | 'backtest' | 'history';

function mapAnswer<T>(t: Translate, r: ApiResult<unknown>, fn: (v: unknown) => T | null, what: Expected): ApiResult<T> {
  if (!r.ok) return r;
  const value = fn(r.value);
  if (value === null) return { ok: false, status: r.status, code: 'response.unexpected', message: t('pages.api.unexpected', { what: t(`pages.api.what.${what}`) }) };
  return { ok: true, value, status: r.status };
}

/** The API with `token`; `t` words the client's own failures (English by default; the app passes its language's). */
export function createApiClient(token: string, t: Translate = ENGLISH.t): ApiClient {
  const enc = encodeURIComponent;
  const call = (method: string, path: string, body?: unknown) => callApi(t, token, method, path, body);
  const mapResult = <T>(r: ApiResult<unknown>, fn: (v: unknown) => T | null, what: Expected) => mapAnswer(t, r, fn, what);
  return {
    migrations: createMigrationsApi(call, () => t('migrations.api.unexpected')),
    async listCaseTypes() {
      const r = await call('GET', '/api/case-types');
      return mapResult(
        r,
        (v) => {
          const items = isObj(v) && Array.isArray(v.items) ? (v as Wire['CaseTypeList']).items : null;
          return items ? items.map(summaryOf).filter((s): s is CaseTypeSummary => s !== null) : null;
        },
        'caseTypes',
      );
    },
    async getPublished(key) {
      const r = await call('GET', `/api/case-types/${enc(key)}`);
      return mapResult(r, (v) => draftOf(v)?.definition ?? null, 'caseType');
    },
    async getDraft(key) {
      const r = await call('GET', `/api/case-types/${enc(key)}/draft`);
      return mapResult(r, draftOf, 'draft');
    },
    async saveDraft(def) {
      const r = await call('PUT', `/api/case-types/${enc(def.key)}/draft`, def);
      return mapResult(r, (v) => draftOf(v) ?? { definition: def, problems: [] }, 'savedDraft');
    },
    async publish(key, note) {
      const body: Wire['PublishRequest'] | undefined = note === undefined || note.trim() === '' ? undefined : { note };
      const r = await call('POST', `/api/case-types/${enc(key)}/publish`, body);
      return mapResult(
        r,
        (v): Wire['Published'] | null => (isObj(v) && typeof v.version === 'number' ? { key: typeof v.key === 'string' ? v.key : key, version: v.version } : null),
        'published',
      );
    },
    async listVersions(key) {
      const r = await call('GET', `/api/case-types/${enc(key)}/versions`);
      return mapResult(
        r,
        (v) => {
          const items = isObj(v) && Array.isArray(v.items) ? (v as Wire['VersionList']).items : null;
          if (!items) return null;
          return items.flatMap((i): VersionSummary[] =>
            typeof i.version === 'number' && typeof i.publishedAt === 'string'
              ? [{ version: i.version, publishedAt: i.publishedAt, publishedBy: typeof i.publishedBy === 'string' ? i.publishedBy : null, note: typeof i.note === 'string' ? i.note : null }]
              : [],
          );
        },
        'versions',
      );
    },
    async getVersion(key, version) {
      const r = await call('GET', `/api/case-types/${enc(key)}/versions/${String(version)}`);
      return mapResult(r, (v) => draftOf(v)?.definition ?? null, 'version');
    },
    async dataTypes(def) {
      const r = await call('POST', '/api/types', def);
      return mapResult(r, (v) => (typeof v === 'string' ? v : null), 'dataTypes');
    },
    async backtest(key, request) {
      const r = await call('POST', `/api/case-types/${enc(key)}/backtest`, request);
      return mapResult(
        r,
        (v) => (isObj(v) && isObj(v.summary) && Array.isArray(v.cases) && typeof v.version === 'number' ? (v as unknown as Wire['BacktestReport']) : null),
        'backtest',
      );
    },
    async caseHistory(id) {
      const entries: HistoryEntry[] = [];
      let cursor: string | null = null;
      // a page at a time (200 entries), until the server says there is no next one
      for (let pages = 0; pages < 10_000; pages++) {
        const query: string = new URLSearchParams({ limit: '200', ...(cursor === null ? {} : { cursor }) }).toString();
        const r: ApiResult<Wire['HistoryList']> = mapResult(
          await call('GET', `/api/cases/${enc(id)}/history?${query}`),
          (v): Wire['HistoryList'] | null => (isObj(v) && Array.isArray(v.items) ? (v as unknown as Wire['HistoryList']) : null),
          'history',
        );
        if (!r.ok) return r;
        // the wire's entries are the engine's history entries (their state values are the engine's own)
        entries.push(...(r.value.items as unknown as HistoryEntry[]));
        cursor = typeof r.value.nextCursor === 'string' && r.value.nextCursor !== '' ? r.value.nextCursor : null;
        if (cursor === null) return { ok: true, value: entries, status: r.status };
      }
      return { ok: true, value: entries, status: 200 };
    },
  };
}
