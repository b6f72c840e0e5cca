import { describe, expect, it } from 'vitest';
import { formatValue, parseValue, valueInputFor } from '../../../designer/src/model/field-values.ts';

describe('values of a field type', () => {
  it('valueInputFor reads the input a schema calls for', () => {
    expect([
      valueInputFor({ type: 'string' }),
      valueInputFor({ type: 'integer' }),
      valueInputFor({ type: 'number', format: 'money' }),
      valueInputFor({ type: 'boolean' }),
      valueInputFor({ type: 'string', enum: ['a', 'b'] }),
      valueInputFor({ type: 'string', format: 'date' }),
      valueInputFor({ type: 'string', format: 'date-time' }),
      valueInputFor({ type: 'object' }),
      valueInputFor(undefined),
    ]).toEqual([
      { kind: 'text' },
      { kind: 'number', integer: true },
      { kind: 'number', integer: false },
      { kind: 'yesNo' },
      { kind: 'choice', choices: ['a', 'b'] },
      { kind: 'date' },
      { kind: 'dateTime' },
      { kind: 'none' },
      { kind: 'text' },
    ]);
  });

  it('parseValue types the text, refuses what is not of the type, and takes the empty text as no value', () => {
    expect(parseValue({ kind: 'number', integer: false }, '12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseValue({ kind: 'number', integer: true }, '12.5')).toEqual({ ok: false, message: 'Enter a whole number.' });
    expect(parseValue({ kind: 'number', integer: false }, 'x')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(parseValue({ kind: 'yesNo' }, 'no')).toEqual({ ok: true, value: false });
    expect(parseValue({ kind: 'choice', choices: [1, 2] }, '2')).toEqual({ ok: true, value: 2 });
    expect(parseValue({ kind: 'choice', choices: ['a'] }, 'b')).toEqual({ ok: false, message: 'Choose one of the choices.' });
    expect(parseValue({ kind: 'date' }, '2026-03-31')).toEqual({ ok: true, value: '2026-03-31' });
    expect(parseValue({ kind: 'date' }, '31/03/2026').ok).toBe(false);
    expect(parseValue({ kind: 'dateTime' }, '2026-03-31T09:00:00Z')).toEqual({ ok: true, value: '2026-03-31T09:00:00Z' });
    expect(parseValue({ kind: 'dateTime' }, '2026-03-31 09:00').ok).toBe(false);
    expect(parseValue({ kind: 'text' }, '')).toEqual({ ok: true, value: undefined });
  });

  it('formatValue shows a value as its input text', () => {
    expect([formatValue({ kind: 'yesNo' }, true), formatValue({ kind: 'yesNo' }, false), formatValue({ kind: 'number', integer: false }, 3), formatValue({ kind: 'text' }, undefined)]).toEqual(['yes', 'no', '3', '']);
  });
});
