// The complaint template as version 1 and a changed version 2, for the migration tests (issue 19):
// - a state split: "Resolution" (resolving) becomes two steps, "Write the resolution" (resolving.draft)
//   and "Check the resolution" (resolving.check);
// - a state removed: "Compensation approval" (approval) is gone, compensations above the mandate are
//   written off by the resolver;
// - a new required field: the customer's language (/language), default "en".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseType } from '../schemas/generated/case-type.ts';

export function complaintV1(): CaseType {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../templates/complaint.case.json'), 'utf8')) as CaseType;
}

export function complaintV2(): CaseType {
  const def = complaintV1();
  const data = def.data as { properties: Record<string, unknown>; required: string[] };
  data.properties['language'] = { type: 'string', title: 'Language', enum: ['en', 'nl'], default: 'en' };
  data.required = [...data.required, 'language'];
  const states = def.playbook.states;
  const resolving = states['resolving'];
  if (resolving === undefined) throw new Error('the complaint template has no resolving state');
  delete resolving.task;
  resolving.initial = 'draft';
  resolving.states = {
    draft: {
      title: 'Write the resolution',
      task: { title: 'Write the resolution', role: 'investigator', form: 'resolution' },
      on: { RESOLUTION_DRAFTED: { target: 'check' } },
    },
    check: {
      title: 'Check the resolution',
      task: { title: 'Check the resolution', role: 'investigator', form: 'resolution', due: 'PT8H', calendar: 'office' },
    },
  };
  // no approval step any more: every resolution goes out directly
  resolving.on = {
    ...resolving.on,
    PROPOSE_RESOLUTION: { target: 'survey', guard: 'resolutionWritten', actions: [{ type: 'notify', to: 'customer', template: 'resolution' }] },
  };
  delete states['approval'];
  def.events = { ...def.events, RESOLUTION_DRAFTED: { title: 'Resolution drafted', roles: ['investigator'] } };
  delete def.events['APPROVE_COMPENSATION'];
  delete def.events['REJECT_COMPENSATION'];
  delete def.rules?.['approved'];
  delete def.rules?.['withinMandate'];
  // the approval section went with its state
  const form = def.form as { sections: { id: string; visibleWhen?: unknown }[] };
  form.sections = form.sections.filter((s) => s.id !== 'approval');
  for (const section of form.sections) {
    if (section.id === 'resolution') section.visibleWhen = { in: ['resolving', 'survey', 'closed'] };
  }
  return def;
}

/** The data a new complaint starts with (the template's first sample, untriaged). */
export const complaintData = {
  customer: { name: 'Anna de Vries', email: 'anna.devries@example.com', customerNumber: 'C-104233' },
  channel: 'email',
  receivedAt: '2026-01-05T08:12:00Z',
  description: 'My bank statement shows two debits of EUR 49.95 for invoice 2025-12. I want one of them back.',
};

/** The events that bring a new complaint into each open state of version 1 (sent in order, an hour apart). */
export const complaintPaths: Record<string, { type: string; data?: Record<string, unknown> }[]> = {
  triage: [],
  collect: [{ type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } }],
  analyse: [
    { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } },
    { type: 'EVIDENCE_COLLECTED', data: { investigation: { evidence: [{ kind: 'invoice', summary: 'Debited twice.' }] } } },
  ],
  waitingForCustomer: [
    { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } },
    { type: 'ASK_CUSTOMER', data: { questionForCustomer: 'Which account was debited?' } },
  ],
  resolving: [
    { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } },
    { type: 'EVIDENCE_COLLECTED', data: { investigation: { evidence: [{ kind: 'invoice', summary: 'Debited twice.' }] } } },
    { type: 'SUBMIT_FINDINGS', data: { investigation: { rootCause: 'our-error', findings: 'Batch ran twice.' } } },
  ],
  approval: [
    { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } },
    { type: 'EVIDENCE_COLLECTED', data: { investigation: { evidence: [{ kind: 'invoice', summary: 'Debited twice.' }] } } },
    { type: 'SUBMIT_FINDINGS', data: { investigation: { rootCause: 'our-error', findings: 'Batch ran twice.' } } },
    { type: 'PROPOSE_RESOLUTION', data: { resolution: { outcome: 'upheld', summary: 'Refund and goodwill.', compensation: 750 } } },
  ],
  survey: [
    { type: 'SUBMIT_TRIAGE', data: { reason: 'billing', severity: 'medium' } },
    { type: 'EVIDENCE_COLLECTED', data: { investigation: { evidence: [{ kind: 'invoice', summary: 'Debited twice.' }] } } },
    { type: 'SUBMIT_FINDINGS', data: { investigation: { rootCause: 'our-error', findings: 'Batch ran twice.' } } },
    { type: 'PROPOSE_RESOLUTION', data: { resolution: { outcome: 'upheld', summary: 'Refund.', compensation: 49.95 } } },
  ],
};
