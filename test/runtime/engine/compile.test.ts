import { describe, expect, it } from 'vitest';
import { CaseTypeCompileError, compileCaseType } from '../../../runtime/engine/index.ts';
import { caseType, send, start } from './engine-fixtures.ts';

const nested = caseType({
  initial: 'intake',
  states: {
    intake: { on: { NEXT: 'collect' } },
    investigating: {
      initial: 'collect',
      states: { collect: { on: { NEXT: 'analyse' } }, analyse: { on: { DONE: 'closed' } } },
    },
    closed: { type: 'final' },
  },
}, { events: { NEXT: {}, DONE: {} } });

describe('compileCaseType', () => {
  it('gives every state node its key as id, so targets reach nested states by id', () => {
    // given a nested playbook, when compiled
    const compiled = compileCaseType(nested);
    // then each node answers to #<key>
    expect(compiled.machine.getStateNodeById('collect').path).toEqual(['investigating', 'collect']);
    expect(compiled.machine.getStateNodeById('closed').type).toBe('final');
    // and a top-level state targets a nested one by its id alone
    const c = start(nested);
    expect(send(nested, c.case, 'NEXT').case.state).toEqual({ investigating: 'collect' });
  });

  it('targets a top-level state from deep inside, leaving the parent', () => {
    const c1 = send(nested, start(nested).case, 'NEXT');
    const c2 = send(nested, c1.case, 'NEXT');
    expect(c2.case.state).toEqual({ investigating: 'analyse' });
    const c3 = send(nested, c2.case, 'DONE');
    expect(c3.case.state).toBe('closed');
    expect(c3.case.closedAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('defaults a compound state without initial to its first child', () => {
    const def = caseType({ states: { outer: { states: { first: {}, second: {} } } } });
    expect(start(def).case.state).toEqual({ outer: 'first' });
  });

  it('caches by key@version and content: same object and equal content reuse, an edited draft recompiles', () => {
    const a = compileCaseType(nested);
    expect(compileCaseType(nested)).toBe(a);
    expect(compileCaseType(structuredClone(nested))).toBe(a);
    const edited = structuredClone(nested);
    edited.title = 'Edited';
    expect(compileCaseType(edited)).not.toBe(a);
    expect(compileCaseType({ ...nested, version: 3 }).version).toBe(3);
    expect(a.version).toBe(0);
  });

  it('recompiles a draft edited in place', () => {
    const draft = caseType({ initial: 'a', states: { a: {}, b: {} } }, { key: 'edited-draft' });
    expect(start(draft).case.state).toBe('a');
    draft.playbook.initial = 'b';
    expect(start(draft).case.state).toBe('b');
  });

  it('keeps the machine root id apart from a state with the same name as the case type', () => {
    const def = caseType({ initial: 'test-case', states: { 'test-case': { on: { GO: 'done' } }, done: { type: 'final' } } }, { events: { GO: {} } });
    expect(compileCaseType(def).machine.id).toBe('test-case:root');
    expect(send(def, start(def).case, 'GO').case.state).toBe('done');
  });

  it('compiles a playbook with a parallel root', () => {
    const def = caseType({ type: 'parallel', states: { a: { states: { a1: {} } }, b: { states: { b1: {} } } } });
    expect(start(def).case.state).toEqual({ a: 'a1', b: 'b1' });
  });
});

describe('compileCaseType on a definition that did not pass validation', () => {
  it('throws CaseTypeCompileError naming the place: a target that does not exist', () => {
    const def = caseType({ initial: 'a', states: { a: { on: { GO: 'nowhere' } } } }, { key: 'bad-target' });
    expect(() => compileCaseType(def)).toThrow(CaseTypeCompileError);
    expect(() => compileCaseType(def)).toThrow(/^Case type "bad-target" cannot be compiled at \/playbook: .*nowhere.*Validate it first \(dossier validate\)/);
  });

  it('throws CaseTypeCompileError for a rule schema ajv cannot compile', () => {
    const def = caseType({ states: { a: {} } }, { key: 'bad-rule', rules: { broken: { schema: { type: 'nonsense' } } } });
    expect(() => compileCaseType(def)).toThrow(/^Case type "bad-rule" cannot be compiled at \/rules\/broken\/schema: /);
  });
});
