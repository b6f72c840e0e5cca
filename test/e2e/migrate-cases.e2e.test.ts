// Migrating open cases (issue 19, item 4) in Chromium: version 1 of the complaint template is published and
// cases are opened in several of its states (through the API); a changed version 2 (a state removed, a state
// split, a new required field with a default) is published in the designer, whose publish dialog offers
// "Migrate open cases". On that page the admin runs a dry run (the removed state's case cannot move, said in
// words), sends the removed state's cases to another state, sets the new field's value and an SLA's clock, runs
// the dry run again (its counts are the API's own), applies it and follows the progress bar to the end; the
// migrated case's history in the worker console says so. The versions tab leads to the same page, where a dry
// run then finds nothing left to move. Both languages; the Dutch run scans the page for English.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { asWritten, api, RUN_LANGUAGE, screenshot, technicalTerms, technicalText, tr, useServerAndBrowser, type Server } from './harness.ts';
import { englishOn, readContent } from './english-scan.ts';
import { complaintData, complaintPaths, complaintV1, complaintV2 } from '../complaint-versions.ts';

const terms = technicalTerms();

/**
 * The serious and critical axe-core violations on the page, in the light and the dark scheme (axe evaluated
 * through the DevTools protocol: the page's Content-Security-Policy refuses inline scripts; as in screens.e2e).
 */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const found: string[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${scheme} ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return found;
}

/** A screenshot, and no pointer, rule id or pattern in what the admin reads, no serious accessibility problem; in the Dutch run, no English UI words. */
async function shot(page: Page, server: Server, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await accessibilityProblems(page), `accessibility on '${name}'`).toEqual([]);
  expect(await technicalText(page, terms), `technical words on '${name}'`).toEqual([]);
  if (RUN_LANGUAGE === 'nl') {
    await readContent(server);
    expect(await englishOn(page), `English UI words on the Dutch screen '${name}'`).toEqual([]);
  }
}

type Counts = { total: number; migrates: number; cannot: number };

async function countsOnPage(page: Page): Promise<{ migrates: number; cannot: number }> {
  const read = async (outcome: string) => Number((await page.locator(`[data-outcome="${outcome}"]`).textContent())?.replace(/\D/g, ''));
  return { migrates: await read('migrates'), cannot: await read('cannot') };
}

