// The stage form and event payload forms of the worker console, on the complaint template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { NextEvent } from '../../../runtime/engine/index.ts';
import { carriedKeys, intakeForm, NOT_CARRIED, payloadForm, readOnlyReason, stageForm, stageScope, strandedChanges } from '../../../designer/src/console/stage-form.ts';

const complaint = JSON.parse(readFileSync(join(import.meta.dirname, '../../../templates/complaint.case.json'), 'utf8')) as CaseType;
const next = (type: string, over: Partial<NextEvent> = {}): NextEvent => ({ type, title: type, available: true, enabled: true, allowed: true, problems: [], target: null, ...over });

describe('carriedKeys', () => {
  it('collects the top-level fields of the events the agent may send now', () => {
    expect([...carriedKeys(complaint, [next('SUBMIT_TRIAGE'), next('WITHDRAW'), next('ASK_CUSTOMER', { allowed: false }), next('SUBMIT_FINDINGS', { available: false })])]).toEqual(['reason', 'severity', 'subject']);
  });
});

describe('stageForm', () => {
  it("puts the task's section first and makes fields no allowed event carries read-only", () => {
    const form = stageForm(complaint, 'triage', new Set(['reason', 'severity', 'subject']));
    expect(form.sections.map((s) => s.id)).toEqual(['triage', 'intake', 'investigation', 'resolution', 'approval', 'survey']);
    const intake = form.sections[1]?.fields ?? [];
    expect(intake[0]).toEqual({ field: '/customer/name', readOnlyWhen: NOT_CARRIED });
    expect(intake.find((f) => typeof f !== 'string' && f.field === '/subject')).toEqual({ field: '/subject' });
    expect(form.sections[0]?.fields[0]).toEqual({ field: '/reason', widget: 'select' });
  });
});

describe('payloadForm', () => {
  it("draws the event's fields with the form's widgets and labels, without visibility conditions", () => {
    expect(payloadForm(complaint, 'PROPOSE_RESOLUTION', 'Send the resolution')).toEqual({
      sections: [
        {
          id: 'payload',
          title: 'Send the resolution',
          fields: [
            { field: '/resolution/outcome', widget: 'radio' },
            { field: '/resolution/summary', widget: 'textarea' },
            { field: '/resolution/compensation', widget: 'money', help: 'Above EUR 500 a supervisor must approve.' },
          ],
        },
      ],
    });
    expect(payloadForm(complaint, 'CUSTOMER_REPLIED', 'Reply').sections[0]?.fields).toEqual([{ field: '/customerReply', widget: 'textarea' }]);
  });
});

describe('stageScope', () => {
  it("evaluates rules and states with the engine, on the agent's working copy", () => {
    const typed = stageScope(complaint, 'triage', { reason: 'billing', severity: 'low' }).holds;
    const empty = stageScope(complaint, 'triage', {}).holds;
    expect([typed('triaged'), empty('triaged')]).toEqual([true, false]);
    expect([typed({ in: ['triage'] }), typed({ in: ['closed'] })]).toEqual([true, false]);
    expect(typed(NOT_CARRIED)).toBe(true);
  });
});

describe('intakeForm', () => {
  it("is the form's first section", () => {
    expect(intakeForm(complaint).sections.map((s) => s.id)).toEqual(['intake']);
  });

  it('adds the required top-level fields the first section lacks', () => {
    const def: CaseType = { ...complaint, data: { ...complaint.data, required: ['customer', 'channel', 'description', 'reason'] } };
    expect(intakeForm(def).sections.map((s) => [s.id, s.title, s.id === 'intake' ? null : s.fields])).toEqual([
      ['intake', 'Intake', null],
      ['also-required', 'Also required', ['/reason']],
    ]);
  });
});

describe('readOnlyReason', () => {
  it('says why a stage-form field cannot be edited, in the words of the work', () => {
    // an event carries it, but none the agent may send now
    expect(readOnlyReason(complaint, '/reason', NOT_CARRIED)).toBe('Not editable in this stage.');
    expect(readOnlyReason(complaint, '/resolution/outcome', NOT_CARRIED)).toBe('Not editable in this stage.');
    // no event carries it: typed on the intake form, or set by the case itself (closureReason, by an action)
    expect(readOnlyReason(complaint, '/customer/name', NOT_CARRIED)).toBe('Set when the case was opened.');
    expect(readOnlyReason(complaint, '/closureReason', NOT_CARRIED)).toBe('Set by the system.');
    // a readOnlyWhen of the definition
    expect(readOnlyReason(complaint, '/reason', 'triaged')).toBe("Locked by the case type's rules at this point.");
  });
});

describe('strandedChanges', () => {
  it('names the typed fields no event the agent may send now carries', () => {
    const current = { reason: 'billing', severity: 'medium' };
    const working = { reason: 'delivery', severity: 'medium', subject: 'Lost parcel', investigation: { findings: 'x' } };
    // after triage: only the investigation's events are open
    expect(strandedChanges(complaint, [next('SUBMIT_FINDINGS')], current, working)).toEqual(['/reason', '/subject']);
    // in triage, reason and subject can still be sent; the investigation cannot
    expect(strandedChanges(complaint, [next('SUBMIT_TRIAGE')], current, working)).toEqual(['/investigation']);
    expect(strandedChanges(complaint, [next('SUBMIT_TRIAGE')], current, current)).toEqual([]);
  });
});
