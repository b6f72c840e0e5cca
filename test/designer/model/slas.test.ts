import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addCalendar } from '../../../designer/src/model/calendars.ts';
import {
  addSla, dateTimeFields, deleteSla, renameSla, setConditionPart, setConditionRule, setPassedDeadline, setRungActions, setSlaValue,
} from '../../../designer/src/model/slas.ts';
import { previewSla } from '../../../designer/src/model/sla-preview.ts';

const complaint = JSON.parse(readFileSync(new URL('../../../templates/complaint.case.json', import.meta.url), 'utf8')) as CaseType;

describe('SLA edits', () => {
  it('given a calendar, when an SLA is added, then it starts on case.created with an 8-hour deadline in that calendar', () => {
    const d = addSla(addCalendar(createBlankCaseType('claim', 'Claim'), 'office', 'Europe/Amsterdam'), 'firstResponse', 'First response');
    expect(d.slas).toEqual({ firstResponse: { title: 'First response', start: { event: ['case.created'] }, deadline: 'PT8H', calendar: 'office' } });
    expect(addSla(d, 'firstResponse', 'Other')).toBe(d);
  });

  it('sets and clears condition parts; an optional condition left empty goes, start stays', () => {
    let d = addSla(createBlankCaseType('claim', 'Claim'), 'r', 'R');
    d = setConditionPart(d, 'r', 'pause', 'in', ['waiting']);
    d = setConditionRule(d, 'r', 'pause', 'triaged');
    d = setConditionPart(d, 'r', 'stop', 'enter', ['closed', 'done']);
    expect(d.slas?.r).toEqual({ title: 'R', start: { event: ['case.created'] }, deadline: 'PT8H', pause: { in: ['waiting'], rule: 'triaged' }, stop: { enter: ['closed', 'done'] } });
    d = setConditionPart(setConditionRule(d, 'r', 'pause', ''), 'r', 'pause', 'in', []);
    d = setConditionPart(d, 'r', 'start', 'event', []);
    expect(d.slas?.r).toEqual({ title: 'R', start: {}, deadline: 'PT8H', stop: { enter: ['closed', 'done'] } });
  });

  it('sets the ladder, the repeat and rung actions; empty values are removed', () => {
    let d = addSla(createBlankCaseType('claim', 'Claim'), 'r', 'R');
    d = setSlaValue(setSlaValue(setSlaValue(d, 'r', 'goal', 'PT4H'), 'r', 'warnAt', '50%'), 'r', 'startFrom', '/receivedAt');
    d = setPassedDeadline(d, 'r', 'P1D', 3);
    d = setRungActions(d, 'r', 'onBreach', [{ type: 'priority', value: 'urgent' }]);
    expect(d.slas?.r).toEqual({
      title: 'R', start: { event: ['case.created'] }, deadline: 'PT8H', goal: 'PT4H', warnAt: '50%', startFrom: '/receivedAt',
      passedDeadline: { every: 'P1D', times: 3 }, onBreach: [{ type: 'priority', value: 'urgent' }],
    });
    d = setPassedDeadline(setSlaValue(setSlaValue(d, 'r', 'goal', ''), 'r', 'deadline', ''), 'r', 'P1D', null);
    d = setRungActions(d, 'r', 'onBreach', []);
    expect(d.slas?.r).toEqual({ title: 'R', start: { event: ['case.created'] }, deadline: '', warnAt: '50%', startFrom: '/receivedAt', passedDeadline: { every: 'P1D' } });
  });

  it('renames in place and deletes; the last SLA takes the key with it', () => {
    let d = addSla(addSla(createBlankCaseType('claim', 'Claim'), 'a', 'A'), 'b', 'B');
    d = renameSla(d, 'a', 'c');
    expect(Object.keys(d.slas ?? {})).toEqual(['c', 'b']);
    expect(renameSla(d, 'c', 'b')).toBe(d);
    expect(deleteSla(deleteSla(d, 'c'), 'b').slas).toBeUndefined();
  });

  it('a rename follows the SLA events the playbook handles and other SLAs start on', () => {
    let d: CaseType = addSla(addSla(createBlankCaseType('claim', 'Claim'), 'first', 'First'), 'second', 'Second');
    d = setConditionPart(d, 'second', 'start', 'event', ['sla.first.breached', 'case.created']);
    d = { ...d, playbook: { initial: 'open', on: { 'sla.first.warning': { actions: [{ type: 'priority', value: 'high' }] } }, states: { open: { on: { 'sla.first.breached': 'late', 'sla.firsts.breached': 'late' } }, late: { type: 'final' } } } };
    d = renameSla(d, 'first', 'response');
    expect(Object.keys(d.slas ?? {})).toEqual(['response', 'second']);
    expect(d.slas?.second?.start).toEqual({ event: ['sla.response.breached', 'case.created'] });
    expect(Object.keys(d.playbook.on ?? {})).toEqual(['sla.response.warning']);
    expect(d.playbook.states.open?.on).toEqual({ 'sla.response.breached': 'late', 'sla.firsts.breached': 'late' });
  });

  it('lists date-time fields, nested ones included, as startFrom candidates', () => {
    expect(dateTimeFields(complaint)).toEqual(['/receivedAt']);
  });
});

