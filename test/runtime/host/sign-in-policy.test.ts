// Who a person is in Dossier from their provider's claims (`personOf`), and the `dossier serve` sign-in
// options that set the policy: every refusal in words, with what to do.
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../runtime/cli/serve.ts';
import { personOf, type SignInPolicy } from '../../../runtime/host/sign-in.ts';
import { localPath } from '../../../runtime/http/sign-in.ts';

const policy: SignInPolicy = {
  roleGroups: [
    { role: 'admin', group: 'dossier-admins' },
    { role: 'agent', group: 'service-desk' },
    { role: 'agent', group: 'back-office' },
    { role: 'intake-agent', group: 'service-desk' },
  ],
  groupsClaim: 'groups',
  nameClaim: 'name',
  tenantClaim: null,
  tenant: 'default',
};

describe('personOf', () => {
  it('gives every role one of the groups gives, once each, in the policy order', () => {
    expect(personOf({ sub: 's1', name: 'Ann', groups: ['back-office', 'service-desk', 'canteen'] }, policy)).toEqual({
      ok: true,
      person: { subject: 's1', name: 'Ann', tenant: 'default', roles: ['agent', 'intake-agent'] },
    });
  });

  it('reads a group given as one string, and groups at a dotted path', () => {
    expect(personOf({ sub: 's2', name: 'Bob', groups: 'dossier-admins' }, policy)).toMatchObject({ ok: true, person: { roles: ['admin'] } });
    const keycloak = { ...policy, groupsClaim: 'realm_access.roles' };
    expect(personOf({ sub: 's3', name: 'Cas', realm_access: { roles: ['service-desk'] } }, keycloak)).toMatchObject({ ok: true, person: { roles: ['agent', 'intake-agent'] } });
  });

  it('names the person by the name claim, else preferred_username, email, then the subject', () => {
    const named = (claims: Record<string, unknown>) => {
      const r = personOf({ sub: 'sub-9', groups: ['service-desk'], ...claims }, policy);
      return r.ok ? r.person.name : r.reason;
    };
    expect(named({ name: ' Dirk Jansen ', preferred_username: 'dirk' })).toBe('Dirk Jansen');
    expect(named({ name: '', preferred_username: 'dirk', email: 'd@x.nl' })).toBe('dirk');
    expect(named({ email: 'd@x.nl' })).toBe('d@x.nl');
    expect(named({})).toBe('sub-9');
    // control characters go (a NUL cannot be stored; a line break would forge a log line); at most 200 characters
    expect(named({ name: 'Ann\u0000 de\nVries' })).toBe('Ann deVries');
    expect(named({ name: 'x'.repeat(300) })).toBe('x'.repeat(200));
    expect(named({ name: '\u0000\u0001', preferred_username: 'ann' })).toBe('ann');
    expect(personOf({ sub: 'u', email: 'e@x.nl', groups: ['service-desk'] }, { ...policy, nameClaim: 'email' })).toMatchObject({ person: { name: 'e@x.nl' } });
  });

  it('refuses someone in none of the groups, naming the groups that would give access', () => {
    expect(personOf({ sub: 's4', name: 'Eva', groups: ['canteen'] }, policy)).toEqual({
      ok: false,
      reason: 'You signed in as Eva, but you are in none of the groups that give access to Dossier (dossier-admins, service-desk, back-office). Ask your administrator to add you to one.',
    });
    expect(personOf({ sub: 's5', name: 'Fay' }, policy)).toMatchObject({ ok: false });
    expect(personOf({ name: 'No Subject', groups: ['service-desk'] }, policy)).toEqual({
      ok: false,
      reason: 'The identity provider did not say who you are (no subject). Ask your administrator to check its setup.',
    });
  });

  it('takes the tenant from its claim when the policy names one, and refuses a missing or malformed one', () => {
    const byClaim = { ...policy, tenantClaim: 'org' };
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: 'acme' }, byClaim)).toMatchObject({ ok: true, person: { tenant: 'acme' } });
    const refusal = 'You signed in as Gus, but the identity provider did not say which organisation you work for. Ask your administrator to check its setup.';
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'] }, byClaim)).toEqual({ ok: false, reason: refusal });
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: 'ACME Corp' }, byClaim)).toEqual({ ok: false, reason: refusal });
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: ['acme'] }, byClaim)).toEqual({ ok: false, reason: refusal });
    // tenant default (whose admins manage every tenant) only where the server lists it; a list limits the rest
    const notServed = (org: string) => `You signed in as Gus, but Dossier does not serve the organisation "${org}" that the identity provider names. Ask your administrator.`;
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: 'default' }, byClaim)).toEqual({ ok: false, reason: notServed('default') });
    const listed = { ...byClaim, allowedTenants: ['default', 'acme'] };
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: 'default' }, listed)).toMatchObject({ ok: true, person: { tenant: 'default' } });
    expect(personOf({ sub: 's6', name: 'Gus', groups: ['service-desk'], org: 'globex' }, listed)).toEqual({ ok: false, reason: notServed('globex') });
  });
});

