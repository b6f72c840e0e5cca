import { describe, expect, it } from 'vitest';
import { findState } from '../../../designer/src/canvas/CanvasSearch.tsx';

describe('finding a state by name', () => {
  const states = [
    { id: 'legalReview', title: 'Legal review' },
    { id: 'legal', title: 'Legal' },
    { id: 'courtProceedings', title: 'Court proceedings' },
  ];

  it('prefers the exact title, then a title that starts with the words, then one that holds them', () => {
    expect(findState(states, 'legal')?.id).toBe('legal');
    expect(findState(states, 'LEGAL R')?.id).toBe('legalReview');
    expect(findState(states, 'proceed')?.id).toBe('courtProceedings');
  });

  it('finds a state by its key too, and nothing for blank or unknown names', () => {
    expect(findState(states, 'courtproceedings')?.id).toBe('courtProceedings');
    expect(findState(states, '  ')).toBeUndefined();
    expect(findState(states, 'archive')).toBeUndefined();
  });
});
