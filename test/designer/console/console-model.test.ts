// The worker console's pure helpers: labels, SLA badges, inbox order, revision diffs, keeping what the
// agent typed on a newer revision, event payloads, history lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { SlaView } from '../../../runtime/engine/index.ts';
import { dataChanges, earlierVersions, entryVersions, mostUrgentSla, payloadFor, rebase, slaBadge, sortRows, stateLabel } from '../../../designer/src/console/console-model.ts';
import { changeLines, patchLines, show } from '../../../designer/src/model/change-words.ts';
import { fieldLabel } from '../../../designer/src/model/field-label.ts';

const complaint = JSON.parse(readFileSync(join(import.meta.dirname, '../../../templates/complaint.case.json'), 'utf8')) as CaseType;

function sla(over: Partial<SlaView>): SlaView {
  return {
    id: 'firstResponse#1', name: 'firstResponse', title: 'First response', status: 'running', urgency: 0,
    startedAt: '2026-01-05T09:00:00.000Z', closedAt: null, warnAt: '', goalAt: null, deadlineAt: '', nextRung: null, nextAt: null,
    elapsedMs: 0, remainingMs: 0, pausedMs: 0, text: '', ...over,
  };
}

describe('labels', () => {
  it('names states by their titles, nested ones joined', () => {
    expect(stateLabel({ investigating: 'collect' }, complaint)).toBe('Investigation › Collect the facts');
    expect(stateLabel('triage', complaint)).toBe('Triage');
    expect(stateLabel({ investigating: 'collect' })).toBe('Investigating › Collect');
  });

  it('names fields by their schema titles, list items by number', () => {
    expect(fieldLabel(complaint, '/customer/email')).toBe('Customer › E-mail');
    expect(fieldLabel(complaint, '/investigation/evidence/0/kind')).toBe('Investigation › Evidence › #1 › Kind');
    expect(fieldLabel(complaint, '/unknown')).toBe('unknown');
    expect(fieldLabel(null, '/reason')).toBe('/reason');
  });
});

describe('SLA badges', () => {
  it('says the business time left, or how long ago it was breached', () => {
    expect(slaBadge(sla({ remainingMs: 3 * 3600_000 + 30 * 60_000 }))).toEqual({ kind: 'running', label: 'First response: 3 h 30 min left' });
    expect(slaBadge(sla({ status: 'warning', remainingMs: 45 * 60_000 }))).toEqual({ kind: 'warning', label: 'First response: due soon, 45 min left' });
    expect(slaBadge(sla({ status: 'missed-goal', remainingMs: 60 * 60_000 }))).toEqual({ kind: 'warning', label: 'First response: goal missed, 1 h left' });
    expect(slaBadge(sla({ status: 'breached', remainingMs: -2 * 3600_000 }))).toEqual({ kind: 'breached', label: 'First response: breached 2 h ago' });
    expect(slaBadge(sla({ status: 'paused', remainingMs: 3600_000 }))).toEqual({ kind: 'paused', label: 'First response: paused, 1 h left' });
    expect(slaBadge(sla({ status: 'met-late', closedAt: '2026-01-05T18:00:00.000Z' }))).toEqual({ kind: 'closed', label: 'First response: met late' });
  });

  it('picks the open SLA that falls due first', () => {
    const a = sla({ id: 'a', remainingMs: 500 });
    const b = sla({ id: 'b', remainingMs: 100 });
    const closed = sla({ id: 'c', remainingMs: -5, closedAt: '2026-01-05T10:00:00.000Z' });
    expect(mostUrgentSla([a, b, closed])?.id).toBe('b');
    expect(mostUrgentSla([closed])).toBe(null);
  });
});

describe('sortRows', () => {
  const rows = [
    { caseId: 'a', createdAt: '2026-01-05T09:00:00Z', priority: 'low', slas: [sla({ remainingMs: 50 })] },
    { caseId: 'b', createdAt: '2026-01-05T08:00:00Z', priority: 'urgent', slas: [] },
    { caseId: 'c', createdAt: '2026-01-05T10:00:00Z', priority: 'high', slas: [sla({ remainingMs: -10 })] },
  ];
  it('orders by SLA due (none last), by priority, or oldest first', () => {
    expect(sortRows(rows, 'sla').map((r) => r.caseId)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'priority').map((r) => r.caseId)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'age').map((r) => r.caseId)).toEqual(['b', 'a', 'c']);
  });
});

