/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The designer is the Vite root; `vite build` writes dist/designer, which `dossier serve` mounts at `/`.
// `vite` (dev) and `vite preview` proxy /api to a running `dossier serve` (DOSSIER_API_URL, default port 3000).
const api = process.env.DOSSIER_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'designer',
  plugins: [react()],
  build: {
    outDir: '../dist/designer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    // the bundler's [PLUGIN_TIMINGS] note ("plugins take significant time") is for plugin authors,
    // and on a busy machine it showed on a user's first `npm start`
    rolldownOptions: { checks: { bundlerTimings: false, pluginTimings: false } },
  },
  server: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  worker: { format: 'es' },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/standards-notice.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
