// A real OpenID Connect provider on loopback for the sign-in tests (`oidc-provider`, the certified
// implementation): its own login page (any password; the login picks an account below), consent granted
// for Dossier as a first-party client, groups and a tenant as claims of the profile scope.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  name: string;
  email: string;
  groups: string[];
  tenant?: string;
}

export interface TestProvider {
  /** The issuer URL (http://127.0.0.1:PORT). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Starts answering as a provider for a Dossier reached at `dossierUrl` (its callback and its page after sign-out). */
  serve(dossierUrl: string): void;
  close(): Promise<void>;
}

/**
 * Listens first (the issuer's port is needed to start Dossier with it), then answers once `serve` names
 * Dossier's address (the provider must know the client's redirect URI). Discovery before that answers 503.
 */
export async function startOidcProvider(accounts: Record<string, TestAccount>): Promise<TestProvider> {
  const server: Server = createServer((_req, res) => {
    res.statusCode = 503;
    res.end('not ready');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'dossier';
  const clientSecret = 'dossier-test-secret-with-enough-length-0123456789';
  return {
    issuer,
    clientId,
    clientSecret,
    serve(dossierUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [`${dossierUrl}/auth/callback`],
            post_logout_redirect_uris: [`${dossierUrl}/`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], profile: ['name', 'groups', 'tenant'], email: ['email'] },
        conformIdTokenClaims: false,
        // lifetimes set, so the provider does not warn about its defaults
        ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 86_400, Grant: 86_400 },
        cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        async findAccount(_ctx, id) {
          const account = accounts[id];
          if (account === undefined) return undefined;
          return {
            accountId: id,
            async claims() {
              return { sub: id, name: account.name, email: account.email, groups: account.groups, ...(account.tenant === undefined ? {} : { tenant: account.tenant }) };
            },
          };
        },
        // Dossier is a first-party client: no consent screen, the grant is made at once
        async loadExistingGrant(ctx) {
          const oidc = ctx.oidc;
          const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client?.clientId ?? '');
          if (existing !== undefined) return oidc.provider.Grant.find(existing);
          const grant = new oidc.provider.Grant({ clientId: oidc.client?.clientId ?? '', accountId: oidc.session?.accountId ?? '' });
          grant.addOIDCScope('openid profile email');
          grant.addOIDCClaims(['name', 'email', 'groups', 'tenant']);
          await grant.save();
          return grant;
        },
      });
      server.removeAllListeners('request');
      server.on('request', provider.callback());
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
