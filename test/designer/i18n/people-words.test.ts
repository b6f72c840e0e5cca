// The people words in Dutch, and in English exactly as before: every shape the engine writes
// (runtime/engine/explain.ts and the rules/transition checks) parses, and its English wording is
// byte-identical to the English the modules wrote before they went through i18next.
import { describe, expect, it } from 'vitest';
import { besideField, errorsByField, problemSentence } from '../../../designer/src/form/field-errors.ts';
import { parseProblem } from '../../../designer/src/form/problem-shape.ts';
import { changeLines, patchLines, show } from '../../../designer/src/model/change-words.ts';
import { rejectionText } from '../../../designer/src/model/refusal-words.ts';
import { listSummary } from '../../../designer/src/console/paging.ts';
import { readOnlyReason, intakeForm } from '../../../designer/src/console/stage-form.ts';
import { slaBadge, slaExplanation } from '../../../designer/src/console/console-model.ts';
import { fieldLabel } from '../../../designer/src/model/field-label.ts';
import { ENGLISH, wordsFor } from '../../../designer/src/i18n/index.ts';
import { dataProblems } from '../../../runtime/engine/index.ts';
import type { FieldProblem, SlaView } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';

const NL = wordsFor('nl');

const def = {
  key: 'claim',
  title: 'Claim',
  data: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: 'Naam', minLength: 2, maxLength: 5 },
      email: { type: 'string', title: 'E-mail', format: 'email' },
      postcode: { type: 'string', title: 'Postcode', pattern: '^[0-9]{4} ?[A-Z]{2}$', patternHint: 'een postcode zoals 1234 AB' },
      code: { type: 'string', title: 'Code', pattern: '^X', examples: ['X1'] },
      ref: { type: 'string', title: 'Kenmerk', pattern: '^R' },
      amount: { type: 'number', title: 'Bedrag', maximum: 500, multipleOf: 0.01 },
      kind: { type: 'string', title: 'Soort', enum: ['a', 'b'] },
      fixed: { const: 'x', title: 'Vast' },
      count: { type: 'integer', title: 'Aantal' },
      tags: { type: 'array', title: 'Labels', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'string' } },
      group: { type: 'object', title: 'Groep', minProperties: 1, properties: {} },
      when: { type: 'string', title: 'Wanneer', format: 'date' },
    },
  },
  form: { sections: [{ id: 'first', title: 'Eerst', fields: ['/email'] }] },
  rules: {},
  events: { SEND: { title: 'Versturen' } },
  playbook: { initial: 'open', states: { open: {} } },
} as unknown as CaseType;
const label = (p: string) => fieldLabel(def, p);

