// Migrating open cases to another published version (`/api/migrations`, admins; issue 19): the suggested
// plan, the dry run, starting a migration and following it. Through the client's one call, so failures are
// worded as everywhere; a 422's plan problems (pointers into the plan) come with the failure.
import type { ApiResult } from './client.ts';
import type { Wire } from './wire.ts';

type Call = (method: string, path: string, body?: unknown) => Promise<ApiResult<unknown>>;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MigrationsApi {
  /** The plan generated from two published versions, with the newly required fields it gives no value for. */
  suggest(key: string, from: number, to: number): Promise<ApiResult<Wire['SuggestedMigrationPlan']>>;
  /** What the plan would do to each open case it selects (nothing is written); `limit` cases listed. */
  dryRun(plan: Wire['MigrationPlan'], limit?: number): Promise<ApiResult<Wire['MigrationDryRun']>>;
  /** Starts the migration (202); it goes on in the background. */
  start(plan: Wire['MigrationPlan']): Promise<ApiResult<Wire['Migration']>>;
  get(id: string): Promise<ApiResult<Wire['Migration']>>;
  list(caseType: string): Promise<ApiResult<Wire['Migration'][]>>;
  /** The cases of a migration with this status, a page at a time. */
  cases(id: string, status: 'pending' | 'migrated' | 'blocked' | 'skipped', cursor?: string | null): Promise<ApiResult<Wire['MigrationCaseList']>>;
  /** A case's reference (COM-000123), to name it. */
  reference(caseId: string): Promise<ApiResult<string>>;
}

/** The answer when it has the shape `ok` checks; a failure that says so otherwise. */
function shaped<T>(r: ApiResult<unknown>, ok: (v: unknown) => boolean, unexpected: () => string): ApiResult<T> {
  if (!r.ok) return r;
  return ok(r.value) ? { ok: true, value: r.value as T, status: r.status } : { ok: false, status: r.status, code: 'response.unexpected', message: unexpected() };
}

/** `unexpected`: the message for an answer of another shape, in the reader's language of the moment. */
export function createMigrationsApi(call: Call, unexpected: () => string): MigrationsApi {
  const enc = encodeURIComponent;
  const isMigration = (v: unknown) => isObj(v) && typeof v.id === 'string' && isObj(v.counts) && (v.status === 'running' || v.status === 'done');
  return {
    async suggest(key, from, to) {
      const r = await call('GET', `/api/case-types/${enc(key)}/migration-plan?from=${String(from)}&to=${String(to)}`);
      return shaped(r, (v) => isObj(v) && isObj(v.plan) && Array.isArray(v.needsDefaults), unexpected);
    },
    async dryRun(plan, limit) {
      const r = await call('POST', `/api/migrations/dry-run${limit === undefined ? '' : `?limit=${String(limit)}`}`, plan);
      return shaped(r, (v) => isObj(v) && isObj(v.counts) && Array.isArray(v.cases), unexpected);
    },
    async start(plan) {
      return shaped(await call('POST', '/api/migrations', plan), isMigration, unexpected);
    },
    async get(id) {
      return shaped(await call('GET', `/api/migrations/${enc(id)}`), isMigration, unexpected);
    },
    async list(caseType) {
      const r = await call('GET', `/api/migrations?caseType=${enc(caseType)}`);
      const listed = shaped<Wire['MigrationList']>(r, (v) => isObj(v) && Array.isArray(v.items), unexpected);
      return listed.ok ? { ...listed, value: listed.value.items } : listed;
    },
    async cases(id, status, cursor) {
      const r = await call('GET', `/api/migrations/${enc(id)}/cases?status=${status}&limit=100${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      return shaped(r, (v) => isObj(v) && Array.isArray(v.items), unexpected);
    },
    async reference(caseId) {
      const r = await call('GET', `/api/cases/${enc(caseId)}`);
      const got = shaped<{ reference: string }>(r, (v) => isObj(v) && typeof v.reference === 'string', unexpected);
      return got.ok ? { ...got, value: got.value.reference } : got;
    },
  };
}
