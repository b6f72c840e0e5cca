import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { addState } from '../../../designer/src/model/states.ts';
import { addTransition } from '../../../designer/src/model/transitions.ts';
import { describeDiff, diffCaseTypes, type DiffEntry } from '../../../designer/src/model/diff.ts';
import { canvasDiff } from '../../../designer/src/model/version-canvas.ts';
import { specToList } from '../../../designer/src/model/transitions.ts';
import { selectionForPointer } from '../../../designer/src/model/problem-target.ts';

function v1(): CaseType {
  let def = addField(createBlankCaseType('complaint', 'Complaint'), { parent: '', name: 'reason', kind: 'text', title: 'Reason' });
  def = addState(addState(def, { id: 'triage' }), { id: 'closed', final: true });
  return { ...def, version: 1 };
}

const complaint = JSON.parse(readFileSync(join(import.meta.dirname, '../../../templates/complaint.case.json'), 'utf8')) as CaseType;
const base = (): CaseType => structuredClone({ ...complaint, version: 1 });
/** No sentence names an id or a pointer: no `/x/y`, no camelCase or UPPER_SNAKE keys of the definition. */
function assertInWords(sentences: string[]): void {
  for (const s of sentences) {
    expect(s, s).not.toMatch(/(^|\s|‘)\/[a-z]/i);
    for (const id of ['waitingForCustomer', 'SUBMIT_TRIAGE', 'CUSTOMER_DISAGREES', 'firstResponse', 'highSeverity', 'customerNumber', 'intake-agent']) expect(s, s).not.toContain(id);
  }
}

