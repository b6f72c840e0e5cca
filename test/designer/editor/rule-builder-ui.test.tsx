// The rule builder's "compared with: another field" (issue 17): nothing is written until the analyst picks
// the other field; the rule is then written against that field (here one inside a group), read back, and the
// picker stays, showing fields in business words. Mounted with react-dom/client on a small in-memory DOM.
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { addField } from '../../../designer/src/model/fields.ts';
import { createBlankCaseType } from '../../../designer/src/model/blank.ts';
import { addRule, ruleModelToSchema, updateRule } from '../../../designer/src/model/rule-builder.ts';
import { RuleBuilder } from '../../../designer/src/editor/rules/RuleBuilder.tsx';
import { useMiniDom, MiniEvent, type MiniElement } from './mini-dom.ts';

const mini = useMiniDom();

let start: CaseType = createBlankCaseType('claims', 'Claims');
start = addField(start, { parent: '', name: 'paymentsReceived', kind: 'money', title: 'Payments received' });
start = addField(start, { parent: '', name: 'claimant', kind: 'text', title: 'Claimant' });
start = addField(start, { parent: '', name: 'claim', kind: 'group', title: 'Claim' });
start = addField(start, { parent: '/claim', name: 'amount', kind: 'money', title: 'Amount' });
start = addField(start, { parent: '/claim', name: 'deductible', kind: 'integer', title: 'Deductible' });
start = addRule(start, 'paidInFull', 'Paid in full');
start = updateRule(start, 'paidInFull', {
  schema: ruleModelToSchema({ combinator: 'all', conditions: [{ type: 'atLeast', field: '/paymentsReceived', operand: { type: 'value', value: 0 } }] }),
});

function byId(id: string): MiniElement {
  const el = mini.document().getElementById(id);
  if (!el) throw new Error(`nothing with id ${id}`);
  return el;
}

/** The text of the label of the control with `id` (its accessible name). */
function labelOf(id: string): string | undefined {
  return mini.document().documentElement.querySelectorAll((e) => e.localName === 'label' && e.getAttribute('for') === id)[0]?.textContent;
}

function choose(id: string, value: string): void {
  act(() => {
    const select = byId(id);
    select.value = value;
    select.dispatchEvent(new MiniEvent('change'));
  });
}

describe('rule builder: compared with another field', () => {
  it('writes nothing until the other field is picked, then compares with that field and keeps the picker', () => {
    const state = { def: start, edits: 0 };
    function Harness() {
      const [def, setDef] = useState(start);
      state.def = def;
      const rule = def.rules?.paidInFull;
      if (!rule) return null;
      return (
        <RuleBuilder
          def={def}
          name="paidInFull"
          rule={rule}
          edit={(fn) => {
            state.edits++;
            setDef(fn);
          }}
        />
      );
    }
    const container = mini.document().createElement('div');
    mini.document().body.appendChild(container);
    const root = mini.createRoot(container);
    act(() => root.render(<Harness />));
    expect(labelOf('cond-1-operand')).toBe('Condition 1 compared with');
    expect(byId('cond-1-number').value).toBe('0');

    // "another field": the picker appears, asking for the field; the rule is not touched yet
    choose('cond-1-operand', 'field');
    expect(state.edits).toBe(0);
    expect(state.def.rules?.paidInFull?.schema).toEqual(start.rules?.paidInFull?.schema);
    expect(byId('cond-1-operand').value).toBe('field');
    expect(labelOf('cond-1-other')).toBe('Condition 1 other field');
    const other = byId('cond-1-other');
    expect(other.options.map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose a field…'],
      ['/claim/amount', 'Claim › Amount'],
      ['/claim/deductible', 'Claim › Deductible'],
    ]);
    expect(other.value).toBe('');
    expect(mini.document().getElementById('cond-1-number')).toBeNull();

    // Payments received ≥ Claim › Amount
    choose('cond-1-other', '/claim/amount');
    expect(state.edits).toBe(1);
    expect(state.def.rules?.paidInFull?.schema).toEqual({
      allOf: [
        { properties: { paymentsReceived: { minimum: { $data: '1/claim/amount' } } }, required: ['paymentsReceived'] },
        { properties: { claim: { required: ['amount'] } }, required: ['claim'] },
      ],
    });
    // read back by the builder: the picker stays and shows the chosen field
    expect(container.textContent).not.toContain('beyond what the visual builder shows');
    expect(byId('cond-1-operand').value).toBe('field');
    expect(byId('cond-1-other').value).toBe('/claim/amount');
    const row = container.querySelectorAll((e) => e.getAttribute('role') === 'group')[0];
    expect(row?.getAttribute('aria-label')).toBe('Condition 1: Payments received is at least Claim › Amount');

    // another field again, then back to a number
    choose('cond-1-other', '/claim/deductible');
    expect(byId('cond-1-other').value).toBe('/claim/deductible');
    choose('cond-1-operand', 'value');
    expect(state.def.rules?.paidInFull?.schema).toEqual({ properties: { paymentsReceived: { minimum: 0 } }, required: ['paymentsReceived'] });
    expect(state.edits).toBe(3);

    act(() => root.unmount());
    container.parentNode?.removeChild(container);
  });
});
