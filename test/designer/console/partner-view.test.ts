// The console of a partner's person offers only the shared fields: the form's sections and the events'
// fields cut to them, so no field they cannot see or send is shown as blank or editable.
import { describe, expect, it } from 'vitest';
import { partnerDefinition } from '../../../designer/src/console/partner-view.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';

const def = {
  key: 'outsourced',
  title: 'Outsourced',
  data: {
    type: 'object',
    properties: {
      subject: { type: 'string', shareable: true },
      secret: { type: 'string' },
      customer: { type: 'object', properties: { name: { type: 'string', shareable: true }, email: { type: 'string' } } },
    },
  },
  form: {
    sections: [
      { id: 'main', title: 'Main', fields: ['/subject', { field: '/secret' }, '/customer/name', '/customer/email'] },
      { id: 'internal', title: 'Internal', fields: ['/secret'] },
    ],
  },
  events: {
    NOTE: { title: 'Note', data: { type: 'object', required: ['subject', 'secret'], properties: { subject: { type: 'string' }, secret: { type: 'string' } } } },
    PLAIN: { title: 'Plain' },
  },
  playbook: { initial: 'open', states: { open: {} } },
} as unknown as CaseType;

describe('partnerDefinition', () => {
  it('keeps the shared fields in the form (a section of none goes) and in the events', () => {
    const cut = partnerDefinition(def);
    expect(cut.form?.sections).toEqual([{ id: 'main', title: 'Main', fields: ['/subject', '/customer/name'] }]);
    expect(cut.events?.NOTE?.data).toEqual({ type: 'object', required: ['subject'], properties: { subject: { type: 'string' } } });
    expect(cut.events?.PLAIN).toEqual({ title: 'Plain' });
    expect(cut.data).toBe(def.data);
  });
});
