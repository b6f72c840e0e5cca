// The worker console (/work) in Chromium against `dossier serve`: intake, the completeness check,
// a complaint worked to closed with its history, inbox claim/release, the customer view, a concurrent
// change (412) that keeps what the agent typed, and another tenant that sees none of it.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { api, RUN_LANGUAGE, screenshot, technicalTerms, technicalText, tr, useServerAndBrowser, type BrowserSession, type Server } from './harness.ts';
import { translateLocators } from './language.ts';

/** A locator for the case type's own words (an event title "Close", an enum value "low"): not a UI text, never translated. */
function content<T>(make: () => T): T {
  translateLocators(false);
  try {
    return make();
  } finally {
    translateLocators(true);
  }
}
/** A field's problem as the console writes it: "<label> is needed". */
const needed = (label: string) => `${label} ${tr('is needed')}`;
/** A rule's title quoted as the refusal does (refusal.rule). */
const quoted = (title: string) => (RUN_LANGUAGE === 'nl' ? `‘${title}’` : `“${title}”`);


const terms = technicalTerms();
/** A screenshot of the console at this point, and no pointer, rule id or pattern in what the agent reads there. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await technicalText(page, terms), `technical words an agent would read on '${name}'`).toEqual([]);
}

async function tokenFor(server: Server, name: string, roles: string[], tenant?: string): Promise<string> {
  const r = await api(server, 'POST', '/api/tokens', { name, roles, ...(tenant ? { tenant } : {}) });
  expect(r.status).toBe(201);
  return (r.body as { token: string }).token;
}

async function as(server: Server, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

const ROLES = ['agent', 'intake-agent', 'investigator'];

const complaintBody = (name: string, channel: string) => ({
  caseType: 'complaint',
  channel,
  data: { customer: { name, phone: '+31 20 123 4567' }, channel, description: 'The parcel never arrived.' },
});

/** Waits for a locator; on a timeout the error carries what the page showed and the console errors. */
async function visible(s: BrowserSession, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\npage: ${s.page.url()}\n${await s.page.locator('body').textContent()}\nerrors: ${s.errors.join('\n')}`, { cause: e });
  }
}
const EMAIL = 'ada.lovelace@example.com';
/** The unsent notice's start: "Not sent yet: Reason, Subject" (console.case.unsent). */
const notSent = (fields: string) => (RUN_LANGUAGE === 'nl' ? `Nog niet verstuurd: ${fields}` : `Not sent yet: ${fields}`);

describe('worker console', () => {
  let alice: string;
  let bob: string;
  let carol: string;
  let createdId = '';

  const e2e = useServerAndBrowser(async ({ server }) => {
    alice = await tokenFor(server, 'alice', ROLES);
    bob = await tokenFor(server, 'bob', ROLES);
    carol = await tokenFor(server, 'carol', ['agent', 'intake-agent', 'investigator'], 'acme');
  });

  it('creates a complaint from the intake form with live validation and opens it', async () => {
    const { server, page } = e2e();
    // an earlier order inquiry of the same customer, by chat: the customer view must find it
    const earlier = await as(server, alice, 'POST', '/api/cases', {
      caseType: 'order-inquiry',
      channel: 'chat',
      data: { customer: { name: 'Ada Lovelace', email: 'ADA.Lovelace@example.com' }, channel: 'chat', orderNumber: 'ORD-123456' },
    });
    expect(earlier.status).toBe(201);

    await page.goto(`${server.url}/work?token=${alice}`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await page.getByLabel('Case type').selectOption('complaint');
    await page.getByLabel('Contact channel').selectOption('email');
    await content(() => page.getByLabel('Name')).fill('Ada Lovelace');
    await content(() => page.getByLabel('E-mail')).fill('ada.lovelace');
    // live validation with the server's ajv, in the server's words: a wrong e-mail is flagged while typing
    // problems.format ("must be {{what}}") with problems.formats.email, capitalised
    const badEmail = RUN_LANGUAGE === 'nl' ? `Moet ${tr('an e-mail address such as name@example.com')} zijn` : 'Must be an e-mail address such as name@example.com';
    await page.getByText(badEmail).waitFor();
    await content(() => page.getByLabel('E-mail')).fill(EMAIL);
    await expect.poll(() => page.getByText(badEmail).count()).toBe(0);
    // the data's channel followed the channel chosen for the case
    await expect.poll(() => content(() => page.getByRole('radio', { name: 'email' })).isChecked()).toBe(true);
    // a required field left empty is named on the first attempt, next to the field
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByText('Fix the field marked below first.').waitFor();
    await expect.poll(() => page.locator('#intake-description-error').textContent()).toBe(tr('Fill this in to continue.'));
    await shot(page, 'work-intake');
    await content(() => page.getByLabel('What happened')).fill('I was billed twice for order ORD-654321.');
    await page.getByRole('button', { name: 'Create case' }).click();

    await page.getByRole('heading', { name: /^Customer complaint/ }).waitFor();
    createdId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    const stored = await as(server, alice, 'GET', `/api/cases/${createdId}`);
    expect(stored.body.channel).toBe('email');
    expect(stored.body.data).toEqual({
      customer: { name: 'Ada Lovelace', email: EMAIL },
      channel: 'email',
      description: 'I was billed twice for order ORD-654321.',
    });
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Triage');
    // the customer view: the order inquiry shares the e-mail (compared case-insensitively)
    const related = page.getByRole('list', { name: 'Other cases of this customer' });
    await related.getByRole('link', { name: `Order inquiry ${(earlier.body as { reference: string }).reference}` }).waitFor();
    await expect.poll(() => related.textContent()).toContain(`${tr('same')} Customer › E-mail`);
    // SLA badges with business time left, and their explanation
    await page.locator('.case-slas [data-sla="firstResponse"]').waitFor();
    expect(await page.locator('.case-slas [data-sla="firstResponse"]').getAttribute('data-status')).toMatch(/^(running|paused|warning)$/);
  });

  it('claims and releases the triage task in the inbox', async () => {
    const { server, page } = e2e();
    await page.getByRole('navigation', { name: 'Worker console' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('tab', { name: "My queues' unclaimed tasks" }).click();
    const row = page.locator(`tr[data-case="${createdId}"]`);
    await row.getByText('Classify the complaint').waitFor();
    await row.getByRole('cell', { name: 'Ada Lovelace' }).waitFor();
    await expect.poll(() => row.locator('.sla-badge').first().textContent()).toMatch(RUN_LANGUAGE === 'nl' ? /^First response: .*(nog|geleden)/ : /^First response: .*(left|ago)/);
    await shot(page, 'work-inbox-queues');
    await row.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('tab', { name: 'My tasks' }).click();
    await row.getByRole('button', { name: 'Release' }).waitFor();
    await row.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => row.count()).toBe(0);
    // a case created elsewhere shows after Refresh
    // (the newest case, and the only urgent one: sorted by priority it comes first, by age last)
    const other = await as(server, bob, 'POST', '/api/cases', { ...complaintBody('Grace Hopper', 'phone'), priority: 'urgent' });
    expect(other.status).toBe(201);
    const otherRow = page.locator(`tr[data-case="${(other.body as { id: string }).id}"]`);
    await page.getByRole('tab', { name: 'All open cases' }).click();
    await expect.poll(() => otherRow.count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await otherRow.waitFor();
    // sorting: urgent first; then oldest first (which moves the urgent, newest case to the end); then by the SLA due first
    const order = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-case') ?? '', r.getAttribute('data-created') ?? '']));
    await page.getByLabel('Sort by').selectOption('priority');
    expect((await order())[0]?.[0]).toBe((other.body as { id: string }).id);
    await page.getByLabel('Sort by').selectOption('age');
    const byAge = await order();
    expect(byAge.map(([, created]) => created)).toEqual(byAge.map(([, created]) => created).sort());
    expect(byAge.length).toBe(3);
    expect(byAge.at(-1)?.[0]).toBe((other.body as { id: string }).id);
    await page.getByLabel('Sort by').selectOption('sla');
    const due = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-due') || Infinity)));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    // filters: state, queue, case type
    await page.getByLabel('State').selectOption('triage');
    await row.waitFor();
    await page.getByLabel('Queue').selectOption('complaints');
    await expect.poll(() => row.count()).toBe(0);
    await page.getByLabel('Queue').selectOption('triage');
    await row.waitFor();
    await page.getByLabel('Case type').selectOption('order-inquiry');
    await expect.poll(() => row.count()).toBe(0);
  });

  it('names every case by its reference, never its id, shows customers in the inbox, and read-only fields as such', async () => {
    const { server, session: s, page } = e2e();
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    const reference = ((await as(server, alice, 'GET', `/api/cases/${createdId}`)).body as { reference: string }).reference;
    expect(reference).toMatch(/^COM-\d{6}$/);
    // the inbox: each row's link is the reference, next to the customer's name
    await page.goto(`${server.url}/work?token=${alice}`);
    await page.getByRole('tab', { name: 'All open cases' }).click();
    const table = page.getByRole('table', { name: /open cases/i });
    await visible(s, table);
    const row = page.locator(`tr[data-case="${createdId}"]`);
    await row.getByRole('link', { name: reference }).waitFor();
    await row.getByRole('cell', { name: 'Ada Lovelace' }).waitFor();
    await page.locator('tr[data-case]').filter({ hasText: 'Grace Hopper' }).first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(uuid);
    await shot(page, 'work-inbox-references');
    // the case page: the reference in the heading, and nowhere an id
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Customer complaint ${reference}` }).waitFor();
    await page.getByRole('list', { name: 'Other cases of this customer' }).getByRole('link', { name: /^Order inquiry OI-\d{6}$/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(uuid);
    // a field no action of this stage carries is read-only: it says so, and why
    const name = page.locator('#case-customer-name');
    expect(await name.inputValue()).toBe('Ada Lovelace');
    expect(await name.getAttribute('aria-readonly')).toBe('true');
    expect(await name.isEditable()).toBe(false);
    expect(await page.locator('#case-customer-name-readonly').textContent()).toBe(tr('Set when the case was opened.'));
    expect(await name.getAttribute('aria-describedby')).toContain('case-customer-name-readonly');
    const background = await name.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe(await page.locator('#case-subject').evaluate((el) => getComputedStyle(el).backgroundColor));
    // the subject is carried by Submit triage: editable
    expect(await page.locator('#case-subject').isEditable()).toBe(true);
  });

  it('is blocked by the completeness check, fills the fields, and works the complaint to closed', async () => {
    const { server, session: s, page } = e2e();
    await page.goto(`${server.url}/work/cases/${createdId}`);
    await visible(s, page.getByRole('heading', { name: 'Checklist' }));
    const checklist = page.locator('.checklist');
    await expect.poll(() => checklist.textContent()).toContain('✗ Triage complete');
    await expect.poll(() => checklist.textContent()).toContain(needed('Reason'));
    await expect.poll(() => checklist.textContent()).toContain(needed('Severity'));
    const actions = page.locator('.actions');
    await expect.poll(() => actions.textContent()).toContain(tr(`Blocked: ${needed('Reason')}; ${needed('Severity')}`) + tr(' (fill them in and send)'));

    await page.getByRole('button', { name: 'Submit triage' }).click();
    const payload = page.getByRole('form', { name: 'Submit triage: what to send' });
    await payload.getByRole('button', { name: 'Send: Submit triage' }).click();
    const alert = page.locator('[data-notice="rejected"]');
    await alert.waitFor();
    // said in the case type's words: the rule's title, the fields by label, no code or rule id
    expect(await alert.textContent()).toContain(tr(`Submit triage is blocked: ${quoted('Triage complete')} is not met yet; complete the fields listed.`));
    expect(await alert.textContent()).toContain(needed('Reason'));
    expect(await alert.textContent()).toContain(needed('Severity'));
    await payload.locator('#payload-reason-error').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'work-case-blocked');

    await content(() => payload.getByLabel('Reason')).selectOption('billing');
    await content(() => payload.getByRole('radio', { name: 'low' })).check();
    await payload.getByRole('button', { name: 'Send: Submit triage' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Investigation › Collect the facts');
    await expect.poll(() => checklist.textContent()).toContain('✗ Evidence collected');

    await page.getByRole('button', { name: 'Evidence collected' }).click();
    const evidence = page.getByRole('form', { name: 'Evidence collected: what to send' });
    await evidence.getByRole('button', { name: RUN_LANGUAGE === 'nl' ? 'Evidence toevoegen' : 'Add Evidence' }).click();
    await content(() => evidence.getByLabel('Kind')).selectOption('invoice');
    await content(() => evidence.getByLabel('Summary')).fill('Two charges of EUR 49.95 on 3 November.');
    await evidence.getByRole('button', { name: 'Send: Evidence collected' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Investigation › Analyse the root cause');

    await page.getByRole('button', { name: 'Submit findings' }).click();
    const findings = page.getByRole('form', { name: 'Submit findings: what to send' });
    await content(() => findings.getByLabel('Root cause')).selectOption('our-error');
    await content(() => findings.getByLabel('Findings', { exact: true })).fill('The payment provider retried a timed-out charge.');
    await findings.getByRole('button', { name: 'Send: Submit findings' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Resolution');

    await content(() => page.getByRole('button', { name: 'Send the resolution' })).click();
    // the event's title starts like the UI's "Send {{…}}": translated once, by hand, not again by the locator
    const resolution = content(() => page.getByRole('form', { name: tr('Send the resolution: what to send') }));
    await content(() => resolution.getByRole('radio', { name: 'partially-upheld' })).check();
    await resolution.getByLabel('Letter to the customer').fill('We refunded the double charge.');
    await resolution.getByLabel('Goodwill compensation (EUR)').fill('25');
    await content(() => resolution.getByRole('button', { name: tr('Send: Send the resolution') })).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Satisfaction survey');

    await page.getByRole('button', { name: 'Survey answered' }).click();
    const survey = page.getByRole('form', { name: 'Survey answered: what to send' });
    await survey.getByLabel('Score (1-5)').fill('4');
    await survey.getByRole('button', { name: 'Send: Survey answered' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Closed');
    await page.getByText('No action is possible in this state.').waitFor();

    const history = page.getByRole('list', { name: 'History' });
    await expect.poll(() => history.locator(':scope > li').count()).toBe(6);
    const text = (await history.textContent()) ?? '';
    // the case type's own words as they are; the console's own ('by alice', 'Case opened', 'opened in Triage') in the run's language
    // (console.history.by, "by {{actor}}", is too short a template for tr)
    for (const line of ['Survey answered', RUN_LANGUAGE === 'nl' ? 'door alice' : 'by alice', 'Satisfaction survey → Closed', 'Satisfaction survey › Score (1-5): 4', 'Closure reason: resolved', 'Send the resolution', 'Resolution › Outcome: partially-upheld', 'Submit findings', 'Investigation › Analyse the root cause → Resolution', 'Investigation › Root cause: our-error', 'Evidence collected', 'Submit triage', 'Triage → Investigation › Collect the facts', 'Reason: billing', 'Severity: low', tr('Case opened'), tr('opened in Triage')]) {
      expect(text).toContain(line);
    }
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'work-case-closed');
    const api4 = await as(server, alice, 'GET', `/api/cases/${createdId}/history`);
    expect((api4.body.items as { event: { type: string } }[]).map((h) => h.event.type)).toEqual(['case.created', 'SUBMIT_TRIAGE', 'EVIDENCE_COLLECTED', 'SUBMIT_FINDINGS', 'PROPOSE_RESOLUTION', 'SURVEY_ANSWERED']);
  });

  it('links parent and child cases, and the customer view spans case types', async () => {
    const { server, session: s, page } = e2e();
    const parent = await api(server, 'POST', '/api/cases', {
      caseType: 'major-incident',
      data: { incidentRef: 'INC-20417', title: 'Billing portal down', service: 'billing-portal', severity: 'sev2', impactDescription: 'Customers cannot log in.' },
    });
    expect(parent.status).toBe(201);
    const parentId = (parent.body as { id: string }).id;
    const sent = await api(server, 'POST', `/api/cases/${parentId}/events`, { type: 'AFFECTED_CUSTOMER_REPORTED', data: { reportedCustomer: { name: 'Ada Lovelace', email: EMAIL } } });
    expect(sent.status).toBe(200);
    // the child is created by the outbox, right after the commit
    let children: string[] = [];
    await expect
      .poll(async () => {
        children = ((await api(server, 'GET', `/api/cases/${parentId}`)).body as { children: string[] }).children;
        return children.length;
      })
      .toBe(1);
    const childId = children[0] as string;
    const referenceOf = async (id: string) => ((await api(server, 'GET', `/api/cases/${id}`)).body as { reference: string }).reference;

    await page.goto(`${server.url}/work/cases/${parentId}`);
    const links = page.getByRole('region', { name: 'Linked cases' });
    await visible(s, links);
    await links.getByRole('link', { name: await referenceOf(childId) }).click();
    await page.getByRole('heading', { name: /^Incident impact on a customer/ }).waitFor();
    await page.getByRole('region', { name: 'Linked cases' }).getByRole('link', { name: (parent.body as { reference: string }).reference }).waitFor();
    // the impact case shares Ada's e-mail with her complaint and her order inquiry
    const related = page.getByRole('list', { name: 'Other cases of this customer' });
    await related.getByRole('link', { name: `Customer complaint ${await referenceOf(createdId)}` }).waitFor();
    await expect.poll(() => related.getByRole('listitem').count()).toBe(2);
    await shot(page, 'work-customer-view');
  });

  it("reloads on a second agent's concurrent change, says what changed and keeps what was typed", async () => {
    const { server, page } = e2e();
    const created = await as(server, alice, 'POST', '/api/cases', complaintBody('Grace Hopper', 'phone'));
    const id = (created.body as { id: string }).id;
    await page.goto(`${server.url}/work/cases/${id}`);
    await page.getByRole('button', { name: 'Submit triage' }).click();
    const payload = page.getByRole('form', { name: 'Submit triage: what to send' });
    await content(() => payload.getByLabel('Reason')).selectOption('delivery');
    await content(() => payload.getByRole('radio', { name: 'low' })).check();
    await content(() => payload.getByLabel('Subject')).fill('Lost parcel');

    // meanwhile bob triages the same case
    const theirs = await as(server, bob, 'POST', `/api/cases/${id}/events`, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } }, { 'If-Match': '"1"' });
    expect(theirs.status).toBe(200);

    await payload.getByRole('button', { name: 'Send: Submit triage' }).click();
    const notice = page.locator('[data-notice="conflict"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(RUN_LANGUAGE === 'nl' ? 'Iemand anders heeft deze zaak gewijzigd terwijl u eraan werkte (versie 1 → 2)' : 'Someone else changed this case while you worked (revision 1 → 2)');
    expect(text).toContain(tr('State: Triage → Investigation › Collect the facts'));
    expect(text).toContain(`Reason: ${tr('(empty)')} → billing`);
    expect(text).toContain(`Severity: ${tr('(empty)')} → medium`);
    expect(text).toContain(RUN_LANGUAGE === 'nl' ? 'U hebt Reason ook gewijzigd: uw waarde (delivery) blijft in het formulier staan' : 'You also changed Reason: your value (delivery) is kept');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Investigation › Collect the facts');
    // nothing typed is lost: the values stay in the form, marked as not sent
    await expect.poll(() => page.locator('.unsent').textContent()).toContain(notSent('Reason, Severity, Subject'));
    expect(await page.locator('#case-reason').inputValue()).toBe('delivery');
    expect(await page.locator('#case-subject').inputValue()).toBe('Lost parcel');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'work-conflict');
    // and they survive a reload of the tab
    await page.reload();
    await expect.poll(() => page.locator('.unsent').textContent()).toContain(notSent('Reason, Severity, Subject'));
    expect(await page.locator('#case-subject').inputValue()).toBe('Lost parcel');
    await page.getByRole('button', { name: 'Discard my changes' }).click();
    await expect.poll(() => page.locator('.unsent').count()).toBe(0);
    expect(await page.locator('#case-reason').inputValue()).toBe('billing');
    // claim and release the stage's task from the case view
    const taskLine = page.locator('.task-line');
    await taskLine.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => taskLine.textContent()).toContain(tr('claimed by alice'));
    await taskLine.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => taskLine.textContent()).toContain(tr('unclaimed'));
  });

  it('says when the kept values can no longer be sent after a concurrent change, and discards them from the notice', async () => {
    const { server, page } = e2e();
    const created = await as(server, alice, 'POST', '/api/cases', complaintBody('Margaret Hamilton', 'phone'));
    const { id, reference } = created.body as { id: string; reference: string };
    await page.goto(`${server.url}/work/cases/${id}`);
    await page.getByRole('heading', { name: `Customer complaint ${reference}` }).waitFor();
    // alice types the triage into the stage form
    await page.locator('#case-reason').selectOption('delivery');
    await page.locator('#case-subject').fill('Parcel lost twice');
    await expect.poll(() => page.locator('.unsent').textContent()).toContain(notSent('Reason, Subject'));
    // meanwhile bob triages it: the triage fields are no longer carried by anything alice may send
    const theirs = await as(server, bob, 'POST', `/api/cases/${id}/events`, { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'high' } }, { 'If-Match': '"1"' });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Submit triage' }).click();
    const triage = page.getByRole('form', { name: 'Submit triage: what to send' });
    await content(() => triage.getByRole('radio', { name: 'low' })).check();
    await page.getByRole('form', { name: 'Submit triage: what to send' }).getByRole('button', { name: 'Send: Submit triage' }).click();
    const notice = page.locator('[data-notice="conflict"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(RUN_LANGUAGE === 'nl' ? 'Iemand anders heeft deze zaak gewijzigd terwijl u eraan werkte (versie 1 → 2)' : 'Someone else changed this case while you worked (revision 1 → 2)');
    await expect.poll(() => notice.locator('.stranded').textContent()).toBe(
      tr('Reason, Severity, Subject can no longer be sent: the case is now in Investigation › Collect the facts, where no action you may take carries them. Discard your changes, or copy what you need before you do.'),
    );
    expect(await page.locator('#case-subject').inputValue()).toBe('Parcel lost twice');
    expect(await page.locator('#case-subject').getAttribute('aria-readonly')).toBe('true');
    // (Submit triage carried it: in this stage nothing alice may send does)
    expect(await page.locator('#case-subject-readonly').textContent()).toBe(tr('Not editable in this stage.'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'work-conflict-stranded');
    // discarding from the notice brings the form back to the case as it is
    await notice.getByRole('button', { name: 'Discard my changes' }).click();
    await expect.poll(() => page.locator('.unsent').count()).toBe(0);
    expect(await page.locator('#case-reason').inputValue()).toBe('billing');
    expect(await page.locator('#case-subject').inputValue()).toBe('');
    await expect.poll(() => page.locator('[data-notice="done"]').textContent()).toBe(tr(`Your changes were discarded: the form shows ${reference} as it is now.`));
    // and nothing is kept for a reload
    await page.reload();
    await page.getByRole('heading', { name: `Customer complaint ${reference}` }).waitFor();
    expect(await page.locator('.unsent').count()).toBe(0);
  });

  it("shows another tenant's agent none of it", async () => {
    const { server, session: s, page } = e2e();
    expect((await as(server, carol, 'GET', `/api/cases/${createdId}/related`)).status).toBe(404);
    expect((await as(server, carol, 'GET', `/api/customers/cases?value=${EMAIL}`)).body.items).toEqual([]);
    expect(((await as(server, alice, 'GET', `/api/customers/cases?value=${EMAIL}`)).body.items as unknown[]).length).toBe(3);
    await page.goto(`${server.url}/work?token=${carol}`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText('No tasks are claimed by you.').waitFor();
    await page.getByRole('tab', { name: 'All open cases' }).click();
    await page.getByText('No open cases.').waitFor();
    s.errors.length = 0;
    await page.goto(`${server.url}/work/cases/${createdId}`);
    await visible(s, page.getByRole('alert').filter({ hasText: `There is no case '${createdId}'.` }));
    await shot(page, 'work-other-tenant');
    s.errors.length = 0; // the 404 of the refused case is logged by the browser: expected here
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Access token').waitFor();
  });

  it('shows the fields to fix next to them when the server refuses the intake (422)', async () => {
    const { server, session: s, page } = e2e();
    const feedback = (maxLength: number) => ({
      key: 'feedback',
      title: 'Feedback',
      data: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: 'Your name', minLength: 1, maxLength } } },
      form: { sections: [{ id: 'intake', title: 'Intake', fields: ['/name'] }] },
      events: { CLOSE: { title: 'Close' } },
      playbook: { initial: 'open', states: { open: { title: 'Open', on: { CLOSE: 'done' } }, done: { title: 'Done', type: 'final' } } },
    });
    const publish = async (maxLength: number) => {
      expect((await api(server, 'PUT', '/api/case-types/feedback/draft', feedback(maxLength))).status).toBe(200);
      expect((await api(server, 'POST', '/api/case-types/feedback/publish')).status).toBe(201);
    };
    await publish(100);
    await page.goto(`${server.url}/work?token=${alice}`);
    await page.getByRole('navigation', { name: 'Worker console' }).getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Case type').selectOption('feedback');
    await content(() => page.getByLabel('Your name')).fill('Alexander');
    // meanwhile an admin publishes a stricter version: the form on screen is one version behind
    await publish(5);
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByText('The case was not created: fix the field Your name.').waitFor();
    await expect.poll(() => page.locator('#intake-name-error').textContent()).toMatch(/5/);
    expect(new URL(page.url()).pathname).toBe('/work/new');
    await shot(page, 'work-intake-refused');
    await content(() => page.getByLabel('Your name')).fill('Alex');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: /^Feedback/ }).waitFor();
    await content(() => page.getByRole('button', { name: 'Close' })).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Done');
    s.errors.length = 0; // the refused POST is logged by the browser as a failed request: expected here
  });

  it('pages a long list: more than a page of open cases, loaded with "Load more"; closed cases are not paged through', async () => {
    const { server, page } = e2e();
    // a tenant of its own, so that its 51 open cases (one more than a page) and a closed one leave the other tests alone
    const dana = await tokenFor(server, 'dana', ['admin', 'agent'], 'paging');
    const note = { key: 'note', title: 'Note', data: { type: 'object', properties: {} }, events: { CLOSE: { title: 'Close' } }, playbook: { initial: 'open', states: { open: { title: 'Open', on: { CLOSE: 'done' } }, done: { title: 'Done', type: 'final' } } } };
    expect((await as(server, dana, 'PUT', '/api/case-types/note/draft', note)).status).toBe(200);
    expect((await as(server, dana, 'POST', '/api/case-types/note/publish')).status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < 52; i++) {
      const r = await as(server, dana, 'POST', '/api/cases', { caseType: 'note', data: {} });
      expect(r.status).toBe(201);
      ids.push(r.body.id as string);
    }
    // the oldest is closed: were closed cases listed, the second page would load it too (52 loaded, 51 shown)
    expect((await as(server, dana, 'POST', `/api/cases/${ids[0]}/events`, { type: 'CLOSE' })).body.closedAt).not.toBeNull();

    await page.goto(`${server.url}/work?token=${dana}`);
    await page.getByRole('tab', { name: 'All open cases' }).click();
    const rows = page.locator('tbody tr');
    const summary = page.getByTestId('list-summary');
    await expect.poll(() => summary.textContent()).toBe(tr('Showing 50 of the first 50 open cases. Sorting and filters apply to these 50 only: load more to include the rest.'));
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => summary.textContent()).toBe(tr('Showing 51 of 51 open cases, all there are.'));
    expect(await rows.count()).toBe(51);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // sorting now sees every open case: oldest first is the order of creation
    await page.getByLabel('Sort by').selectOption('age');
    const created = await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-created') ?? ''));
    expect(created).toEqual([...created].sort());
    // a refresh reloads as many as were in view, more than one page: a case opened meanwhile makes 52
    // (the 51 stay on screen until the reload is done, so only the new count shows that it happened)
    expect((await as(server, dana, 'POST', '/api/cases', { caseType: 'note', data: {} })).status).toBe(201);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => summary.textContent()).toBe(tr('Showing 52 of 52 open cases, all there are.'));
    expect(await rows.count()).toBe(52);
    await shot(page, 'work-inbox-paged');
  });

  it('logged no errors in the browser console', () => {
    expect(e2e().session.errors).toEqual([]);
  });
});
