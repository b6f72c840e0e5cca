// The canvas read as a new analyst reads it (issue 16): at fit-to-screen the text of a 30-state playbook
// reads at 11 px or more (the 300-state bench playbook is measured and printed), edge labels in words never
// lie on a state; a connection dropped on a state's body, one made from the keyboard with "Connect to…",
// search by name, multiple selection and delete.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bigPlaybook } from '../../bench/lib/big-playbook.ts';
import { debtCollectionPlaybook } from '../designer/canvas/debt-collection-playbook.ts';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

interface Reading {
  titles: number[];
  tasks: number[];
  labels: number[];
  labelTexts: string[];
  overlaps: string[];
  nodes: number;
  outside: number;
}

/**
 * The rendered size of the canvas text in screen pixels: the computed font size times every scale on the
 * way to the screen (the viewport's zoom, and the label's own growth), read from the element's box against
 * its untransformed size; every edge label's box against every state's box (groups: their title strip).
 */
function read(page: Page): Promise<Reading> {
  return page.getByRole('region', { name: 'Playbook canvas' }).evaluate((canvas) => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el instanceof SVGElement;
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const html = (el: HTMLElement) => px(el) * (el.getBoundingClientRect().height / el.offsetHeight);
    const titles = [...canvas.querySelectorAll<HTMLElement>('.state-title')].filter(visible).map(html);
    const tasks = [...canvas.querySelectorAll<HTMLElement>('.state-task')].filter((el) => el.offsetParent !== null).map(html);
    const texts = [...canvas.querySelectorAll<SVGTextElement>('.edge-label text')];
    const labels = texts.map((t) => px(t) * (t.getBoundingClientRect().height / t.getBBox().height));
    const states = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
      const r = n.getBoundingClientRect();
      const group = n.querySelector('.state-group') !== null;
      return { id: n.dataset.id ?? '', left: r.left, top: r.top, right: r.right, bottom: group ? r.top + 40 * (r.height / n.offsetHeight) : r.bottom };
    });
    const overlaps = [...canvas.querySelectorAll('.react-flow__edge')].flatMap((edge) => {
      const bg = edge.querySelector('.react-flow__edge-textbg');
      if (!bg) return [];
      const b = bg.getBoundingClientRect();
      return states.filter((s) => b.left < s.right && s.left < b.right && b.top < s.bottom && s.top < b.bottom).map((s) => `${edge.getAttribute('data-id')} on ${s.id}`);
    });
    const frame = canvas.getBoundingClientRect();
    const outside = states.filter((s) => s.left < frame.left - 1 || s.right > frame.right + 1 || s.top < frame.top - 1 || s.bottom > frame.bottom + 1).length;
    return { titles, tasks, labels, labelTexts: texts.map((t) => [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ')), overlaps, nodes: states.length, outside };
  });
}

const min = (xs: number[]) => Math.round(Math.min(...xs) * 10) / 10;

