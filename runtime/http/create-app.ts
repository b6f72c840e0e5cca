// The HTTP API (GET /api/openapi.json; docs/api-decisions.md) on Hono: auth, tenants, case types, cases, tasks, reports, problem+json errors.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { HttpBindings } from '@hono/node-server';
import type { Clock } from '../host/clock.ts';
import { HostError } from '../host/host-result.ts';
import { createHostServices, type HostServices } from '../host/create-host.ts';
import type { EnginePort } from '../host/engine-port.ts';
import { silentLogger, type Logger } from '../host/logger.ts';
import { failureBody, HttpProblem, problemBody, type ProblemBody } from './problems.ts';
import type { CaseStore } from '../store/case-store.ts';
import { CursorError } from '../store/cursor.ts';
import { StoreUnavailableError } from '../store/store-unavailable.ts';
import { authenticate, type AuthEnv } from './auth.ts';
import { limitBody } from './body.ts';
import { openApiDocument } from './openapi.ts';
import { exportRoutes } from '../export/export-route.ts';
import { mountDesigner } from './designer-static.ts';
import { caseRoutes } from './routes/cases.ts';
import { linkedRoutes } from './routes/linked.ts';
import { caseTypeRoutes } from './routes/case-types.ts';
import { backtestRoutes } from './routes/backtest.ts';
import { typeRoutes } from './routes/types.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { reportRoutes } from './routes/reports.ts';
import { suggestionRoutes } from './routes/suggestions.ts';
import { taskRoutes } from './routes/tasks.ts';
import { customerRoutes } from './routes/customers.ts';
import { searchRoutes } from './routes/search.ts';
import { migrationRoutes } from './routes/migrations.ts';
import { partnerRoutes } from './routes/partners.ts';
import { mailboxRoutes } from './routes/mailboxes.ts';
import { publicRoutes } from './routes/public.ts';
import { chatRoutes } from './routes/chat.ts';
import { noteRoutes } from './routes/notes.ts';
import { createNoteService } from '../host/note-service.ts';
import { documentRoutes } from './routes/documents.ts';
import { routingRoutes } from './routes/routing.ts';
import { signInRoutes, type OidcSettings } from './sign-in.ts';

export type AppOptions<C = unknown> = {
  store: CaseStore;
  clock: Clock;
  logger?: Logger;
  /** Largest accepted request body in bytes (default 1 MiB); documents have their own limit (the document service's). */
  maxBodyBytes?: number;
  /** Aborted when the server is closing: the chat streams end (runtime/compose/create-runtime.ts). */
  streamsClosing?: AbortSignal;
  /** Requests a caller address may make to the public form routes a minute (defaults in routes/public.ts). */
  publicLimits?: { postsPerMinute?: number; readsPerMinute?: number; trustedProxies?: number };
  /** An app on a store of its own: the largest document taken, in bytes (default 20 MiB). */
  documentMaxBytes?: number;
  /** The built designer (dist/designer) to serve at `/`; a page explaining how to build it otherwise. */
  designerDir?: string;
  /** Origins allowed to call the API from a browser (CORS). Empty or absent: CORS closed. */
  corsOrigins?: string[];
  /** The identity provider people sign in with (docs/sign-in.md); absent: tokens only, as before. */
  oidc?: OidcSettings;
  /** The host signs webhooks with DOSSIER_WEBHOOK_SECRET: GET /api/webhook-secret does not show a tenant's. */
  webhookSecretFromHost?: boolean;
} & (
  | {
      /** The host's services, shared with its scheduler and outbox (runtime/compose/create-runtime.ts). */
      services: HostServices;
    }
  | {
      /** An app on a store of its own (tests): its services are made here. */
      engine: EnginePort<C>;
    }
);

/**
 * The Content-Security-Policy of every answer (the root page, the designer, the API): only this
 * origin's scripts; inline styles and blob: workers for the editor; never framed.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  // 'unsafe-eval': ajv compiles the analysts' JSON Schemas to functions in the browser too (form validation, rules in
  // the engine's guards, the meta-schema), exactly as on the server; inline scripts stay forbidden
  scriptSrc: ["'self'", "'unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** True when the request's client went away before its body was read whole (Node's HTTP server only). */
function clientGone(c: Context): boolean {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming !== undefined && !incoming.complete && (incoming.destroyed || incoming.socket?.destroyed === true);
}