// The English wording before i18next, kept here as the oracle.
const POINTER = /(^|[\s(])(\/[^\s,;()"]*)/g;
const NEEDED_WITH = /^missing: (\S+) \(needed with (\S+)\)$/;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const withLabels = (s: string) => s.replace(POINTER, (_, b: string, p: string) => `${b}${label(p)}`);
function oldSentence({ message }: FieldProblem): string {
  const needed = NEEDED_WITH.exec(message);
  if (needed) return `${capital(label(needed[1] as string))} is needed with ${label(needed[2] as string)}`;
  if (message.startsWith('missing: ')) return `${capital(withLabels(message.slice(9)))} is needed`;
  if (/^rule "[^"]*" is not defined/.test(message)) return 'It relies on a rule the case type does not define: ask the case type’s designer';
  return capital(withLabels(message));
}
function oldBeside(problem: FieldProblem): string {
  const { pointer, message } = problem;
  if (message === `missing: ${pointer}`) return 'Fill this in to continue.';
  const needed = NEEDED_WITH.exec(message);
  if (needed) return `Fill this in: it is needed with ${label(needed[2] as string)}.`;
  if (message.startsWith('missing: ')) return `Fill in ${withLabels(message.slice(9))}.`;
  if (pointer !== '' && message.startsWith(`${pointer} `)) return capital(withLabels(message.slice(pointer.length + 1)));
  return oldSentence(problem);
}

const BAD = [
  {},
  { name: 'x', email: 'nope', postcode: '1', code: 'Y', ref: 'Q', amount: 900.001, kind: 'c', fixed: 'y', count: 1.5, tags: [], group: {}, when: 'soon' },
  { name: 'xxxxxxx', tags: ['a', 'a', 'b'], amount: 'ten', count: 'many', extra: 1 },
];
const engineProblems: FieldProblem[] = BAD.flatMap((d) => dataProblems(def.data, d as never));
const handWritten: FieldProblem[] = [
  { pointer: '/email', message: 'missing: /email or /name' },
  { pointer: '/email', message: 'missing: /email and /name or /postcode' },
  { pointer: '/name', message: 'missing: /name (needed with /email)' },
  { pointer: '', message: 'rule "x1" is not defined in this case type' },
  { pointer: '', message: 'the rule never holds' },
  { pointer: '/name', message: '/name must be left empty' },
  { pointer: '/extra', message: '/extra is not a known field: remove it' },
  { pointer: '', message: 'Klant bereikbaar holds, but this transition needs it not to' },
  { pointer: '/name', message: '/name cannot be sent with SEND: remove it' },
  { pointer: '/code', message: '/code must look like "X1" (pattern ^X)' },
  { pointer: '/name', message: `/name must not match the rule's "not" condition` },
  { pointer: '', message: 'the case data must be an object' },
  { pointer: '/name', message: '/name must be in the format iban' },
  { pointer: '/name', message: '/name must pass "foo" keyword validation' },
];

describe('the engine’s problems in English: unchanged', () => {
  it('every shape the engine writes parses (nothing left raw)', () => {
    const kinds = new Set<string>();
    for (const p of [...engineProblems, ...handWritten]) {
      const shape = parseProblem(p);
      expect(shape.kind, p.message).not.toBe('raw');
      kinds.add(shape.kind === 'about' ? shape.predicate.kind : shape.kind);
    }
    expect([...kinds].sort()).toEqual(
      ['cannotBeSent', 'compare', 'const', 'fields', 'format', 'formatOther', 'hint', 'holdsButNot', 'items', 'leftEmpty', 'length', 'lookLike', 'missing', 'multipleOf', 'neededWith', 'neverHolds', 'not', 'notExpected', 'oneOf', 'other', 'type', 'undefinedRule', 'unique', 'unknownField'].sort(),
    );
  });

  it('reads byte for byte as before, as a sentence and beside the field', () => {
    for (const p of [...engineProblems, ...handWritten]) {
      expect(problemSentence(p, label), p.message).toBe(oldSentence(p));
      expect(besideField(p, label), p.message).toBe(oldBeside(p));
    }
  });
});

describe('the engine’s problems in Dutch', () => {
  const nl = (message: string, pointer = message.split(' ')[0] as string) => ({ sentence: problemSentence({ pointer, message }, label, NL), beside: besideField({ pointer, message }, label, NL) });

  it('says missing fields and any-of alternatives', () => {
    expect(nl('missing: /name', '/name')).toEqual({ sentence: 'Naam is nodig', beside: 'Vul dit in om verder te gaan.' });
    expect(nl('missing: /email or /name', '/email')).toEqual({ sentence: 'E-mail of Naam is nodig', beside: 'Vul E-mail of Naam in.' });
    expect(nl('missing: /name (needed with /email)', '/name')).toEqual({ sentence: 'Naam is nodig samen met E-mail', beside: 'Vul dit in: het is nodig samen met E-mail.' });
    expect(errorsByField([{ pointer: '/email', message: 'missing: /email or /name' }], label, NL)).toEqual({ '/email': 'Vul E-mail of Naam in.', '/name': 'Vul E-mail of Naam in.' });
  });

  it('says limits, formats, types and patterns, numbers the Dutch way', () => {
    expect(nl('/amount must be ≤ 500')).toEqual({ sentence: 'Bedrag moet ≤ 500 zijn', beside: 'Moet ≤ 500 zijn' });
    expect(nl('/amount must be a multiple of 0.01').sentence).toBe('Bedrag moet een veelvoud van 0,01 zijn');
    expect(nl('/email must be an e-mail address such as name@example.com').beside).toBe('Moet een e-mailadres zoals naam@voorbeeld.nl zijn');
    expect(nl('/count must be a whole number').sentence).toBe('Aantal moet een geheel getal zijn');
    expect(nl('/count must be text or true or false').sentence).toBe('Aantal moet tekst of waar of onwaar zijn');
    expect(nl('/name must be at least 2 characters long').beside).toBe('Moet minstens 2 tekens lang zijn');
    expect(nl('/name must be at most 1 character long').beside).toBe('Mag hoogstens 1 teken lang zijn');
    expect(nl('/kind must be one of "a", "b"').beside).toBe('Moet een van deze zijn: "a", "b"');
    expect(nl('/postcode must be een postcode zoals 1234 AB').sentence).toBe('Postcode moet een postcode zoals 1234 AB zijn');
    expect(nl('/code must look like "X1"').beside).toBe('Moet eruitzien als "X1"');
    expect(nl('/ref is not in the expected form').beside).toBe('Heeft niet de verwachte vorm');
    expect(nl('/tags must not repeat items (items 1 and 0 are equal)').beside).toBe('Mag geen items herhalen (items 1 en 0 zijn gelijk)');
    expect(nl('/extra is not a known field: remove it').sentence).toBe('Extra is geen bekend veld: verwijder het');
    expect(nl('the case data must be an object', '').sentence).toBe('De zaak moet een object zijn');
  });

  it('leaves no English from the engine in any shape it writes', () => {
    const english = /\b(must|missing|needed|the case data|is not|remove it|such as|holds|characters?|items? are)\b/;
    for (const p of [...engineProblems, ...handWritten]) {
      expect(problemSentence(p, label, NL), p.message).not.toMatch(english);
      expect(besideField(p, label, NL), p.message).not.toMatch(english);
    }
  });

  it('words refusals, changes and history in Dutch', () => {
    expect(rejectionText(def, 'SEND', { code: 'rule.failed', message: '', problems: [{ pointer: '/name', message: 'missing: /name' }], rules: ['klantBereikbaar'] }, NL)).toBe(
      'Versturen is geblokkeerd: aan ‘Klant bereikbaar’ is nog niet voldaan; vul de genoemde velden in.',
    );
    expect(rejectionText(def, 'SEND', { code: 'event.forbidden', message: '', problems: [] }, NL)).toBe('Versturen is niet voor uw rol: vraag een collega die het mag doen.');
    expect(show(true, NL)).toBe('ja');
    expect(show(null, NL)).toBe('(leeg)');
    expect(show(12345.5, NL)).toBe('12.345,5');
    expect(show([{ a: 1 }, { a: 2 }], NL)).toBe('2 regels');
    expect(changeLines('/amount', undefined, 49.95, label, NL)).toEqual(['Bedrag: (leeg) → 49,95']);
    expect(patchLines({ op: 'remove', path: '/name' }, label, NL)).toEqual(['Naam verwijderd']);
    expect(patchLines({ op: 'replace', path: '/count', value: 3 }, label, NL)).toEqual(['Aantal → 3']);
  });

  it('words the console’s own sentences in Dutch, and in English as before', () => {
    expect(listSummary(3, 50, true, 'open zaken', NL)).toBe('3 van de eerste 50 open zaken getoond. Sorteren en filteren gelden alleen voor deze 50: laad meer om de rest mee te nemen.');
    expect(listSummary(3, 3, false, 'open cases', ENGLISH)).toBe('Showing 3 of 3 open cases, all there are.');
    expect(readOnlyReason(def, '/name', 'someRule', NL)).toBe('Op dit punt vergrendeld door de regels van het zaaktype.');
    expect(intakeForm(def, NL).sections.at(-1)?.title).toBe('Ook verplicht');
    const sla = { id: 's1', name: 'reply', title: 'Eerste reactie', status: 'running', remainingMs: 9_000_000, deadlineAt: '2026-01-05T17:00:00Z', goalAt: null, text: 'Running, due 17:00 UTC, 2 h 30 min left' } as unknown as SlaView;
    expect(slaBadge(sla, NL).label).toBe('Eerste reactie: nog 2 u 30 min');
    expect(slaBadge(sla).label).toBe('Eerste reactie: 2 h 30 min left');
    expect(slaExplanation(sla)).toBe(sla.text);
    expect(slaExplanation(sla, NL)).toMatch(/^Loopt, uiterlijk 5 jan 2026, \d\d:00, nog 2 u 30 min$/);
  });
});
