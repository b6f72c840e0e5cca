// The stage view (issue 16) in Chromium against `dossier serve`: the complaint template as its life cycle,
// a step renamed there shown on the canvas, a step added and moved from the keyboard, a stage added, and a
// case's place on the worker console's life-cycle strip.
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

/** An SLA as the stage view writes it: "{{title}}: within {{duration}}", its goal, where it starts. */
const slaInWords = (title: string, deadline: string, goal: string) => tr(`${tr(`${title}: within ${tr(deadline)}`)} (goal ${tr(goal)})`) + tr(' · starts here');

/** A state's group on the canvas: its name starts with "State {{title}}". */
const stateNode = (title: string) => new RegExp(`^${tr(`State ${title}`)}`);

describe('stage view', () => {
  const e2e = useServerAndBrowser();

  it('shows the playbook as stages, edits it there, and the canvas shows the edits', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: 'Case types' }).waitFor();
    await page.getByRole('link', { name: 'Customer complaint' }).click();
    await page.getByRole('tab', { name: 'Playbook' }).click();
    const views = page.getByRole('group', { name: 'Show the playbook as' });
    await page.getByRole('region', { name: 'Playbook canvas' }).waitFor();
    expect(await views.getByRole('button', { name: 'Canvas view' }).getAttribute('aria-pressed')).toBe('true');

    // the stage view: stages in the order a case passes them, final states last
    await views.getByRole('button', { name: 'Stage view' }).click();
    expect(await views.getByRole('button', { name: 'Stage view' }).getAttribute('aria-pressed')).toBe('true');
    const board = page.getByRole('list', { name: 'Stages' });
    await board.waitFor();
    expect(await page.getByRole('region', { name: 'Playbook canvas' }).count()).toBe(0);
    const stageNames = await board.getByRole('region').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(stageNames).toEqual(
      [
        'Stage 1: Triage',
        'Stage 2: Investigation',
        'Stage 3: Resolution',
        'Stage 4: Compensation approval',
        'Stage 5: Satisfaction survey',
        'Stage 6: Waiting for the customer',
        'Stage 7: Closed',
        'Stage 8: Withdrawn',
      ].map((name) => tr(name)),
    );
    // tasks and SLAs in words
    const triage = page.getByRole('region', { name: 'Stage 1: Triage' });
    expect(await triage.getByRole('list', { name: 'SLAs in Triage' }).getByRole('listitem').allTextContents()).toEqual([
      slaInWords('First response', '8 working hours', '4 working hours'),
      slaInWords('Resolution', '5 working days', '3 working days'),
    ]);
    expect(await triage.textContent()).toContain([tr('Task: Classify the complaint'), tr('queue Triage'), tr(`due in ${tr('4 working hours')}`)].join(' · '));
    const investigation = page.getByRole('region', { name: 'Stage 2: Investigation' });
    const steps = investigation.getByRole('list', { name: 'Steps of Investigation' });
    expect(await steps.getByRole('listitem').count()).toBe(2);

    // rename a step; the canvas shows the new title
    await investigation.getByRole('textbox', { name: 'Title of step 1 in Investigation' }).fill('Collect documents');
    await investigation.getByRole('button', { name: `${tr('Open')}${tr(' step Collect documents')}` }).click();
    await page.getByRole('heading', { name: 'State Collect documents' }).waitFor();
    await screenshot(page, 'stage-view-complaint');

    // add a step, then move it up from the keyboard: the focus stays on the button
    await investigation.getByRole('textbox', { name: 'New step in Investigation' }).fill('Check the contract');
    await investigation.getByRole('button', { name: `${tr('Add step')} ${RUN_LANGUAGE === 'nl' ? 'aan' : 'to'} Investigation` }).click();
    await page.getByRole('heading', { name: 'State Check the contract' }).waitFor();
    await expect.poll(() => steps.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Collect documents',
      'Analyse the root cause',
      'Check the contract',
    ]);
    const up = investigation.getByRole('button', { name: `${tr('Move up')} Check the contract` });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => steps.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Collect documents',
      'Check the contract',
      'Analyse the root cause',
    ]);
    await expect.poll(() => up.evaluate((el) => el === document.activeElement)).toBe(true);

    // add a stage: no transition leads there yet, so it comes after the reached stages, before the final ones
    await board.getByRole('textbox', { name: 'New stage title' }).fill('Legal review');
    await board.getByRole('button', { name: 'Add stage' }).click();
    const legal = page.getByRole('region', { name: 'Stage 7: Legal review' });
    await legal.waitFor();
    expect(await legal.textContent()).toContain(tr('Not reached yet: no transition leads here'));
    await page.getByRole('heading', { name: 'State Legal review' }).waitFor();

    // the canvas draws the same playbook, with every edit
    await views.getByRole('button', { name: 'Canvas view' }).click();
    const canvas = page.getByRole('region', { name: 'Playbook canvas' });
    await canvas.getByRole('group', { name: stateNode('Collect documents') }).waitFor();
    await canvas.getByRole('group', { name: stateNode('Check the contract') }).waitFor();
    await canvas.getByRole('group', { name: stateNode('Legal review') }).waitFor();
    // and one undo takes the stage back out of both views
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => canvas.getByRole('group', { name: stateNode('Legal review') }).count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it("shows a case's place on the life-cycle strip in the worker console", async () => {
    const { server, session: s, page } = e2e();
    s.errors.length = 0;
    const token = await api(server, 'POST', '/api/tokens', { name: 'stella', roles: ['agent', 'intake-agent', 'investigator'] });
    expect(token.status).toBe(201);
    const stella = (token.body as { token: string }).token;
    const as = async (method: string, path: string, body: unknown) => {
      const r = await fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${stella}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: (await r.json()) as { id: string } };
    };
    const created = await as('POST', '/api/cases', {
      caseType: 'complaint',
      channel: 'email',
      data: { customer: { name: 'Mary Jackson', email: 'mary.jackson@example.com' }, channel: 'email', description: 'Charged twice.' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    await page.goto(`${server.url}/work?token=${stella}`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.goto(`${server.url}/work/cases/${id}`);
    const strip = page.getByRole('region', { name: 'Life cycle' });
    await expect.poll(() => strip.textContent()).toContain(tr('Current stage: Triage'));

    // triaged: the case moves into the investigation's first step, triage is done
    expect((await as('POST', `/api/cases/${id}/events`, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } })).status).toBe(200);
    await page.reload();
    await expect.poll(() => strip.textContent()).toContain(`${tr('Current stage: Investigation')}${tr(', step: Collect the facts')}`);
    const items = strip.getByRole('listitem');
    await expect.poll(() => items.allTextContents()).toEqual([
      `✓ Triage${tr(' (done)')}`,
      `Investigation${tr(' (current stage)')}`,
      'Resolution',
      'Compensation approval',
      'Satisfaction survey',
      'Closed',
    ]);
    expect(await items.nth(1).getAttribute('aria-current')).toBe('step');
    await screenshot(page, 'work-life-cycle-strip');
    expect(s.errors).toEqual([]);
  });
});
