// `dossier serve` builds a missing designer (a real Vite build, into a staging folder renamed into place).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesignerIfMissing } from '../../../runtime/cli/designer-build.ts';
import { captureIo } from './captured-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-designer-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildDesignerIfMissing', () => {
  it('replaces a folder that holds no build (an interrupted build) with a whole one, and leaves a whole one alone', async () => {
    // given a designer folder with a stray file and no index.html
    const target = join(dir, 'designer');
    mkdirSync(target);
    writeFileSync(join(target, 'stray.txt'), 'half a build');
    const { io, out } = captureIo(dir);
    // when the server starts
    const built = await buildDesignerIfMissing(target, io, () => undefined);
    // then the build is in place, and no staging folder is left
    expect(built).toEqual({ ok: true, built: true });
    expect(existsSync(join(target, 'index.html'))).toBe(true);
    expect(existsSync(join(target, 'stray.txt'))).toBe(false);
    expect(out[0]).toBe('Building the designer (first start; this takes a few seconds)...');
    expect(out[1]).toMatch(/^Designer built in \d+\.\d s\.$/);
    // and a second start builds nothing
    expect(await buildDesignerIfMissing(target, io, () => undefined)).toEqual({ ok: true, built: false });
  });

  it('stops the build when asked (a stop signal during the first start)', async () => {
    const target = join(dir, 'stopped');
    const { io } = captureIo(dir);
    const result = await buildDesignerIfMissing(target, io, (cancel) => setTimeout(cancel, 50));
    expect(result).toEqual({ ok: false, message: 'the designer build was stopped.' });
    expect(existsSync(target)).toBe(false);
  });
});