export function problemResponse(c: Context, body: ProblemBody): Response {
  return c.json(body, body.status as 400, { 'content-type': 'application/problem+json' });
}

export function createApp<C>(options: AppOptions<C>): Hono<AuthEnv> {
  const { store, clock } = options;
  const logger = options.logger ?? silentLogger;
  const services =
    'services' in options
      ? options.services
      : createHostServices({ store, engine: options.engine, clock, logger, ...(options.documentMaxBytes === undefined ? {} : { documentMaxBytes: options.documentMaxBytes }) });
  const maxBytes = options.maxBodyBytes ?? 1024 * 1024;
  const app = new Hono<AuthEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      // plain HTTP on a laptop is the default deployment; HSTS belongs on the TLS proxy in front
      strictTransportSecurity: false,
    }),
  );
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: options.corsOrigins,
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
        exposeHeaders: ['ETag', 'Idempotent-Replayed', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error.body);
    if (error instanceof HostError) return problemResponse(c, failureBody(error.failure));
    if (error instanceof CursorError) return problemResponse(c, problemBody('cursor.invalid', error.message));
    if (error instanceof StoreUnavailableError) {
      logger.error('store unavailable', { method: c.req.method, path: c.req.path, reason: error.reason, error: error.message });
      c.header('retry-after', '5');
      return problemResponse(
        c,
        problemBody('store.unavailable', `The database cannot take this request now: ${error.message}. Nothing was changed; try again later.`),
      );
    }
    if (error instanceof HTTPException && error.status === 413) {
      return problemResponse(c, problemBody('request.too_large', `The body is larger than ${maxBytes} bytes.`));
    }
    if (clientGone(c)) {
      // the client closed the connection before its body was complete: nothing was read, nothing
      // changed, and nobody is there to answer; one line, no stack, not a server error
      logger.warn('client closed the request before its body was complete', { method: c.req.method, path: c.req.path });
      return problemResponse(c, problemBody('request.incomplete', 'The connection closed before the body was complete; nothing was changed.'));
    }
    logger.error('request failed', { method: c.req.method, path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return problemResponse(c, problemBody('internal.error', 'Something went wrong on the server; it has been logged. Try again.'));
  });
  app.notFound((c) => problemResponse(c, problemBody('route.not_found', `There is no route ${c.req.method} ${c.req.path}; see /api/openapi.json.`)));

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  const openapi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openapi));

  app.route('/', signInRoutes({ store, tokens: services.tokens, clock, logger, ...(options.oidc === undefined ? {} : { oidc: options.oidc }) }));
  // what a customer reaches without signing in: these routes only (docs/public-form.md)
  app.route('/', publicRoutes(services.publicForms, services.documents, services.chat, options.publicLimits ?? {}, options.streamsClosing));
  app.use('/api/*', authenticate(services.tokens, options.oidc));
  // documents stream in under their own limit (the document service's), not the JSON bodies' one below
  app.route('/api', documentRoutes(store, services.documents));
  app.use(
    '/api/*',
    limitBody(maxBytes, (c) => problemResponse(c, problemBody('request.too_large', `The body is larger than ${maxBytes} bytes; send a smaller one.`))),
  );
  app.route('/api', tokenRoutes(services.tokens, clock));
  app.route('/api', partnerRoutes(services.partners));
  app.route('/api', mailboxRoutes(services.mailboxes));
  app.route('/api', chatRoutes(store, services.chat, options.streamsClosing));
  app.route('/api', noteRoutes(store, createNoteService(services.cases)));
  app.route('/api', caseTypeRoutes(services.caseTypes));
  app.route('/api', migrationRoutes(services.migrations));
  app.route('/api', backtestRoutes(store, clock));
  app.route('/api', typeRoutes(store));
  app.route('/api', caseRoutes(store, services.cases, services.suggestions));
  app.route('/api', linkedRoutes(services.links));
  app.route('/api', routingRoutes(services.routing, store));
  app.route('/api', taskRoutes(services.tasks, store));
  app.route('/api', outboxRoutes(store, clock, options.webhookSecretFromHost === true));
  app.route('/api', reportRoutes(store, clock));
  app.route('/api', suggestionRoutes(store, services.suggestions));
  app.route('/api', customerRoutes(store));
  app.route('/api', searchRoutes(store));
  app.route('/api', exportRoutes(store));
  mountDesigner(app, options.designerDir);
  return app;
}