describe('migrate open cases', () => {
  const e2e = useServerAndBrowser();

  it('publishes version 2, dry-runs and applies a migration of the open cases, and the console shows it in the history', async () => {
    const { server, session: s, page } = e2e();
    const key = `complaint-m${Date.now().toString(36)}`;
    const v1 = { ...complaintV1(), key };
    const v2 = { ...complaintV2(), key };

    // version 1, and open cases in several of its states
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, v1)).status).toBe(200);
    expect((await api(server, 'POST', `/api/case-types/${key}/publish`)).status).toBe(201);
    const cases: Record<string, { id: string; reference: string }> = {};
    for (const state of ['triage', 'collect', 'waitingForCustomer', 'resolving', 'approval', 'survey']) {
      const created = await api(server, 'POST', '/api/cases', { caseType: key, data: complaintData });
      expect(created.status).toBe(201);
      const c = created.body as { id: string; reference: string };
      for (const event of complaintPaths[state] ?? []) {
        const sent = await api(server, 'POST', `/api/cases/${c.id}/events`, event);
        expect(sent.status, `${event.type} on the way to ${state}`).toBe(200);
      }
      cases[state] = { id: c.id, reference: c.reference };
    }
    const approval = cases['approval'] as { id: string; reference: string };

    // version 2 in the designer: published through the dialog, which offers to migrate the open cases
    expect((await api(server, 'PUT', `/api/case-types/${key}/draft`, v2)).status).toBe(200);
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Customer complaint/ }).waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish Customer complaint' });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await dialog.getByText(RUN_LANGUAGE === 'nl' ? `${key} is gepubliceerd als versie 2.` : `Published ${key} as version 2.`).waitFor();
    await dialog.getByText('6 open cases are on version 1: move them to version 2 when you are ready.').waitFor();
    await screenshot(page, 'migrate-publish-offer');
    await dialog.getByRole('button', { name: 'Migrate open cases' }).click();

    // the migration page: the suggested plan, asked in titles and labels
    await page.getByRole('heading', { name: 'Migrate open cases of Customer complaint' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/case-types/${key}/migrate/1/2`);
    const removed = page.getByLabel('Cases in ‘Compensation approval’ go to');
    expect(await removed.inputValue()).toBe('');
    const values = page.getByRole('group', { name: 'Values for new required fields' });
    // the field's own label (a case type's word: "Language" is also the app's Language select, so as written)
    const language = asWritten(() => values.getByLabel('Language', { exact: true }));
    expect(await language.inputValue()).toBe('en');

    // a first dry run: the case in the removed state cannot move, and the page says why
    const apiDryRun = async (plan: unknown): Promise<Counts> => {
      const r = await api(server, 'POST', '/api/migrations/dry-run', plan);
      expect(r.status).toBe(200);
      return (r.body as { counts: Counts }).counts;
    };
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText('6 open cases are on version 1.', { exact: true }).waitFor();
    const suggested = { caseType: key, from: 1, to: 2, data: { defaults: { '/language': 'en' } } };
    const first = await apiDryRun(suggested);
    expect(first).toEqual({ total: 6, migrates: 5, cannot: 1 });
    expect(await countsOnPage(page)).toEqual({ migrates: first.migrates, cannot: first.cannot });
    await page.getByRole('term').filter({ hasText: 'In a state version 2 does not have' }).waitFor();
    const table = page.getByRole('table', { name: 'Cases in the dry run' });
    const approvalRow = table.getByRole('row', { name: new RegExp(`^${approval.reference}`) });
    await approvalRow.getByRole('cell', { name: 'Cannot migrate', exact: true }).waitFor();
    await approvalRow.getByRole('cell', { name: 'Version 2 has no state ‘Compensation approval’: choose where its cases go.' }).waitFor();
    // the cases that cannot move come first
    expect(await table.getByRole('row').nth(1).getAttribute('class')).toBe('migration-cannot');
    await shot(page, server, 'migrate-dry-run-unmapped');

    // the answers: the removed state's cases go to the resolution, the new field gets "nl", a clock restarts
    await removed.selectOption({ label: 'Resolution' });
    await language.selectOption('nl');
    await page.getByLabel('Clock of ‘First response’').selectOption({ label: 'Restart it now' });
    await page.getByLabel('Title of this migration (optional)').fill('Split the resolution');
    // the dry run shown is of the plan before these answers: applying waits for a new one
    await page.getByText('You changed the plan after this dry run: run it again before applying.').waitFor();
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText('You changed the plan after this dry run: run it again before applying.').waitFor({ state: 'detached' });
    const plan = {
      caseType: key,
      from: 1,
      to: 2,
      title: 'Split the resolution',
      states: { approval: 'resolving' },
      data: { defaults: { '/language': 'nl' } },
      slas: { firstResponse: 'restart' },
    };
    const second = await apiDryRun(plan);
    expect(second).toEqual({ total: 6, migrates: 6, cannot: 0 });
    await page.locator('[data-outcome="migrates"]', { hasText: '6' }).waitFor();
    expect(await countsOnPage(page)).toEqual({ migrates: second.migrates, cannot: second.cannot });
    // each case by its reference, its state now and where it goes, by their titles; what changes in its data
    await approvalRow.getByRole('cell', { name: 'Compensation approval', exact: true }).waitFor();
    await approvalRow.getByRole('cell', { name: 'Resolution › Write the resolution', exact: true }).waitFor();
    await approvalRow.getByRole('cell', { name: 'Will migrate', exact: true }).waitFor();
    await approvalRow.getByRole('cell', { name: 'Language: nl', exact: true }).waitFor();
    const collectRow = table.getByRole('row', { name: new RegExp(`^${(cases['collect'] as { reference: string }).reference}`) });
    expect(await collectRow.getByRole('cell').nth(0).textContent()).toBe('Investigation › Collect the facts');
    expect(await collectRow.getByRole('cell').nth(1).textContent()).toBe('Investigation › Collect the facts');
    await shot(page, server, 'migrate-dry-run');

    // apply: the progress bar runs to the end, then the final counts
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Migration progress' });
    await bar.waitFor();
    await page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100');
    await page.getByRole('heading', { name: 'Migration done' }).waitFor();
    await page.getByText('All 6 cases worked: 6 migrated, 0 could not migrate, 0 skipped (closed or changed meanwhile).').waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe(tr('6 of 6 cases worked'));
    await shot(page, server, 'migrate-done');
    const listed = await api(server, 'GET', `/api/migrations?caseType=${key}`);
    const migrations = (listed.body as { items: { status: string; counts: Record<string, number>; title: string | null }[] }).items;
    expect(migrations.map((m) => [m.status, m.title, m.counts])).toEqual([['done', 'Split the resolution', { total: 6, pending: 0, migrated: 6, blocked: 0, skipped: 0 }]]);
    const migrated = (await api(server, 'GET', `/api/cases/${approval.id}`)).body as { version: number; state: unknown; data: Record<string, unknown> };
    expect([migrated.version, migrated.state, migrated.data['language']]).toEqual([2, { resolving: 'draft' }, 'nl']);

    // the migrated case in the worker console: its history says it was migrated, with the note
    await table.getByRole('link', { name: approval.reference, exact: true }).click();
    const history = page.getByRole('list', { name: 'History' });
    const entry = history.getByRole('listitem').filter({ hasText: tr('Migrated to version 2') }).first();
    await entry.getByText('Migrated to version 2', { exact: true }).waitFor();
    await entry.getByText('Migrated from version 1 to version 2 (Split the resolution)', { exact: false }).waitFor();
    // the state it left is named as version 1 named it (version 2 has no approval step)
    await entry.getByText('Compensation approval → Resolution › Write the resolution', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/work/cases/${approval.id}`);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'migrate-history');

    // from the versions tab: the same page for any two versions; nothing is left to move now
    await page.goto(`${server.url}/case-types/${key}`);
    await page.getByRole('heading', { name: /^Customer complaint/ }).waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Migrate open cases from version 1 to version 2' }).click();
    await page.getByRole('heading', { name: 'Migrate open cases of Customer complaint' }).waitFor();
    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await page.getByText('No open cases are on version 1: there is nothing to migrate.').waitFor();
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
    expect(await apiDryRun(suggested)).toEqual({ total: 0, migrates: 0, cannot: 0 });
    await shot(page, server, 'migrate-nothing-left');

    expect(s.errors).toEqual([]);
  }, 120_000);
});