describe('conflicts', () => {
  const base = { customer: { name: 'Ada' }, description: 'Billed twice.' };
  it('lists what changed between two revisions by field', () => {
    expect(dataChanges(base, { ...base, reason: 'billing', customer: { name: 'Ada L.' } })).toEqual([
      { pointer: '/customer/name', before: 'Ada', after: 'Ada L.' },
      { pointer: '/reason', before: undefined, after: 'billing' },
    ]);
  });

  it("keeps every field the agent typed on top of the newer revision, and names the overlaps", () => {
    const mine = { ...base, reason: 'delivery', subject: 'Lost parcel' };
    const newer = { ...base, reason: 'billing', severity: 'medium' };
    expect(rebase(base, mine, newer)).toEqual({
      data: { ...base, reason: 'delivery', severity: 'medium', subject: 'Lost parcel' },
      theirs: [
        { pointer: '/reason', before: undefined, after: 'billing' },
        { pointer: '/severity', before: undefined, after: 'medium' },
      ],
      overlaps: ['/reason'],
    });
  });

  it('keeps a field the agent cleared as cleared', () => {
    const mine = { customer: { name: 'Ada' } };
    expect(rebase(base, mine, { ...base, reason: 'billing' }).data).toEqual({ customer: { name: 'Ada' }, reason: 'billing' });
  });
});

describe('payloadFor', () => {
  it("sends the event's top-level fields the agent changed, and nothing for an event without data", () => {
    const current = { customer: { name: 'Ada' }, reason: 'billing' };
    const working = { ...current, severity: 'low', subject: 'Twice', description: 'changed but not carried' };
    expect(payloadFor(complaint, 'SUBMIT_TRIAGE', current, working)).toEqual({ severity: 'low', subject: 'Twice' });
    expect(payloadFor(complaint, 'WITHDRAW', current, working)).toBe(undefined);
  });
});

describe('patchLines', () => {
  it('spreads objects into their fields and words each operation', () => {
    const label = (p: string) => fieldLabel(complaint, p);
    expect(patchLines({ op: 'add', path: '/survey', value: { score: 4, comment: 'Fine' } }, label)).toEqual([
      'Satisfaction survey › Score (1-5): 4',
      'Satisfaction survey › Comment: Fine',
    ]);
    expect(patchLines({ op: 'replace', path: '/reason', value: 'billing' }, label)).toEqual(['Reason → billing']);
    expect(patchLines({ op: 'remove', path: '/severity' }, label)).toEqual(['Severity removed']);
  });
});

describe('values and changes for people, never as JSON', () => {
  it('shows plain values as they are, lists joined, groups and lists of groups by their size', () => {
    expect(show('billing')).toBe('billing');
    expect(show(true)).toBe('yes');
    expect(show(['a', 'b'])).toBe('a, b');
    expect(show([{ kind: 'x' }, { kind: 'y' }])).toBe('2 entries');
    expect(show({ name: 'Ann' })).toBe('1 field');
    expect(show(undefined)).toBe('(empty)');
  });

  it('spreads a changed group into the labelled fields that changed', () => {
    const label = (p: string) => fieldLabel(complaint, p);
    expect(changeLines('/customer', { name: 'Ann', email: 'a@b.nl' }, { name: 'Ann', email: 'c@d.nl', phone: '0612345678' }, label)).toEqual([
      'Customer › E-mail: a@b.nl → c@d.nl',
      'Customer › Phone: (empty) → 0612345678',
    ]);
    for (const line of changeLines('/customer', undefined, { name: 'Ann' }, label)) expect(line).not.toMatch(/[{}"]/);
  });
});

describe('the versions a history was written under (issue 19)', () => {
  const entry = (type: string, data?: Record<string, unknown>) => ({ event: data === undefined ? { type } : { type, data } });
  it('is the current version, but before a migration the version the case left', () => {
    const items = [
      entry('case.created'),
      entry('SUBMIT_TRIAGE'),
      entry('case.migrated', { plan: 'p', fromVersion: 1, toVersion: 2 }),
      entry('SUBMIT_FINDINGS'),
      entry('case.migrated', { plan: 'q', fromVersion: 2, toVersion: 4 }),
      entry('APPROVE'),
    ];
    expect(entryVersions(items, 4)).toEqual([
      { from: 1, to: 1 },
      { from: 1, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 2 },
      { from: 2, to: 4 },
      { from: 4, to: 4 },
    ]);
    expect(earlierVersions(items, 4)).toEqual([1, 2]);
    expect(earlierVersions([entry('case.created')], 3)).toEqual([]);
  });
});
