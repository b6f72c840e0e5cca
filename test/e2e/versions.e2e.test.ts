// Versions (issue 16): an admin publishes two versions with notes, sees both listed with who published them,
// when and the note, compares them side by side (in words, and on the canvas with the changes marked), and
// rolls back with "New draft from this version".
import { describe, expect, it } from 'vitest';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

const definition = (key: string) => ({
  key,
  title: 'Travel claim',
  data: {
    type: 'object',
    properties: { claim: { type: 'object', title: 'Claim', properties: { amount: { type: 'number', title: 'Amount' } } } },
  },
  events: { SUBMIT: { title: 'Submit claim' }, APPROVE: { title: 'Approve' } },
  playbook: {
    initial: 'received',
    states: {
      received: { title: 'Received', on: { SUBMIT: 'review' } },
      review: { title: 'Review', on: { APPROVE: 'paid' } },
      paid: { title: 'Paid', type: 'final' },
    },
  },
});

describe('versions', () => {
  const e2e = useServerAndBrowser();

  it('publishes two versions with notes, lists and compares them in words and on the canvas, and rolls back to the first', async () => {
    const { server, session: s, page } = e2e();
    const key = `travel-claim-${Date.now().toString(36)}`;
    const saved = await api(server, 'PUT', `/api/case-types/${key}/draft`, definition(key));
    expect([saved.status, (saved.body as { valid: boolean }).valid]).toEqual([200, true]);
    await page.goto(`${server.url}/case-types/${key}?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('heading', { name: /^Travel claim/ }).waitFor();

    const publish = async (note: string, version: number) => {
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish Travel claim' });
      await dialog.getByLabel('Note').fill(note);
      await dialog.getByRole('button', { name: 'Publish now' }).click();
      // the first sentence of editor.publish.done
      await dialog.getByText(RUN_LANGUAGE === 'nl' ? `${key} is gepubliceerd als versie ${version}.` : `Published ${key} as version ${version}.`).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
    };

    // version 1, with a note
    await publish('First release for the pilot team', 1);

    // version 2: a field and a final state more, the amount retitled
    await page.getByRole('tab', { name: 'Fields and form' }).click();
    await page.getByLabel('Field label').fill('Reason');
    await page.getByLabel('Field type').selectOption({ label: tr('Text') });
    await page.getByRole('button', { name: 'Add field' }).click();
    // the word Field and the pointer, which tr() cannot match as one
    await page.getByRole('heading', { name: `${tr('Field')} /reason` }).waitFor();
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByLabel('New state title').fill('Rejected');
    await page.getByLabel('Final state', { exact: true }).check();
    // exact: the Dutch "Status toevoegen" is also inside "Overgang vanuit elke status toevoegen"
    await page.getByRole('button', { name: 'Add state', exact: true }).click();
    await page.getByRole('heading', { name: 'State Rejected' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await publish('Adds a reason and a rejected state', 2);

    // the versions: newest first, who published each, when, and the note
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('heading', { name: 'Versions of Travel claim' }).waitFor();
    const table = page.getByRole('table', { name: 'Published versions' });
    const v1 = table.getByRole('row', { name: /^Version 1(?!\d)/ });
    const v2 = table.getByRole('row', { name: /^Version 2(?!\d)/ });
    await v2.getByRole('cell', { name: 'Adds a reason and a rejected state' }).waitFor();
    await v1.getByRole('cell', { name: 'First release for the pilot team' }).waitFor();
    await v1.getByRole('cell', { name: 'admin' }).waitFor();
    await v2.getByRole('cell', { name: 'admin' }).waitFor();
    // "when" in the browser's locale, not the ISO instant
    expect(await v2.getByRole('cell').nth(2).textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // compare version 1 with version 2: the differences in words, side by side
    await page.getByLabel('Compare version').selectOption({ label: 'Version 1' });
    await page.getByLabel('with version').selectOption({ label: 'Version 2' });
    await page.getByText(RUN_LANGUAGE === 'nl' ? /^\d+ wijziging(en)? van versie 1 naar versie 2\.$/ : /^\d+ changes? from version 1 to version 2\.$/).waitFor();
    const fields = page.getByRole('table', { name: /^Fields/ });
    // "{{change}}: " and the entry: "{{word}} {{name}}" in "{{subject}} added"
    await fields.getByRole('rowheader', { name: `${tr('Added')}: ${tr(`${tr('Field')} ‘Reason’ added`)}` }).waitFor();
    await fields.getByRole('columnheader', { name: `In ${tr('version 1')}` }).waitFor();
    await fields.getByRole('columnheader', { name: `In ${tr('version 2')}` }).waitFor();
    const states = page.getByRole('table', { name: /^States/ });
    await states.getByRole('rowheader', { name: `${tr('Added')}: ${tr(`${tr('State')} ‘Rejected’ added`)}` }).waitFor();
    // on the canvas: the new state marked, with a legend; never an id
    const canvas = page.getByRole('region', { name: 'Playbook changes on the canvas' });
    await canvas.getByRole('group', { name: new RegExp(`^${tr('State Rejected')}.*\\(${tr('added')}\\)$`) }).waitFor();
    await canvas.getByRole('list', { name: 'Legend' }).getByText('Added: green, solid border, marked “added”').waitFor();
    expect(await canvas.getByRole('group', { name: new RegExp(`^${tr('State Received')}`) }).getAttribute('aria-label')).toBe(`${tr('State Received')} ${tr('(initial)')}`);
    await screenshot(page, 'versions-compare');

    // roll back: version 1 becomes the draft, after a confirmation that says the draft will be replaced
    await v1.getByRole('button', { name: `${tr('New draft from this version')}${tr(' (version 1)')}` }).click();
    const confirm = page.getByRole('dialog', { name: 'New draft from version 1?' });
    await confirm.getByText(RUN_LANGUAGE === 'nl' ? /Het huidige concept wordt vervangen door versie 1/ : /The current draft will be replaced by version 1/).waitFor();
    await confirm.getByRole('button', { name: 'Replace the draft' }).click();
    await page.getByText('Version 1 is now the draft. Undo brings back the draft you had.').waitFor();
    // the current draft is now version 1: no changes between them, and the server has it as the draft
    await page.getByLabel('Compare version').selectOption({ label: 'Current draft' });
    await page.getByLabel('with version').selectOption({ label: 'Version 1' });
    await page.getByText(tr(`No changes between the current draft and ${tr('version 1')}.`)).waitFor();
    await page.getByText('All changes saved').waitFor();
    const draft = await api(server, 'GET', `/api/case-types/${key}/draft`);
    const held = (draft.body as { definition: Record<string, unknown> }).definition;
    const { version: _v, ...first } = (await api(server, 'GET', `/api/case-types/${key}/versions/1`)).body as Record<string, unknown>;
    expect(held.version).toBeUndefined();
    expect(held).toEqual(first);
    expect(JSON.stringify(held)).not.toContain('Rejected');
    // the published versions are untouched
    const versions = await api(server, 'GET', `/api/case-types/${key}/versions`);
    expect((versions.body as { items: { version: number; publishedBy: string; note: string }[] }).items.map((v) => [v.version, v.publishedBy, v.note])).toEqual([
      [1, 'admin', 'First release for the pilot team'],
      [2, 'admin', 'Adds a reason and a rejected state'],
    ]);
    expect(s.errors).toEqual([]);
  });
});
