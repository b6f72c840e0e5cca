// The real server as a child process (`bin/dossier.js serve`) on a given SQLite file, for the crash
// test and the soak: start, call over HTTP with the admin token, read its RSS, SIGKILL or SIGTERM it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/dossier.js');
export const ADMIN = 'reliability-admin-secret';

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** stderr lines (JSON log) written so far. */
  log: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
  /** Resident set size of the child in bytes (Linux /proc), or null elsewhere. */
  rss(): number | null;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON bodies field by field
export type Json = any;

export function startChild(db: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], {
      env: { ...process.env, DOSSIER_ADMIN_TOKEN: ADMIN, DOSSIER_LOG_LEVEL: 'warn', DOSSIER_BUILD_DESIGNER: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const log: string[] = [];
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      log.push(...lines.filter((l) => l !== ''));
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onEarlyExit = (code: number | null) => reject(new Error(`server exited early (${String(code)}): ${out} ${log.join('\n')}`));
    child.once('exit', onEarlyExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match === null) return;
      child.off('exit', onEarlyExit);
      const url = match[1] as string;
      resolve({
        child,
        url,
        log,
        async call(method, path, body, headers = {}) {
          const res = await fetch(`${url}${path}`, {
            method,
            headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const text = await res.text();
          let parsed: Json = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON
          }
          return { status: res.status, body: parsed };
        },
        rss() {
          try {
            const status = readFileSync(`/proc/${String(child.pid)}/status`, 'utf8');
            const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
            return kb === null ? null : Number(kb[1]) * 1024;
          } catch {
            return null;
          }
        },
        async kill(signal) {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill(signal);
          return exited;
        },
      });
    });
  });
}

/** Every page of a cursor-paginated list. */
export async function allPages(server: ChildServer, path: string): Promise<Json[]> {
  const sep = path.includes('?') ? '&' : '?';
  let res = await server.call('GET', `${path}${sep}limit=200`);
  let items: Json[] = res.body.items;
  while (res.body.nextCursor !== null && res.body.nextCursor !== undefined) {
    res = await server.call('GET', `${path}${sep}limit=200&cursor=${String(res.body.nextCursor)}`);
    items = items.concat(res.body.items);
  }
  return items;
}
