// The simulator on the complaint template: through waiting-for-customer to the auto-close timer, saved as
// a scenario (with the draft and as a download), replayed green, a guard changed, replayed red; the
// downloaded file passes `dossier test` on the command line too.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { api, ROOT, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

const run = promisify(execFile);

async function dossierTest(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [join(ROOT, 'bin/dossier.js'), 'test', ...args], { cwd: ROOT });
    return { code: 0, out: args.includes('--json') ? r.stdout : r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('the simulator', () => {
  const e2e = useServerAndBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the complaint through waiting for the customer; the next timer auto-closes it', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/case-types/complaint?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Case data').selectOption({ label: 'sample: Double charge, by e-mail' });
    await panel.getByRole('button', { name: 'Start case' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('triage');
    await expect.poll(() => page.locator('.react-flow__node[data-id="triage"] .state-node').getAttribute('data-active')).toBe('true');

    await panel.getByRole('button', { name: 'Send SUBMIT_TRIAGE' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('investigating.collect');
    await expect.poll(() => page.locator('.react-flow__node[data-id="collect"] .state-node').getAttribute('data-active')).toBe('true');
    expect(await page.locator('.react-flow__node[data-id="triage"] .state-node').getAttribute('data-active')).toBeNull();
    // why the others are blocked, in words
    expect(await panel.getByRole('list', { name: 'Why ASK_CUSTOMER is blocked' }).textContent()).toBe(`Question for the customer ${tr('is needed')}`);
    expect(await panel.getByRole('list', { name: 'Why EVIDENCE_COLLECTED is blocked' }).textContent()).toBe(`Investigation ${tr('is needed')}`);
    expect(await panel.locator('[data-sla="firstResponse"]').getAttribute('data-status')).toBe('met');

    await panel.getByRole('button', { name: '+1 h' }).click();
    await expect.poll(() => panel.getByTestId('sim-now').textContent()).toBe(RUN_LANGUAGE === 'nl' ? '5 jan 2026, 11:00 (Europe/Amsterdam)' : 'Mon 5 Jan 11:00 (Europe/Amsterdam)');
    // sending without the question is refused, with the reason
    await panel.getByRole('button', { name: 'Send ASK_CUSTOMER' }).click();
    await expect.poll(() => panel.locator('.sim-message').textContent()).toMatch(
      RUN_LANGUAGE === 'nl'
        ? /^Ask the customer for information is geblokkeerd: aan ‘[^’]+’ is nog niet voldaan; vul de genoemde velden in\. \(Question for the customer is nodig\)$/
        : /^Ask the customer for information is blocked: “[^”]+” is not met yet; complete the fields listed\. \(Question for the customer is needed\)$/,
    );
    await panel.locator('[data-event="ASK_CUSTOMER"]').getByRole('button', { name: 'With data…' }).click();
    await panel.locator('[data-event="ASK_CUSTOMER"] textarea, [data-event="ASK_CUSTOMER"] input').first().fill('Which invoice number was charged twice?');
    await panel.getByRole('button', { name: 'Send ASK_CUSTOMER' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('waitingForCustomer');
    expect(await panel.locator('[data-sla="resolution"]').getAttribute('data-status')).toBe('paused');
    await screenshot(page, 'simulator-waiting-for-customer');

    await panel.getByRole('button', { name: /^To the next timer/ }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('closed');
    await expect.poll(() => panel.getByTestId('sim-now').textContent()).toBe(RUN_LANGUAGE === 'nl' ? '19 jan 2026, 11:00 (Europe/Amsterdam)' : 'Mon 19 Jan 11:00 (Europe/Amsterdam)');
    const history = panel.getByRole('list', { name: 'History' });
    await history.getByText('Closure reason: no-reply').waitFor();
    await history.getByText('note: No reply from the customer in 14 days: complaint closed.').waitFor();
    expect(await panel.locator('[data-sla="resolution"]').getAttribute('data-status')).toBe('met');
    await screenshot(page, 'simulator-auto-closed');

    // step back and forth: the snapshot list
    expect(await panel.getByRole('list', { name: 'Steps' }).locator('> li').count()).toBe(5);
    await panel.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('waitingForCustomer');
    await panel.getByRole('button', { name: 'Back to step 1' }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('investigating.collect');
    expect(await panel.getByRole('list', { name: 'Steps' }).locator('> li').allTextContents()).toEqual([
      `${tr('create the case')} ${tr('back to here')}`,
      `${tr('send SUBMIT_TRIAGE')} `,
    ]);
    // the same way again, so the run to save is complete
    await panel.getByRole('button', { name: '+1 h' }).click();
    await panel.locator('[data-event="ASK_CUSTOMER"]').getByRole('button', { name: 'With data…' }).click();
    await panel.locator('[data-event="ASK_CUSTOMER"] textarea, [data-event="ASK_CUSTOMER"] input').first().fill('Which invoice number was charged twice?');
    await panel.getByRole('button', { name: 'Send ASK_CUSTOMER' }).click();
    await panel.getByRole('button', { name: /^To the next timer/ }).click();
    await expect.poll(() => panel.getByTestId('sim-state').textContent()).toBe('closed');
    expect(s.errors).toEqual([]);
  });

  it('saves the run as a scenario, replays it green, shows coverage; a changed guard replays red with the failing step', async () => {
    const { server, session: s, page } = e2e();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Scenario name').fill('No reply closes the complaint');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download .scenario.json' }).click()]);
    expect(download.suggestedFilename()).toBe('complaint.no-reply-closes-the-complaint.scenario.json');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await panel.getByRole('button', { name: 'Save with the draft' }).click();
    const item = panel.locator('[data-scenario="No reply closes the complaint"]');
    await item.getByRole('button', { name: 'Replay No reply closes the complaint' }).click();
    await expect.poll(() => item.getAttribute('data-result')).toBe('pass');
    expect(await item.locator('li[data-passed="true"]').count()).toBe(5);

    // exact: a short button name must not match a longer one that contains it
    await page.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(async () => ((await api(server, 'GET', '/api/case-types/complaint/draft')).body as { definition: { scenarios?: { name: string }[] } }).definition.scenarios?.map((x) => x.name)).toEqual([
      'No reply closes the complaint',
    ]);

    await panel.getByRole('button', { name: 'Show path coverage on the canvas' }).click();
    // the same figure as `dossier test --paths` on the command line
    const paths = await dossierTest(join(ROOT, 'templates/complaint.case.json'), file, '--paths', '--json');
    const cli = (JSON.parse(paths.out) as { coverage: { covered: number; total: number; percent: number } }).coverage;
    expect(cli.covered).toBe(1);
    await expect.poll(() => panel.getByTestId('coverage-figure').textContent()).toBe(tr(`${cli.covered} of ${cli.total} paths covered by the saved scenarios (${cli.percent}%)`));
    await panel.getByRole('list', { name: 'Legend' }).waitFor();
    expect(await page.locator('.react-flow__edge.edge-cov-covered').count()).toBe(4);
    // (15: the complaint takes a customer's chat message while waiting for the customer, issue 20)
    expect(await page.locator('.react-flow__edge.edge-cov-uncovered').count()).toBe(15);
    await screenshot(page, 'simulator-coverage');

    // the analyst changes the ASK_CUSTOMER guard: only high-severity complaints may ask the customer
    await page.getByRole('tab', { name: 'Playbook' }).click();
    // select the state with the keyboard: edges drawn across the group would take a pointer click
    await page.locator('.react-flow__node[data-id="investigating"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ask the customer for information → Waiting for the customer' }).click();
    await page.getByLabel('Guard').selectOption({ label: 'when High severity' });
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await expect.poll(() => item.getAttribute('data-result')).toBe('stale');
    await panel.getByText('The definition changed since the last replay: replay to see the results on it.').waitFor();
    await panel.getByRole('button', { name: 'Replay No reply closes the complaint' }).click();
    await expect.poll(() => item.getAttribute('data-result')).toBe('fail');
    const failed = item.locator('li[data-passed="false"]');
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain(`✗ ${tr('step 3')}: ${tr('send ASK_CUSTOMER')} {"questionForCustomer":"Which invoice number was charged twice?"}`);
    expect(await failed.getByRole('alert').textContent()).toContain('event ASK_CUSTOMER was rejected: rule.failed');
    await screenshot(page, 'simulator-replay-red');

    // the downloaded file passes dossier test against the template, and fails against the changed draft
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { caseType: string; steps: unknown[] };
    expect([scenario.caseType, scenario.steps.length]).toEqual(['complaint', 4]);
    const green = await dossierTest(join(ROOT, 'templates/complaint.case.json'), file);
    expect([green.code, green.out]).toEqual([0, expect.stringContaining('✓ No reply closes the complaint (4 steps)')]);
    // exact: a short button name must not match a longer one that contains it
    await page.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(async () => JSON.stringify((await api(server, 'GET', '/api/case-types/complaint/draft')).body)).toContain('"guard":"highSeverity","actions":[{"type":"notify","to":"customer","template":"question-for-customer"}]');
    const changed = (await api(server, 'GET', '/api/case-types/complaint/draft')).body as { definition: unknown };
    writeFileSync(join(dir, 'complaint.case.json'), JSON.stringify(changed.definition, null, 2));
    const red = await dossierTest(join(dir, 'complaint.case.json'), file);
    expect(red.code).toBe(1);
    expect(red.out).toContain('✗ No reply closes the complaint');

    // the stored copy downloads as the same file; replay all; delete
    const [again] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Download No reply closes the complaint' }).click()]);
    expect(JSON.parse(readFileSync(await again.path(), 'utf8'))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    await panel.getByRole('button', { name: 'Replay all' }).click();
    await expect.poll(() => item.getAttribute('data-result')).toBe('fail');
    await item.getByRole('button', { name: 'Delete No reply closes the complaint' }).click();
    await panel.getByRole('heading', { name: 'Saved scenarios (0)' }).waitFor();
    expect(s.errors).toEqual([]);
  });

  it('moves the clock a working day in the office calendar, and resets', async () => {
    const { session: s, page } = e2e();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByLabel('Created at', { exact: true }).fill('2026-01-09T15:00:00Z');
    await panel.getByRole('button', { name: 'Start case' }).click();
    await expect.poll(() => panel.getByTestId('sim-now').textContent()).toBe(RUN_LANGUAGE === 'nl' ? '9 jan 2026, 16:00 (Europe/Amsterdam)' : 'Fri 9 Jan 16:00 (Europe/Amsterdam)');
    // a working day from Friday 16:00 is Monday 16:00; the first-response SLA breached on the way (8 working hours)
    await panel.getByRole('button', { name: `${tr('+1 working day')} ('office')` }).click();
    await expect.poll(() => panel.getByTestId('sim-now').textContent()).toBe(RUN_LANGUAGE === 'nl' ? '12 jan 2026, 16:00 (Europe/Amsterdam)' : 'Mon 12 Jan 16:00 (Europe/Amsterdam)');
    expect(await panel.locator('[data-sla="firstResponse"]').getAttribute('data-status')).toBe('breached');
    // in Dutch the SLA is explained by its deadline (8 working hours from Friday 16:00 in 'office': Monday 16:00 in
    // Amsterdam), in the calendar's time, as the English sentence says it
    const deadline = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(new Date('2026-01-12T15:00:00Z'));
    expect(await panel.locator('[data-sla="firstResponse"]').textContent()).toContain(
      RUN_LANGUAGE === 'nl' ? tr(`Breached: the deadline was ${deadline}`) : "deadline PT8H in 'office' from Fri 16:00",
    );
    await screenshot(page, 'simulator-working-day');
    // "Reset" is also the SLA condition's legend, which tr() would take ("Herstart"): the simulator's own word
    await panel.getByRole('button', { name: RUN_LANGUAGE === 'nl' ? 'Opnieuw beginnen' : 'Reset' }).click();
    await panel.getByRole('button', { name: 'Start case' }).waitFor();
    expect(await panel.getByTestId('sim-state').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
