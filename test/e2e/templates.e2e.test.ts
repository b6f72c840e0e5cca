// Every shipped template opens in the designer with no problems and no console errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bigPlaybook } from '../../bench/lib/big-playbook.ts';
import { api, ROOT, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

const templates = readdirSync(join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.case.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'templates', f), 'utf8')) as { key: string; title: string });

interface EdgeLabel {
  id: string;
  pair: string;
  box: { left: number; top: number; right: number; bottom: number };
}

/** The end of an edge's name (canvas.playbook.edge): the ids of the states it joins. */
const EDGE_PAIR = RUN_LANGUAGE === 'nl' ? ' van (\\S+) naar (\\S+)$' : ' from (\\S+) to (\\S+)$';

/** Every edge label's box on the canvas, with the (unordered) pair of states its transition joins. */
function edgeLabels(page: Page): Promise<EdgeLabel[]> {
  return page.locator('.react-flow__edge').evaluateAll(
    (edges, pair) =>
      edges.flatMap((edge) => {
        const m = new RegExp(pair).exec(edge.getAttribute('aria-label') ?? '');
        const bg = edge.querySelector('.react-flow__edge-textbg');
        if (!m || !bg) return [];
        const r = bg.getBoundingClientRect();
        return [{ id: edge.getAttribute('data-id') ?? '', pair: [m[1], m[2]].sort().join(' '), box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } }];
      }),
    EDGE_PAIR,
  );
}

/** Pairs of labels of transitions between the same two states (or loops on one) whose boxes overlap. */
function overlapping(labels: EdgeLabel[]): string[] {
  const meet = (a: EdgeLabel['box'], b: EdgeLabel['box']) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => a.pair === b.pair && meet(a.box, b.box)).map((b) => `${a.id} × ${b.id}`));
}

describe('templates in the designer', () => {
  const e2e = useServerAndBrowser();

  it('signs in from the printed URL and lists every template as a published case type', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    for (const t of templates) await page.getByRole('link', { name: t.title }).waitFor();
    await screenshot(page, 'case-types-list');
    expect(s.errors).toEqual([]);
  });

  for (const t of templates) {
    it(`opens ${t.key} with no problems and no console errors`, async () => {
      const { server, session: s, page } = e2e();
      s.errors.length = 0;
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: t.title }).click();
      await page.getByRole('heading', { name: /^Problems/ }).waitFor();
      await expect.poll(() => page.getByRole('heading', { name: /^Problems/ }).textContent()).toBe(`${tr('Problems')} (${tr('0 errors')}, ${tr('0 warnings')})`);
      await page.getByText('No problems.').waitFor();
      await page.getByRole('tab', { name: 'Playbook' }).click();
      await page.getByRole('region', { name: 'Playbook canvas' }).locator('.react-flow__node').first().waitFor();
      // transitions between the same two states (SUBMIT_TRIAGE's two branches, ASK_CUSTOMER and back) keep
      // their labels apart, once the layout settled and the labels measured themselves
      await expect
        .poll(async () => {
          const labels = await edgeLabels(page);
          return labels.length > 0 && labels.every((l) => l.box.right - l.box.left > 10) ? overlapping(labels) : ['not drawn yet'];
        })
        .toEqual([]);
      if (t.key === 'complaint') {
        // each of the two SUBMIT_TRIAGE branches is picked by a click on its own label
        for (const [index, description] of ['High severity: senior investigators.', ''].entries()) {
          const id = `on:triage:SUBMIT_TRIAGE:${index}`;
          const edge = page.locator(`.react-flow__edge[data-id="${id}"]`);
          // clicked again until it takes: the canvas may still be fitting the layout into view
          await expect
            .poll(async () => {
              const box = await edge.locator('.react-flow__edge-textbg').boundingBox();
              if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
              return edge.getAttribute('class');
            })
            .toContain('selected');
          await expect.poll(() => page.locator('#transition-description').inputValue()).toBe(description);
        }
      }
      if (t.key === templates[0]?.key) {
        await page.waitForTimeout(300); // the elk layout and fit settle
        await screenshot(page, `template-${t.key}-playbook`);
      }
      await page.getByRole('tab', { name: 'Rules' }).click();
      await page.getByRole('tab', { name: 'Fields and form' }).click();
      await page.getByRole('heading', { name: 'Form preview' }).waitFor();
      if (t.key === templates[0]?.key) await screenshot(page, `template-${t.key}-fields`);
      expect(s.errors).toEqual([]);
    });
  }

  it('lays out a playbook without stored positions with ELK in a Web Worker, top to bottom', async () => {
    const { server, session: s, page } = e2e();
    s.errors.length = 0;
    // given a draft of 40 states in a chain, with no `layout`
    expect((await api(server, 'PUT', '/api/case-types/chain/draft', bigPlaybook('chain', 40))).status).toBe(200);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${server.url}/case-types/chain`);
    await page.getByRole('tab', { name: 'Playbook' }).click();
    const top = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((n) => n.getBoundingClientRect().top);
    // then ELK's layout replaces the provisional grid (four to a row): each step below the one before it
    await expect.poll(async () => (await top('step2')) > (await top('step1')) && (await top('step3')) > (await top('step2'))).toBe(true);
    expect(workers.some((url) => /elk-worker/.test(url))).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
