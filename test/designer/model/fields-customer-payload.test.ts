// Customer identifiers, per-event payload rules and the "open a child case" rows.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import { childFieldText, childPointer, copyRows, dataRows, withCopyRows, withDataRows, type CreateCaseAction } from '../../../designer/src/model/create-case.ts';
import { customerFieldCandidates, setCustomerKey, setCustomerName } from '../../../designer/src/model/customer.ts';
import { payloadRules, setCarried, setPayloadBound, setPayloadChoices, setPayloadRequired } from '../../../designer/src/model/events.ts';
import { addField, updateField } from '../../../designer/src/model/fields.ts';
import { updateTransition } from '../../../designer/src/model/transitions.ts';
import { applicationDef } from './every-construct-fixture.ts';

const errors = (def: Parameters<typeof validateCaseType>[0]) => validateCaseType(def).filter((p) => p.severity === 'error');

describe('customer identifiers', () => {
  it('candidates are single values outside repeating groups: not yes/no, groups or lists', () => {
    let def = addField(applicationDef(), { parent: '', name: 'lines', kind: 'list', title: 'Lines' });
    def = addField(def, { parent: '/lines', name: 'sku', kind: 'text', title: 'SKU' });
    expect(customerFieldCandidates(def).map((f) => f.pointer)).toEqual(['/email', '/amount', '/severity']);
  });

  it('keys are added and removed; no keys left removes customer; the name needs a key', () => {
    const base = applicationDef();
    expect(setCustomerName(base, '/email')).toBe(base);
    let def = setCustomerKey(base, '/email', true);
    def = setCustomerKey(def, '/amount', true);
    def = setCustomerName(def, '/email');
    expect(def.customer).toEqual({ keys: ['/email', '/amount'], name: '/email' });
    expect(errors(def)).toEqual([]);
    def = setCustomerKey(def, '/amount', false);
    expect(setCustomerName(def, undefined).customer).toEqual({ keys: ['/email'] });
    expect(setCustomerKey(def, '/email', false)).not.toHaveProperty('customer');
  });
});

describe('per-event payload rules', () => {
  it('a carried field may be required, bounded, and limited to some of its choices; the result is valid', () => {
    let def = updateField(applicationDef(), '/severity', { default: 'low' });
    def = setCarried(def, 'SUBMIT', 'amount', true);
    def = setCarried(def, 'SUBMIT', 'severity', true);
    def = setPayloadRequired(def, 'SUBMIT', 'severity', true);
    def = setPayloadRequired(def, 'SUBMIT', 'amount', true);
    def = setPayloadBound(def, 'SUBMIT', 'amount', 'minimum', 1);
    def = setPayloadBound(def, 'SUBMIT', 'amount', 'maximum', 1000);
    def = setPayloadChoices(def, 'SUBMIT', 'severity', ['medium', 'low']);
    expect(def.events?.SUBMIT?.data).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { amount: { type: 'number', title: 'Amount', minimum: 1, maximum: 1000 }, severity: { type: 'string', title: 'Severity', enum: ['low', 'medium'] } },
      required: ['amount', 'severity'],
    });
    expect(payloadRules(def, 'SUBMIT', 'amount')).toEqual({ required: true, minimum: 1, maximum: 1000 });
    expect(payloadRules(def, 'SUBMIT', 'severity')).toEqual({ required: true, choices: ['low', 'medium'] });
    expect(errors(def)).toEqual([]);
  });

  it('no empty choice subset; a bound removed; a field no longer carried leaves required', () => {
    let def = setCarried(applicationDef(), 'SUBMIT', 'severity', true);
    expect(setPayloadChoices(def, 'SUBMIT', 'severity', [])).toBe(def);
    expect(setPayloadRequired(def, 'SUBMIT', 'amount', true)).toBe(def);
    def = setCarried(def, 'SUBMIT', 'amount', true);
    def = setPayloadRequired(def, 'SUBMIT', 'amount', true);
    def = setPayloadBound(setPayloadBound(def, 'SUBMIT', 'amount', 'minimum', 5), 'SUBMIT', 'amount', 'minimum', undefined);
    expect(payloadRules(def, 'SUBMIT', 'amount')).toEqual({ required: true });
    def = setCarried(def, 'SUBMIT', 'amount', false);
    expect(def.events?.SUBMIT?.data).toEqual({ type: 'object', additionalProperties: false, properties: { severity: { type: 'string', title: 'Severity', enum: ['low', 'medium', 'high'] } } });
  });
});

describe('open a child case: copied fields and constant data', () => {
  const action: CreateCaseAction = { type: 'createCase', caseType: 'complaint', link: 'child' };

  it('childPointer reads "customer/email" and "/customer/email"; refuses empty parts', () => {
    expect([childPointer('customer/email'), childPointer('/channel'), childPointer(''), childPointer('a//b')]).toEqual(['/customer/email', '/channel', null, null]);
    expect(childFieldText('/customer/email')).toBe('customer/email');
  });

  it('copy rows and data rows round-trip, data written as nested objects', () => {
    let a = withCopyRows(action, [{ child: '/customer/email', from: '/email' }, { child: '', from: '/amount' }]);
    a = withDataRows(a, [{ child: '/channel', value: 'web' }, { child: '/meta/priority', value: 2 }, { child: '/meta/urgent', value: true }]);
    expect(a).toEqual({ type: 'createCase', caseType: 'complaint', link: 'child', copy: { '/customer/email': '/email' }, data: { channel: 'web', meta: { priority: 2, urgent: true } } });
    expect(copyRows(a)).toEqual([{ child: '/customer/email', from: '/email' }]);
    expect(dataRows(a)).toEqual([{ child: '/channel', value: 'web' }, { child: '/meta/priority', value: 2 }, { child: '/meta/urgent', value: true }]);
    expect(withDataRows(withCopyRows(a, []), [])).toEqual(action);
    const def = updateTransition(applicationDef(), { source: 'review', event: 'CLOSE', index: 0 }, { actions: [a as Action] });
    expect(errors(def)).toEqual([]);
  });
});