async function openPlaybook(page: Page, url: string, key: string, edges: number): Promise<void> {
  await page.goto(`${url}/case-types/${key}`);
  await page.getByRole('tab', { name: 'Playbook' }).click();
  // laid out by ELK (the canvas is busy meanwhile), labels placed, fitted
  const canvas = page.getByRole('region', { name: 'Playbook canvas' });
  await expect.poll(() => page.locator('.edge-label').count(), { timeout: 30_000 }).toBe(edges);
  await expect.poll(() => canvas.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  await page.waitForTimeout(200);
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await page.waitForTimeout(300);
}

describe('a readable canvas', () => {
  const e2e = useServerAndBrowser(async ({ server, page }) => {
    expect((await api(server, 'PUT', '/api/case-types/debt-collection/draft', debtCollectionPlaybook())).status).toBe(200);
    expect((await api(server, 'PUT', '/api/case-types/debt-collection-b/draft', debtCollectionPlaybook('debt-collection-b'))).status).toBe(200);
    expect((await api(server, 'PUT', '/api/case-types/bench-300/draft', bigPlaybook('bench-300', 300))).status).toBe(200);
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
  });

  it('reads at 11 px or more at fit-to-screen for 30 states, in words, no label on a state', async () => {
    const { server, session: s, page } = e2e();
    await openPlaybook(page, server.url, 'debt-collection', 20);
    const r = await read(page);
    console.log(`30-state playbook at fit-to-screen: state titles ≥ ${min(r.titles)} px, edge labels ≥ ${min(r.labels)} px, task lines shown: ${r.tasks.length}, states drawn: ${r.nodes}`);
    expect(min(r.titles)).toBeGreaterThanOrEqual(11);
    expect(min(r.labels)).toBeGreaterThanOrEqual(11);
    if (r.tasks.length > 0) expect(min(r.tasks)).toBeGreaterThanOrEqual(11);
    expect(r.overlaps).toEqual([]);
    expect(r.outside).toBe(0);
    // titles in words, never codes
    expect(r.labelTexts).toContain('Send reminder [Debtor verified]');
    expect(r.labelTexts.some((t) => /[A-Z]{2,}_[A-Z]/.test(t))).toBe(false);
    // the stages start collapsed; expanding one keeps the labels off the states
    // the Dutch plural ("3 statussen"): tr() would take the singular template (expand_one)
    await page.getByRole('button', { name: RUN_LANGUAGE === 'nl' ? 'Fase Negotiation uitklappen (3 statussen)' : 'Expand stage Negotiation (3 states)' }).click();
    await expect.poll(() => page.locator('.edge-label').count(), { timeout: 30_000 }).toBe(23);
    await expect.poll(() => page.getByRole('region', { name: 'Playbook canvas' }).getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await page.waitForTimeout(300);
    const open = await read(page);
    console.log(`30-state playbook, Negotiation expanded: state titles ≥ ${min(open.titles)} px, edge labels ≥ ${min(open.labels)} px`);
    expect(open.overlaps).toEqual([]);
    await screenshot(page, 'canvas-30-states');
    // the zoom controls and the overview are named
    await page.getByRole('button', { name: 'Zoom in' }).waitFor();
    await page.getByRole('button', { name: 'Zoom out' }).waitFor();
    await page.getByRole('button', { name: 'Show the whole playbook' }).waitFor();
    await page.getByLabel('Zoom controls').waitFor();
    expect(await page.locator('.react-flow__minimap svg[aria-labelledby]').count()).toBe(1);
    expect(s.errors).toEqual([]);
  });

  it('renders and fits the 300-state bench playbook; its sizes are printed, no label on a state', async () => {
    const { server, session: s, page } = e2e();
    await openPlaybook(page, server.url, 'bench-300', 299);
    const r = await read(page);
    console.log(`300-state bench playbook at fit-to-screen: state titles ≥ ${min(r.titles)} px, edge labels ≥ ${min(r.labels)} px, states drawn: ${r.nodes}, outside the canvas: ${r.outside}`);
    expect(r.nodes).toBe(300);
    expect(r.outside).toBe(0);
    expect(r.overlaps).toEqual([]);
    await screenshot(page, 'canvas-300-states');
    expect(s.errors).toEqual([]);
  });

  it('connects by dropping on a state body, and from the keyboard with "Connect to…"', async () => {
    const { server, session: s, page } = e2e();
    await openPlaybook(page, server.url, 'debt-collection', 20);
    const canvas = page.getByRole('region', { name: 'Playbook canvas' });
    const centre = async (selector: string) => {
      const box = await canvas.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not on screen`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    // from the handle of Received onto the middle of Withdrawn's box, far from its handle
    const from = await centre('[data-id="received"] .react-flow__handle.source');
    const to = await centre('[data-id="withdrawn"]');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('heading', { name: 'Transition from Received' }).waitFor();
    await canvas.locator('.react-flow__edge[data-id="on:received:GO_TO_WITHDRAWN:0"]').waitFor();
    expect(await canvas.locator('.react-flow__edge[data-id="on:received:GO_TO_WITHDRAWN:0"]').getAttribute('aria-label')).toMatch(
      // the event's title is made in the UI's language ("Go to {{title}}") inside "Transition {{label}} from …"
      RUN_LANGUAGE === 'nl'
        ? /^Overgang Naar Withdrawn by the creditor van Received naar Withdrawn by the creditor/
        : /^Transition Go to Withdrawn by the creditor from Received to Withdrawn by the creditor/,
    );
    // keep the changes: the next test opens another playbook
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();

    // the keyboard: focus Settled, Tab to its menu, "Connect to…", choose Written off by its title
    await canvas.locator('.react-flow__node[data-id="settled"]').focus();
    await page.keyboard.press('Tab'); // the connection point into Settled
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(tr('Connection point into Settled'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(tr('Menu of state Settled'));
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: 'Connect to…' });
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
    // Arrow Up/Down move in the menu and wrap at its ends
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(tr('Close the menu'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(tr('Connect to…'));
    await page.keyboard.press('Enter');
    const picker = page.getByLabel('Connect Settled to');
    await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await picker.selectOption({ label: 'Written off' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Transition from Settled' }).waitFor();
    await canvas.locator('.react-flow__edge[data-id="on:settled:GO_TO_WRITTEN_OFF:0"]').waitFor();
    // a source handle is named and opens the same picker with Enter
    await canvas.locator('[data-id="paidInFull"] .react-flow__handle.source').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(tr('Start a connection from Paid in full'));
    await page.keyboard.press('Enter');
    await page.getByLabel('Connect Paid in full to').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Connect Paid in full to').count()).toBe(0);
    // Escape closes the menu and puts the focus back on its state
    await canvas.locator('.react-flow__node[data-id="paidInFull"]').getByRole('button', { name: 'Menu of state Paid in full' }).click();
    await page.getByRole('menu', { name: 'Menu of state Paid in full' }).getByRole('menuitem', { name: 'Delete this state' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('paidInFull');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    expect(s.errors).toEqual([]);
  });

  it('finds a state by name, selecting and centring it; selects several and deletes them', async () => {
    const { server, session: s, page } = e2e();
    await openPlaybook(page, server.url, 'debt-collection-b', 20);
    const canvas = page.getByRole('region', { name: 'Playbook canvas' });
    // Court proceedings is inside the collapsed Legal stage: the search opens it
    await page.getByRole('combobox', { name: 'Find a state by name' }).fill('court proc');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'State Court proceedings' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing Court proceedings' }).waitFor();
    const node = canvas.locator('.react-flow__node[data-id="courtProceedings"]');
    await expect.poll(async () => {
      const [n, c] = await Promise.all([node.boundingBox(), canvas.boundingBox()]);
      if (!n || !c) return Infinity;
      return Math.hypot(n.x + n.width / 2 - (c.x + c.width / 2), n.y + n.height / 2 - (c.y + c.height / 2));
    }).toBeLessThan(30);
    expect(await node.getAttribute('class')).toContain('selected');

    // several states: a click, then Ctrl+click; the Delete key removes both
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await page.waitForTimeout(300);
    await canvas.locator('.react-flow__node[data-id="settled"]').click();
    await canvas.locator('.react-flow__node[data-id="paidInFull"]').click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Delete selected (2)' }).waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => canvas.locator('.react-flow__node[data-id="settled"], .react-flow__node[data-id="paidInFull"]').count()).toBe(0);
    // one more with the labelled button
    await canvas.locator('.react-flow__node[data-id="withdrawn"]').click();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await expect.poll(() => canvas.locator('.react-flow__node[data-id="withdrawn"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete selected' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await canvas.locator('.react-flow__node[data-id="withdrawn"]').waitFor();
    expect(s.errors).toEqual([]);
  });
});
