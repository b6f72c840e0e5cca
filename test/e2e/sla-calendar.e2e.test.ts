// An analyst adds a business calendar and an SLA to a case type; the preview shows the deadline across a weekend.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { api, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';
import { translateLocators } from './language.ts';

/**
 * Picks an option by the case type's own words: the state "Done" and the field "Phone" are also UI texts
 * ("Klaar", "Telefoon") that the Dutch run would otherwise look for.
 */
async function selectContent(select: Locator, label: string): Promise<void> {
  translateLocators(false);
  const picked = select.selectOption({ label });
  translateLocators(true);
  await picked;
}

const callback = {
  key: 'callback',
  title: 'Callback request',
  data: { type: 'object', additionalProperties: false, properties: { phone: { type: 'string', title: 'Phone' }, requestedAt: { type: 'string', title: 'Requested at', format: 'date-time' } } },
  events: { CALLED: { title: 'Called back' } },
  playbook: { initial: 'waiting', states: { waiting: { title: 'Waiting', on: { CALLED: 'done' } }, done: { title: 'Done', type: 'final' } } },
};

describe('SLAs and calendars in the designer', () => {
  const e2e = useServerAndBrowser(async ({ server }) => {
    expect((await api(server, 'PUT', '/api/case-types/callback/draft', callback)).status).toBe(200);
  });

  it('adds a calendar with a Friday break and an SLA on it; the preview puts PT8H from Friday 16:00 on Monday 16:00', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/case-types/callback?token=${encodeURIComponent(server.token)}`);
    await page.getByRole('tab', { name: 'SLAs and calendars' }).click();
    await page.getByText('No SLAs yet.').waitFor();

    // the calendar: Amsterdam, Monday to Friday 09:00-17:00 with a lunch break on Friday, Monday 12 January a holiday
    await page.getByLabel('Calendar name').fill('office');
    await page.getByRole('button', { name: 'Add calendar' }).click();
    const cal = page.getByRole('group', { name: 'Calendar office' });
    await cal.getByLabel('Time zone').selectOption('Europe/Amsterdam');
    await cal.getByLabel('Friday hours').fill('09:00-12:00, 13:00-17:00');
    await cal.getByLabel('Holiday date').fill('2026-12-25');
    await cal.getByRole('button', { name: 'Add holiday' }).click();
    await cal.getByText('2026-12-25').waitFor();
    await screenshot(page, 'sla-calendar-editor');

    // the SLA: on case.created, stop when done, goal PT4H, deadline PT8H in office
    await page.getByLabel('SLA name').fill('callback');
    await page.getByRole('button', { name: 'Add SLA' }).click();
    const sla = page.getByRole('group', { name: 'SLA callback' });
    await sla.getByLabel('Calendar', { exact: true }).selectOption('office');
    await sla.getByLabel('Goal', { exact: true }).fill('PT4H');
    // a duration that does not read is a problem whose "Go to" brings the SLA back
    await sla.getByLabel('Deadline', { exact: true }).fill('8 hours');
    await page.getByRole('button', { name: 'office' }).click();
    await page.getByRole('group', { name: 'Calendar office' }).waitFor();
    await page.getByRole('button', { name: 'Go to SLA callback' }).first().click();
    await sla.getByLabel('Deadline', { exact: true }).fill('PT8H');
    // composed names: a list's name inside "Add to {{list}}", a rung's title in lower case, "{{title}} {{n}}: {{type}}"
    await selectContent(sla.getByLabel(tr(`Add to ${tr('stop: entering states')}`)), 'Done');
    await sla.getByLabel('Start from field').selectOption({ label: 'Requested at' });
    // a rung's actions use the playbook's editor: the field by its label, the event by its title
    await sla.getByLabel(tr(`Add to ${tr('On breach (deadline)').toLowerCase()}`)).selectOption({ label: 'Set a field' });
    const setPhone = sla.getByRole('group', { name: `${tr('On breach (deadline)')} 1: ${tr('set')}` });
    await selectContent(setPhone.getByLabel('Field', { exact: true }), 'Phone');
    await setPhone.getByLabel('Value', { exact: true }).fill('call back first');
    await sla.getByLabel(tr(`Add to ${tr('On warning').toLowerCase()}`)).selectOption({ label: 'Raise an event' });
    expect(await sla.getByRole('group', { name: `${tr('On warning')} 1: ${tr('raise')}` }).getByLabel('Event', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Called back');
    await sla.getByLabel('Preview start').fill('2026-01-09T16:00');
    const rows = sla.locator('.sla-preview-table tbody tr');
    // the Dutch preview writes the dates in nl-NL and the durations in words (model slaPreview.*)
    await expect.poll(() => rows.allTextContents()).toEqual(
      RUN_LANGUAGE === 'nl'
        ? [
            'Waarschuwing12 jan 2026, 11:0075% van het doel 4 werkuren in werktijd, vanaf 9 jan 2026, 16:00 (de standaard)',
            "Doel12 jan 2026, 12:004 werkuren vanaf 9 jan 2026, 16:00 in werkkalender 'office' is 12 jan 2026, 12:00",
            "Termijn12 jan 2026, 16:008 werkuren vanaf 9 jan 2026, 16:00 in werkkalender 'office' is 12 jan 2026, 16:00",
          ]
        : [
            "WarningMon 12 Jan 2026 11:0075% of the goal PT4H in business time, from Fri 16:00 (the default)",
            "GoalMon 12 Jan 2026 12:00PT4H from Fri 16:00 in 'office' is Mon 12:00",
            "DeadlineMon 12 Jan 2026 16:00PT8H from Fri 16:00 in 'office' is Mon 16:00",
          ],
    );
    await screenshot(page, 'sla-preview-weekend');

    // a Friday morning start runs over the lunch break
    await sla.getByLabel('Preview start').fill('2026-01-09T10:00');
    await expect.poll(() => sla.locator('tr[data-rung="deadline"]').textContent()).toBe(
      RUN_LANGUAGE === 'nl'
        ? "Termijn12 jan 2026, 11:008 werkuren vanaf 9 jan 2026, 10:00 in werkkalender 'office' is 12 jan 2026, 11:00"
        : "DeadlineMon 12 Jan 2026 11:00PT8H from Fri 10:00 in 'office' is Mon 11:00",
    );

    await page.getByRole('heading', { name: /^Problems/ }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /^Problems/ }).textContent()).toBe(`${tr('Problems')} (${tr('0 errors')}, ${tr('0 warnings')})`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(async () => ((await api(server, 'GET', '/api/case-types/callback/draft')).body as { definition: { slas?: unknown } }).definition.slas).toEqual({
      callback: {
        title: 'callback',
        start: { event: ['case.created'] },
        deadline: 'PT8H',
        calendar: 'office',
        goal: 'PT4H',
        stop: { enter: ['done'] },
        startFrom: '/requestedAt',
        onBreach: [{ type: 'set', path: '/phone', value: 'call back first' }],
        onWarning: [{ type: 'raise', event: 'CALLED' }],
      },
    });
    const draft = (await api(server, 'GET', '/api/case-types/callback/draft')).body as { definition: { calendars?: unknown } };
    expect(draft.definition.calendars).toEqual({
      office: {
        timezone: 'Europe/Amsterdam',
        hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '12:00'], ['13:00', '17:00']] },
        holidays: ['2026-12-25'],
      },
    });
    expect(s.errors).toEqual([]);
  });

  it('renames the SLA, takes a condition part and a holiday off, and deletes the SLA and the calendar', async () => {
    const { server, session: s, page } = e2e();
    await page.getByLabel('Rename SLA to').fill('callbackTime');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    const sla = page.getByRole('group', { name: 'SLA callbackTime' });
    await sla.getByRole('button', { name: RUN_LANGUAGE === 'nl' ? `Done verwijderen uit ${tr('stop: entering states')}` : 'Remove Done from stop: entering states' }).click();
    await page.getByRole('button', { name: 'office' }).click();
    await page.getByRole('button', { name: 'Remove holiday 2026-12-25' }).click();
    await page.getByRole('button', { name: 'callback', exact: true }).click();
    await page.getByRole('group', { name: 'SLA callbackTime' }).waitFor();
    await page.getByRole('button', { name: 'Delete SLA' }).click();
    await page.getByText('No SLAs yet.').waitFor();
    await page.getByRole('button', { name: 'office' }).click();
    await page.getByRole('button', { name: 'Delete calendar' }).click();
    await page.getByText('No calendars: SLAs count elapsed time.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(async () => {
      const d = ((await api(server, 'GET', '/api/case-types/callback/draft')).body as { definition: { slas?: Record<string, { stop?: unknown }>; calendars?: Record<string, { holidays?: unknown }> } }).definition;
      return [Object.keys(d.slas ?? {}), d.slas?.callbackTime?.stop, Object.keys(d.calendars ?? {}), d.calendars?.office?.holidays];
    }).toEqual([['callbackTime'], undefined, ['office'], undefined]);
    expect(s.errors).toEqual([]);
  });
});
