import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { addState } from '../../../designer/src/model/states.ts';
import { addTransition } from '../../../designer/src/model/transitions.ts';
import { describeDiff, diffCaseTypes } from '../../../designer/src/model/diff.ts';
import { selectionForPointer } from '../../../designer/src/model/problem-target.ts';

function v1(): CaseType {
  let def = addField(createBlankCaseType('complaint', 'Complaint'), { parent: '', name: 'reason', kind: 'text', title: 'Reason' });
  def = addState(addState(def, { id: 'triage' }), { id: 'closed', final: true });
  return { ...def, version: 1 };
}

describe('diffCaseTypes', () => {
  it('lists fields, rules, states, transitions and events added, removed and changed', () => {
    let next = addField(v1(), { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
    next = { ...next, data: { ...next.data, properties: { ...next.data.properties, reason: { type: 'string', title: 'Cause' } } } };
    next = addTransition(next, { source: 'triage', target: 'closed', event: 'CLOSE' })?.def as CaseType;
    next = { ...next, rules: { triaged: { schema: { required: ['severity'] } } } };
    expect(diffCaseTypes(v1(), next).map(describeDiff)).toEqual([
      'Field /reason changed',
      'Field /severity added',
      'Form section details changed',
      'Rule triaged added',
      'Transition triage → closed on CLOSE added',
      'Event CLOSE added',
    ]);
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
