// `dossier serve` reads DOSSIER_WEBHOOK_ALLOW before it opens anything: a bad entry is bad usage.
import { afterEach, expect, it, vi } from 'vitest';
import { serveCommand } from '../../../runtime/cli/serve.ts';
import { captureIo } from './captured-io.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

it('refuses a DOSSIER_WEBHOOK_ALLOW entry that is not a host, address or CIDR range with exit code 2', async () => {
  vi.stubEnv('DOSSIER_WEBHOOK_ALLOW', '127.0.0.1,10.0.0.0/40');
  const { io, out, err } = captureIo('/nonexistent');
  expect(await serveCommand(['--port', '0'], io)).toBe(2);
  expect(err).toEqual(["dossier serve: DOSSIER_WEBHOOK_ALLOW: '10.0.0.0/40' is not a host name, an IP address or a CIDR range."]);
  expect(out).toEqual([]);
});
