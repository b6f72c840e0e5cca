import { describe, expect, it } from 'vitest';
import { createHistory, pushHistory, redo, undo } from '../../../designer/src/model/history.ts';

describe('history', () => {
  it('undoes and redoes edits; a new edit clears redo', () => {
    let h = pushHistory(pushHistory(createHistory('a'), 'b'), 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = pushHistory(undo(h), 'd');
    expect([h.past, h.present, h.future]).toEqual([['a', 'b'], 'd', []]);
    expect(redo(h)).toBe(h);
  });

  it('merges consecutive edits with the same key (typing) into one undo step', () => {
    let h = pushHistory(createHistory(''), 'C', 'title');
    h = pushHistory(h, 'Co', 'title');
    h = pushHistory(h, 'Com', 'title');
    expect(undo(h).present).toBe('');
    h = pushHistory(h, 'Com!', 'other');
    expect(undo(h).present).toBe('Com');
  });
});
