import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/index.ts';
import { defaultTimerId, describeDelay, listTimers, newTimerId, parseDuration, setTimerId, timerIdProblem } from '../../../designer/src/model/delays.ts';
import { updateState } from '../../../designer/src/model/states.ts';
import { applicationDef } from './every-construct-fixture.ts';

function withDelays(): CaseType {
  let def = applicationDef();
  def = updateState(def, 'review', { after: [{ id: 'review-delay', delay: 'P5D', calendar: 'office', target: 'closed' }, { delay: 'PT4H' }] });
  def.playbook.states.review = { ...def.playbook.states.review, on: { ...def.playbook.states.review?.on, 'timer.review.1': 'closed' } };
  return def;
}

describe('delays', () => {
  it('parseDuration reads the parts of an ISO duration', () => {
    expect(parseDuration('P1W2DT3H4M5S')).toEqual({ weeks: 1, days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect([parseDuration('P'), parseDuration('PT'), parseDuration('5 days')]).toEqual([null, null, null]);
  });

  it('describeDelay: with a calendar, working days and hours in that calendar; without, calendar days and hours', () => {
    const def = applicationDef();
    expect(describeDelay(def, { delay: 'P5D', calendar: 'office' })).toBe('5 working days in the Office calendar');
    expect(describeDelay(def, { delay: 'P5D' })).toBe('5 calendar days');
    expect(describeDelay(def, { delay: 'P1DT4H', calendar: 'office' })).toBe('1 working day and 4 working hours in the Office calendar');
    expect(describeDelay(def, { delay: 'P2WT30M' })).toBe('2 weeks and 30 minutes');
    expect(describeDelay(def, { delay: 'PT1H', calendar: 'gone' })).toBe('1 working hour in the gone calendar (which does not exist)');
    expect(describeDelay(def, { delay: 'soon' })).toBe('not a duration yet: write it as P5D (5 days) or PT4H (4 hours)');
  });

  it('lists timers with their effective ids; a new one gets a fresh explicit id', () => {
    const def = withDelays();
    expect(listTimers(def)).toEqual([
      { state: 'review', index: 0, id: 'review-delay', explicit: true },
      { state: 'review', index: 1, id: defaultTimerId('review', 1), explicit: false },
    ]);
    expect(newTimerId(def, 'review')).toBe('review-delay-2');
    expect(newTimerId(def, 'intake')).toBe('intake-delay');
  });

  it('timerIdProblem refuses a bad format and a taken id, not the delay\'s own', () => {
    const def = withDelays();
    expect(timerIdProblem(def, 'review', 1, 'review-delay')).toBe('There is a timer review-delay already: timer ids are unique.');
    expect(timerIdProblem(def, 'review', 0, 'review-delay')).toBeNull();
    expect(timerIdProblem(def, 'review', 1, '1st')).toMatch(/^A timer id starts with a letter/);
  });

  it('setTimerId writes the id first and moves transitions on the old timer event to the new one', () => {
    const def = setTimerId(withDelays(), 'review', 1, 'reminder');
    const review = def.playbook.states.review;
    expect(review?.after?.[1]).toEqual({ id: 'reminder', delay: 'PT4H' });
    expect(Object.keys(review?.on ?? {})).toEqual(['CLOSE', 'timer.reminder']);
    expect(validateCaseType(def).filter((p) => p.severity === 'error')).toEqual([]);
    const back = setTimerId(def, 'review', 1, '');
    expect(back.playbook.states.review?.after?.[1]).toEqual({ delay: 'PT4H' });
    expect(Object.keys(back.playbook.states.review?.on ?? {})).toEqual(['CLOSE', 'timer.review.1']);
  });
});
