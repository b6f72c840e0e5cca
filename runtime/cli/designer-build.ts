// `dossier serve` builds the designer (dist/designer) when it is missing, so that a fresh clone after
// `npm ci` serves the whole UI and `npm start` is one process (no `sh -c 'build && serve'` that would
// not pass SIGTERM on). The build runs Vite in a child process, which keeps the bundler out of the
// server's memory; a stop signal during the build ends the child. `npm run build` rebuilds on purpose.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from './main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type BuildResult = { ok: true; built: boolean } | { ok: false; message: string };

/**
 * Builds the designer into `designerDir` when its index.html is missing. `onCancel` receives a function
 * that stops the build (the caller's signal handler calls it). Never throws: a failed build is a
 * message, and the API is served without the UI (`/` says how to build it).
 */
export async function buildDesignerIfMissing(
  designerDir: string,
  io: CommandIo,
  onCancel: (cancel: () => void) => void,
): Promise<BuildResult> {
  if (existsSync(join(designerDir, 'index.html'))) return { ok: true, built: false };
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    return { ok: false, message: 'the designer is not built and Vite is not installed (npm ci --omit=dev?); run npm ci, then npm run build. Serving the API only.' };
  }
  io.out('Building the designer (first start; this takes a few seconds)...');
  const started = Date.now();
  // built beside the target and renamed into place: a reader never sees half a build, and of two hosts
  // building at once the first rename wins and the other's build is dropped
  const staging = join(dirname(designerDir), `.designer-build-${process.pid}`);
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', staging], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let cancelled = false;
  onCancel(() => {
    cancelled = true;
    child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  onCancel(() => undefined);
  if (cancelled || code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    if (cancelled) return { ok: false, message: 'the designer build was stopped.' };
    const last = output.trim().split('\n').filter((line) => line.trim() !== '').slice(-3).join(' | ');
    return { ok: false, message: `building the designer failed (${last || `exit ${String(code)}`}); run npm run build to see why. Serving the API only.` };
  }
  try {
    renameSync(staging, designerDir);
  } catch {
    if (existsSync(join(designerDir, 'index.html'))) {
      // another host's build landed first
      rmSync(staging, { recursive: true, force: true });
    } else {
      // what is there is no build (an interrupted `npm run build`): replace it
      rmSync(designerDir, { recursive: true, force: true });
      try {
        renameSync(staging, designerDir);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        return { ok: false, message: `cannot put the designer build in place at ${designerDir}: ${(error as Error).message}. Serving the API only.` };
      }
    }
  }
  io.out(`Designer built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { ok: true, built: true };
}
