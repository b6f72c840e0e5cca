import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addState, deleteState, listStates, renameState, setInitial, setPositions, updateState } from '../../../designer/src/model/states.ts';
import { addTransition, deleteTransition, listTransitions, renameTransitionEvent, updateTransition } from '../../../designer/src/model/transitions.ts';

function threeStates(): CaseType {
  let def = createBlankCaseType('complaint', 'Complaint');
  def = addState(def, { id: 'triage', title: 'Triage' });
  def = addState(def, { id: 'investigating', title: 'Investigate' });
  def = addState(def, { id: 'closed', title: 'Closed', final: true });
  return def;
}

describe('addState', () => {
  it('given a blank playbook, the first state becomes initial, a final state is typed final', () => {
    expect(threeStates().playbook).toEqual({
      initial: 'triage',
      states: { triage: { title: 'Triage' }, investigating: { title: 'Investigate' }, closed: { title: 'Closed', type: 'final' } },
    });
  });

  it('adding into a state makes it compound with that child initial; a duplicate id changes nothing', () => {
    const def = addState(threeStates(), { id: 'collect', parent: 'investigating' });
    expect(def.playbook.states.investigating).toEqual({ title: 'Investigate', type: 'compound', initial: 'collect', states: { collect: {} } });
    expect(addState(def, { id: 'collect' })).toBe(def);
    expect(listStates(def).map((s) => [s.id, s.parent, s.depth])).toEqual([
      ['triage', null, 0],
      ['investigating', null, 0],
      ['collect', 'investigating', 1],
      ['closed', null, 0],
    ]);
  });
});

describe('transitions', () => {
  it('connect adds a transition in its shortest form and declares the event', () => {
    const r = addTransition(threeStates(), { source: 'triage', target: 'investigating', event: 'SUBMIT_TRIAGE' });
    expect(r?.ref).toEqual({ source: 'triage', event: 'SUBMIT_TRIAGE', index: 0 });
    expect(r?.def.playbook.states.triage?.on).toEqual({ SUBMIT_TRIAGE: 'investigating' });
    expect(r?.def.events).toEqual({ SUBMIT_TRIAGE: { title: 'Submit triage' } });
  });

  it('a second transition on the same event makes an array; a guard expands the string form', () => {
    let def = addTransition(threeStates(), { source: 'triage', target: 'investigating', event: 'SUBMIT' })?.def as CaseType;
    def = addTransition(def, { source: 'triage', target: 'closed', event: 'SUBMIT' })?.def as CaseType;
    def = updateTransition(def, { source: 'triage', event: 'SUBMIT', index: 0 }, { guard: 'triaged' });
    expect(def.playbook.states.triage?.on).toEqual({ SUBMIT: [{ target: 'investigating', guard: 'triaged' }, { target: 'closed' }] });
    expect(listTransitions(def).map((t) => `${t.source}:${t.event}:${t.index}->${t.transition.target}`)).toEqual([
      'triage:SUBMIT:0->investigating',
      'triage:SUBMIT:1->closed',
    ]);
    const one = deleteTransition(def, { source: 'triage', event: 'SUBMIT', index: 0 });
    expect(one.playbook.states.triage?.on).toEqual({ SUBMIT: 'closed' });
    expect(deleteTransition(one, { source: 'triage', event: 'SUBMIT', index: 0 }).playbook.states.triage).toEqual({ title: 'Triage' });
  });

  it('renaming the event of a transition moves it and declares the new event', () => {
    const def = addTransition(threeStates(), { source: 'triage', target: 'closed', event: 'GO_TO_CLOSED' })?.def as CaseType;
    const r = renameTransitionEvent(def, { source: 'triage', event: 'GO_TO_CLOSED', index: 0 }, 'CLOSE');
    expect(r?.ref).toEqual({ source: 'triage', event: 'CLOSE', index: 0 });
    expect(r?.def.playbook.states.triage?.on).toEqual({ CLOSE: 'closed' });
    expect(Object.keys(r?.def.events ?? {})).toEqual(['GO_TO_CLOSED', 'CLOSE']);
  });
});

describe('renameState', () => {
  it('updates the key, initial, targets, in-guards, SLA conditions, form visibility and layout', () => {
    let def = addTransition(threeStates(), { source: 'investigating', target: 'triage', event: 'REOPEN' })?.def as CaseType;
    def = updateTransition(def, { source: 'investigating', event: 'REOPEN', index: 0 }, { guard: { not: { in: ['triage'] } } });
    def = setPositions(def, { triage: { x: 10.4, y: 20 } });
    def = {
      ...def,
      form: { sections: [{ id: 'details', fields: [], visibleWhen: { in: ['triage'] } }] },
      slas: { first: { start: { enter: ['triage'] }, stop: { in: ['closed'] }, deadline: 'PT8H' } },
    };
    const next = renameState(def, 'triage', 'intake');
    expect(Object.keys(next.playbook.states)).toEqual(['intake', 'investigating', 'closed']);
    expect(next.playbook.initial).toBe('intake');
    expect(next.playbook.states.investigating?.on).toEqual({ REOPEN: { target: 'intake', guard: { not: { in: ['intake'] } } } });
    expect(next.form?.sections[0]?.visibleWhen).toEqual({ in: ['intake'] });
    expect(next.slas?.first?.start).toEqual({ enter: ['intake'] });
    expect(next.layout).toEqual({ nodes: { intake: { x: 10, y: 20 } } });
    expect(renameState(next, 'intake', 'closed')).toBe(next);
  });
});

describe('deleteState, setInitial, updateState', () => {
  it('deleting a state removes transitions into it, its layout, and moves initial to the next state', () => {
    let def = addTransition(threeStates(), { source: 'investigating', target: 'triage', event: 'REOPEN' })?.def as CaseType;
    def = setPositions(def, { triage: { x: 0, y: 0 }, closed: { x: 5, y: 5 } });
    const next = deleteState(def, 'triage');
    expect(next.playbook).toEqual({ initial: 'investigating', states: { investigating: { title: 'Investigate' }, closed: { title: 'Closed', type: 'final' } } });
    expect(next.layout).toEqual({ nodes: { closed: { x: 5, y: 5 } } });
  });

  it('sets the initial state and state properties', () => {
    const def = updateState(setInitial(threeStates(), null, 'investigating'), 'investigating', { task: { title: 'Look into it' }, title: undefined });
    expect(def.playbook.initial).toBe('investigating');
    expect(def.playbook.states.investigating).toEqual({ task: { title: 'Look into it' } });
  });
});
