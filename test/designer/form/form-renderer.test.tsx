import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldSchema, Form } from '../../../schemas/generated/case-type.ts';
import { FormRenderer } from '../../../designer/src/form/FormRenderer.tsx';
import { dataProblems } from '../../../runtime/engine/index.ts';
import { errorsByField } from '../../../designer/src/form/field-errors.ts';
import { getAt, setAt } from '../../../designer/src/form/data-path.ts';

const schema: FieldSchema = {
  type: 'object',
  required: ['email', 'severity'],
  properties: {
    email: { type: 'string', format: 'email', title: 'E-mail' },
    severity: { type: 'string', enum: ['low', 'high'], title: 'Severity' },
    amount: { type: 'number', format: 'money', title: 'Amount', maximum: 500 },
    customer: { type: 'object', title: 'Customer', properties: { phone: { type: 'string', format: 'phone', title: 'Phone' } } },
    lines: { type: 'array', title: 'Lines', items: { type: 'object', properties: { note: { type: 'string', title: 'Note' } } } },
  },
};
const form: Form = {
  sections: [
    { id: 'intake', title: 'Intake', fields: ['/email', { field: '/severity', widget: 'radio' }, '/customer', '/lines'] },
    { id: 'money', title: 'Money', visibleWhen: 'paid', fields: ['/amount'] },
  ],
};

describe("errorsByField over the engine's dataProblems", () => {
  it("names each field with its first problem, the server's check said without the pointer (the person reads it beside the field)", () => {
    expect(errorsByField(dataProblems(schema, { email: 'nope', amount: 600.5, customer: { phone: '12' } }))).toEqual({
      '/severity': 'Fill this in to continue.',
      '/email': 'Must be an e-mail address such as name@example.com',
      '/amount': 'Must be ≤ 500',
      '/customer/phone': 'Must be a phone number such as +31 20 123 4567',
    });
    expect(errorsByField(dataProblems(schema, { email: 'a@b.nl', severity: 'low', amount: 49.95 }))).toEqual({});
  });

  it('names other fields by the labeller a surface gives, and gives no problems for a schema that does not compile', () => {
    const anyOf = { type: 'object', properties: { email: { type: 'string' }, phone: { type: 'string' } }, anyOf: [{ required: ['email'] }, { required: ['phone'] }] } as unknown as FieldSchema;
    const label = (p: string) => ({ '/email': 'E-mail', '/phone': 'Phone' })[p] ?? p;
    expect(errorsByField(dataProblems(anyOf, {}), label)).toEqual({ '/email': 'Fill in E-mail or Phone.', '/phone': 'Fill in E-mail or Phone.' });
    expect(dataProblems({ type: 'nonsense' }, {})).toEqual([]);
  });
});

describe('data-path', () => {
  it('sets and removes values by pointer without touching the input', () => {
    const data = { customer: { phone: '123' } };
    expect(setAt({ lines: [{}, { note: 'b' }] }, '/lines/0/note', 'x')).toEqual({ lines: [{ note: 'x' }, { note: 'b' }] });
    expect(setAt(data, '/customer/phone', undefined)).toEqual({ customer: {} });
    expect(getAt({ lines: [{ note: 'n' }] }, '/lines/0/note')).toBe('n');
    expect(data).toEqual({ customer: { phone: '123' } });
  });
});

describe('FormRenderer', () => {
  it('draws sections, labels, errors, groups and repeating groups; hides a section whose guard fails', () => {
    const html = renderToStaticMarkup(
      <FormRenderer
        schema={schema}
        form={form}
        value={{ email: 'nope', lines: [{ note: 'first' }] }}
        onChange={() => undefined}
        errors={{ '/email': 'Enter an e-mail address such as name@example.com.' }}
        scope={{ holds: (g) => g !== 'paid' }}
        idPrefix="t"
      />,
    );
    expect(html).toContain('<h3 id="t-section-intake">Intake</h3>');
    expect(html).not.toContain('Money');
    expect(html).toContain('<label for="t-email">E-mail<span aria-hidden="true"> *</span></label>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="t-email-error" class="error" role="alert">Enter an e-mail address such as name@example.com.</p>');
    expect(html).toContain('<input type="radio" name="t-severity" value="high"');
    expect(html).toContain('<legend>Customer</legend>');
    expect(html).toContain('<label for="t-customer-phone">Phone</label>');
    expect(html).toContain('value="first"');
    expect(html).toContain('Remove Lines 1</button>');
    expect(html).toContain('Add Lines</button>');
  });

  it('without a form draws every top-level field in one section, read-only when asked', () => {
    const html = renderToStaticMarkup(<FormRenderer schema={schema} value={{}} onChange={() => undefined} readOnly idPrefix="r" />);
    expect(html).toContain('<h3 id="r-section-details">Details</h3>');
    expect(html).toContain('id="r-amount"');
    expect(html).not.toContain('Add Lines');
    // text, number and phone inputs stay focusable but read-only; a select cannot be, so it is disabled; all say aria-readonly
    expect((html.match(/readOnly=""/g) ?? []).length).toBe(3); // e-mail, amount, customer phone
    expect((html.match(/disabled=""/g) ?? []).length).toBe(1); // severity
    expect((html.match(/aria-readonly="true"/g) ?? []).length).toBe(4);
    expect(html).toContain('field-readonly');
    // the whole form read-only without a reason given: no reason under each field
    expect(html).not.toContain('readonly-reason');
  });

  it("says why a field is read-only: the guard that locked it, or the caller's words", () => {
    const locked: Form = { sections: [{ id: 'intake', title: 'Intake', fields: [{ field: '/email', readOnlyWhen: 'lockedRule' }, '/amount', '/customer'], readOnlyWhen: undefined }] };
    const plain = renderToStaticMarkup(<FormRenderer schema={schema} form={locked} value={{ email: 'a@b.nl' }} onChange={() => undefined} scope={{ holds: () => true }} idPrefix="g" />);
    expect(plain).toContain('<p id="g-email-readonly" class="readonly-reason">Read-only here.</p>');
    expect(plain).toMatch(/<input type="email" id="g-email" aria-describedby="g-email-readonly" aria-required="true" aria-readonly="true" readOnly=""/);
    expect(plain).toMatch(/<input type="number" id="g-amount"(?![^>]*readOnly)/);
    const own = renderToStaticMarkup(
      <FormRenderer
        schema={schema}
        form={{ sections: [{ id: 'intake', title: 'Intake', readOnlyWhen: 'closed', fields: ['/email', '/customer'] }] }}
        value={{}}
        onChange={() => undefined}
        scope={{ holds: () => true }}
        readOnlyReason={(pointer, cause) => `${pointer} locked by ${String(cause)}`}
        idPrefix="o"
      />,
    );
    expect(own).toContain('<p id="o-email-readonly" class="readonly-reason">/email locked by closed</p>');
    // a group says it once, its fields are read-only under it
    expect(own).toContain('<legend>Customer</legend><p id="o-customer-readonly" class="readonly-reason">/customer locked by closed</p>');
    expect(own).toMatch(/id="o-customer-phone"[^>]*aria-readonly="true" readOnly=""/);
  });
});
