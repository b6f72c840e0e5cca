import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CaseType, Guard, Script } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/validate.ts';
import { translatableTexts, translateDefinition } from '../../../schemas/translations.ts';
import { renameField } from '../../../designer/src/model/fields.ts';
import { renameRule } from '../../../designer/src/model/rename-rule.ts';
import { renameState } from '../../../designer/src/model/states.ts';
import {
  back, branchMove, choices, filledBy, nextMove, nextOutcome, scriptFields, scriptFor, walkScript, type ScriptMove,
} from '../../../designer/src/model/scripts.ts';
import {
  addBranch, addStep, followingOf, moveStep, removeBranch, removeStep, scriptEvents, scriptOf, setFollowing, setScript, updateBranch, updateStep, withTarget,
} from '../../../designer/src/model/script-edit.ts';

const template = JSON.parse(readFileSync(new URL('../../../templates/payment-arrangement.case.json', import.meta.url), 'utf8')) as CaseType;
const call = scriptOf(template, 'intake') as Script;
const never = (): boolean => false;
const rulesHolding = (...names: string[]) => (g: Guard): boolean => typeof g === 'string' && names.includes(g);

/** Walks: where the agent is after these moves. */
const at = (trail: ScriptMove[]) => walkScript(call, trail).current?.id ?? null;

describe('scriptFor: the script of the case state', () => {
  it('given the payment arrangement in Intake, then the call script applies; in Assessment none does', () => {
    expect(scriptFor(template, 'intake')?.stateId).toBe('intake');
    expect(scriptFor(template, 'intake')?.script.title).toBe('Payment arrangement call');
    expect(scriptFor(template, 'assessing')).toBeNull();
  });

  it('given a script on a compound state and on one of its children, then the inner one applies inside it and the outer one elsewhere', () => {
    const def = structuredClone(template);
    const active = def.playbook.states.active as NonNullable<CaseType['playbook']['states']['x']>;
    active.script = { steps: [{ id: 'a', say: 'Running arrangement.' }] };
    (active.states?.missedPayment as NonNullable<typeof active>).script = { steps: [{ id: 'b', say: 'Ask when the instalment will be paid.' }] };
    expect(scriptFor(def, { active: 'missedPayment' })?.stateId).toBe('missedPayment');
    expect(scriptFor(def, { active: 'onTrack' })?.stateId).toBe('active');
  });
});

describe('walkScript: where the agent is', () => {
  it('given no moves, then the first step is current and nothing is done', () => {
    const p = walkScript(call, []);
    expect(p.current?.id).toBe('greet');
    expect(p.done).toEqual([]);
  });

  it('given Next twice and a chosen branch, then the branch target is current and the steps done say how they were left', () => {
    const trail: ScriptMove[] = [
      { from: 'greet', to: 'verify' },
      { from: 'verify', to: 'amountOwed' },
      { from: 'amountOwed', to: 'dispute', branch: 0 },
    ];
    const p = walkScript(call, trail);
    expect(p.current?.id).toBe('dispute');
    expect(p.done.map((d) => [d.step.id, d.via?.label ?? null])).toEqual([
      ['greet', null],
      ['verify', null],
      ['amountOwed', 'The customer disputes the debt'],
    ]);
  });

  it('given a trail that stops fitting the script, then it is cut there', () => {
    const p = walkScript(call, [{ from: 'greet', to: 'verify' }, { from: 'monthly', to: 'instalments' }, { from: 'verify', to: 'gone' }]);
    expect(p.current?.id).toBe('verify');
    expect(p.trail).toEqual([{ from: 'greet', to: 'verify' }]);
  });

  it('given a move to the end, then no step is current', () => {
    expect(at([{ from: 'greet', to: null }])).toBeNull();
  });

  it('Back takes the last move back', () => {
    const trail: ScriptMove[] = [{ from: 'greet', to: 'verify' }, { from: 'verify', to: 'amountOwed' }];
    expect(at(back(trail))).toBe('verify');
  });
});

