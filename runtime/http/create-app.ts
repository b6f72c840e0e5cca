// The HTTP API of api.md on Hono: auth, tenants, case types, cases, tasks, reports, problem+json errors.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { createCaseService, type CaseService } from '../host/case-service.ts';
import type { Clock } from '../host/clock.ts';
import type { EnginePort } from '../host/engine-port.ts';
import { silentLogger, type Logger } from '../host/logger.ts';
import { HttpProblem, problemBody, type ProblemBody } from '../host/problems.ts';
import type { CaseStore } from '../store/case-store.ts';
import { CursorError } from '../store/cursor.ts';
import { authenticate, type AuthEnv } from './auth.ts';
import { openApiDocument } from './openapi.ts';
import { exportRoutes } from '../export/export-route.ts';
import { mountDesigner } from './designer-static.ts';
import { caseRoutes } from './routes/cases.ts';
import { caseTypeRoutes } from './routes/case-types.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { workRoutes } from './routes/work.ts';

export interface AppOptions<C = unknown> {
  store: CaseStore;
  clock: Clock;
  engine: EnginePort<C>;
  /** The case service shared with the scheduler and the outbox; created here when not given. */
  service?: CaseService;
  logger?: Logger;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The built designer (dist/designer) to serve at `/`; a page explaining how to build it otherwise. */
  designerDir?: string;
}

export function problemResponse(c: Context, body: ProblemBody): Response {
  return c.json(body, body.status as 400, { 'content-type': 'application/problem+json' });
}

export function createApp<C>(options: AppOptions<C>): Hono<AuthEnv> {
  const { store, clock } = options;
  const logger = options.logger ?? silentLogger;
  const service = options.service ?? createCaseService({ store, engine: options.engine, clock, logger });
  const maxBytes = options.maxBodyBytes ?? 1024 * 1024;
  const app = new Hono<AuthEnv>();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error.body);
    if (error instanceof CursorError) return problemResponse(c, problemBody('cursor.invalid', error.message));
    if (error instanceof HTTPException && error.status === 413) {
      return problemResponse(c, problemBody('request.too_large', `The body is larger than ${maxBytes} bytes.`));
    }
    logger.error('request failed', { method: c.req.method, path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return problemResponse(c, problemBody('internal.error', 'Something went wrong on the server; it has been logged. Try again.'));
  });
  app.notFound((c) => problemResponse(c, problemBody('route.not_found', `There is no route ${c.req.method} ${c.req.path}; see /api/openapi.json.`)));

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  const openapi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openapi));

  app.use('/api/*', authenticate(store));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) => problemResponse(c, problemBody('request.too_large', `The body is larger than ${maxBytes} bytes; send a smaller one.`)),
    }),
  );
  app.route('/api', tokenRoutes(store, clock));
  app.route('/api', caseTypeRoutes(store, clock));
  app.route('/api', caseRoutes(store, service));
  app.route('/api', workRoutes(store, () => clock.now()));
  app.route('/api', exportRoutes(store));
  mountDesigner(app, options.designerDir);
  return app;
}
