// End-to-end harness: the real `dossier serve` on a temporary database and a free port, serving the built
// designer (dist/designer), driven by Debian's Chromium through playwright-core.
// DOSSIER_E2E_BASE_URL (with DOSSIER_E2E_TOKEN) points the tests at an already running server instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { RUN_LANGUAGE, speakRunLanguage, tr } from './language.ts';

export { asWritten, RUN_LANGUAGE, tr, trWith } from './language.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-results');

export interface Server {
  url: string;
  token: string;
  stop: () => Promise<void>;
}

/** A port free on 127.0.0.1 right now (for a server whose address must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`dossier serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dossier serve did not answer /api/health within 30 s:\n${log()}`);
}

/** Fails fast, with what to do, when `/` does not serve the built designer. */
async function checkDesignerServed(url: string): Promise<void> {
  const html = await (await fetch(`${url}/`)).text();
  if (!html.includes('<div id="root">')) {
    throw new Error(`${url}/ does not serve the designer: build it (vite build → dist/designer) and mount dist/designer at / in dossier serve (docs/designer.md).`);
  }
}

export interface ServerOptions {
  /** More `dossier serve` arguments (such as the `--oidc-*` sign-in options). */
  args?: string[];
  /** More environment for `dossier serve` (such as DOSSIER_OIDC_CLIENT_SECRET). */
  env?: Record<string, string>;
  /** The port to serve on (from freePort()), when another party must know the address first; default a free one. */
  port?: number;
}

