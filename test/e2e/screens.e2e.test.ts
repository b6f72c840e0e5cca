// Every screen of the designer and the worker console in Chromium, at 1440×900 and 1024×768 (and once more
// at 1440×900 in the dark colour scheme, `<name>-dark-1440x900.png`): a full-page
// screenshot of each (kept in test-artifacts/screens/, gitignored) and an axe-core check of each, which
// fails on any violation of impact 'serious' or 'critical'. One server and one browser for all of them;
// the screens are reached with role and label locators only.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishOn, readContent } from './english-scan.ts';
import { api, asWritten, ROOT, RUN_LANGUAGE, technicalTerms, technicalText, tr, useServerAndBrowser, type Server } from './harness.ts';
import { translateLocators } from './language.ts';

const SCREENS_DIR = join(ROOT, 'test-artifacts/screens');

/** A locator for the case type's own words (a field's label and pointer): not a UI text, never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

/** The impacts that fail the check; 'minor' and 'moderate' are reported by axe but not asserted here. */
const BLOCKING = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (injected once per document) and returns its violations. The designer's
 * Content-Security-Policy (`script-src 'self'`) refuses an inline `<script>` (`page.addScriptTag({ content })`),
 * so axe's source is evaluated through the DevTools protocol instead, which the page's policy does not govern;
 * the page keeps its real policy.
 */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

/** The suite's server, for the case types' own texts the Dutch scan leaves alone. */
let server: Server | undefined;

/** Two animation frames: React has committed and the browser has laid the page out at the new size. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** What a person must not read: the templates' rule ids and patterns, and the rule of the broken draft below. */
const terms = technicalTerms([{ rules: { claimComplete: {} } }]);

/**
 * The screen on show: no JSON pointer, rule id or pattern in its visible text (the model's own ids, which
 * analysts set, are shown as code); then, at each viewport, a full-page screenshot `<name>-<w>x<h>.png` and
 * the axe check, which fails with every serious or critical violation: rule, impact, where (selectors) and
 * what axe says to do.
 */
