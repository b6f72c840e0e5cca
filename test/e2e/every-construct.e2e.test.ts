// Issue 17 item 2: an analyst never needs the JSON view for anything the format can say. A new case type is
// built with labelled controls only — field defaults, customer keys, a parallel state with regions, a delay in
// a business calendar with a timer id and actions, an eventless transition with a nested guard and a "set a
// field" action, per-event payload rules, a child case with copied fields and data, the playbook root's entry
// actions and a transition from any state, a state id set by hand — then run to its end in the simulator,
// saved as a scenario, published, and the published definition and scenario pass `dossier test`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { addField, api, asWritten, createBlankCaseType, ROOT, RUN_LANGUAGE, screenshot, tr, useServerAndBrowser } from './harness.ts';

const run = promisify(execFile);

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An action's group: "Delay 1 actions 1: note" (canvas.actions.row with the list's title and canvas.actions.codes). */
const actionRow = (list: string, n: number, type: string) => `${tr(list)} ${n}: ${tr(type)}`;
/** The select that adds an action to a list: "Add to delay 1 actions" (canvas.actions.addTo with the list's title in lower case). */
const addTo = (list: string) => tr(`Add to ${tr(list).toLowerCase()}`);

/** The value at a path of plain JSON. */
function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

describe('every construct of the format, by labelled controls', () => {
  const e2e = useServerAndBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-every-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, simulates to the end, saves the scenario, publishes; dossier test passes', async () => {
    const { server, session: s, page } = e2e();
    const key = `every-construct-${Date.now().toString(36)}`;
    await createBlankCaseType(page, server, 'Every construct', key);

    // fields, two with default values; the e-mail identifies the customer, the name names them
    await addField(page, 'Email', 'E-mail');
    await addField(page, 'Name', 'Text');
    await addField(page, 'Amount', 'Number');
    await addField(page, 'Severity', 'Choice list');
    await page.getByLabel('Choices (one per line)').fill('low\nmedium\nhigh');
    await page.getByLabel('Choices (one per line)').blur();
    await page.getByLabel('Default value').selectOption('low');
    await addField(page, 'Approved', 'Yes/no');
    await page.getByLabel('Default value').selectOption('no');
    await page.getByRole('checkbox', { name: 'Identifies the customer: Email' }).check();
    await page.getByLabel('Customer name field').selectOption({ label: 'Name' });
    // the preview form's data is what the simulated case starts with
    await page.getByLabel('Email', { exact: true }).fill('anna@example.com');
    // the field's own label "Name" (the case type's word, also a UI word)
    await asWritten(() => page.getByLabel('Name', { exact: true })).fill('Anna Jansen');

    // two rules for the guards
    await page.getByRole('tab', { name: 'Rules' }).click();
    const addRule = async (title: string, field: string, test: string, value?: string) => {
      await page.getByLabel('New rule title').fill(title);
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page.getByRole('button', { name: 'Add condition' }).click();
      await page.getByLabel('Condition 1 field').selectOption(field);
      await page.getByLabel('Condition 1 test').selectOption(test);
      if (value) await page.getByLabel('Condition 1 value').selectOption(value);
    };
    await addRule('Amount given', '/amount', 'filled');
    await addRule('High severity', '/severity', 'equals', 'high');

    // a business calendar for the delay
    await page.getByRole('tab', { name: 'SLAs and calendars' }).click();
    await page.getByLabel('Calendar name').fill('office');
    await page.getByRole('button', { name: 'Add calendar' }).click();
    await page.getByRole('group', { name: 'Calendar office' }).getByLabel('Time zone').selectOption('Europe/Amsterdam');

    // the playbook root: a note when a case starts
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByRole('heading', { name: 'Whole playbook' }).waitFor();
    await page.getByLabel(addTo('Playbook entry actions')).selectOption({ label: 'Add a note' });
    await page.getByRole('group', { name: actionRow('Playbook entry actions', 1, 'note') }).getByLabel('Note text').fill('Case opened');

    // states: the first with an id set by hand; a parallel state with two regions of two steps each
    const addState = async (title: string, opts: { id?: string; inside?: string; final?: boolean } = {}) => {
      await page.getByLabel('New state title').fill(title);
      if (opts.id) await page.getByLabel('New state id').fill(opts.id);
      if (opts.inside) await page.getByLabel('Inside', { exact: true }).selectOption({ label: opts.inside });
      if (opts.final) await page.getByLabel('Final state', { exact: true }).check();
      await page.getByRole('button', { name: 'Add state', exact: true }).click();
      await page.getByRole('heading', { name: `State ${title}` }).waitFor();
    };
    await page.getByLabel('New state title').fill('Intake');
    expect(await page.getByLabel('New state id').inputValue()).toBe('intake');
    await addState('Intake', { id: 'intake-desk' });
    expect(await page.getByLabel('State id', { exact: true }).inputValue()).toBe('intake-desk');
    await addState('Checks');
    await page.getByLabel('Parallel state (its regions run at the same time)').check();
    for (const region of ['Credit check', 'Identity check']) {
      await page.getByLabel('New region title').fill(region);
      await page.getByRole('button', { name: 'Add region' }).click();
      await page.getByRole('button', { name: region, exact: true }).waitFor();
    }
    await addState('Credit pending', { inside: 'Credit check' });
    await addState('Credit done', { inside: 'Credit check' });
    await addState('Identity pending', { inside: 'Identity check' });
    await addState('Identity done', { inside: 'Identity check' });
    await addState('Decision', { inside: 'the playbook (top level)' });
    await addState('Closed', { final: true });

    const selectState = async (title: string) => {
      await page.getByRole('group', { name: new RegExp(`^${escapeRe(tr(`State ${title}`))}`) }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `State ${title}` }).waitFor();
    };
    const addTransition = async (from: string, event: string, to: string) => {
      await selectState(from);
      await page.getByLabel('On event').fill(event);
      await page.getByLabel('Go to', { exact: true }).selectOption({ label: to });
      await page.getByRole('button', { name: 'Add transition', exact: true }).click();
      await page.getByRole('heading', { name: RUN_LANGUAGE === 'nl' ? /^Overgang vanuit / : /^Transition from / }).waitFor(); // canvas.transition.heading
    };

    // Intake → Checks on SUBMIT: guarded; the payload must carry an amount from 1 to 1000, and low or medium only
    await addTransition('Intake', 'SUBMIT', 'Checks');
    await page.getByLabel('Guard', { exact: true }).selectOption({ label: 'when Amount given' });
    await page.getByLabel('Carries Amount').check();
    await page.getByLabel('Carries Severity').check();
    await page.getByLabel('Must carry Amount').check();
    await page.getByLabel('Smallest Amount it accepts').fill('1');
    await page.getByLabel('Largest Amount it accepts').fill('1000');
    // canvas.event.mayBe with the choice itself, which is the case type's value (not the UI word "high")
    await page.getByLabel(RUN_LANGUAGE === 'nl' ? 'Severity mag high zijn' : 'Severity may be high').uncheck();
    await addTransition('Credit pending', 'CREDIT_OK', 'Credit done');

    // Identity pending: after 2 working days in the office calendar, with a timer id and a note
    await selectState('Identity pending');
    await page.getByRole('button', { name: 'Add delay' }).click();
    const delay = page.getByRole('group', { name: 'Delay 1' });
    await delay.getByLabel(tr('Delay 1 duration (e.g. P14D, PT4H)')).fill('P2D');
    await delay.getByText(tr(`Fires after ${tr('2 calendar days')}.`)).waitFor();
    await delay.getByLabel('Delay 1 counted in').selectOption({ label: 'working time of the office calendar' });
    await delay.getByText(tr(`Fires after ${tr(`${tr('2 working days')} in the office calendar`)}.`)).waitFor();
    expect(await delay.getByLabel('Delay 1 timer id').inputValue()).toBe('identityPending-delay');
    await delay.getByLabel('Delay 1 timer id').fill('identity-timer');
    await delay.getByLabel('Delay 1 timer id').press('Enter');
    await delay.getByLabel('Delay 1 goes to').selectOption({ label: 'Identity done' });
    await delay.getByLabel(addTo('Delay 1 actions')).selectOption({ label: 'Add a note' });
    await delay.getByRole('group', { name: actionRow('Delay 1 actions', 1, 'note') }).getByLabel('Note text').fill('Identity checked automatically');

    // Checks: an eventless transition to Decision when both regions are done and it is not high severity
    await selectState('Checks');
    await page.getByRole('button', { name: 'Add eventless transition' }).click();
    const always = page.getByRole('group', { name: 'Eventless transition 1' });
    // the guard tree's controls are named after the guard (canvas.always.guard, editor.guardTree.*)
    const guard = tr('Eventless 1 guard');
    await always.getByLabel('Eventless 1 goes to').selectOption({ label: 'Decision' });
    await always.getByLabel('Eventless 1 guard', { exact: true }).selectOption({ label: 'a combination of conditions (all, any, not)…' });
    await always.getByLabel(tr(`${guard} combines`)).selectOption({ label: 'all of these hold' });
    await always.getByLabel(tr(`${guard} 1 condition`)).selectOption({ label: 'in Credit done' });
    await always.getByRole('button', { name: tr(`Add a condition to ${guard}`), exact: true }).click();
    await always.getByLabel(tr(`${guard} 2 condition`)).selectOption({ label: 'in Identity done' });
    await always.getByRole('button', { name: tr(`Add a group to ${guard}`), exact: true }).click();
    await always.getByLabel(tr(`${guard} 3 is negated (not)`)).check();
    await always.getByLabel(tr(`${guard} 3 combines`)).selectOption({ label: 'any of these holds' });
    await always.getByLabel(tr(`${guard} 3.1 condition`)).selectOption({ label: 'High severity' });
    // editor.guard.means, common.and, model.guardTree.not (whose "not {{text}}" is too short for tr() to match)
    const [and, not] = [tr('and'), RUN_LANGUAGE === 'nl' ? 'niet' : 'not'];
    await always.getByText(tr(`Means: in Credit done ${and} in Identity done ${and} ${not} (High severity)`)).waitFor();
    await always.getByLabel(addTo('Eventless 1 actions')).selectOption({ label: 'Set a field' });
    const setAction = always.getByRole('group', { name: actionRow('Eventless 1 actions', 1, 'set') });
    await setAction.getByLabel('Field', { exact: true }).selectOption({ label: 'Approved' });
    await setAction.getByLabel('Value', { exact: true }).selectOption('yes');

    // Decision opens a child complaint with the customer's e-mail and name copied, the channel and description set
    await selectState('Decision');
    await page.getByLabel(addTo('Entry actions')).selectOption({ label: 'Open a child case' });
    const child = page.getByRole('group', { name: actionRow('Entry actions', 1, 'createCase') });
    await child.getByLabel('Case type').selectOption({ label: 'Customer complaint' });
    await child.getByRole('button', { name: 'Add a copied field' }).click();
    await child.getByLabel('Copy 1 into child field').fill('customer/email');
    await child.getByLabel('Copy 1 from').selectOption({ label: 'Email' });
    await child.getByRole('button', { name: 'Add a copied field' }).click();
    await child.getByLabel('Copy 2 into child field').fill('customer/name');
    await child.getByLabel('Copy 2 from').selectOption({ label: 'Name' });
    await child.getByRole('button', { name: 'Add child data' }).click();
    await child.getByLabel('Child data 1 field').fill('channel');
    await child.getByLabel('Child data 1 value').fill('web');
    await child.getByRole('button', { name: 'Add child data' }).click();
    await child.getByLabel('Child data 2 field').fill('description');
    await child.getByLabel('Child data 2 value').fill('Opened from an application');

    // a transition of the whole playbook: withdraw from any state to Closed (the root panel shows with no state selected)
    await page.getByRole('tab', { name: 'Fields and form' }).click();
    await page.getByRole('button', { name: /^Email/ }).click();
    await page.getByRole('tab', { name: 'Playbook' }).click();
    await page.getByLabel('From any state, on event').fill('WITHDRAW');
    await page.getByLabel('From any state, go to').selectOption({ label: 'Closed' });
    await page.getByRole('button', { name: 'Add transition from any state' }).click();
    await page.getByRole('heading', { name: 'Transition of the whole playbook (from any state)' }).waitFor();
    await page.getByLabel(addTo('Actions')).selectOption({ label: 'Add a note' });
    await page.getByRole('group', { name: actionRow('Actions', 1, 'note') }).getByLabel('Note text').fill('Withdrawn by the customer');
    await screenshot(page, 'every-construct-playbook');

    await expect.poll(() => page.getByRole('heading', { name: /^Problems/ }).textContent()).toMatch(new RegExp(`^${escapeRe(`${tr('Problems')} (${tr('0 errors')}`)}`));

    // the simulator: submit, credit OK, the identity timer, the eventless step to Decision, withdraw
    await page.getByRole('tab', { name: 'Simulator' }).click();
    const panel = page.getByRole('complementary', { name: 'Simulator' });
    await panel.getByRole('button', { name: 'Start case' }).click();
    const submit = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Send SUBMIT' }) });
    await submit.getByRole('button', { name: 'With data…' }).click();
    await submit.getByLabel('Amount').fill('250');
    await submit.getByLabel('Severity').selectOption('medium');
    await submit.getByRole('button', { name: 'Send SUBMIT' }).click();
    await panel.getByRole('button', { name: 'Send CREDIT_OK' }).click();
    await panel.getByRole('button', { name: /^To the next timer/ }).click();
    await panel.getByRole('button', { name: 'Send WITHDRAW' }).click();
    await panel.getByText('The case is closed: it accepts no more events.').waitFor();
    const history = panel.getByRole('list', { name: 'History' });
    await history.getByText('note: Identity checked automatically').waitFor();
    await history.getByText('note: Withdrawn by the customer').waitFor();
    await panel.getByLabel('Scenario name').fill('Every construct to the end');
    await panel.getByRole('button', { name: 'Save with the draft' }).click();
    await screenshot(page, 'every-construct-simulated');

    // save and publish
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish Every construct' });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    // the first sentence of editor.publish.done
    await dialog.getByText(RUN_LANGUAGE === 'nl' ? `${key} is gepubliceerd als versie 1.` : `Published ${key} as version 1.`).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(s.errors).toEqual([]);

    // the published definition says every construct, as written by the controls
    const published = (await api(server, 'GET', `/api/case-types/${key}`)).body as Record<string, unknown>;
    expect(at(published, 'data', 'properties', 'severity', 'default')).toBe('low');
    expect(at(published, 'data', 'properties', 'approved', 'default')).toBe(false);
    expect(published.customer).toEqual({ keys: ['/email'], name: '/name' });
    const pb = (...path: string[]) => at(published, 'playbook', ...path);
    expect([pb('initial'), pb('entry'), pb('on')]).toEqual(['intake-desk', [{ type: 'note', text: 'Case opened' }], { WITHDRAW: { target: 'closed', actions: [{ type: 'note', text: 'Withdrawn by the customer' }] } }]);
    expect(pb('states', 'checks', 'type')).toBe('parallel');
    expect(Object.keys(pb('states', 'checks', 'states') as object)).toEqual(['creditCheck', 'identityCheck']);
    expect(pb('states', 'checks', 'always')).toEqual([
      {
        target: 'decision',
        guard: { all: [{ in: ['creditDone'] }, { in: ['identityDone'] }, { not: { any: ['highSeverity'] } }] },
        actions: [{ type: 'set', path: '/approved', value: true }],
      },
    ]);
    expect(pb('states', 'checks', 'states', 'identityCheck', 'states', 'identityPending', 'after')).toEqual([
      { id: 'identity-timer', delay: 'P2D', calendar: 'office', target: 'identityDone', actions: [{ type: 'note', text: 'Identity checked automatically' }] },
    ]);
    expect(pb('states', 'decision', 'entry')).toEqual([{ type: 'createCase', caseType: 'complaint', link: 'child', copy: { '/customer/email': '/email', '/customer/name': '/name' }, data: { channel: 'web', description: 'Opened from an application' } }]);
    expect(pb('states', 'intake-desk', 'on', 'SUBMIT')).toEqual({ target: 'checks', guard: 'amountGiven' });
    expect(at(published, 'events', 'SUBMIT', 'data')).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { amount: { type: 'number', title: 'Amount', minimum: 1, maximum: 1000 }, severity: { type: 'string', title: 'Severity', enum: ['low', 'medium'] } },
      required: ['amount'],
    });

    // dossier test on the published definition and its scenario
    const defFile = join(dir, `${key}.case.json`);
    const scenarioFile = join(dir, `${key}.scenario.json`);
    const { scenarios, ...definition } = published as { scenarios: unknown[] };
    expect(scenarios).toHaveLength(1);
    writeFileSync(defFile, JSON.stringify(definition, null, 2));
    writeFileSync(scenarioFile, JSON.stringify(scenarios[0], null, 2));
    // the child case type the createCase action opens resolves to the *.case.json files beside the definition
    const complaint = await api(server, 'GET', '/api/case-types/complaint');
    expect(complaint.status).toBe(200);
    writeFileSync(join(dir, 'complaint.case.json'), JSON.stringify(complaint.body, null, 2));
    const r = await run(process.execPath, [join(ROOT, 'bin/dossier.js'), 'test', defFile, scenarioFile], { cwd: ROOT }).then(
      (x) => ({ code: 0, out: x.stdout + x.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(r.out).toContain('✓ Every construct to the end');
    expect(r.code).toBe(0);
  });
});