describe('nextOutcome: what Next does with the answers so far', () => {
  const step = (id: string) => call.steps.find((s) => s.id === id) as Script['steps'][number];

  it('goes to the step below when no conditional branch holds', () => {
    const o = nextOutcome(call, step('instalments'), {}, never);
    expect(o).toEqual({ kind: 'step', to: step('proof') });
    expect(nextMove(step('instalments'), o)).toEqual({ from: 'instalments', to: 'proof' });
  });

  it('takes the first conditional branch whose rule holds on the working copy', () => {
    const o = nextOutcome(call, step('instalments'), {}, rulesHolding('hasIncomeProof'));
    expect(o).toEqual({ kind: 'step', to: step('wrapUp'), branch: 0 });
    expect(nextMove(step('instalments'), o)).toEqual({ from: 'instalments', to: 'wrapUp', branch: 0 });
  });

  it('compares the answer for a when-answer branch', () => {
    const s: Script = {
      steps: [
        { id: 'agree', say: 'Does the customer agree with the amount?', ask: { field: '/agreed' }, branches: [{ label: 'Disagrees', when: { answer: false }, goto: 'dispute' }, { label: 'Agrees', when: { answer: true }, event: 'REQUEST_CHECKED' }] },
        { id: 'dispute', say: 'Write down the dispute.' },
      ],
    };
    const [first, second] = s.steps as [Script['steps'][number], Script['steps'][number]];
    expect(nextOutcome(s, first, { agreed: false }, never)).toEqual({ kind: 'step', to: second, branch: 0 });
    expect(nextOutcome(s, first, { agreed: true }, never)).toEqual({ kind: 'event', event: 'REQUEST_CHECKED', branch: 1 });
    // not answered yet: neither branch, the step below
    expect(nextOutcome(s, first, {}, never)).toEqual({ kind: 'step', to: second });
  });

  it('ends at a step marked end and after the last step', () => {
    expect(nextOutcome(call, step('wrapUp'), {}, never)).toEqual({ kind: 'end' });
    expect(nextOutcome(call, step('notVerified'), {}, never)).toEqual({ kind: 'end' });
    expect(nextMove(step('wrapUp'), { kind: 'end' })).toEqual({ from: 'wrapUp', to: null });
  });

  it('a next naming a step goes there', () => {
    const s: Script = { steps: [{ id: 'a', say: 'A', next: 'c' }, { id: 'b', say: 'B' }, { id: 'c', say: 'C' }] };
    expect(nextOutcome(s, s.steps[0], {}, never)).toEqual({ kind: 'step', to: s.steps[2] });
  });
});

describe('choices and the fields a step fills', () => {
  it('lists the branches the agent chooses (no when), and a goto branch is a move, an action branch is not', () => {
    const amount = call.steps[2] as Script['steps'][number];
    expect(choices(amount).map((c) => c.branch.label)).toEqual(['The customer disputes the debt']);
    expect(branchMove(call, amount, 0)).toEqual({ from: 'amountOwed', to: 'dispute', branch: 0 });
    expect(branchMove(call, call.steps.find((s) => s.id === 'wrapUp') as Script['steps'][number], 0)).toBeUndefined();
    expect(choices(call.steps.find((s) => s.id === 'instalments') as Script['steps'][number])).toEqual([]);
  });

  it('names the field each question fills', () => {
    expect(filledBy(call.steps[0])).toBeNull();
    expect(scriptFields(call)).toEqual(['/customer/customerNumber', '/proposal/amountOwed', '/proposal/monthlyAmount', '/proposal/instalments', '/questionForCustomer']);
  });
});

