// designer: in headless Chromium (playwright-core, Debian's /usr/bin/chromium), the time to first
// render of the designer (the case types list, measured from navigation start in the page's clock),
// and the time until a 300-state playbook is on the canvas and answers a click (from the click on the
// Playbook tab until the clicked state is selected). The designer is built into a work folder first;
// a build failure makes the figure "not measured", with the reason.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { bigPlaybook } from '../lib/big-playbook.ts';
import { childPath, spawnTs, stopChild, waitForLine } from '../lib/child.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { now } from '../lib/timing.ts';
import { SuiteSkipped, type BenchOptions, type RoundResult, type Suite } from '../lib/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN_TOKEN = 'bench-designer-token-0123456789abcdef';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATES = 300;
const BIG_KEY = 'big-playbook';

/** Builds the designer with the project's vite.config.ts into `outDir`; the reason when it fails. */
function buildDesigner(outDir: string): string | null {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() ?? '';
    const lines = (stderr || String(error)).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    return `the designer does not build (vite build): ${lines.slice(0, 8).join(' ').slice(0, 600)}`;
  }
  return existsSync(join(outDir, 'index.html')) ? null : 'vite build wrote no index.html';
}

async function putDraft(url: string): Promise<void> {
  const response = await fetch(`${url}/api/case-types/${BIG_KEY}/draft`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(bigPlaybook(BIG_KEY, STATES)),
  });
  if (!response.ok) throw new Error(`bench: PUT the ${STATES}-state draft answered ${response.status}: ${await response.text()}`);
}

async function measureRound(browser: Browser, url: string): Promise<{ firstRender: number; canvas: number }> {
  // A fresh context per round: no cache, no session storage, as a first visit.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/?token=${ADMIN_TOKEN}`, { waitUntil: 'commit' });
    await page.locator('a[href="/case-types/complaint"]').waitFor({ state: 'visible', timeout: 30_000 });
    const firstRender = await page.evaluate(() => performance.now());

    // In-app navigation (the router listens to popstate), as a click in the list does.
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/case-types/${BIG_KEY}`);
    const tab = page.getByRole('tab', { name: 'Playbook' });
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    const t0 = now();
    await tab.click();
    const node = page.locator(`.react-flow__node[data-id="step${STATES / 2}"]`);
    await node.waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, STATES, { timeout: 60_000 });
    await node.dispatchEvent('click');
    await page.locator(`.react-flow__node.selected[data-id="step${STATES / 2}"]`).waitFor({ state: 'attached', timeout: 30_000 });
    const canvas = now() - t0;
    return { firstRender, canvas };
  } catch (error) {
    const shown = await context.pages()[0]?.evaluate(() => document.body.innerText).catch(() => '') ?? '';
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; the page shows: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`, { cause: error });
  } finally {
    await context.close();
  }
}

export const designerSuite: Suite = {
  name: 'designer',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    if (!existsSync(CHROMIUM)) throw new SuiteSkipped(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    const outDir = join(options.workDir, 'designer-dist');
    const problem = buildDesigner(outDir);
    if (problem !== null) throw new SuiteSkipped(problem);
    const server = spawnTs(childPath('http-server.ts'), [freshDbFile(options.workDir, 'designer.db'), ADMIN_TOKEN, outDir]);
    let browser: Browser | null = null;
    try {
      const { url } = await waitForLine<{ url: string }>(server, 'READY', 60_000);
      await putDraft(url);
      // playwright-core gives the browser a fresh temporary profile (its own --user-data-dir).
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
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
      });
      if (!options.quick) await measureRound(browser, url);
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const r = await measureRound(browser, url);
        options.log(`designer round ${round + 1}: first render ${r.firstRender.toFixed(0)} ms; ${STATES}-state canvas interactive ${r.canvas.toFixed(0)} ms`);
        rounds.push({
          figures: {
            designer_first_render_ms: { value: r.firstRender, unit: 'ms' },
            designer_canvas_300_ms: { value: r.canvas, unit: 'ms' },
          },
          ratios: {},
        });
      }
      return rounds;
    } finally {
      await browser?.close();
      await stopChild(server);
    }
  },
};
