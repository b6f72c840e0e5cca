// People who sign in through an identity provider (OpenID Connect; the HTTP adapter talks to the
// provider): who they are in Dossier, decided from the provider's claims by the server's policy
// (`dossier serve --oidc-*`), and their sessions — tokens of kind `session` whose secret lives in an
// HTTP-only cookie, with a lifetime of their own. docs/sign-in.md says why sessions are tokens.
import type { Instant } from '../engine/index.ts';
import type { CaseStore, TokenRecord } from '../store/case-store.ts';
import { forgetVerified, issueToken, tokenDuration } from './tokens.ts';

/** How long a session lasts when the server sets none (a working day and then some). */
export const DEFAULT_SESSION_LIFETIME = 'PT12H';
/** The longest session a server may be configured with. */
export const MAX_SESSION_LIFETIME = 'P30D';

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** How the provider's claims make a Dossier person. */
export interface SignInPolicy {
  /** Which group gives which role; a person gets every role one of their groups gives (and at least one, or no entry). */
  roleGroups: readonly { role: string; group: string }[];
  /** The claim that lists a person's groups (default `groups`); a dotted path reaches into objects (`realm_access.roles`). */
  groupsClaim: string;
  /** The claim that names the person in history and assignments (default `name`; then `preferred_username`, `email`, `sub`). */
  nameClaim: string;
  /** The claim that holds the person's tenant; null: everybody is in `tenant`. */
  tenantClaim: string | null;
  /** The tenant of everybody when there is no tenant claim (default `default`). */
  tenant: string;
  /**
   * The tenants the tenant claim may name (`--oidc-tenants`); null: any but `default`, whose admins manage
   * every tenant — a claim may give it only where it is listed.
   */
  allowedTenants?: readonly string[] | null;
  /** Which group makes a person one of a partner organisation's people (`--oidc-partner PARTNER=GROUP`); the first that matches. */
  partnerGroups?: readonly { partner: string; group: string }[];
}

/** A signed-in person as Dossier knows them. */
export interface Person {
  /** The provider's subject: who they are for the provider, for ever. */
  subject: string;
  /** How history and assignments name them. */
  name: string;
  tenant: string;
  roles: string[];
  /** The partner organisation they work for (an outsourced back office), if a group says so. */
  partner?: string;
}

type Claims = Record<string, unknown>;

/** The claim at a dotted path (`realm_access.roles`), or a claim whose own name has dots. */
function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let at: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Claims)[part];
  }
  return at;
}

/** A claim's text without control characters (a NUL cannot be stored, a line break would forge lines in logs), at most 200 characters; null when none is left. */
const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const clean = [...value].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').trim().slice(0, 200).trim();
  return clean === '' ? null : clean;
};

/**
 * The person the claims describe under `policy`, or why they may not sign in, in words for them (their
 * provider's groups or tenant are wrong; nothing of Dossier's inside is named).
 */
export function personOf(claims: Claims, policy: SignInPolicy): { ok: true; person: Person } | { ok: false; reason: string } {
  const subject = text(claims.sub);
  if (subject === null) return { ok: false, reason: 'The identity provider did not say who you are (no subject). Ask your administrator to check its setup.' };
  const name = text(claimAt(claims, policy.nameClaim)) ?? text(claims.preferred_username) ?? text(claims.email) ?? subject;
  const raw = claimAt(claims, policy.groupsClaim);
  const groups = new Set(Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : typeof raw === 'string' ? [raw] : []);
  const roles = [...new Set(policy.roleGroups.filter((m) => groups.has(m.group)).map((m) => m.role))];
  if (roles.length === 0) {
    const needed = [...new Set(policy.roleGroups.map((m) => m.group))];
    return {
      ok: false,
      reason: `You signed in as ${name}, but you are in none of the groups that give access to Dossier (${needed.join(', ') || 'none are set up'}). Ask your administrator to add you to one.`,
    };
  }
  let tenant = policy.tenant;
  if (policy.tenantClaim !== null) {
    const claimed = text(claimAt(claims, policy.tenantClaim));
    if (claimed === null || !TENANT.test(claimed)) {
      return { ok: false, reason: `You signed in as ${name}, but the identity provider did not say which organisation you work for. Ask your administrator to check its setup.` };
    }
    const allowed = policy.allowedTenants ?? null;
    if (allowed === null ? claimed === 'default' : !allowed.includes(claimed)) {
      return { ok: false, reason: `You signed in as ${name}, but Dossier does not serve the organisation "${claimed}" that the identity provider names. Ask your administrator.` };
    }
    tenant = claimed;
  }
  const partner = (policy.partnerGroups ?? []).find((m) => groups.has(m.group))?.partner;
  if (partner !== undefined) {
    // a partner's people work cases: the roles of the tenant's own staff are not theirs
    const own = roles.filter((role) => role === 'admin' || role === 'analyst' || role === 'service');
    if (own.length > 0) {
      return { ok: false, reason: `You signed in as ${name}, but your groups make you both staff (${own.join(', ')}) and one of a partner organisation's people (${partner}). Ask your administrator to choose one.` };
    }
  }
  return { ok: true, person: { subject, name, tenant, roles, ...(partner === undefined ? {} : { partner }) } };
}

/** A session's lifetime in milliseconds, or what is wrong with the text (`--session-lifetime`). */
export function sessionLifetime(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  return tokenDuration(text, '--session-lifetime', { max: MAX_SESSION_LIFETIME });
}

/** Starts a session for `person`, ending `lifetimeMs` after `at`; returns its secret (for the cookie, never shown). */
export async function startSession(store: CaseStore, person: Person, at: Instant, lifetimeMs: number): Promise<{ secret: string; record: TokenRecord }> {
  const expiresAt = new Date(Date.parse(at) + lifetimeMs).toISOString();
  return issueToken(
    store,
    { tenant: person.tenant, name: person.name, roles: person.roles, expiresAt, kind: 'session', ...(person.partner === undefined ? {} : { partner: person.partner }) },
    at,
  );
}

/** Ends a session at once, on every host of the store (the verified-token cache of this one is emptied). */
export async function endSession(store: CaseStore, session: TokenRecord, at: Instant): Promise<boolean> {
  try {
    return await store.revokeTokenById(session.id, at);
  } finally {
    forgetVerified(store);
  }
}