describe('diffCaseTypes', () => {
  it('lists fields, rules, states, transitions and events added, removed and changed', () => {
    let next = addField(v1(), { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
    next = { ...next, data: { ...next.data, properties: { ...next.data.properties, reason: { type: 'string', title: 'Cause' } } } };
    next = addTransition(next, { source: 'triage', target: 'closed', event: 'CLOSE' })?.def as CaseType;
    next = { ...next, rules: { triaged: { title: 'Triaged', schema: { required: ['severity'] } } } };
    expect(diffCaseTypes(v1(), next).map((e) => describeDiff(e))).toEqual([
      'Field ‘Cause’: title changed from ‘Reason’ to ‘Cause’',
      'Field ‘Severity’ added',
      'Form section ‘Details’: fields added: ‘Severity’',
      'Rule ‘Triaged’ added',
      'Event ‘Close’ added',
      'Transition ‘triage’ → ‘closed’ on ‘Close’ added',
    ]);
  });

  it('is empty for the same definition, and lists everything as added when nothing is published yet', () => {
    expect(diffCaseTypes(base(), base())).toEqual([]);
    // nothing published yet: everything is added, in words
    const first = diffCaseTypes(null, base());
    expect(first.every((e) => e.change === 'added')).toBe(true);
    expect(first.map((e) => describeDiff(e))).toEqual(expect.arrayContaining(['Field ‘Customer › E-mail’ added', 'SLA ‘First response’ added', 'Calendar ‘Office hours, Amsterdam’ added']));
    assertInWords(first.map((e) => describeDiff(e)));
    // the canvas layout is not a change of the case type
    expect(diffCaseTypes(base(), { ...base(), layout: { nodes: { triage: { x: 1, y: 2 } } } })).toEqual([]);
  });

  it('covers every section in titles, never ids or pointers', () => {
    const before = base();
    const after = base();
    after.title = 'Customer complaint (2026)';
    // fields: a nested one added, one retitled, one made optional, one removed
    const customer = after.data.properties?.customer as NonNullable<CaseType['data']['properties']>[string] & object;
    customer.properties = { ...customer.properties, vatNumber: { type: 'string', title: 'VAT number' } };
    delete customer.properties.customerNumber;
    customer.properties.email = { ...customer.properties.email, title: 'Email address' } as never;
    customer.required = [];
    // a form section retitled
    const [intake] = after.form?.sections ?? [];
    if (intake) intake.title = 'First contact';
    // rules, events, states, transitions
    after.rules = { ...after.rules, highSeverity: { ...after.rules?.highSeverity, title: 'Severe complaint', schema: true } } as CaseType['rules'];
    after.events = { ...after.events, CUSTOMER_DISAGREES: { ...after.events?.CUSTOMER_DISAGREES, title: 'Customer objects' } };
    const waiting = after.playbook.states.waitingForCustomer as NonNullable<CaseType['playbook']['states'][string]>;
    after.playbook.states.waitingForCustomer = { ...waiting, title: 'Waiting for a reply' };
    delete after.playbook.states.survey;
    const triage = after.playbook.states.triage as NonNullable<CaseType['playbook']['states'][string]>;
    triage.on = { ...triage.on, ESCALATE: 'approval' };
    // SLAs, calendars, roles, queues, customer keys, scenarios
    after.slas = { ...after.slas, firstResponse: { ...(after.slas?.firstResponse as NonNullable<CaseType['slas']>[string] & object), deadline: 'PT6H' } };
    after.calendars = { ...after.calendars, office: { ...(after.calendars?.office as NonNullable<CaseType['calendars']>[string] & object), timezone: 'Europe/Brussels' } };
    after.roles = { ...after.roles, 'intake-agent': { ...after.roles?.['intake-agent'], title: 'Intake officer' } };
    after.queues = { ...after.queues, escalations: { title: 'Escalations', role: 'supervisor' } };
    after.customer = { keys: ['/customer/email', '/customer/vatNumber'], name: '/customer/name' };
    after.scenarios = [{ name: 'Escalated at triage', caseType: 'complaint', data: {}, steps: [] }];

    const entries = diffCaseTypes(before, after);
    const sentences = entries.map((e) => describeDiff(e));
    assertInWords(sentences);
    expect(new Set(entries.map((e) => e.area))).toEqual(new Set(['caseType', 'field', 'form', 'rule', 'event', 'state', 'transition', 'sla', 'calendar', 'role', 'queue', 'customer', 'scenario']));
    expect(sentences).toEqual(
      expect.arrayContaining([
        'Case type ‘Customer complaint (2026)’: title changed from ‘Customer complaint’ to ‘Customer complaint (2026)’',
        'Field ‘Customer › Email address’: title changed from ‘E-mail’ to ‘Email address’',
        'Field ‘Customer › Name’: no longer required',
        'Field ‘Customer › VAT number’ added',
        'Form section ‘First contact’: title changed from ‘Intake’ to ‘First contact’',
        'Field ‘Customer › Customer number’ removed',
        expect.stringMatching(/^Rule ‘Severe complaint’: title changed from ‘.+’ to ‘Severe complaint’; condition changed$/),
        expect.stringMatching(/^Event ‘Customer objects’: title changed from ‘.+’ to ‘Customer objects’$/),
        expect.stringMatching(/^State ‘Waiting for a reply’: title changed from ‘.+’ to ‘Waiting for a reply’$/),
        expect.stringMatching(/^State ‘.+’ removed$/),
        expect.stringMatching(/^Transition ‘.+’ → ‘.+’ on ‘Escalate’ added$/),
        expect.stringMatching(/^SLA ‘First response’: deadline changed from ‘8 working hours’ to ‘6 working hours’$/),
        expect.stringMatching(/^Calendar ‘Office hours, Amsterdam’: time zone changed from ‘Europe\/Amsterdam’ to ‘Europe\/Brussels’$/),
        'Role ‘Intake officer’: title changed from ‘Intake agent’ to ‘Intake officer’',
        'Queue ‘Escalations’ added',
        'Customer key ‘Customer › VAT number’ added',
        'Customer key ‘Customer › Phone’ removed',
        'Scenario ‘Escalated at triage’ added',
      ]),
    );
    // the transitions out of the removed state are removed with it, named by state and event titles
    expect(entries.filter((e) => e.area === 'transition' && e.change === 'removed').length).toBeGreaterThan(0);
    // each side of a change, in words, for the side-by-side view
    const deadline = entries.find((e) => e.area === 'sla');
    expect(deadline?.details).toEqual([{ text: 'deadline changed from ‘8 working hours’ to ‘6 working hours’', from: '‘8 working hours’', to: '‘6 working hours’' }]);
    const added = entries.find((e) => e.subject === 'Queue ‘Escalations’');
    expect([added?.before, added?.after]).toEqual([null, '‘Escalations’']);
  });

  it('names a changed transition by its states and event, and says how its condition changed', () => {
    const before = base();
    const after = base();
    const triage = after.playbook.states.triage as NonNullable<CaseType['playbook']['states'][string]>;
    const submit = specToList(triage.on?.SUBMIT_TRIAGE);
    triage.on = { ...triage.on, SUBMIT_TRIAGE: { ...submit[0], guard: 'highSeverity' } };
    const [entry] = diffCaseTypes(before, after);
    expect(entry?.area).toBe('transition');
    const sentence = describeDiff(entry as DiffEntry);
    assertInWords([sentence]);
    expect(sentence).toMatch(/^Transition ‘Triage’ → ‘.+’ on ‘.+’: condition (changed from ‘.+’ to|set to) ‘High severity’$/);
  });
});

describe('canvasDiff', () => {
  it('marks added, removed and changed states and transitions, and draws the removed ones', () => {
    const before = base();
    const after = base();
    delete after.playbook.states.survey;
    const triage = after.playbook.states.triage as NonNullable<CaseType['playbook']['states'][string]>;
    triage.title = 'First look';
    triage.on = { ...triage.on, ESCALATE: 'approval' };
    after.playbook.states.escalated = { title: 'Escalated', type: 'final' };
    const d = canvasDiff(before, after);
    expect(d.states).toEqual({ triage: 'changed', escalated: 'added', survey: 'removed' });
    expect(d.def.playbook.states.survey).toBeDefined();
    expect(d.edges['on:triage:ESCALATE:0']).toBe('added');
    const surveyEdges = Object.entries(d.edges).filter(([id]) => id.startsWith('on:survey:'));
    expect(surveyEdges.length).toBeGreaterThan(0);
    expect(surveyEdges.every(([, mark]) => mark === 'removed')).toBe(true);
    // a transition into the removed state, from a state that stays, is drawn as removed
    const into = Object.entries(d.edges).filter(([id, mark]) => mark === 'removed' && !id.startsWith('on:survey:'));
    expect(into.length).toBeGreaterThan(0);
    // the canvas definition holds both: every state of either version
    for (const id of [...Object.keys(before.playbook.states), 'escalated']) expect(d.def.playbook.states[id], id).toBeDefined();
  });
});

describe('selectionForPointer', () => {
  it('maps problem pointers to fields, states, transitions and rules', () => {
    const def = addTransition(v1(), { source: 'triage', target: 'closed', event: 'CLOSE' })?.def as CaseType;
    expect(selectionForPointer(def, '/data/properties/reason/minLength')).toEqual({ type: 'field', pointer: '/reason' });
    expect(selectionForPointer(def, '/form/sections/0/fields/0')).toEqual({ type: 'field', pointer: '/reason' });
    expect(selectionForPointer(def, '/playbook/states/triage/on/CLOSE')).toEqual({ type: 'transition', source: 'triage', event: 'CLOSE', index: 0 });
    expect(selectionForPointer(def, '/playbook/states/closed/type')).toEqual({ type: 'state', id: 'closed' });
    expect(selectionForPointer(def, '/slas/x')).toEqual({ type: 'json', pointer: '/slas/x' });
  });
});
