// The life cycle derived from a case type (model/stages.ts): stage order, steps, tasks, SLAs, the stage
// view's edits and a case's position, on the shipped templates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import { addStage, addStep, casePosition, lifeCycle, moveStep, newStateId, stageOrder } from '../../../designer/src/model/stages.ts';
import { findState } from '../../../designer/src/model/states.ts';

const template = (key: string) => JSON.parse(readFileSync(new URL(`../../../templates/${key}.case.json`, import.meta.url), 'utf8')) as CaseType;
const complaint = template('complaint');
const dsr = template('data-subject-request');
const major = template('major-incident');
const order = template('order-inquiry');

const titles = (def: CaseType) => lifeCycle(def).map((s) => s.title);
const stage = (def: CaseType, title: string) => {
  const s = lifeCycle(def).find((x) => x.title === title);
  if (!s) throw new Error(`no stage ${title}`);
  return s;
};

describe('stage order', () => {
  it('puts the primary path first, the alternate stages after it and the final states last (complaint)', () => {
    // given the complaint: triage → investigation → resolution → approval → survey → closed, with a wait for the
    // customer off that path and a withdrawal that ends it early
    expect(stageOrder(complaint)).toEqual([
      { id: 'triage', path: 'primary' },
      { id: 'investigating', path: 'primary' },
      { id: 'resolving', path: 'primary' },
      { id: 'approval', path: 'primary' },
      { id: 'survey', path: 'primary' },
      { id: 'waitingForCustomer', path: 'alternate' },
      { id: 'closed', path: 'primary' },
      { id: 'withdrawn', path: 'alternate' },
    ]);
    expect(titles(complaint)).toEqual([
      'Triage', 'Investigation', 'Resolution', 'Compensation approval', 'Satisfaction survey', 'Waiting for the customer', 'Closed', 'Withdrawn',
    ]);
  });

  it('follows always-transitions out of a parallel stage and transitions of steps for their stage', () => {
    expect(titles(dsr)).toEqual(['Verify identity', 'Collect the data', 'Review and decide', 'Erase', 'Respond', 'Closed']);
    // a step's transition back into an earlier stage (recurred → investigating) is a loop, not a new order
    expect(titles(major)).toEqual(['Incident open', 'Resolved', 'Closed']);
    expect(titles(order)).toEqual(['Look up the order', 'Correct the contact data', 'Confirm with the customer', 'Closed']);
  });

  it('puts a stage no transition reaches after the reached ones and before the final states', () => {
    const def = addStage(complaint, 'Legal review');
    expect(titles(def).slice(-3)).toEqual(['Legal review', 'Closed', 'Withdrawn']);
    expect(lifeCycle(def).find((s) => s.title === 'Legal review')?.path).toBe('unreached');
  });

  it('gives no stages for an empty playbook', () => {
    expect(lifeCycle({ ...complaint, playbook: { states: {} } } as CaseType)).toEqual([]);
  });
});

describe('steps and tasks', () => {
  it('lists a stage\'s steps in order with the one it starts in, and every task opened in the stage', () => {
    const investigation = stage(complaint, 'Investigation');
    expect(investigation.steps.map((s) => [s.title, s.starts])).toEqual([
      ['Collect the facts', true],
      ['Analyse the root cause', false],
    ]);
    expect(investigation.tasks).toEqual([
      { step: 'Collect the facts', task: { title: 'Collect the facts', queue: null, role: 'Complaint investigator', due: null } },
      { step: 'Analyse the root cause', task: { title: 'Analyse the root cause', queue: null, role: 'Complaint investigator', due: null } },
    ]);
    // due in working time: the task counts in the office calendar
    expect(stage(complaint, 'Triage').tasks).toEqual([{ step: null, task: { title: 'Classify the complaint', queue: 'Triage', role: null, due: '4 working hours' } }]);
    expect(stage(complaint, 'Closed')).toMatchObject({ final: true, steps: [], tasks: [], slas: [] });
  });

  it('shows a parallel stage\'s regions as steps, with their own steps and tasks', () => {
    const collect = stage(dsr, 'Collect the data');
    expect(collect.parallel).toBe(true);
    expect(collect.steps.map((s) => [s.title, s.steps.map((x) => x.title)])).toEqual([
      ['CRM', ['Search CRM', 'CRM done']],
      ['Billing', ['Search billing', 'Billing done']],
      ['Support system', ['Search the support system', 'Support system done']],
    ]);
    expect(collect.tasks.map((t) => `${t.step}: ${t.task.title} (${t.task.queue})`)).toEqual([
      'Search CRM: Search CRM (Data stewards)',
      'Search billing: Search billing (Data stewards)',
      'Search the support system: Search the support system (Data stewards)',
    ]);
  });

  it('reads a task\'s due time in words', () => {
    const def = structuredClone(complaint);
    const task = findState(def.playbook, 'triage')?.node.task as { due?: string; calendar?: string };
    task.due = 'P2D';
    delete task.calendar;
    expect(stage(def, 'Triage').tasks[0]?.task.due).toBe('2 days');
  });
});