describe('script edits', () => {
  it('adds steps with fresh ids, sets the question and where a step leads, and the definition stays valid', () => {
    let s = addStep(undefined, 'Greet the customer.');
    s = addStep(s, 'Ask the reason.');
    s = updateStep(s, 1, { ask: { field: '/request' } });
    s = setFollowing(s, 0, 'step2');
    expect(s.steps.map((x) => x.id)).toEqual(['step1', 'step2']);
    expect(followingOf(s.steps[0])).toBe('step2');
    s = setFollowing(s, 0, 'end');
    expect(s.steps[0]).toEqual({ id: 'step1', say: 'Greet the customer.', end: true });
    s = setFollowing(s, 0, 'below');
    expect(s.steps[0]).toEqual({ id: 'step1', say: 'Greet the customer.' });
    const def = setScript(template, 'manualCheck', s);
    expect(validateCaseType(def).filter((p) => p.code.startsWith('script.') || p.pointer.includes('/script'))).toEqual([
      // /request is not carried by Balance checked: the lint says the answer can never be sent from there
      expect.objectContaining({ code: 'script.field_not_sendable', pointer: '/playbook/states/manualCheck/script/steps/1/ask/field' }),
    ]);
  });

  it('branches: add, retarget to an action, remove; removing a step removes what led to it', () => {
    let s = addStep(addStep(addStep(undefined, 'One'), 'Two'), 'Three');
    s = addBranch(s, 0, { label: 'Skip ahead', goto: 'step3' });
    s = updateStep(s, 1, { next: 'step3' });
    s = updateBranch(s, 0, 0, withTarget(s.steps[0].branches?.[0] as never, 'event:REQUEST_CHECKED'));
    expect(s.steps[0].branches).toEqual([{ label: 'Skip ahead', event: 'REQUEST_CHECKED' }]);
    s = updateBranch(s, 0, 0, withTarget(s.steps[0].branches?.[0] as never, 'step:step3'));
    const removed = removeStep(s, 2) as Script;
    expect(removed.steps).toEqual([{ id: 'step1', say: 'One' }, { id: 'step2', say: 'Two' }]);
    expect(removeBranch(s, 0, 0).steps[0]).toEqual({ id: 'step1', say: 'One' });
    expect(removeStep({ steps: [{ id: 'a', say: 'A' }] }, 0)).toBeUndefined();
  });

  it('moves a step up and down, keeping ids (and so branch targets)', () => {
    const s = addStep(addStep(undefined, 'One'), 'Two');
    expect(moveStep(s, 1, -1).steps.map((x) => x.id)).toEqual(['step2', 'step1']);
    expect(moveStep(s, 0, -1)).toBe(s);
  });

  it('offers as actions the events of the state (and of the states around and inside it), people events only', () => {
    expect(scriptEvents(template, 'intake')).toEqual(['REQUEST_CHECKED', 'ASK_CUSTOMER', 'WITHDRAW']);
    expect(scriptEvents(template, 'missedPayment')).toEqual(['ARRANGEMENT_PAID', 'PAYMENT_RECEIVED']);
    expect(scriptEvents(template, 'verifying')).toEqual(['WITHDRAW']);
  });
});

describe('scripts in two languages', () => {
  it('lists a script\'s words as translatable texts, and a Dutch reader gets the Dutch step, question and branch', () => {
    const at = '/playbook/states/intake/script/steps/2';
    const texts = translatableTexts(template).filter((x) => x.pointer.startsWith(at)).map((x) => `${x.pointer.slice(at.length)}=${x.key}`);
    expect(texts).toEqual(['/say=say', '/ask/question=question', '/branches/0/label=label']);
    const def: CaseType = {
      ...template,
      translations: { nl: { [`${at}/say`]: 'Noem het openstaande bedrag.', [`${at}/ask/question`]: 'Hoeveel bent u ons schuldig?', [`${at}/branches/0/label`]: 'De klant betwist de schuld' } },
    };
    const step = (translateDefinition(def, 'nl').playbook.states.intake?.script?.steps[2]) as Script['steps'][number];
    expect([step.say, step.ask?.question, step.branches?.[0]?.label]).toEqual(['Noem het openstaande bedrag.', 'Hoeveel bent u ons schuldig?', 'De klant betwist de schuld']);
    expect(validateCaseType(def).filter((p) => p.code.startsWith('translation'))).toEqual([]);
  });
});

describe('a renamed field', () => {
  it('is followed by the script questions that fill it', () => {
    const renamed = renameField(template, '/proposal/monthlyAmount', 'perMonth');
    expect(scriptFields(scriptOf(renamed, 'intake') as Script)).toContain('/proposal/perMonth');
    expect(scriptFields(scriptOf(renamed, 'intake') as Script)).not.toContain('/proposal/monthlyAmount');
  });
});

describe('a renamed rule or state', () => {
  it('is followed by the script branches whose when names it', () => {
    const renamed = renameRule(template, 'hasIncomeProof', 'incomeProofOnFile');
    const instalments = scriptOf(renamed, 'intake')?.steps.find((s) => s.id === 'instalments');
    expect(instalments?.branches?.[0]?.when).toBe('incomeProofOnFile');
    const withIn = setScript(template, 'intake', { steps: [{ id: 'a', say: 'A', branches: [{ label: 'Came back', when: { in: ['waitingForCustomer'] }, goto: 'a' }, { label: 'Said yes', when: { answer: 'waitingForCustomer' }, goto: 'a' }] }] });
    const moved = renameState(withIn, 'waitingForCustomer', 'awaitingCustomer');
    expect(scriptOf(moved, 'intake')?.steps[0].branches?.map((b) => b.when)).toEqual([{ in: ['awaitingCustomer'] }, { answer: 'waitingForCustomer' }]);
  });
});
