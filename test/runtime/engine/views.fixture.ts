// A small complaint-like case type for the view tests (next events, checklist, form).
import type { CaseType } from '../../../schemas/generated/case-type.ts';

export const complaint: CaseType = {
  key: 'view-case',
  title: 'Complaint',
  data: {
    type: 'object',
    required: ['customer'],
    $defs: { email: { type: 'string', format: 'email', title: 'E-mail' } },
    properties: {
      customer: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: 'Name' }, email: { $ref: '#/$defs/email' } } },
      reason: { enum: ['billing', 'delivery'] },
      severity: { type: 'string' },
      description: { type: 'string', maxLength: 2000 },
      compensation: { type: 'number', format: 'money' },
      resolved: { type: 'boolean' },
      audit: { type: 'string', readOnly: true },
      items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'integer' } } } },
    },
  },
  rules: {
    triaged: { title: 'Triage complete', schema: { required: ['reason', 'severity'] } },
    contactable: { title: 'Customer can be reached', schema: { properties: { customer: { required: ['email'] } } } },
    resolutionWritten: { schema: { required: ['resolution'] } },
  },
  events: {
    SUBMIT_TRIAGE: { title: 'Submit triage', roles: ['intake-agent'] },
    RESOLVE: { title: 'Resolve' },
    WITHDRAW: {},
  },
  form: {
    sections: [
      { id: 'intake', title: 'Intake', fields: ['/customer/name', '/customer/email', { field: '/description', label: 'What happened' }, '/audit'] },
      {
        id: 'triage',
        visibleWhen: { in: ['triage', 'resolving'] },
        readOnlyWhen: { in: ['resolving'] },
        fields: ['/reason', '/severity', { field: '/compensation', visibleWhen: 'triaged', help: 'In euros' }],
      },
      { id: 'resolution', title: 'Resolution', visibleWhen: 'triaged', fields: ['/resolved', '/items', '/items/0/sku', '/unknown'] },
    ],
  },
  playbook: {
    initial: 'triage',
    states: {
      triage: {
        checklist: ['triaged', 'contactable'],
        on: { SUBMIT_TRIAGE: { target: 'resolving', guard: 'triaged' }, WITHDRAW: 'closed' },
      },
      resolving: { checklist: ['resolutionWritten', 'triaged'], on: { RESOLVE: { target: 'closed', guard: 'resolutionWritten' }, WITHDRAW: 'closed' } },
      closed: { type: 'final' },
    },
  },
};
