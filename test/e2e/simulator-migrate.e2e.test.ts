// The simulator moves a case to another version (issue 19, item 5): the complaint template is published
// again as version 2 (a state split, "Compensation approval" removed, a required language with a default);
// in the simulator a case started on version 1 reaches "Compensation approval", cannot move under the
// suggested plan (said in words), moves once the analyst maps the state and picks the language, shows what
// changed, and goes on with a version-2 event.
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';
import { complaintData, complaintV1, complaintV2 } from '../complaint-versions.ts';
import { englishOn, readContent } from './english-scan.ts';
import { patchLines } from '../../designer/src/model/change-words.ts';
import { wordsFor } from '../../designer/src/i18n/words.ts';

const SAMPLE = 'Compensation above the mandate';

describe('the simulator moves a case to another version', () => {
  const e2e = useServerAndBrowser(async ({ server }) => {
    // version 2 of the complaint; then a draft like version 1 with a sample that goes all the way to the approval
    const v2 = await api(server, 'PUT', '/api/case-types/complaint/draft', complaintV2());
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect((await api(server, 'POST', '/api/case-types/complaint/publish')).status).toBe(201);
    const draft = complaintV1();
    const data = {
      ...complaintData,
      reason: 'billing',
      severity: 'medium',
      investigation: { evidence: [{ kind: 'invoice', summary: 'Debited twice.' }], rootCause: 'our-error', findings: 'Batch ran twice.' },
      resolution: { outcome: 'upheld', summary: 'Refund and goodwill.', compensation: 750 },
    };
    draft.samples = [...(draft.samples ?? []), { title: SAMPLE, data }];
    const saved = await api(server, 'PUT', '/api/case-types/complaint/draft', draft);
    expect([saved.status, (saved.body as { valid: boolean }).valid]).toEqual([200, true]);
  });

  it('starts on version 1, is refused under the suggested plan, moves with a mapping, shows the changes and goes on in version 2', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/case-types/complaint?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Run on').selectOption({ label: 'version 1' });
    await expect.poll(() => panel.getByLabel('Run on').inputValue()).toBe('1');
    await panel.getByLabel('Case data').selectOption({ label: `sample: ${SAMPLE}` });
    await panel.getByRole('button', { name: 'Start case' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('triage');
    await panel.getByText('The case runs on version 1.').waitFor();
    for (const event of ['SUBMIT_TRIAGE', 'EVIDENCE_COLLECTED', 'SUBMIT_FINDINGS', 'PROPOSE_RESOLUTION']) {
      await panel.getByRole('button', { name: `Send ${event}` }).click();
    }
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('approval');
    // a run on a published version is not saved with the draft, and says so
    await panel.getByText('A run on a published version, or one that moved to another version, is not saved with the draft: its scenarios replay on the draft.').waitFor();

    await panel.getByRole('button', { name: 'Move to another version…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move the case to another version' });
    await expect.poll(() => dialog.getByLabel('To version').inputValue()).toBe('2');
    const mapping = dialog.getByLabel('Cases in “Compensation approval” go to');
    // the suggested plan: version 2 has no such state and no parent to take it, so it is not mapped
    expect(await mapping.inputValue()).toBe('');
    // the field's label is the case type's own ("Language"), inside the app's words: built with them, not translated
    const language = dialog.getByLabel(wordsFor(RUN_LANGUAGE).t('sim.migrate.valueFor', { field: 'Language' }));
    expect(await language.inputValue()).toBe('en');
    await dialog.getByRole('button', { name: 'Move the case' }).click();
    const blocked = dialog.getByRole('list', { name: 'The case cannot move:' });
    expect(await blocked.textContent()).toBe(tr('The case is in “Compensation approval”, which version 2 does not have: choose where such cases go.'));
    // nothing moved (the panel is hidden from the accessibility tree while the dialog is open)
    expect(await page.getByTestId('sim-state').textContent()).toBe('approval');
    await screenshot(page, 'simulator-migrate-blocked');

    // the analyst maps the state and picks the customer's language
    await mapping.selectOption({ label: 'Resolution › Write the resolution' });
    await language.selectOption('nl');
    await dialog.getByRole('button', { name: 'Move the case' }).click();
    await dialog.waitFor({ state: 'detached' });
    const changed = panel.getByRole('region', { name: 'What the move changed' });
    await changed.getByText('Moved from version 1 to version 2.').waitFor();
    expect(await changed.getByTestId('sim-migration-state').textContent()).toBe(tr('State: Compensation approval → Resolution › Write the resolution'));
    const dataLines = patchLines({ op: 'add', path: '/language', value: 'nl' }, () => 'Language', wordsFor(RUN_LANGUAGE));
    expect(await changed.getByRole('list', { name: 'Data' }).locator('li').allTextContents()).toEqual(dataLines);
    const { t } = wordsFor(RUN_LANGUAGE);
    const running = t('sim.case.status.running');
    expect(await changed.getByRole('list', { name: 'SLA clocks' }).locator('li').allTextContents()).toEqual([
      t('sim.migrate.summary.sla', { sla: 'Resolution', action: t('sim.migrate.action.keep'), before: running, after: running }),
    ]);
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('resolving.draft');
    await panel.getByText('The case runs on version 2.').waitFor();
    expect(await panel.getByRole('list', { name: 'Steps' }).locator('> li').last().textContent()).toBe(`${tr('move to version 2')} `);
    // the canvas is version 2's: the new step is there, the removed one is not
    await expect.poll(() => page.locator('.react-flow__node[data-id="draft"] .state-node').getAttribute('data-active')).toBe('true');
    expect(await page.locator('.react-flow__node[data-id="approval"]').count()).toBe(0);
    await screenshot(page, 'simulator-migrated');
    // the Dutch run: not one English UI word on the panel after the move (the case type's own texts are content)
    if (RUN_LANGUAGE === 'nl') {
      await readContent(server);
      expect(await englishOn(page), 'English UI words on the Dutch simulator after a move').toEqual([]);
    }

    // on in version 2: its own event
    await panel.getByRole('button', { name: 'Send RESOLUTION_DRAFTED' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('resolving.check');
    // step back twice: the move is undone, the case is on version 1 in the approval again
    await panel.getByRole('button', { name: 'Step back' }).click();
    await panel.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('approval');
    await panel.getByText('The case runs on version 1.').waitFor();
    expect(await changed.count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
