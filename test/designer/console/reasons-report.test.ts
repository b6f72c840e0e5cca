// The contact reasons report in words: the fields it counts by (choice fields, the reason first, by label),
// each row's value, share and channels in the reader's language, never JSON or channel codes.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { reasonFields, reasonRow } from '../../../designer/src/console/reasons-report.ts';
import { ENGLISH, wordsFor } from '../../../designer/src/i18n/index.ts';

const def = {
  key: 'complaint',
  title: 'Complaint',
  data: {
    type: 'object',
    properties: {
      severity: { type: 'string', title: 'Severity', enum: ['low', 'high'] },
      note: { type: 'string', title: 'Note' },
      reason: { type: 'string', title: 'Reason', enum: ['billing', 'delivery'] },
    },
  },
  playbook: { initial: 'open', states: { open: {} } },
} as CaseType;

describe('the contact reasons report', () => {
  it('counts by the choice fields, the reason first, named by their labels', () => {
    expect(reasonFields(def)).toEqual([
      { value: '/reason', label: 'Reason' },
      { value: '/severity', label: 'Severity' },
    ]);
  });

  it('says a row in the reader language: the value, the share as a percentage, the channels by name', () => {
    const item = { value: 'billing', count: 3, share: 0.375, channels: [{ channel: 'phone', count: 2 }, { channel: 'api', count: 1 }] };
    expect(reasonRow(item, ENGLISH)).toEqual({ value: 'billing', count: '3', share: '38%', channels: 'phone 2 · API (another system) 1' });
    expect(reasonRow({ ...item, value: null, channels: [{ channel: 'email', count: 3 }] }, wordsFor('nl'))).toEqual({ value: '(leeg)', count: '3', share: '38%', channels: 'e-mail 3' });
  });
});