describe('localPath: where a person goes after signing in', () => {
  it('keeps a path of this site and turns anything else into /', () => {
    expect(localPath('/work/cases/1?tab=history#top')).toBe('/work/cases/1?tab=history#top');
    for (const other of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/x', 'https://evil.example', 'evil', '/auth/login', '/auth/callback?x', undefined, 42, `/${'a'.repeat(2000)}`]) {
      expect([other, localPath(other)]).toEqual([other, '/']);
    }
    // escapes stay escapes: the browser reads them as characters of the path, never as a new host
    expect(localPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('dossier serve sign-in options', () => {
  const base = ['--oidc-issuer', 'https://login.example.com/realms/staff', '--oidc-client-id', 'dossier'];

  it('builds the settings, with the secret from the environment and defaults for the rest', () => {
    const parsed = parseServeArgs([...base, '--oidc-role', 'admin=dossier-admins', '--oidc-role', 'agent=service-desk'], '/srv', { DOSSIER_OIDC_CLIENT_SECRET: 's3cret' });
    expect(parsed).toEqual({
      ok: true,
      options: {
        db: '/srv/dossier.db',
        port: 3000,
        host: '127.0.0.1',
        oidc: {
          issuer: 'https://login.example.com/realms/staff',
          clientId: 'dossier',
          clientSecret: 's3cret',
          sessionLifetimeMs: 12 * 3600_000,
          policy: {
            roleGroups: [
              { role: 'admin', group: 'dossier-admins' },
              { role: 'agent', group: 'service-desk' },
            ],
            groupsClaim: 'groups',
            nameClaim: 'name',
            tenantClaim: null,
            tenant: 'default',
          },
        },
      },
    });
    const full = parseServeArgs(
      [...base, '--oidc-role', 'agent=a=b', '--oidc-groups-claim', 'realm_access.roles', '--oidc-name-claim', 'email', '--oidc-tenant-claim', 'org', '--public-url', 'https://dossier.example.com/', '--session-lifetime', 'PT8H'],
      '/srv',
    );
    expect(full).toMatchObject({
      ok: true,
      options: { oidc: { publicUrl: 'https://dossier.example.com', sessionLifetimeMs: 8 * 3600_000, policy: { roleGroups: [{ role: 'agent', group: 'a=b' }], groupsClaim: 'realm_access.roles', nameClaim: 'email', tenantClaim: 'org' } } },
    });
    expect(full.ok && full.options.oidc?.clientSecret).toBeUndefined();
    // http is for this machine only
    expect(parseServeArgs(['--oidc-issuer', 'http://127.0.0.1:9000', '--oidc-client-id', 'd', '--oidc-role', 'agent=x'], '/srv')).toMatchObject({ ok: true });
  });

  it('refuses an incomplete or wrong setup as bad usage, saying what to add', () => {
    const fails = (args: string[]) => {
      const r = parseServeArgs(args, '/srv');
      return r.ok ? 'accepted' : r.message;
    };
    expect(fails(['--oidc-role', 'agent=x'])).toBe('--oidc-role needs --oidc-issuer (the identity provider) as well.');
    expect(fails(['--oidc-issuer', 'https://login.example.com', '--oidc-role', 'agent=x'])).toBe("--oidc-issuer needs --oidc-client-id ID (Dossier's client id at the provider).");
    expect(fails(base)).toBe('--oidc-issuer needs at least one --oidc-role ROLE=GROUP (such as --oidc-role admin=dossier-admins), or nobody could sign in.');
    expect(fails([...base, '--oidc-role', 'agent'])).toBe("--oidc-role must be ROLE=GROUP, such as --oidc-role agent=service-desk; got 'agent'.");
    expect(fails([...base, '--oidc-role', 'Agent=x'])).toBe("--oidc-role must be ROLE=GROUP, such as --oidc-role agent=service-desk; got 'Agent=x'.");
    expect(fails(['--oidc-issuer', 'http://login.example.com', '--oidc-client-id', 'd', '--oidc-role', 'agent=x'])).toBe(
      "--oidc-issuer must be an https URL (http only on this machine, for tests); got 'http://login.example.com'.",
    );
    expect(fails(['--oidc-issuer', 'login.example.com', '--oidc-client-id', 'd', '--oidc-role', 'agent=x'])).toBe(
      "--oidc-issuer must be a URL such as https://login.example.com/realms/staff; got 'login.example.com'.",
    );
    expect(fails([...base, '--oidc-role', 'agent=x', '--public-url', 'https://x.example.com/dossier'])).toBe(
      "--public-url must be the address people open, such as https://dossier.example.com (no path); got 'https://x.example.com/dossier'.",
    );
    expect(fails([...base, '--oidc-role', 'agent=x', '--oidc-tenant', 'Acme'])).toBe("--oidc-tenant must be lower-case letters, digits and dashes; got 'Acme'.");
    expect(fails([...base, '--oidc-role', 'agent=x', '--session-lifetime', 'P60D'])).toBe("--session-lifetime must be at most P30D; got 'P60D'.");
    expect(fails([...base, '--oidc-role'])).toBe('--oidc-role needs a value (dossier serve --help says which).');
    expect(fails([...base, '--oidc-role', 'agent=x', '--oidc-scope', 'profile groups'])).toBe(`--oidc-scope must include openid, such as --oidc-scope "openid profile email groups"; got 'profile groups'.`);
    expect(parseServeArgs([...base, '--oidc-role', 'agent=x', '--oidc-scope', ' openid  profile groups '], '/srv')).toMatchObject({ ok: true, options: { oidc: { scope: 'openid profile groups' } } });
    expect(fails([...base, '--oidc-role', 'agent=x', '--oidc-tenants', 'acme,Globex'])).toBe("--oidc-tenants must list tenants (lower-case letters, digits and dashes) separated by commas; got 'Globex'.");
    expect(parseServeArgs([...base, '--oidc-role', 'agent=x', '--oidc-tenant-claim', 'org', '--oidc-tenants', 'default, acme'], '/srv')).toMatchObject({
      ok: true,
      options: { oidc: { policy: { tenantClaim: 'org', allowedTenants: ['default', 'acme'] } } },
    });
    expect(fails(['--oidc-isuer', 'x'])).toMatch(/^unknown option '--oidc-isuer'; did you mean '--oidc-issuer'\?/);
  });
});
