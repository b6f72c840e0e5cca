import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { selectionForPointer, viewOf } from '../../../designer/src/model/problem-target.ts';

const complaint = JSON.parse(readFileSync(new URL('../../../templates/complaint.case.json', import.meta.url), 'utf8')) as CaseType;

describe('problems about SLAs and calendars', () => {
  it('go to the SLA or calendar they name, in the SLAs and calendars view; unknown names go to the JSON', () => {
    expect(selectionForPointer(complaint, '/slas/resolution/deadline')).toEqual({ type: 'sla', name: 'resolution' });
    expect(selectionForPointer(complaint, '/calendars/office/hours/fri/0')).toEqual({ type: 'calendar', name: 'office' });
    expect(viewOf({ type: 'sla', name: 'resolution' })).toBe('slas');
    expect(viewOf({ type: 'calendar', name: 'office' })).toBe('slas');
    expect(selectionForPointer(complaint, '/slas/nope/goal')).toEqual({ type: 'json', pointer: '/slas/nope/goal' });
  });
});
