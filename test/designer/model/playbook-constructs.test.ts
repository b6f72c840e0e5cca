// Eventless transitions, the playbook root's actions and transitions, parallel states and state ids.
import { describe, expect, it } from 'vitest';
import { validateCaseType } from '../../../schemas/index.ts';
import { addAlways, listAlways, removeAlways, setAlways, setRootActions, updateAlways } from '../../../designer/src/model/always.ts';
import { stateIdFromTitle, stateIdProblem } from '../../../designer/src/model/ids.ts';
import { addRegion, isRegion, setParallel } from '../../../designer/src/model/parallel.ts';
import { addState } from '../../../designer/src/model/states.ts';
import { addTransition, deleteTransition, getTransition, listRootTransitions, PLAYBOOK_SOURCE, renameTransitionEvent, updateTransition } from '../../../designer/src/model/transitions.ts';
import { applicationDef } from './every-construct-fixture.ts';

const errors = (def: Parameters<typeof validateCaseType>[0]) => validateCaseType(def).filter((p) => p.severity === 'error');

describe('eventless transitions', () => {
  it('adds, updates and removes eventless transitions of a state, written as an array', () => {
    let def = addAlways(applicationDef(), 'review', { target: 'closed' });
    def = updateAlways(def, 'review', 0, { guard: { all: ['amountGiven', { not: 'rejected' }] }, actions: [{ type: 'set', path: '/approved', value: true }] });
    def = addAlways(def, 'review', { target: 'intake', guard: 'rejected' });
    expect(def.playbook.states.review?.always).toEqual([
      { target: 'closed', guard: { all: ['amountGiven', { not: 'rejected' }] }, actions: [{ type: 'set', path: '/approved', value: true }] },
      { target: 'intake', guard: 'rejected' },
    ]);
    expect(errors(def)).toEqual([]);
    def = updateAlways(def, 'review', 0, { actions: undefined });
    expect(listAlways(def, 'review')[0]).toEqual({ target: 'closed', guard: { all: ['amountGiven', { not: 'rejected' }] } });
    def = removeAlways(removeAlways(def, 'review', 1), 'review', 0);
    expect(def.playbook.states.review).not.toHaveProperty('always');
  });

  it('reads a single eventless transition (not an array) as a list of one; the root has its own', () => {
    const def = applicationDef();
    def.playbook.states.review = { ...def.playbook.states.review, always: { target: 'closed', guard: 'rejected' } };
    expect(listAlways(def, 'review')).toEqual([{ target: 'closed', guard: 'rejected' }]);
    const root = setAlways(def, null, [{ target: 'closed', guard: 'rejected' }]);
    expect(root.playbook.always).toEqual([{ target: 'closed', guard: 'rejected' }]);
    expect(listAlways(root, 'nowhere')).toEqual([]);
    expect(setAlways(def, 'nowhere', [])).toBe(def);
  });
});

describe('the playbook root', () => {
  it('sets and removes the entry and exit actions of the whole playbook', () => {
    let def = setRootActions(applicationDef(), 'entry', [{ type: 'note', text: 'Case opened' }]);
    def = setRootActions(def, 'exit', [{ type: 'priority', value: 'low' }]);
    expect([def.playbook.entry, def.playbook.exit]).toEqual([[{ type: 'note', text: 'Case opened' }], [{ type: 'priority', value: 'low' }]]);
    expect(errors(def)).toEqual([]);
    expect(setRootActions(def, 'entry', []).playbook).not.toHaveProperty('entry');
  });

  it('root transitions (source "") are added, listed, updated, renamed and deleted like a state\'s', () => {
    const added = addTransition(applicationDef(), { source: PLAYBOOK_SOURCE, target: 'closed', event: 'WITHDRAW' });
    if (!added) throw new Error('not added');
    expect(added.ref).toEqual({ source: '', event: 'WITHDRAW', index: 0 });
    expect(added.def.playbook.on).toEqual({ WITHDRAW: 'closed' });
    expect(added.def.events?.WITHDRAW).toEqual({ title: 'Withdraw' });
    let def = updateTransition(added.def, added.ref, { actions: [{ type: 'note', text: 'Withdrawn' }] });
    expect(listRootTransitions(def)).toEqual([{ source: '', event: 'WITHDRAW', index: 0, transition: { target: 'closed', actions: [{ type: 'note', text: 'Withdrawn' }] } }]);
    expect(errors(def)).toEqual([]);
    const renamed = renameTransitionEvent(def, added.ref, 'CANCEL');
    expect(renamed?.def.playbook.on).toEqual({ CANCEL: { target: 'closed', actions: [{ type: 'note', text: 'Withdrawn' }] } });
    def = deleteTransition(renamed?.def ?? def, { source: '', event: 'CANCEL', index: 0 });
    expect(def.playbook).not.toHaveProperty('on');
    expect(getTransition(def, { source: '', event: 'CANCEL', index: 0 })).toBeUndefined();
  });
});

describe('parallel states', () => {
  it('a parallel state has regions and no initial; its regions are known as regions; the result is valid', () => {
    let def = addState(applicationDef(), { id: 'checks', title: 'Checks' });
    def = setParallel(def, 'checks', true);
    def = addRegion(def, 'checks', { id: 'credit', title: 'Credit check' });
    def = addRegion(def, 'checks', { id: 'identity', title: 'Identity check' });
    def = addState(def, { id: 'creditPending', parent: 'credit' });
    def = addState(def, { id: 'identityPending', parent: 'identity' });
    expect(def.playbook.states.checks).toEqual({
      title: 'Checks',
      type: 'parallel',
      states: {
        credit: { title: 'Credit check', type: 'compound', initial: 'creditPending', states: { creditPending: {} } },
        identity: { title: 'Identity check', type: 'compound', initial: 'identityPending', states: { identityPending: {} } },
      },
    });
    expect([isRegion(def, 'credit'), isRegion(def, 'creditPending'), isRegion(def, 'checks')]).toEqual([true, false, false]);
    def = (addTransition(def, { source: 'review', target: 'checks', event: 'CHECK' }) as { def: typeof def }).def;
    def = addAlways(def, 'checks', { target: 'closed', guard: { all: [{ in: ['creditPending'] }, { in: ['identityPending'] }] } });
    expect(errors(def)).toEqual([]);
  });

  it('turning parallel off makes it a stage starting at its first child; a final state or a plain state cannot take regions', () => {
    let def = addState(applicationDef(), { id: 'checks' });
    def = addRegion(setParallel(def, 'checks', true), 'checks', { id: 'a' });
    def = setParallel(def, 'checks', false);
    expect(def.playbook.states.checks).toEqual({ type: 'compound', initial: 'a', states: { a: {} } });
    expect(setParallel(def, 'closed', true)).toBe(def);
    expect(addRegion(def, 'checks', { id: 'b' })).toBe(def);
    expect(setParallel(addState(applicationDef(), { id: 'empty' }), 'empty', false).playbook.states.empty).toEqual({});
  });
});

describe('state ids', () => {
  it('derives an id from a title and says why an id cannot be used', () => {
    expect(stateIdFromTitle('Waiting for customer')).toBe('waitingForCustomer');
    expect(stateIdFromTitle('2nd review')).toBe('ndReview');
    const def = applicationDef();
    expect(stateIdProblem(def, 'intake')).toBe('There is a state intake already: state ids are unique across the playbook.');
    expect(stateIdProblem(def, 'in take')).toMatch(/^A state id starts with a letter/);
    expect(stateIdProblem(def, '')).toMatch(/^Give the state an id/);
    expect(stateIdProblem(def, 'intake-desk')).toBeNull();
  });
});
