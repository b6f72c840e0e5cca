// `dossier serve` as a user starts it (the real bin/dossier.js, and `npm start`): what keeps it from
// starting is one line with the fix and exit 1 (2 for bad usage, as every command), never a stack;
// `npm start` is one process that stops cleanly on SIGTERM to the top process.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/dossier.js');
const env = { ...process.env, DOSSIER_BUILD_DESIGNER: '0', DOSSIER_LOG_LEVEL: 'warn' };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-startup-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `dossier serve` to its end (it is expected not to start): exit code and the lines it printed. */
function serveFails(args: string[], extraEnv: Record<string, string> = {}, uid?: number): { status: number | null; stdout: string[]; stderr: string[] } {
  const run = spawnSync(process.execPath, [BIN, 'serve', ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000, ...(uid === undefined ? {} : { uid, gid: uid }) });
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return { status: run.status, stdout: lines(run.stdout), stderr: lines(run.stderr) };
}

/** Collects a child's stdout until it contains `marker` (60 s at most). */
function outputUntil(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no '${marker}' in: ${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(marker)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
}

/** Processes whose command line names `text` (from /proc: procps may be missing). */
function processesNaming(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('dossier serve cannot start', () => {
  it('on a busy port: one line naming the port and the fix, exit 1', async () => {
    const blocker: Server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const run = serveFails(['--port', String(port), '--db', join(dir, 'busy.db')], { DOSSIER_ADMIN_TOKEN: '' });
      expect(run).toEqual({
        status: 1,
        stdout: [],
        stderr: [`dossier serve: port ${port} on 127.0.0.1 is in use by another program. Stop that program, or choose another port with --port N.`],
      });
    } finally {
      blocker.close();
    }
    // the failed start issued no token nobody saw: the next start on a free port prints one
    const next = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir, 'busy.db')], { env: { ...env, DOSSIER_ADMIN_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await outputUntil(next, 'Designer: ');
    next.kill('SIGTERM');
    await new Promise((resolve) => next.once('exit', resolve));
    expect(out).toMatch(/Admin token \(shown once, store it now\): dsr_/);
  });

  it('on a database in a folder that does not exist: one line, exit 1', () => {
    const file = join(dir, 'missing', 'folder', 'x.db');
    const run = serveFails(['--port', '0', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^dossier serve: cannot open the database ${file}: .*Check the path and its permissions .*--db FILE\\.$`));
  });

  it('on a file that is not a database: one line, exit 1', () => {
    const file = join(dir, 'not-a-db.db');
    execFileSync('sh', ['-c', `head -c 8192 /dev/urandom > '${file}'`]);
    const run = serveFails(['--port', '0', '--db', file]);
    expect(run).toMatchObject({ status: 1, stderr: [expect.stringMatching(/^dossier serve: cannot (open|write to) the database .*not-a-db\.db: /)] });
  });

  it('on a read-only database: one line, exit 1', () => {
    // a read-only file system where it can be mounted (root), read-only permissions otherwise (root ignores them)
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const file = join(ro, 'dossier.db');
    new Database(file).close();
    // root ignores permissions: a read-only bind mount where root may mount, else the server runs as
    // nobody; other users get read-only permissions
    const isRoot = process.getuid?.() === 0;
    let mounted = false;
    let uid: number | undefined;
    if (isRoot) {
      try {
        execFileSync('mount', ['--bind', ro, ro], { stdio: 'pipe' });
        execFileSync('mount', ['-o', 'remount,bind,ro', ro], { stdio: 'pipe' });
        mounted = true;
      } catch {
        try {
          execFileSync('umount', [ro], { stdio: 'pipe' });
        } catch {
          // was not mounted
        }
        uid = 65534;
        chownSync(dir, 0, 0);
        chmodSync(dir, 0o755);
      }
    }
    if (!mounted) {
      chmodSync(file, 0o444);
      chmodSync(ro, 0o555);
    }
    try {
      const run = serveFails(['--port', '0', '--db', file], {}, uid);
      expect(run.status).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(/^dossier serve: cannot (open|write to) the database .*dossier\.db: .*(read-only|may not be written).* --db( FILE)?\.$/);
    } finally {
      if (mounted) execFileSync('umount', [ro], { stdio: 'pipe' });
      else chmodSync(ro, 0o755);
    }
  });

  it('on a PostgreSQL URL that is not one, or whose server does not answer: one line naming it (password hidden), exit 1', () => {
    expect(serveFails(['--port', '0', '--db', 'postgres://user:secret@[bad'])).toEqual({
      status: 1,
      stdout: [],
      stderr: ["dossier serve: 'postgres://user:***@[bad' is not a database URL; write it as postgres://user:password@host:5432/database."],
    });
    // port 1 on loopback: nothing listens there
    const down = serveFails(['--port', '0', '--db', 'postgres://dossier:secret@127.0.0.1:1/dossier']);
    expect(down).toEqual({
      status: 1,
      stdout: [],
      stderr: [
        'dossier serve: cannot use the database postgres://dossier:***@127.0.0.1:1/dossier: the database server cannot be reached (ECONNREFUSED). Check that PostgreSQL runs and the URL (--db or DOSSIER_DATABASE_URL) is right.',
      ],
    });
    // DOSSIER_DATABASE_URL is read when --db is not given
    const fromEnv = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...env, DOSSIER_DATABASE_URL: 'postgres://127.0.0.1:1/x' }, encoding: 'utf8' });
    expect([fromEnv.status, fromEnv.stderr]).toEqual([1, expect.stringContaining('cannot use the database postgres://127.0.0.1:1/x: ')]);
  });

  it('on a bad option: one line with the fix, exit 2 (bad usage, as every command)', () => {
    expect(serveFails(['--prot', '3000'])).toEqual({
      status: 2,
      stdout: [],
      stderr: ["dossier serve: unknown option '--prot'; did you mean '--port'? (dossier serve --help lists the options)."],
    });
    expect(serveFails(['--port', 'http'])).toEqual({ status: 2, stdout: [], stderr: ["dossier serve: --port must be a number from 0 to 65535; got 'http'."] });
    expect(serveFails(['--db']).stderr).toEqual(['dossier serve: --db needs a value, e.g. --db ./dossier.db.']);
  });

  it('--help lists the options and the environment variables', () => {
    const run = spawnSync(process.execPath, [BIN, 'serve', '--help'], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const word of ['--db FILE', '--port N', '--host H', 'DOSSIER_ADMIN_TOKEN', 'DOSSIER_LOG_LEVEL', 'DOSSIER_CORS_ORIGINS', 'DOSSIER_WEBHOOK_ALLOW', 'DOSSIER_BUILD_DESIGNER']) {
      expect(run.stdout).toContain(word);
    }
  });
});

describe('DOSSIER_ADMIN_TOKEN', () => {
  it('says so when it names a token that was revoked, which stays revoked', async () => {
    const db = join(dir, 'revoked.db');
    const start = () => spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], { env: { ...env, DOSSIER_ADMIN_TOKEN: 'revoked-secret' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // given a server whose admin token from the environment revokes itself
    const first = start();
    const url = /running at (http:\/\/[^/]+)\//.exec(await outputUntil(first, 'Designer: '))?.[1] as string;
    const revoked = await fetch(`${url}/api/tokens/admin`, { method: 'DELETE', headers: { authorization: 'Bearer revoked-secret' } });
    expect(revoked.status).toBe(200);
    first.kill('SIGTERM');
    await new Promise((resolve) => first.once('exit', resolve));
    // when it starts again with the same secret
    const second = start();
    let err = '';
    second.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const out = await outputUntil(second, 'running at');
    const again = /running at (http:\/\/[^/]+)\//.exec(out)?.[1] as string;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${again}/api/case-types`, { headers: { authorization: 'Bearer revoked-secret' } });
    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
    // then it says so, and the secret still gets no access
    expect(err).toContain('dossier serve: DOSSIER_ADMIN_TOKEN names a token that was revoked, and it stays revoked;');
    expect(out).not.toContain('Admin token: the secret in DOSSIER_ADMIN_TOKEN');
    expect(refused.status).toBe(401);
  });
});

describe('npm start', () => {
  it('is one process tree that SIGTERM to the top process stops: nothing left listening', async () => {
    const port = await freePort();
    const db = join(dir, 'npm-start.db');
    const npm = spawn('npm', ['start', '--silent', '--', '--port', String(port), '--db', db], {
      cwd: ROOT,
      env: { ...env, DOSSIER_ADMIN_TOKEN: 'npm-start-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? (signal === null ? null : -1))));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not come up: ${out}`)), 60_000);
        npm.stdout.on('data', () => {
          if (out.includes('Designer: ')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // DOSSIER_ADMIN_TOKEN was given: its secret is not printed back as "shown once"
      expect(out).not.toContain('npm-start-secret');
      expect(out).toContain('Admin token: the secret in DOSSIER_ADMIN_TOKEN');
      expect(await listening(port)).toBe(true);
    } catch (error) {
      // never leave the server behind when an assertion above fails
      npm.kill('SIGKILL');
      for (const pid of processesNaming(db)) process.kill(pid, 'SIGKILL');
      throw error;
    }
    npm.kill('SIGTERM');
    await exited;
    // the server behind npm stopped with it (with `sh -c 'a && b'` it went on running)
    let stillListening = true;
    for (let i = 0; i < 50 && stillListening; i++) {
      stillListening = await listening(port);
      if (stillListening) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stillListening).toBe(false);
    expect(processesNaming(db)).toEqual([]);
  });
});