async function checkScreen(page: Page, name: string): Promise<void> {
  const found: string[] = [];
  expect(await technicalText(page, terms), `pointers, rule ids or patterns a person would read on the screen '${name}'`).toEqual([]);
  // the Dutch run (DOSSIER_E2E_LANG=nl): not one English UI word on any screen; the case types' own texts are content
  if (RUN_LANGUAGE === 'nl' && server) {
    await readContent(server);
    expect(await englishOn(page), `English UI words on the Dutch screen '${name}'`).toEqual([]);
  }
  // every viewport in the light scheme, then the dark one (the system's choice) once, at the first viewport
  const runs = [...VIEWPORTS.map((viewport) => ({ viewport, dark: false })), { viewport: VIEWPORTS[0], dark: true }];
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  try {
    for (const { viewport, dark } of runs) {
      if (dark) {
        await page.emulateMedia({ colorScheme: 'dark' });
        // the dark check is of a page that did turn dark
        expect(await background(), `the screen '${name}' in the dark scheme`).not.toBe(light);
      }
      await page.setViewportSize(viewport);
      await settle(page);
      const size = `${dark ? 'dark-' : ''}${viewport.width}x${viewport.height}`;
      await page.screenshot({ path: join(SCREENS_DIR, `${name}-${size}.png`), fullPage: true, animations: 'disabled' });
      for (const v of await axeViolations(page)) {
        if (!BLOCKING.has(v.impact ?? '')) continue;
        found.push(`${size} ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n    at ${v.targets.join('\n    at ')}`);
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expect(found.length, `serious or critical accessibility violations on the screen '${name}':\n${found.join('\n')}\n`).toBe(0);
}

async function tokenFor(server: Server, name: string, roles: string[]): Promise<string> {
  const r = await api(server, 'POST', '/api/tokens', { name, roles });
  expect(r.status).toBe(201);
  return (r.body as { token: string }).token;
}

describe('every screen at 1440×900 and 1024×768, and dark at 1440×900: screenshots, and no serious or critical axe-core violation', () => {
  let worker = '';
  let caseId = '';
  let caseTitle = /^Customer complaint/;

  beforeAll(() => {
    mkdirSync(SCREENS_DIR, { recursive: true });
  });
  afterAll(() => {
    console.log(`screenshots of every screen at ${VIEWPORTS.map((v) => `${v.width}x${v.height}`).join(' and ')}, and dark at ${VIEWPORTS[0].width}x${VIEWPORTS[0].height}: ${SCREENS_DIR}/`);
  });

  const e2e = useServerAndBrowser(async ({ server: started }) => {
    server = started;
    worker = await tokenFor(server, 'wendy', ['agent', 'intake-agent', 'investigator']);
    // a second published version of the complaint, so that the versions view has two to compare
    const published = await api(server, 'GET', '/api/case-types/complaint');
    expect(published.status).toBe(200);
    const def = structuredClone(published.body) as { version?: number; playbook: { states: Record<string, { title?: string }> } };
    delete def.version;
    (def.playbook.states.withdrawn as { title?: string }).title = 'Withdrawn by the customer';
    expect((await api(server, 'PUT', '/api/case-types/complaint/draft', def)).status).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/complaint/publish', { note: 'Says who withdrew.' })).status).toBe(201);
    // a complaint worked one step on, so that its view shows history, the checklist and the next actions
    const created = await fetch(`${server.url}/api/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${worker}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        caseType: 'complaint',
        channel: 'email',
        data: { customer: { name: 'Ada Lovelace', email: 'ada.lovelace@example.com' }, channel: 'email', description: 'The parcel never arrived.' },
      }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; reference: string };
    caseId = body.id;
    caseTitle = new RegExp(`^Customer complaint ${body.reference}`);
    const triaged = await fetch(`${server.url}/api/cases/${caseId}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${worker}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'SUBMIT_TRIAGE', data: { reason: 'delivery', severity: 'medium' } }),
    });
    expect(triaged.status).toBe(200);
    // a draft with errors, so that the problems panel lists some
    const broken = {
      key: 'broken-claim',
      title: 'Broken claim',
      data: { type: 'object', properties: { amount: { type: 'number', title: 'Amount' } } },
      events: { SUBMIT: { title: 'Submit claim' } },
      // problems that name fields: a known one (read by its label) and an unknown path (shown as code)
      form: { sections: [{ id: 'main', title: 'Main', fields: ['/amount', '/amuont'] }] },
      rules: { claimComplete: { schema: { required: ['amount'] } } },
      playbook: {
        initial: 'received',
        states: { received: { title: 'Received', checklist: ['claimComplete'], on: { SUBMIT: 'nowhere' } }, paid: { title: 'Paid', type: 'final' } },
      },
    };
    const saved = await api(server, 'PUT', '/api/case-types/broken-claim/draft', broken);
    expect([saved.status, (saved.body as { valid: boolean }).valid]).toEqual([200, false]);
  });

  /** The complaint's editor, opened as the admin unless it is on screen already; then the view named by its tab. */
  async function editorTab(tab: string): Promise<Page> {
    const { server, page } = e2e();
    if (new URL(page.url()).pathname !== '/case-types/complaint' || (await page.getByRole('tablist', { name: 'Editor views' }).count()) === 0) {
      await page.goto(`${server.url}/case-types/complaint?token=${encodeURIComponent(server.token)}`);
    }
    await page.getByRole('tab', { name: tab }).click();
    return page;
  }

  it('sign-in', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Access token').waitFor();
    await checkScreen(page, 'sign-in');
    // signing in from the form leads to the list
    await page.getByLabel('Access token').fill(server.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
  });

  it('case-type list', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    await page.getByRole('link', { name: 'Customer complaint' }).waitFor();
    await checkScreen(page, 'case-types');
  });

  it('editor: fields and form, a field open', async () => {
    const page = await editorTab('Fields and form');
    await page.getByLabel('Field label').waitFor();
    await content(() => page.getByRole('button', { name: /^E-mail \/customer\/email/ })).click();
    // "Field" and the pointer as code
    await page.getByRole('heading', { name: `${tr('Field')} /customer/email` }).waitFor();
    await checkScreen(page, 'editor-fields');
  });

  it('editor: rules, a rule open', async () => {
    const page = await editorTab('Rules');
    await page.getByRole('button', { name: /^High severity/ }).click();
    // "Rule" and the rule's name as code
    await page.getByRole('heading', { name: `${tr('Rule')} highSeverity` }).waitFor();
    await checkScreen(page, 'editor-rules');
  });

  it('editor: playbook canvas', async () => {
    const page = await editorTab('Playbook');
    const views = page.getByRole('group', { name: 'Show the playbook as' });
    await views.getByRole('button', { name: 'Canvas view' }).click();
    await page.getByRole('region', { name: 'Playbook canvas' }).getByRole('group', { name: new RegExp(`^${tr('State Triage')}`) }).waitFor();
    await checkScreen(page, 'editor-playbook-canvas');
  });

  it('editor: playbook canvas, a state open', async () => {
    const page = await editorTab('Playbook');
    await page.getByRole('group', { name: 'Show the playbook as' }).getByRole('button', { name: 'Canvas view' }).click();
    await page.getByRole('button', { name: 'Triage', exact: true }).click();
    await page.getByRole('heading', { name: 'State Triage' }).waitFor();
    await checkScreen(page, 'editor-playbook-state');
  });

  it("editor: playbook canvas, a state's menu open", async () => {
    const page = await editorTab('Playbook');
    await page.getByRole('group', { name: 'Show the playbook as' }).getByRole('button', { name: 'Canvas view' }).click();
    await page.getByRole('button', { name: 'Menu of state Triage' }).click();
    const menu = page.getByRole('menu', { name: 'Menu of state Triage' });
    await menu.getByRole('menuitem', { name: 'Connect to…' }).waitFor();
    await checkScreen(page, 'editor-playbook-state-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('editor: stage view', async () => {
    const page = await editorTab('Playbook');
    const views = page.getByRole('group', { name: 'Show the playbook as' });
    await views.getByRole('button', { name: 'Stage view' }).click();
    await page.getByRole('region', { name: 'Stage 1: Triage' }).waitFor();
    await checkScreen(page, 'editor-stage-view');
    await views.getByRole('button', { name: 'Canvas view' }).click();
  });

  it('editor: roles and queues', async () => {
    const page = await editorTab('Roles and queues');
    await page.getByRole('heading', { name: 'Queues' }).waitFor();
    await checkScreen(page, 'editor-roles-queues');
  });

  it('editor: SLAs and calendars', async () => {
    const page = await editorTab('SLAs and calendars');
    await page.getByRole('heading', { name: 'Service levels' }).waitFor();
    await checkScreen(page, 'editor-slas');
  });

  it('editor: simulator, with a case started', async () => {
    const page = await editorTab('Simulator');
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Case data').selectOption({ label: 'sample: Double charge, by e-mail' });
    await panel.getByRole('button', { name: 'Start case' }).click();
    await panel.getByRole('button', { name: 'Send SUBMIT_TRIAGE' }).waitFor();
    await checkScreen(page, 'editor-simulator');
  });

  it('editor: data types', async () => {
    const page = await editorTab('Data types');
    await page.getByRole('heading', { name: 'TypeScript types of the case data' }).waitFor();
    await checkScreen(page, 'editor-types');
  });

  it('editor: JSON', async () => {
    const page = await editorTab('JSON');
    await page.getByRole('code').first().waitFor();
    await checkScreen(page, 'editor-json');
  });

  it('editor: versions, two compared', async () => {
    const page = await editorTab('Versions');
    await page.getByText('Says who withdrew.').first().waitFor();
    await checkScreen(page, 'editor-versions');
  });

  it('editor: backtest', async () => {
    const page = await editorTab('Backtest');
    await page.getByRole('region', { name: 'Backtest on real cases' }).getByRole('button', { name: 'Run backtest' }).waitFor();
    await checkScreen(page, 'editor-backtest');
  });

  it('editor: the publish dialog open', async () => {
    const page = await editorTab('Fields and form');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish Customer complaint' });
    await dialog.getByLabel('Note').waitFor();
    await checkScreen(page, 'editor-publish-dialog');
    // on a short window the heading and the buttons stay on screen: only the body scrolls
    await page.setViewportSize({ width: 1024, height: 420 });
    for (const part of [dialog.getByRole('heading', { name: 'Publish Customer complaint' }), dialog.getByRole('button', { name: 'Cancel' })]) {
      const box = await part.boundingBox();
      expect(box !== null && box.y >= 0 && box.y + box.height <= 420).toBe(true);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(tr('Publish…'));
  });

  it('editor: the keyboard shortcuts ("?"); the tabs move with the arrow keys', async () => {
    const page = await editorTab('Fields and form');
    // the tabs: arrow keys move the focus between them (wrapping), Enter opens one
    const tab = page.getByRole('tab', { name: 'Fields and form' });
    await tab.focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe(tr('Backtest'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe(tr('Fields and form'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe(tr('Rules'));
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected')).toBe('true');
    // "?" outside a text box opens the list; Escape closes it and gives the focus back
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Undo the last edit of the definition').waitFor();
    await checkScreen(page, 'editor-shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe(tr('Rules'));
    // the toolbar's button opens it too
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // "?" typed in a text box is a character, not the shortcut
    const ruleTitle = page.getByLabel('New rule title');
    await ruleTitle.fill('Why');
    // the caret after the text, whatever a render did to it meanwhile (a loaded machine once saw '?Why')
    await ruleTitle.press('End');
    await ruleTitle.press('?');
    expect(await ruleTitle.inputValue()).toBe('Why?');
    expect(await dialog.count()).toBe(0);
    await ruleTitle.fill('');
  });

  it('editor: a draft with errors in the problems panel', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/case-types/broken-claim?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Broken claim/ }).waitFor();
    // editor.workspace.fixToPublish_one/_other
    await page.getByText(RUN_LANGUAGE === 'nl' ? /^Herstel \d+ fouten? om te publiceren$/ : /^Fix \d+ errors? to publish$/).waitFor();
    await checkScreen(page, 'editor-problems');
  });

  it('worker console: inbox', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('tab', { name: 'All open cases' }).click();
    await page.getByRole('cell', { name: 'Ada Lovelace' }).first().waitFor();
    await checkScreen(page, 'work-inbox');
  });

  it('worker console: new case (the intake form)', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/new?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await page.getByLabel('Case type').selectOption('complaint');
    await page.getByLabel('What happened').waitFor();
    await checkScreen(page, 'work-intake');
    // sent with the required fields empty: the errors next to the fields
    await page.getByRole('button', { name: 'Create case' }).click();
    // console.intake.fixFirst_one/_other
    await page.getByText(RUN_LANGUAGE === 'nl' ? /^Verbeter eerst (het gemarkeerde veld|de \d+ gemarkeerde velden) hieronder\.$/ : /^Fix the (field|\d+ fields) marked below first\.$/).waitFor();
    await checkScreen(page, 'work-intake-errors');
  });

  it('worker console: a case, with its history, checklist and actions', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/cases/${encodeURIComponent(caseId)}?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: caseTitle }).waitFor();
    await page.getByRole('region', { name: 'Life cycle' }).waitFor();
    for (const heading of ['Actions', 'Checklist', 'History']) await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await checkScreen(page, 'work-case');
  });

  it('worker console: a case, with the form of an action open', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/cases/${encodeURIComponent(caseId)}?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: caseTitle }).waitFor();
    await page.getByRole('button', { name: 'Ask the customer for information' }).click();
    await page.getByRole('form', { name: 'Ask the customer for information: what to send' }).waitFor();
    await checkScreen(page, 'work-case-action');
  });

  it('worker console: the reports area', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/reports?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await page.getByRole('region', { name: 'SLA compliance', exact: true }).waitFor();
    // every card has its answer (a table or its empty state), none still loading
    await expect.poll(async () => page.locator('.report-grid [role=status]').count()).toBe(0);
    await checkScreen(page, 'work-reports');
  });

  it('worker console: an unknown address', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/work/nowhere?token=${encodeURIComponent(worker)}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByText('Nothing lives at /work/nowhere.').waitFor();
    await checkScreen(page, 'work-not-found');
  });

  it('the public form and the status page (no sign-in)', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/forms/default/complaint`);
    await asWritten(() => page.getByRole('heading', { name: 'Tell us what went wrong', level: 1 })).waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').last().waitFor();
    await checkScreen(page, 'public-form');
    const sent = await fetch(`${server.url}/api/public/default/forms/complaint`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Ada Lovelace' }, description: 'The parcel never arrived.' }),
    });
    const { statusPath } = (await sent.json()) as { statusPath: string };
    await page.goto(`${server.url}${statusPath}`);
    await page.getByRole('list', { name: 'Progress so far' }).waitFor();
    await checkScreen(page, 'public-status');
  });

  it('not-found page', async () => {
    const { server, page } = e2e();
    await page.goto(`${server.url}/nowhere?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkScreen(page, 'not-found');
  });
});
