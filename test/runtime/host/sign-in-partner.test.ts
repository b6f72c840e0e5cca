// People of a partner organisation signing in (`dossier serve --oidc-partner PARTNER=GROUP`): the group makes
// them the partner's, their session carries it, and somebody whose groups make them staff too is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../runtime/cli/serve.ts';
import { personOf, startSession, type SignInPolicy } from '../../../runtime/host/sign-in.ts';
import { createSqliteStore } from '../../../runtime/store/sqlite/sqlite-store.ts';

const policy: SignInPolicy = {
  roleGroups: [
    { role: 'agent', group: 'bo-staff' },
    { role: 'admin', group: 'admins' },
  ],
  groupsClaim: 'groups',
  nameClaim: 'name',
  tenantClaim: null,
  tenant: 'default',
  partnerGroups: [{ partner: 'backoffice-nl', group: 'bo-staff' }],
};

describe('partners signing in', () => {
  it('makes a person in the partner group one of the partner\'s people, and their session says so', async () => {
    const person = personOf({ sub: 'p1', name: 'Pia', groups: ['bo-staff'] }, policy);
    expect(person).toEqual({ ok: true, person: { subject: 'p1', name: 'Pia', tenant: 'default', roles: ['agent'], partner: 'backoffice-nl' } });
    const dir = mkdtempSync(join(tmpdir(), 'dossier-partner-sign-in-'));
    const store = createSqliteStore({ file: join(dir, 'd.db') });
    try {
      const { record } = await startSession(store, (person as { ok: true; person: Parameters<typeof startSession>[1] }).person, '2026-01-05T09:00:00.000Z', 3600_000);
      expect(record).toMatchObject({ kind: 'session', partner: 'backoffice-nl', roles: ['agent'] });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // the tenant's own people are not the partner's
    expect(personOf({ sub: 'p2', name: 'Ann', groups: ['admins'] }, policy)).toEqual({ ok: true, person: { subject: 'p2', name: 'Ann', tenant: 'default', roles: ['admin'] } });
  });

  it('refuses somebody whose groups make them staff and a partner\'s person at once', () => {
    expect(personOf({ sub: 'p3', name: 'Both', groups: ['bo-staff', 'admins'] }, policy)).toEqual({
      ok: false,
      reason: "You signed in as Both, but your groups make you both staff (admin) and one of a partner organisation's people (backoffice-nl). Ask your administrator to choose one.",
    });
  });

  it('reads --oidc-partner PARTNER=GROUP, refusing another shape', () => {
    const base = ['--oidc-issuer', 'https://login.example.com', '--oidc-client-id', 'd', '--oidc-role', 'agent=bo-staff'];
    expect(parseServeArgs([...base, '--oidc-partner', 'backoffice-nl=bo-staff'], '/srv')).toMatchObject({
      ok: true,
      options: { oidc: { policy: { partnerGroups: [{ partner: 'backoffice-nl', group: 'bo-staff' }] } } },
    });
    expect(parseServeArgs([...base, '--oidc-partner', 'Back Office=bo'], '/srv')).toEqual({
      ok: false,
      message: "--oidc-partner must be PARTNER=GROUP, such as --oidc-partner backoffice-nl=bo-staff; got 'Back Office=bo'.",
    });
  });
});