export async function startServer(options: ServerOptions = {}): Promise<Server> {
  const external = process.env.DOSSIER_E2E_BASE_URL;
  if (external) {
    // a running server was started by someone else: it cannot take this test's arguments
    if (options.args !== undefined || options.env !== undefined || options.port !== undefined) {
      throw new Error('DOSSIER_E2E_BASE_URL names a running server: this test needs to start its own with its serve options.');
    }
    const url = external.replace(/\/$/, '');
    await checkDesignerServed(url);
    return { url, token: process.env.DOSSIER_E2E_TOKEN ?? '', stop: async () => {} };
  }
  if (!existsSync(join(ROOT, 'dist/designer/index.html'))) throw new Error('dist/designer is missing: run vite build before the end-to-end tests.');
  const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
  const port = options.port ?? (await freePort());
  const token = `e2e-admin-${port}-${Date.now().toString(36)}`;
  const child = spawn(process.execPath, [join(ROOT, 'bin/dossier.js'), 'serve', '--db', join(dir, 'e2e.db'), '--port', String(port), '--host', '127.0.0.1', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, DOSSIER_ADMIN_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
    await checkDesignerServed(url);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, token, stop };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dossier-chromium-'));
  // a fresh profile per run: playwright takes the user-data dir through a persistent context
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1500, height: 950 },
    acceptDownloads: true,
    // the run's language (DOSSIER_E2E_LANG): the app reads the browser's
    ...(RUN_LANGUAGE === 'nl' ? { locale: 'nl-NL' } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  speakRunLanguage(page);
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerAndBrowser {
  server: Server;
  session: BrowserSession;
  page: Page;
}

/**
 * In a describe block: starts the server and opens the browser before its tests (then runs `setup`, if
 * given), and closes both after them. Call the returned function inside a test for the running pair.
 */
export function useServerAndBrowser(setup?: (env: ServerAndBrowser) => Promise<void>): () => ServerAndBrowser {
  let server: Server | undefined;
  let session: BrowserSession | undefined;
  const current = (): ServerAndBrowser => {
    if (server === undefined || session === undefined) throw new Error('the server and browser start in beforeAll: use them inside a test or hook.');
    return { server, session, page: session.page };
  };
  beforeAll(async () => {
    server = await startServer();
    session = await openBrowser();
    await setup?.(current());
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
  return current;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Calls the HTTP API as the admin. */
export async function api(server: Server, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Signs in from the printed URL and creates a blank case type through the list's form; waits for its editor. */
export async function createBlankCaseType(page: Page, server: Server, title: string, key: string): Promise<void> {
  await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Key', { exact: true }).fill(key);
  await page.getByLabel('Start from').selectOption('blank');
  await page.getByRole('button', { name: 'Create case type' }).click();
  await page.getByRole('heading', { name: new RegExp(`^${title}`) }).waitFor();
}

/** Adds a field by its label and type name in the Fields tab; waits for its editor to open. */
export async function addField(page: Page, label: string, type: string): Promise<void> {
  await page.getByLabel('Field label').fill(label);
  await page.getByLabel('Field type').selectOption({ label: tr(type) });
  await page.getByRole('button', { name: 'Add field' }).click();
  // the heading is the word Field (editor.fieldEditor.heading) and the pointer, which tr() cannot match as one
  await page.getByRole('heading', { name: `${tr('Field')} /${label.toLowerCase()}` }).waitFor();
}

/** What a person must never read: the case types' rule ids (those that are not plain words) and field patterns. */
export interface TechnicalTerms {
  ruleIds: string[];
  patterns: string[];
}

/** The rule ids and field patterns of the templates (every server of the suite starts with them) and of `extra` definitions. */
export function technicalTerms(extra: readonly unknown[] = []): TechnicalTerms {
  const defs: unknown[] = [...extra];
  for (const file of readdirSync(join(ROOT, 'templates'))) if (file.endsWith('.case.json')) defs.push(JSON.parse(readFileSync(join(ROOT, 'templates', file), 'utf8')));
  const ruleIds = new Set<string>();
  const patterns = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string') patterns.add(v);
        else walk(v);
      }
    }
  };
  for (const def of defs) {
    const d = def as { rules?: Record<string, unknown>; data?: unknown; events?: unknown };
    // a rule id that is a plain lower-case word ("complete") could be any sentence's word: only ids that read as ids count
    for (const id of Object.keys(d.rules ?? {})) if (/[A-Z0-9_-]/.test(id)) ruleIds.add(id);
    walk(d.data);
    walk(d.events);
    walk(d.rules);
  }
  return { ruleIds: [...ruleIds], patterns: [...patterns] };
}

/** A JSON pointer in running text ("/customer/email"); addresses of the app's own pages are not pointers. */
const POINTER_IN_TEXT = /(?:^|[\s("“'])(\/(?!work\b|case-types\b|api\b)[A-Za-z_][\w~-]*(?:\/[\w~-]+)*)/g;

/**
 * The visible text under `root` that a person must not read: JSON pointers, rule ids, regexes. Code shown on
 * purpose (the JSON view, `<code>`, `<pre>`) is left out; an input's value is not text.
 */
export async function technicalText(page: Page, terms: TechnicalTerms, root = 'body'): Promise<string[]> {
  const texts = await page.evaluate((selector) => {
    const out: string[] = [];
    for (const top of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest('code, pre, script, style, .monaco-editor, [data-technical]')) continue;
        if (!el.checkVisibility()) continue;
        const text = (node.textContent ?? '').trim();
        if (text) out.push(text);
      }
      // what is read but is not a text node: a select's chosen option, names and hints in attributes
      for (const el of top.querySelectorAll('select, [aria-label], [title], [placeholder]')) {
        if (el.closest('code, pre, .monaco-editor, [data-technical]') || !el.checkVisibility()) continue;
        if (el instanceof HTMLSelectElement && el.selectedOptions[0]) out.push(el.selectedOptions[0].text.trim());
        for (const attr of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(attr)?.trim();
          if (value) out.push(value);
        }
      }
    }
    return out;
  }, root);
  const found: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(POINTER_IN_TEXT)) found.push(`pointer ${m[1]} in "${text}"`);
    for (const id of terms.ruleIds) if (new RegExp(`\\b${id.replace(/[-]/g, '\\-')}\\b`).test(text)) found.push(`rule id ${id} in "${text}"`);
    for (const pattern of terms.patterns) if (text.includes(pattern)) found.push(`pattern ${pattern} in "${text}"`);
  }
  return found;
}
