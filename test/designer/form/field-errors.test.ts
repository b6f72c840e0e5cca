import { describe, expect, it } from 'vitest';
import { besideField, errorsByField, fieldsOf, problemSentence } from '../../../designer/src/form/field-errors.ts';
import { fieldLabel } from '../../../designer/src/model/field-label.ts';
import { compileCaseType, dataProblems as engineDataProblems } from '../../../runtime/engine/index.ts';
import type { FieldProblem } from '../../../runtime/engine/index.ts';
import type { CaseType } from '../../../schemas/generated/case-type.ts';

const def = {
  key: 'contact',
  title: 'Contact',
  data: {
    type: 'object',
    properties: {
      email: { type: 'string', title: 'E-mail', format: 'email' },
      phone: { type: 'string', title: 'Phone' },
      postcode: { type: 'string', title: 'Postcode', pattern: '^[0-9]{4} ?[A-Z]{2}$', patternHint: 'a Dutch postcode such as 1234 AB' },
      claim: { type: 'object', title: 'Claim', properties: { amount: { type: 'number', title: 'Amount', maximum: 500 } } },
    },
  },
  rules: { reachable: { title: 'Customer can be reached', schema: { anyOf: [{ required: ['email'] }, { required: ['phone'] }] } } },
  playbook: { initial: 'open', states: { open: { checklist: ['reachable'] } } },
} as unknown as CaseType;
const label = (pointer: string) => fieldLabel(def, pointer);
const compiled = compileCaseType(def);
const ruleProblems = (data: object) => compiled.ruleProblems('reachable', data as never);
const dataProblems = (data: object) => engineDataProblems(def.data, data as never);

/** A pointer as the engine writes them, and the regex of the postcode: neither may reach a person. */
const TECHNICAL = /(^|[\s(])\/[a-z]|\^\[0-9\]/;

describe('problems in field labels', () => {
  it('an any-of rule reads as one sentence, "E-mail or Phone is needed"', () => {
    const problems = ruleProblems({});
    expect(problems).toHaveLength(1);
    expect(problemSentence(problems[0] as FieldProblem, label)).toBe('E-mail or Phone is needed');
    expect(errorsByField(problems, label)).toEqual({ '/email': 'Fill in E-mail or Phone.', '/phone': 'Fill in E-mail or Phone.' });
    expect(ruleProblems({ phone: '0612345678' })).toEqual([]);
  });

  it('a pattern failure says what is expected in the analyst\'s words, never the regex', () => {
    const [problem] = dataProblems({ postcode: '12345' });
    expect(problemSentence(problem as FieldProblem, label)).toBe('Postcode must be a Dutch postcode such as 1234 AB');
    expect(besideField(problem as FieldProblem, label)).toBe('Must be a Dutch postcode such as 1234 AB');
  });

  it('names fields inside groups by their path of titles, with no pointer left', () => {
    const [problem] = dataProblems({ claim: { amount: 900 } });
    expect(problemSentence(problem as FieldProblem, label)).toBe('Claim › Amount must be ≤ 500');
    expect(besideField(problem as FieldProblem, label)).toBe('Must be ≤ 500');
  });

  it('says missing fields, and fields needed with another, as sentences', () => {
    expect(problemSentence({ pointer: '/email', message: 'missing: /email' }, label)).toBe('E-mail is needed');
    expect(besideField({ pointer: '/email', message: 'missing: /email' }, label)).toBe('Fill this in to continue.');
    const withOther: FieldProblem = { pointer: '/phone', message: 'missing: /phone (needed with /email)' };
    expect(problemSentence(withOther, label)).toBe('Phone is needed with E-mail');
    expect(besideField(withOther, label)).toBe('Fill this in: it is needed with E-mail.');
    expect(fieldsOf(withOther)).toEqual(['/phone']);
    expect(problemSentence({ pointer: '', message: 'rule "x1" is not defined in this case type' }, label)).not.toContain('x1');
  });

  it('leaves no pointer or regex in any sentence for generated data', () => {
    const samples: object[] = [{}, { postcode: 'x', email: 'no', claim: { amount: 'a' } }, { claim: { amount: 501 }, extra: 1 }, { email: 3 }];
    for (const data of samples) {
      for (const p of [...dataProblems(data), ...ruleProblems(data)]) {
        expect(problemSentence(p, label)).not.toMatch(TECHNICAL);
        expect(besideField(p, label)).not.toMatch(TECHNICAL);
      }
    }
  });
});
