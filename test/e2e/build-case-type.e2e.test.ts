// An analyst builds a small complaint case type from nothing without typing JSON (fields, a rule, three
// states, two transitions with a guard), publishes it, and a case created through the API runs on it.
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser, addField, createBlankCaseType } from './harness.ts';

/** A value's problem as the form shows it: "Must be …" (problems.format, problems.hint; capitalised). */
const mustBe = (what: string) => (RUN_LANGUAGE === 'nl' ? `Moet ${what} zijn` : `Must be ${what}`);
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('build a case type from nothing', () => {
  const e2e = useServerAndBrowser();

  it('fields, a rule, three states, two transitions with a guard; published; a case runs on it', async () => {
    const { server, session: s, page } = e2e();
    const key = `quick-complaint-${Date.now().toString(36)}`;
    await createBlankCaseType(page, server, 'Quick complaint', key);

    // fields: an e-mail (required), a choice list, a long text
    await addField(page, 'Email', 'E-mail');
    await page.getByLabel('Required').check();
    await addField(page, 'Severity', 'Choice list');
    await page.getByLabel('Choices (one per line)').fill('low\nmedium\nhigh');
    await page.getByLabel('Choices (one per line)').blur();
    await addField(page, 'Description', 'Long text');
    // a name another field has already is refused with the reason, and the editor stays on this field
    await page.getByLabel('Name (in the data)').fill('severity');
    await page.getByLabel('Name (in the data)').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'There is a field named severity at the top level already.' }).waitFor();
    await page.getByRole('heading', { name: `${tr('Field')} /description` }).waitFor();
    await page.getByLabel('Name (in the data)').fill('description');
    await page.getByLabel('Name (in the data)').press('Enter');
    // model.fields.nameTakenTop and nameTakenGroup
    await expect.poll(() => page.getByRole('alert').filter({ hasText: RUN_LANGUAGE === 'nl' ? 'al een veld met de naam' : 'There is a field named' }).count()).toBe(0);

    // the preview validates as you type, with the server's formats and in the server's words
    await page.locator('#preview-email').fill('not an e-mail');
    await page.getByText(mustBe(tr('an e-mail address such as name@example.com'))).waitFor();
    await page.locator('#preview-email').fill('anna@example.com');
    await page.getByText('The sample data is valid.').waitFor();
    // a pattern is told by what the analyst says a valid value looks like, never by the regex
    await addField(page, 'Postcode', 'Text');
    await page.getByLabel('Pattern (regular expression)').fill('^[0-9]{4} ?[A-Z]{2}$');
    await page.getByLabel('What a valid value looks like').fill('a Dutch postcode such as 1234 AB');
    await page.getByLabel('Example of a valid value').fill('1234 AB');
    await page.locator('#preview-postcode').fill('12345');
    await page.getByText(mustBe('a Dutch postcode such as 1234 AB')).waitFor();
    expect(await page.getByText('[0-9]{4}').count()).toBe(0);
    await page.locator('#preview-postcode').fill('1234 AB');
    await page.getByText('The sample data is valid.').waitFor();
    await screenshot(page, 'build-fields');

    // a rule: severity is filled, tested live against the preview's sample data
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByLabel('New rule title').fill('Triaged');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 1 field').selectOption('/severity');
    await page.getByLabel('Condition 1 test').selectOption('filled');
    await page.getByText(tr(`Fails on the sample data: Severity ${tr('is needed')}`)).waitFor();
    await screenshot(page, 'build-rules');

    // a queue where the triage work waits
    await page.getByRole('tab', { name: 'Roles and queues' }).click();
    await page.getByLabel('New queue title').fill('Triage desk');
    await page.getByRole('button', { name: 'Add queue' }).click();
    await page.getByLabel('Title of queue triage-desk').waitFor();
    await screenshot(page, 'build-roles-queues');

    // the playbook: three states, two transitions, one guarded by the rule
    await page.getByRole('tab', { name: 'Playbook' }).click();
    const addState = async (title: string, final = false) => {
      await page.getByLabel('New state title').fill(title);
      if (final) await page.getByLabel('Final state', { exact: true }).check();
      await page.getByRole('button', { name: 'Add state', exact: true }).click();
      await page.getByRole('heading', { name: `State ${title}` }).waitFor();
    };
    await addState('Triage');
    await page.getByLabel('Open a task for people in this state').check();
    await page.getByLabel('Task queue').selectOption({ label: 'Triage desk' });
    await addState('Investigating');
    await addState('Closed', true);
    const addTransition = async (from: string, event: string, to: string) => {
      await page.getByRole('group', { name: new RegExp(`^${escapeRe(tr(`State ${from}`))}`) }).click();
      await page.getByRole('heading', { name: `State ${from}` }).waitFor();
      await page.getByLabel('On event').fill(event);
      await page.getByLabel('Go to').selectOption({ label: to });
      await page.getByRole('button', { name: 'Add transition', exact: true }).click();
      await page.getByRole('heading', { name: `Transition from ${from}` }).waitFor();
    };
    await addTransition('Triage', 'SUBMIT_TRIAGE', 'Investigating');
    await page.getByLabel('Guard').selectOption({ label: 'when Triaged' });
    await page.getByLabel('Carries Severity').check();
    await addTransition('Investigating', 'CLOSE', 'Closed');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.getByText('Submit triage [Triaged]').waitFor();
    await page.getByRole('button', { name: 'Fit to screen' }).click();
    await screenshot(page, 'build-playbook');

    // no errors left; save the draft, then publish with the diff shown
    await expect.poll(() => page.getByRole('heading', { name: /^Problems/ }).textContent()).toMatch(new RegExp(`^${escapeRe(`${tr('Problems')} (${tr('0 errors')}`)}`));
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish Quick complaint' });
    await dialog.getByText('Nothing is published yet: this will be version 1.').waitFor();
    // model.diff.areas.transition.word, model.diff.transition.name, model.diff.entry.added
    await dialog
      .getByText(RUN_LANGUAGE === 'nl' ? 'Overgang ‘Triage’ → ‘Investigating’ bij ‘Submit triage’ toegevoegd' : 'Transition ‘Triage’ → ‘Investigating’ on ‘Submit triage’ added')
      .waitFor();
    await screenshot(page, 'build-publish');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    // the first sentence of editor.publish.done
    await dialog.getByText(RUN_LANGUAGE === 'nl' ? `${key} is gepubliceerd als versie 1.` : `Published ${key} as version 1.`).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(s.errors).toEqual([]);

    // a case created through the API runs on the published version
    const created = await api(server, 'POST', '/api/cases', { caseType: key, data: { email: 'anna@example.com' } });
    expect(created.status).toBe(201);
    const c = created.body as { id: string; state: unknown; version: number; tasks: { title: string; queue: string | null }[] };
    expect([c.state, c.version]).toEqual(['triage', 1]);
    expect(c.tasks.map((t) => [t.title, t.queue])).toEqual([['Triage', 'triage-desk']]);
    const refused = await api(server, 'POST', `/api/cases/${c.id}/events`, { type: 'SUBMIT_TRIAGE' });
    expect([refused.status, (refused.body as { code: string }).code]).toEqual([422, 'rule.failed']);
    const triaged = await api(server, 'POST', `/api/cases/${c.id}/events`, { type: 'SUBMIT_TRIAGE', data: { severity: 'high' } });
    expect([triaged.status, (triaged.body as { state: unknown }).state]).toEqual([200, 'investigating']);
    const closed = await api(server, 'POST', `/api/cases/${c.id}/events`, { type: 'CLOSE' });
    expect([closed.status, (closed.body as { state: unknown }).state]).toEqual([200, 'closed']);
  });
});
