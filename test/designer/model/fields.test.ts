import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addField, changeKind, deleteField, kindOf, listFields, moveField, renameField, setRequired, updateField } from '../../../designer/src/model/fields.ts';
import { addSection, deleteSection, moveFieldToSection, setFieldRef } from '../../../designer/src/model/form.ts';

const blank = (): CaseType => createBlankCaseType('complaint', 'Complaint');

describe('addField', () => {
  it('given a blank case type, when a choice field is added, then the data schema and the first section hold it', () => {
    const def = addField(blank(), { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
    expect(def.data).toEqual({ type: 'object', properties: { severity: { type: 'string', title: 'Severity', enum: ['option 1', 'option 2'] } } });
    expect(def.form).toEqual({ sections: [{ id: 'details', title: 'Details', fields: ['/severity'] }] });
  });

  it('given a long text field, then the form reference carries the textarea widget and the kind reads back', () => {
    const def = addField(blank(), { parent: '', name: 'description', kind: 'longText', title: 'Description' });
    expect(def.form?.sections[0]?.fields).toEqual([{ field: '/description', widget: 'textarea' }]);
    expect(listFields(def).map((f) => [f.pointer, f.kind])).toEqual([['/description', 'longText']]);
  });

  it('given a repeating group, when a child is added into it, then it lands in items.properties and not in the form', () => {
    let def = addField(blank(), { parent: '', name: 'lines', kind: 'list', title: 'Lines' });
    def = addField(def, { parent: '/lines', name: 'amount', kind: 'money', title: 'Amount' });
    expect(def.data.properties?.lines).toEqual({
      type: 'array',
      title: 'Lines',
      items: { type: 'object', properties: { amount: { type: 'number', format: 'money', title: 'Amount' } } },
    });
    expect(def.form?.sections[0]?.fields).toEqual(['/lines']);
    expect(listFields(def).map((f) => [f.pointer, f.kind, f.depth])).toEqual([
      ['/lines', 'list', 0],
      ['/lines/amount', 'money', 1],
    ]);
  });
});

describe('the documents kind (issue 20)', () => {
  it('given a blank case type, when a documents field is added, then it is a documents array, reads back as documents and renders with the documents widget', () => {
    const def = addField(blank(), { parent: '', name: 'proofs', kind: 'documents', title: 'Proofs of purchase' });
    expect(def.data.properties?.proofs).toEqual({ type: 'array', title: 'Proofs of purchase', documents: true });
    expect(listFields(def).map((f) => [f.pointer, f.kind])).toEqual([['/proofs', 'documents']]);
    expect(changeKind(def, '/proofs', 'text').data.properties?.proofs).toEqual({ type: 'string', title: 'Proofs of purchase' });
  });
});

describe('kindOf', () => {
  it('reads every supported kind from its schema', () => {
    expect(
      [
        { type: 'string' },
        { type: 'number' },
        { type: 'number', format: 'money' },
        { type: 'integer' },
        { type: 'boolean' },
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
        { type: 'string', format: 'email' },
        { type: 'string', format: 'phone' },
        { type: 'string', enum: ['a'] },
        { type: 'object' },
        { type: 'array' },
      ].map((s) => kindOf(s as never)),
    ).toEqual(['text', 'number', 'money', 'integer', 'yesNo', 'date', 'dateTime', 'email', 'phone', 'choice', 'group', 'list']);
  });
});

describe('renameField', () => {
  it('given a field used in the form, a rule and required, when renamed, then every reference follows and key order is kept', () => {
    let def = addField(blank(), { parent: '', name: 'reason', kind: 'text', title: 'Reason' });
    def = addField(def, { parent: '', name: 'severity', kind: 'choice', title: 'Severity' });
    def = setRequired(def, '/reason', true);
    def = { ...def, rules: { triaged: { schema: { required: ['reason', 'severity'], properties: { reason: { minLength: 3 } } } } } };
    const next = renameField(def, '/reason', 'cause');
    expect(Object.keys(next.data.properties ?? {})).toEqual(['cause', 'severity']);
    expect(next.data.required).toEqual(['cause']);
    expect(next.form?.sections[0]?.fields).toEqual(['/cause', '/severity']);
    expect(next.rules?.triaged?.schema).toEqual({ required: ['cause', 'severity'], properties: { cause: { minLength: 3 } } });
  });

  it('given a nested field, when renamed, then only the nested rule properties change', () => {
    let def = addField(blank(), { parent: '', name: 'customer', kind: 'group', title: 'Customer' });
    def = addField(def, { parent: '/customer', name: 'mail', kind: 'email', title: 'E-mail' });
    def = { ...def, rules: { known: { schema: { properties: { customer: { required: ['mail'] } }, required: ['mail'] } } } };
    const next = renameField(def, '/customer/mail', 'email');
    expect(next.data.properties?.customer?.properties).toEqual({ email: { type: 'string', format: 'email', title: 'E-mail' } });
    expect(next.rules?.known?.schema).toEqual({ properties: { customer: { required: ['email'] } }, required: ['mail'] });
  });
});

describe('deleteField, moveField, updateField, changeKind, setFieldRef', () => {
  const two = (): CaseType => {
    let def = addField(blank(), { parent: '', name: 'a', kind: 'text', title: 'A' });
    def = addField(def, { parent: '', name: 'b', kind: 'integer', title: 'B' });
    return setRequired(def, '/a', true);
  };

  it('deletes a field with its form reference and required entry', () => {
    const next = deleteField(two(), '/a');
    expect(next.data).toEqual({ type: 'object', properties: { b: { type: 'integer', title: 'B' } } });
    expect(next.form?.sections[0]?.fields).toEqual(['/b']);
  });

  it('moves a field down, and the form follows', () => {
    const next = moveField(two(), '/a', 1);
    expect(Object.keys(next.data.properties ?? {})).toEqual(['b', 'a']);
    expect(next.form?.sections[0]?.fields).toEqual(['/b', '/a']);
    expect(moveField(next, '/a', 1)).toBe(next);
  });

  it('sets and clears constraints', () => {
    const withMax = updateField(two(), '/b', { minimum: 1, maximum: 5 });
    expect(withMax.data.properties?.b).toEqual({ type: 'integer', title: 'B', minimum: 1, maximum: 5 });
    expect(updateField(withMax, '/b', { maximum: undefined }).data.properties?.b).toEqual({ type: 'integer', title: 'B', minimum: 1 });
  });

  it('changes a text field to long text, adding the widget, and back, removing it', () => {
    const long = changeKind(two(), '/a', 'longText');
    expect(long.form?.sections[0]?.fields).toEqual([{ field: '/a', widget: 'textarea' }, '/b']);
    expect(changeKind(long, '/a', 'text').form?.sections[0]?.fields).toEqual(['/a', '/b']);
  });

  it('sets visibility on a field reference and collapses it back to a pointer when cleared', () => {
    const shown = setFieldRef(two(), '/b', { visibleWhen: 'triaged' });
    expect(shown.form?.sections[0]?.fields).toEqual(['/a', { field: '/b', visibleWhen: 'triaged' }]);
    expect(setFieldRef(shown, '/b', { visibleWhen: undefined }).form?.sections[0]?.fields).toEqual(['/a', '/b']);
  });
});

describe('sections', () => {
  it('adds a section, moves a field into it, and deleting it moves its fields back to the first section', () => {
    let def = addField(blank(), { parent: '', name: 'a', kind: 'text', title: 'A' });
    def = addSection(def, 'resolution', 'Resolution');
    def = moveFieldToSection(def, '/a', 'resolution');
    expect(def.form?.sections).toEqual([
      { id: 'details', title: 'Details', fields: [] },
      { id: 'resolution', title: 'Resolution', fields: ['/a'] },
    ]);
    expect(deleteSection(def, 'resolution').form?.sections).toEqual([{ id: 'details', title: 'Details', fields: ['/a'] }]);
  });
});
