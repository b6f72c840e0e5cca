// One SLA condition (start, pause, stop, cancel, reset): events, states entered, states in, and a rule, each by its title.
import type { CaseType, SlaCondition } from '../../../../schemas/generated/case-type.ts';
import { conditionEventOptions, stateOptions, titledOptions } from '../../model/pick-options.ts';
import { ruleTitle } from '../../model/titles.ts';
import { setConditionPart, setConditionRule, type SlaConditionKey } from '../../model/slas.ts';
import { ChipsPicker } from './ChipsPicker.tsx';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  def: CaseType;
  sla: string;
  which: SlaConditionKey;
  cond: SlaCondition | undefined;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

export function SlaConditionEditor({ def, sla, which, cond, edit }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`slas.condition.${key}`, values);
  // the condition's name in words ("pause"), as a legend ("Pause") and in each picker's name ("pause: on events")
  const named = t(`names.${which}`);
  const states = stateOptions(def);
  const rules = titledOptions(Object.keys(def.rules ?? {}).map((r) => ({ value: r, title: ruleTitle(def, r) })));
  const id = `sla-${sla}-${which}`;
  return (
    <fieldset className="sla-condition" aria-label={t('group', { which: named })}>
      <legend>{t(`legends.${which}`)}</legend>
      <p className="muted">{t(`help.${which}`)}</p>
      <ChipsPicker id={`${id}-event`} label={t('onEvents', { which: named })} values={cond?.event ?? []} options={conditionEventOptions(def, words)} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'event', v))} />
      <ChipsPicker id={`${id}-enter`} label={t('entering', { which: named })} values={cond?.enter ?? []} options={states} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'enter', v))} />
      <ChipsPicker id={`${id}-in`} label={t('whileIn', { which: named })} values={cond?.in ?? []} options={states} onChange={(v) => edit((d) => setConditionPart(d, sla, which, 'in', v))} />
      <label>
        {t('whileRule', { which: named })}{' '}
        <select aria-label={t('whileRule', { which: named })} value={cond?.rule ?? ''} onChange={(e) => edit((d) => setConditionRule(d, sla, which, e.target.value))}>
          <option value="">{t('noRule')}</option>
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