describe('SLAs', () => {
  it('runs an SLA from where it starts to where it stops, paused where its pause condition holds', () => {
    const slas = (title: string) => stage(complaint, title).slas.map((s) => `${s.title} ${s.phase}`);
    expect(slas('Triage')).toEqual(['First response starts', 'Resolution starts']);
    // first response stops on entering the investigation
    expect(slas('Investigation')).toEqual(['Resolution runs']);
    expect(slas('Waiting for the customer')).toEqual(['Resolution paused']);
    expect(slas('Compensation approval')).toEqual(['Resolution runs']);
    // the resolution clock stops on entering the survey
    expect(slas('Satisfaction survey')).toEqual([]);
    expect(slas('Withdrawn')).toEqual([]);
  });

  it('words an SLA by its deadline and goal, in working time with a calendar', () => {
    expect(stage(complaint, 'Triage').slas.map((s) => s.text)).toEqual([
      'First response: within 8 working hours (goal 4 working hours)',
      'Resolution: within 5 working days (goal 3 working days)',
    ]);
    expect(stage(dsr, 'Respond').slas.map((s) => s.text)).toEqual(['Legal deadline (30 days): within 30 days (goal 25 days)']);
    expect(stage(dsr, 'Collect the data').slas.map((s) => s.title)).toEqual(['Legal deadline (30 days)']);
    expect(stage(order, 'Correct the contact data').slas.map((s) => s.text)).toEqual(['Response: within 4 working hours (goal 2 working hours)']);
    expect(stage(order, 'Confirm with the customer').slas).toEqual([]);
  });

  it('starts an SLA that starts on entering a state there, and follows it back along a rejection until it stops', () => {
    const def = structuredClone(complaint);
    def.slas = { approvalTime: { title: 'Approval', start: { enter: ['approval'] }, stop: { enter: ['survey'] }, deadline: 'PT4H' } };
    const where = (d: CaseType) => lifeCycle(d).flatMap((s) => s.slas.map((x) => `${s.title}: ${x.text} ${x.phase}`));
    // rejected, the case goes back to the resolution, and on from there: the clock has not stopped
    expect(where(def)).toEqual([
      'Investigation: Approval: within 4 hours runs',
      'Resolution: Approval: within 4 hours runs',
      'Compensation approval: Approval: within 4 hours starts',
      'Waiting for the customer: Approval: within 4 hours runs',
    ]);
    def.slas.approvalTime?.stop?.enter?.push('resolving');
    expect(where(def)).toEqual(['Compensation approval: Approval: within 4 hours starts']);
  });
});

describe('stage view edits', () => {
  it('adds a stage and a step with ids from their titles, unique across the playbook, and a valid definition', () => {
    expect(newStateId(complaint, 'Triage', 'stage')).toBe('triage2');
    let def = addStage(complaint, 'Legal review');
    def = addStep(def, 'legalReview', 'Check the contract');
    def = addStep(def, 'legalReview', 'Check the contract');
    const legal = stage(def, 'Legal review');
    expect(legal.steps.map((s) => [s.id, s.title, s.starts])).toEqual([
      ['checkTheContract', 'Check the contract', true],
      ['checkTheContract2', 'Check the contract', false],
    ]);
    expect(findState(def.playbook, 'legalReview')?.node.type).toBe('compound');
    expect(validateCaseType(def).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('adds a step to a parallel stage as a region, and none to a final state', () => {
    const def = addStep(dsr, 'collecting', 'Archive');
    expect(stage(def, 'Collect the data').steps.map((s) => s.title)).toEqual(['CRM', 'Billing', 'Support system', 'Archive']);
    expect(findState(def.playbook, 'collecting')?.node.initial).toBeUndefined();
    expect(addStep(complaint, 'closed', 'Archive')).toBe(complaint);
  });

  it('moves a step up and down among its stage\'s steps, keeping where the stage starts', () => {
    const down = moveStep(complaint, 'collect', 1);
    expect(stage(down, 'Investigation').steps.map((s) => [s.title, s.starts])).toEqual([
      ['Analyse the root cause', false],
      ['Collect the facts', true],
    ]);
    expect(stage(moveStep(down, 'collect', -1), 'Investigation').steps.map((s) => s.title)).toEqual(['Collect the facts', 'Analyse the root cause']);
    // at an end it stays
    expect(moveStep(complaint, 'collect', -1)).toBe(complaint);
    expect(moveStep(complaint, 'analyse', 1)).toBe(complaint);
  });
});

describe('a case on its life cycle', () => {
  const stages = lifeCycle(complaint);

  it('finds the current stage and step, and the stages done from the history', () => {
    const p = casePosition(stages, { investigating: 'analyse' }, ['triage', { investigating: 'collect' }, 'waitingForCustomer', { investigating: 'analyse' }]);
    expect(p.stage?.title).toBe('Investigation');
    expect(p.steps.map((s) => s.title)).toEqual(['Analyse the root cause']);
    expect([...p.done]).toEqual(['triage', 'waitingForCustomer']);
  });

  it('without a history, takes the primary stages before the current one as done', () => {
    const p = casePosition(stages, 'approval', null);
    expect(p.stage?.title).toBe('Compensation approval');
    expect(p.steps).toEqual([]);
    expect([...p.done]).toEqual(['triage', 'investigating', 'resolving']);
  });

  it('lists every step of a parallel stage the case is in', () => {
    const p = casePosition(lifeCycle(dsr), { collecting: { crm: 'crmDone', billing: 'billingSearch', support: 'supportSearch' } }, null);
    expect(p.stage?.title).toBe('Collect the data');
    expect(p.steps.map((s) => s.title)).toEqual(['CRM', 'Billing', 'Support system']);
    expect([...p.done]).toEqual(['verifyingIdentity']);
  });
});
