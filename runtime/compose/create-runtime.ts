// The composition root: a store, the host (services, timer scheduler, outbox dispatcher) and the HTTP
// adapter in front of it, wired once. `dossier serve`, the reliability tests and the bench children
// start a runtime from here; nothing else imports both the host and the HTTP adapter.
import type { Hono } from 'hono';
import { createHost, type Host, type HostOptions } from '../host/create-host.ts';
import type { AuthEnv } from '../http/auth.ts';
import { createApp } from '../http/create-app.ts';
import type { OidcSettings } from '../http/sign-in.ts';

export interface RuntimeOptions<C = unknown> extends HostOptions<C> {
  maxBodyBytes?: number;
  /** The built designer to serve at `/` (see runtime/http/designer-static.ts). */
  designerDir?: string;
  /** Origins allowed to call the API from a browser (DOSSIER_CORS_ORIGINS); absent: CORS closed. */
  corsOrigins?: string[];
  /** The identity provider people sign in with (`dossier serve --oidc-*`); absent: tokens only. */
  oidc?: OidcSettings;
  /** DOSSIER_TRUST_PROXY: how many proxies of one's own stand in front (the public form's limits count the address they saw). */
  trustedProxies?: number;
}

export interface Runtime extends Host {
  /** The HTTP API and the designer, on the host's services. */
  app: Hono<AuthEnv>;
  /** Ends the long-lived responses (chat streams) within their next poll, so that the server can close. */
  endStreams(): void;
}

export function createRuntime<C>(options: RuntimeOptions<C>): Runtime {
  const { maxBodyBytes, designerDir, corsOrigins, oidc, trustedProxies, ...hostOptions } = options;
  const host = createHost(hostOptions);
  const streams = new AbortController();
  const app = createApp({
    streamsClosing: streams.signal,
    ...(trustedProxies === undefined ? {} : { publicLimits: { trustedProxies } }),
    store: options.store,
    clock: options.clock,
    services: host.services,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    ...(designerDir === undefined ? {} : { designerDir }),
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
    ...(oidc === undefined ? {} : { oidc }),
    ...(options.webhookSecret === undefined ? {} : { webhookSecretFromHost: true }),
  });
  return { ...host, app, endStreams: () => streams.abort() };
}
