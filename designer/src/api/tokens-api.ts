// The access tokens an admin manages (`/api/tokens`: list, issue, rotate, revoke), for the Access tokens page.
// Through the client's one call (its failures worded in the reader's language; the server's as they came).
import { callApi, type ApiResult } from './client.ts';
import type { Translate } from '../i18n/i18n.ts';
import { ENGLISH } from '../i18n/words.ts';

export type TokenStatus = 'active' | 'expired' | 'revoked';

export interface TokenRow {
  id: string;
  name: string;
  tenant: string;
  roles: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
}

/** A secret just issued or rotated: shown once. */
export interface IssuedToken {
  token: string;
  name: string;
  tenant: string;
  roles: string[];
  expiresAt: string | null;
  /** After a rotation: until when the previous secret still works. */
  previousValidUntil?: string | null;
}

export interface TokensApi {
  list(): Promise<ApiResult<TokenRow[]>>;
  issue(input: { name: string; roles: string[]; expiresIn?: string }): Promise<ApiResult<IssuedToken>>;
  rotate(name: string, input: { grace?: string }): Promise<ApiResult<IssuedToken>>;
  revoke(name: string): Promise<ApiResult<{ revoked: number }>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const STATUSES: readonly TokenStatus[] = ['active', 'expired', 'revoked'];

function rowOf(v: unknown): TokenRow | null {
  if (!isObj(v) || typeof v.name !== 'string' || typeof v.id !== 'string') return null;
  const status = STATUSES.find((s) => s === v.status) ?? 'active';
  return {
    id: v.id,
    name: v.name,
    tenant: str(v.tenant) ?? '',
    roles: Array.isArray(v.roles) ? v.roles.filter((r): r is string => typeof r === 'string') : [],
    createdAt: str(v.createdAt) ?? '',
    expiresAt: str(v.expiresAt),
    lastUsedAt: str(v.lastUsedAt),
    revokedAt: str(v.revokedAt),
    status,
  };
}

function issuedOf(v: unknown): IssuedToken | null {
  if (!isObj(v) || typeof v.token !== 'string' || typeof v.name !== 'string') return null;
  return {
    token: v.token,
    name: v.name,
    tenant: str(v.tenant) ?? '',
    roles: Array.isArray(v.roles) ? v.roles.filter((r): r is string => typeof r === 'string') : [],
    expiresAt: str(v.expiresAt),
    ...('previousValidUntil' in v ? { previousValidUntil: str(v.previousValidUntil) } : {}),
  };
}

export function createTokensApi(token: string, t: Translate = ENGLISH.t): TokensApi {
  const call = (method: string, path: string, body?: unknown) => callApi(t, token, method, path, body);
  const shaped = <T>(r: ApiResult<unknown>, fn: (v: unknown) => T | null): ApiResult<T> => {
    if (!r.ok) return r;
    const value = fn(r.value);
    return value === null ? { ok: false, status: r.status, code: 'response.unexpected', message: t('pages.api.unexpected', { what: t('pages.tokens.what') }) } : { ok: true, value, status: r.status };
  };
  const enc = encodeURIComponent;
  return {
    async list() {
      return shaped(await call('GET', '/api/tokens'), (v) => (isObj(v) && Array.isArray(v.items) ? v.items.map(rowOf).filter((x): x is TokenRow => x !== null) : null));
    },
    async issue(input) {
      return shaped(await call('POST', '/api/tokens', input), issuedOf);
    },
    async rotate(name, input) {
      return shaped(await call('POST', `/api/tokens/${enc(name)}/rotate`, input), issuedOf);
    },
    async revoke(name) {
      return shaped(await call('DELETE', `/api/tokens/${enc(name)}`), (v) => (isObj(v) && typeof v.revoked === 'number' ? { revoked: v.revoked } : null));
    },
  };
}
