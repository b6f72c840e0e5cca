// The visual rule builder: conditions on fields, joined by all/any, written as JSON Schema.
import type { CaseType, Rule } from '../../../../schemas/generated/case-type.ts';
import { fieldLabeller } from '../../model/field-label.ts';
import { listFields, type FieldEntry } from '../../model/fields.ts';
import { describeCondition, ruleModelToSchema, schemaToRuleModel, updateRule, type Condition, type RuleModel } from '../../model/rule-builder.ts';
import { ConditionRow } from './ConditionRow.tsx';
import { useWords } from '../../i18n/use-words.ts';

interface Props {
  def: CaseType;
  name: string;
  rule: Rule;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
}

/** Fields a condition may test: every field outside repeating groups, except groups themselves. */
export function testableFields(def: CaseType): FieldEntry[] {
  const all = listFields(def);
  const lists = all.filter((f) => f.kind === 'list').map((f) => f.pointer + '/');
  return all.filter((f) => f.kind !== 'group' && f.kind !== 'list' && !lists.some((l) => f.pointer.startsWith(l)));
}

export function defaultCondition(field: FieldEntry | undefined): Condition {
  return field?.kind === 'documents' ? { type: 'hasDocuments', field: field.pointer } : { type: 'filled', field: field?.pointer ?? '/' };
}

export function RuleBuilder({ def, name, rule, edit }: Props) {
  const words = useWords();
  const t = (key: string) => words.t(`rules.builder.${key}`);
  const model = schemaToRuleModel(rule.schema);
  const fields = testableFields(def);
  const label = fieldLabeller(def);
  const write = (m: RuleModel, key?: string) => edit((d) => updateRule(d, name, { schema: ruleModelToSchema(m) }), key);
  if (!model) {
    return (
      <div className="card">
        <p>{t('beyond')}</p>
        <button type="button" onClick={() => write({ combinator: 'all', conditions: [] })}>
          {t('startOver')}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="rule-builder">
      <legend>{t('conditions')}</legend>
      {model.conditions.length > 1 ? (
        <div className="field">
          <label htmlFor="rule-combinator">{t('passesWhen')}</label>
          <select id="rule-combinator" value={model.combinator} onChange={(e) => write({ ...model, combinator: e.target.value as RuleModel['combinator'] })}>
            <option value="all">{t('all')}</option>
            <option value="any">{t('any')}</option>
          </select>
        </div>
      ) : null}
      {model.conditions.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ol className="conditions">
        {model.conditions.map((c, i) => (
          <li key={i}>
            <ConditionRow
              index={i}
              condition={c}
              fields={fields}
              summary={describeCondition(c, label, words)}
              label={label}
              onChange={(next, key) => write({ ...model, conditions: model.conditions.map((x, j) => (j === i ? next : x)) }, key ? `rule:${name}:${i}:${key}` : undefined)}
              onRemove={() => write({ ...model, conditions: model.conditions.filter((_, j) => j !== i) })}
            />
          </li>
        ))}
      </ol>
      <button type="button" disabled={fields.length === 0} onClick={() => write({ ...model, conditions: [...model.conditions, defaultCondition(fields[0])] })}>
        {t('add')}
      </button>
      {fields.length === 0 ? <p className="muted">{t('noFields')}</p> : null}
    </fieldset>
  );
}
