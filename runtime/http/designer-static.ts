// Serves the built designer (dist/designer) at `/` beside the API: assets with a long cache, every other
// non-API path falls back to index.html so that client-side routes (/case-types/x, /work) load the app.
// Without a build, `/` says how to make one instead of a blank page, until the build appears (`dossier
// serve` builds it while the API already answers).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AuthEnv } from './auth.ts';
import { rootPage } from './root-page.ts';

export function mountDesigner(app: Hono<AuthEnv>, designerDir: string | undefined): void {
  if (designerDir === undefined) {
    app.get('/', (c) => c.html(rootPage));
    return;
  }
  let built = false;
  const isBuilt = (): boolean => (built ||= existsSync(join(designerDir, 'index.html')));
  app.get('/', (c, next) => (isBuilt() ? next() : c.html(rootPage)));
  const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', (c, next) => (isApi(c.req.path) ? next() : serveStatic({ root: designerDir })(c, next)));
  app.get('*', (c, next) => {
    if (isApi(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return serveStatic({ root: designerDir, path: 'index.html' })(c, next);
  });
}
