// One SLA condition (start, pause, stop, cancel, reset): events, states entered, states in, and a rule, each by its title.
import type { CaseType, SlaCondition } from '../../../../schemas/generated/case-type.ts';
import { conditionEventOptions, stateOptions, titledOptions } from '../../model/pick-options.ts';
import { ruleTitle } from '../../model/titles.ts';
import { setConditionPart, setConditionRule, type SlaConditionKey } from '../../model/slas.ts';
import { ChipsPicker } from './ChipsPicker.tsx';

const HELP: Record<SlaConditionKey, string> = {
  start: 'The clock starts when any of these happens.',
  pause: 'The clock pauses: while in a state or while a rule holds; from an event or state entered until the start condition matches again.',
  stop: 'The clock stops: met, or met late after the deadline.',
  cancel: 'The record closes as cancelled (not measured).',
  reset: 'The record closes and a fresh clock starts at once.',
};

interface Props {
  def: CaseType;
  sla: string;
  which: SlaConditionKey;
  cond: SlaCondition | undefined;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

export function SlaConditionEditor({ def, sla, which, cond, edit }: Props) {
  const states = stateOptions(def);
  const rules = titledOptions(Object.keys(def.rules ?? {}).map((r) => ({ value: r, title: ruleTitle(def, r) })));
  const id = `sla-${sla}-${which}`;
  return (
    <fieldset className="sla-condition" aria-label={`${which} condition`}>
      <legend>{which[0]?.toUpperCase() + which.slice(1)}</legend>
      <p className="muted">{HELP[which]}</p>
      <ChipsPicker id={`${id}-event`} label={`${which}: on events`} values={cond?.event ?? []} options={conditionEventOptions(def)} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'event', v))} />
      <ChipsPicker id={`${id}-enter`} label={`${which}: entering states`} values={cond?.enter ?? []} options={states} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'enter', v))} />
      <ChipsPicker id={`${id}-in`} label={`${which}: while in states`} values={cond?.in ?? []} options={states} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'in', v))} />
      <label>
        {which}: while rule holds{' '}
        <select aria-label={`${which}: while rule holds`} value={cond?.rule ?? ''} onChange={(e) => edit((d) => setConditionRule(d, sla, which, e.target.value))}>
          <option value="">(no rule)</option>
          {rules.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
