// Renames that cannot be applied say why (issue: a field renamed to a sibling's name silently did nothing and
// jumped to the sibling; a transition's event rename that failed said nothing).
import { describe, expect, it } from 'vitest';
import { addField, fieldRenameProblem, renameField } from '../../../designer/src/model/fields.ts';
import { addSla } from '../../../designer/src/model/slas.ts';
import { eventRenameProblem, renameTransitionEvent } from '../../../designer/src/model/transitions.ts';
import { applicationDef } from './every-construct-fixture.ts';

describe('renaming a field', () => {
  let def = applicationDef();
  def = addField(def, { parent: '', name: 'claim', kind: 'group', title: 'Claim' });
  def = addField(def, { parent: '/claim', name: 'amount', kind: 'money', title: 'Amount' });
  def = addField(def, { parent: '/claim', name: 'deductible', kind: 'money', title: 'Deductible' });

  it('refuses a name a sibling has, in a group and at the top level, and renameField leaves those alone', () => {
    expect(fieldRenameProblem(def, '/claim/deductible', 'amount')).toBe('There is a field named amount in this group already.');
    expect(fieldRenameProblem(def, '/severity', 'email')).toBe('There is a field named email at the top level already.');
    expect(renameField(def, '/claim/deductible', 'amount')).toBe(def);
  });

  it('allows a name that is only used at another depth, and the same name', () => {
    // email is a top-level field: inside the group Claim the name is free
    expect(fieldRenameProblem(def, '/claim/deductible', 'email')).toBeNull();
    expect(fieldRenameProblem(def, '/severity', 'amount')).toBe('There is a field named amount at the top level already.');
    expect(fieldRenameProblem(def, '/severity', 'severity')).toBeNull();
    expect(fieldRenameProblem(def, '/severity', 'level')).toBeNull();
  });

  it('says what a name must look like, and when the field is gone', () => {
    expect(fieldRenameProblem(def, '/severity', '')).toBe('Give the field a name: a letter, then letters, digits and _.');
    expect(fieldRenameProblem(def, '/severity', '2nd')).toBe('A field name starts with a letter and uses letters, digits and _ only.');
    expect(fieldRenameProblem(def, '/nothing', 'other')).toBe('This field is no longer there: select it again in the field list.');
  });
});

describe("renaming a transition's event", () => {
  const def = addSla(applicationDef(), 'response', 'Response');
  const ref = { source: 'intake', event: 'SUBMIT', index: 0 };

  it('accepts upper snake case names and the system events, which renameTransitionEvent applies', () => {
    for (const name of ['SUBMIT', 'SEND_IN', 'case.created', 'child.closed', 'timer.intake-delay', 'sla.response.breached']) {
      expect(eventRenameProblem(def, ref, name)).toBeNull();
      expect(renameTransitionEvent(def, ref, name)).toBeDefined();
    }
  });

  it('says why a name is refused', () => {
    expect(eventRenameProblem(def, ref, '')).toBe('Name the event, e.g. SUBMIT_TRIAGE.');
    expect(eventRenameProblem(def, ref, 'submit')).toBe('An event name is upper snake case: a capital letter, then capitals, digits and _ (e.g. SUBMIT_TRIAGE).');
    expect(eventRenameProblem(def, ref, 'SEND-IN')).toMatch(/^An event name is upper snake case/);
    expect(eventRenameProblem(def, ref, `A${'B'.repeat(64)}`)).toBe('An event name is at most 64 characters long.');
    expect(eventRenameProblem(def, ref, 'case.closed')).toMatch(/^case\.closed is not a system event: those are case\.created, child\.closed/);
    expect(eventRenameProblem(def, ref, 'sla.resolution.warning')).toBe('There is no SLA resolution: an sla.<SLA name>.… event names an SLA of this case type.');
    expect(eventRenameProblem(def, ref, 'lookup.crm.done')).toBe('There is no lookup named crm: add a “Look up in another system” action with that name first.');
    const withLookup = { ...def, playbook: { ...def.playbook, entry: [{ type: 'lookup' as const, name: 'crm', url: 'https://crm.example.com', map: { '/email': '/mail' } }] } };
    expect([eventRenameProblem(withLookup, ref, 'lookup.crm.done'), eventRenameProblem(withLookup, ref, 'lookup.crm.failed')]).toEqual([null, null]);
  });

  it('says so when the transition is no longer there', () => {
    expect(eventRenameProblem(def, { ...ref, index: 3 }, 'SEND')).toBe('This transition is no longer there (it was changed or deleted): select it again from its state.');
    expect(renameTransitionEvent(def, { ...ref, index: 3 }, 'SEND')).toBeUndefined();
  });
});
