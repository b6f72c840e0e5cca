import { describe, expect, it } from 'vitest';
import { durationInWords, labelBox, labelRoom, LABEL_MAX_SCALE, transitionLabel, wrapLabel } from '../../../designer/src/canvas/edge-labels.ts';
import { debtCollectionPlaybook } from './debt-collection-playbook.ts';

describe('edge labels in words', () => {
  const def = debtCollectionPlaybook();

  it('shows the event title and the guard rule titles, never the codes', () => {
    expect(transitionLabel(def, 'SEND_REMINDER', 'debtorVerified')).toBe('Send reminder [Debtor verified]');
    expect(transitionLabel(def, 'AGREE', { all: ['arrangementComplete', { not: 'paidInFull' }] })).toBe('Agree [Arrangement complete and not Paid in full]');
    expect(transitionLabel(def, 'CLOSE', { in: ['legal', 'settled'] })).toBe('Close [in Legal or Settled]');
  });

  it('falls back to the event name or rule name when there is no title, as a state shows its key', () => {
    expect(transitionLabel(def, 'UNDECLARED_EVENT', 'noSuchRule')).toBe('UNDECLARED_EVENT [noSuchRule]');
    expect(transitionLabel(def, 'always', undefined)).toBe('automatically');
  });

  it('writes delays in words, working time when a calendar counts it', () => {
    expect(transitionLabel(def, { after: 'P14D' }, undefined)).toBe('after 14 days');
    expect(transitionLabel(def, { after: 'PT8H', calendar: 'office' }, undefined)).toBe('after 8 working hours');
    expect(durationInWords('P1DT4H')).toBe('1 day 4 hours');
    expect(durationInWords('P2W')).toBe('2 weeks');
    expect(durationInWords('PT30M')).toBe('30 minutes');
    expect(durationInWords('nonsense')).toBe('nonsense');
  });

  it('wraps long labels at spaces, 24 characters a line', () => {
    expect(wrapLabel('Propose arrangement [Arrangement complete]')).toEqual(['Propose arrangement', '[Arrangement complete]']);
    expect(wrapLabel('Close')).toEqual(['Close']);
    expect(wrapLabel('')).toEqual(['']);
  });

  it('sizes a label box by its lines, and keeps room in the layout for its largest size', () => {
    const one = labelBox('Close');
    const two = labelBox('Propose arrangement [Arrangement complete]');
    expect(one.lines).toHaveLength(1);
    expect(two.height).toBeGreaterThan(one.height);
    expect(labelRoom('Close')).toEqual({ width: Math.ceil(one.width * LABEL_MAX_SCALE), height: Math.ceil(one.height * LABEL_MAX_SCALE) });
  });
});