describe('SLA preview', () => {
  it('given first response (PT3H/PT4H/PT8H in office), when the clock starts Friday 16:00 Amsterdam, then the rungs fall on Monday', () => {
    expect(previewSla(complaint, 'firstResponse', '2026-01-09T15:00:00.000Z')).toEqual({
      ok: true,
      zone: 'Europe/Amsterdam',
      rows: [
        { rung: 'warning', label: 'Warning', at: '2026-01-12T10:00:00.000Z', local: 'Mon 12 Jan 2026 11:00', explanation: "PT3H from Fri 16:00 in 'office' is Mon 11:00" },
        { rung: 'goal', label: 'Goal', at: '2026-01-12T11:00:00.000Z', local: 'Mon 12 Jan 2026 12:00', explanation: "PT4H from Fri 16:00 in 'office' is Mon 12:00" },
        { rung: 'deadline', label: 'Deadline', at: '2026-01-12T15:00:00.000Z', local: 'Mon 12 Jan 2026 16:00', explanation: "PT8H from Fri 16:00 in 'office' is Mon 16:00" },
      ],
    });
  });

  it('shows working days, the repeats after the deadline, and a default 75 % warning (in business time: over the Friday lunch break)', () => {
    const r = previewSla(complaint, 'resolution', '2026-01-09T15:00:00.000Z');
    expect(r.ok && r.rows.map((x) => [x.label, x.local, x.explanation])).toEqual([
      ['Warning', 'Tue 13 Jan 2026 16:00', "P2D from Fri 16:00 in 'office' is Tue 16:00"],
      ['Goal', 'Wed 14 Jan 2026 16:00', "P3D from Fri 16:00 in 'office' is Wed 16:00"],
      ['Deadline', 'Fri 16 Jan 2026 16:00', "P5D from Fri 9 Jan 16:00 in 'office' is Fri 16 Jan 16:00"],
      ['Past the deadline, repeat 1', 'Mon 19 Jan 2026 16:00', "P1D from Fri 16:00 in 'office' is Mon 16:00"],
      ['Past the deadline, repeat 2', 'Tue 20 Jan 2026 16:00', "P1D from Mon 16:00 in 'office' is Tue 16:00"],
      ['Past the deadline, repeat 3', 'Wed 21 Jan 2026 16:00', "P1D from Tue 16:00 in 'office' is Wed 16:00"],
    ]);
    const noWarn = setSlaValue(complaint, 'firstResponse', 'warnAt', '');
    const w = previewSla(noWarn, 'firstResponse', '2026-01-09T09:00:00.000Z');
    expect(w.ok && w.rows[0]).toEqual({
      rung: 'warning', label: 'Warning', at: '2026-01-09T13:00:00.000Z', local: 'Fri 9 Jan 2026 14:00',
      explanation: '75% of the goal PT4H in business time, from Fri 10:00 (the default)',
    });
  });

  it('says what is wrong instead of throwing: an unknown calendar, a bad duration', () => {
    expect(previewSla(setSlaValue(complaint, 'firstResponse', 'calendar', 'nope'), 'firstResponse', '2026-01-09T15:00:00.000Z')).toEqual({
      ok: false, message: "Calendar 'nope' does not exist: pick one in the list or add it under Calendars.",
    });
    const bad = previewSla(setSlaValue(complaint, 'firstResponse', 'deadline', 'soon'), 'firstResponse', '2026-01-09T15:00:00.000Z');
    expect(bad.ok).toBe(false);
  });
});
