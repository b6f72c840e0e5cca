// Child processes of the benchmark: TypeScript files run by Node with tsx, talking by stdout lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const childPath = (name: string): string => fileURLToPath(new URL(`../children/${name}`, import.meta.url));

/** Starts `node --import tsx <file> ...args` with extra Node flags; stderr is passed through. */
export function spawnTs(file: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Resolves with the JSON after `<tag> ` on the first stdout line that starts with it. */
export function waitForLine<T>(child: ChildProcess, tag: string, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`bench: no ${tag} line from the child within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith(`${tag} `)) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve(JSON.parse(line.slice(tag.length + 1)) as T);
          return;
        }
        newline = buffer.indexOf('\n');
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: the child exited (code ${code}) before printing ${tag}`));
    });
  });
}

/** Runs a child to completion and returns its tagged result line. */
export async function runChild<T>(file: string, args: string[], tag: string, timeoutMs: number, nodeFlags: string[] = []): Promise<T> {
  const child = spawnTs(file, args, nodeFlags);
  const result = await waitForLine<T>(child, tag, timeoutMs);
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return result;
}

/** Sends SIGTERM and waits for the exit. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
