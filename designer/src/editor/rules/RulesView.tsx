// Rules: the list, the visual builder for the selected rule, its raw schema, and a live check against
// the preview's sample data.
import { useEffect, useState, type FormEvent } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { addRule, deleteRule, RULE_NAME_PATTERN, updateRule } from '../../model/rule-builder.ts';
import { fieldLabeller } from '../../model/field-label.ts';
import { ruleTitle } from '../../model/titles.ts';
import { ruleOnSample } from '../../model/rule-on-sample.ts';
import type { EditProps } from '../edit-props.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { RawSchemaEditor } from './RawSchemaEditor.tsx';
import { renameRule } from '../../model/rename-rule.ts';
import { useWords } from '../../i18n/use-words.ts';

const useViewWords = () => {
  const words = useWords();
  return (key: string, values?: Record<string, unknown>) => words.t(`rules.view.${key}`, values);
};

export function ruleNameFromTitle(title: string): string {
  const words = title.replace(/[^a-zA-Z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('').replace(/^[^a-zA-Z]+/, '');
}

function RuleStatus({ def, name, sample }: { def: CaseType; name: string; sample: Record<string, unknown> }) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`rules.view.${key}`, values);
  const rule = def.rules?.[name];
  if (!rule) return null;
  const r = ruleOnSample(rule.schema, sample, fieldLabeller(def), words);
  return (
    <p role="status" className={r.pass ? 'ok' : 'warn'} aria-label={t('statusLabel', { title: ruleTitle(def, name) })}>
      {r.pass ? t('passesSample') : t('failsSample', { problems: r.problems.join('; ') })}
    </p>
  );
}

/** The rule's name, renamed on blur or Enter (every guard, checklist and SLA condition follows). */
function RuleName({ name, edit, select, taken }: { name: string; taken: (n: string) => boolean } & Pick<EditProps, 'edit' | 'select'>) {
  const t = useViewWords();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(name), [name]);
  const commit = () => {
    if (value === name) return;
    if (!RULE_NAME_PATTERN.test(value)) return setError(t('badName'));
    if (taken(value)) return setError(t('taken', { name: value }));
    setError(null);
    edit((d) => renameRule(d, name, value));
    select({ type: 'rule', name: value });
  };
  return (
    <div className="field">
      <label htmlFor="rule-name">{t('name')}</label>
      <input id="rule-name" value={value} onChange={(e) => setValue(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}

export function RulesView({ def, edit, selection, select, sample }: EditProps & { sample: Record<string, unknown> }) {
  const t = useViewWords();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rules = Object.entries(def.rules ?? {});
  const selected = selection?.type === 'rule' && def.rules?.[selection.name] ? selection.name : null;
  const rule = selected ? def.rules?.[selected] : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = ruleNameFromTitle(title);
    if (!name || !RULE_NAME_PATTERN.test(name)) return setError(t('badTitle'));
    if (def.rules?.[name]) return setError(t('taken', { name }));
    setError(null);
    edit((d) => addRule(d, name, title.trim()));
    select({ type: 'rule', name });
    setTitle('');
  };
  return (
    <div className="two-columns">
      <div className="column">
        <h2>{t('rules')}</h2>
        {rules.length === 0 ? <p className="muted">{t('empty')}</p> : null}
        <ul className="tree" aria-label={t('rules')}>
          {rules.map(([name, r]) => {
            const pass = r ? ruleOnSample(r.schema, sample).pass : false;
            return (
              <li key={name}>
                <button type="button" className={selected === name ? 'tree-item selected' : 'tree-item'} aria-current={selected === name ? 'true' : undefined} onClick={() => select({ type: 'rule', name })}>
                  {r?.title ?? name} <code className="muted">{name}</code> <span className={pass ? 'ok' : 'warn'}>{pass ? t('passes') : t('fails')}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <form onSubmit={submit} className="card">
          <label htmlFor="add-rule-title">{t('newTitle')}</label>
          <input id="add-rule-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit">{t('add')}</button>
          {error ? <p role="alert" className="error">{error}</p> : null}
        </form>
      </div>
      <div className="column">
        {selected && rule ? (
          <div className="card" aria-labelledby="rule-heading">
            <h2 id="rule-heading">
              {t('heading')} <code>{selected}</code>
            </h2>
            <RuleName name={selected} edit={edit} select={select} taken={(n) => Boolean(def.rules?.[n])} />
            <label htmlFor="rule-title">{t('title')}</label>
            <input id="rule-title" value={rule.title ?? ''} onChange={(e) => edit((d) => updateRule(d, selected, { title: e.target.value }), `rule:${selected}:title`)} />
            <RuleStatus def={def} name={selected} sample={sample} />
            <RuleBuilder def={def} name={selected} rule={rule} edit={edit} />
            <RawSchemaEditor key={selected} name={selected} schema={rule.schema} onChange={(schema) => edit((d) => updateRule(d, selected, { schema }), `rule:${selected}:raw`)} />
            <button
              type="button"
              className="danger"
              onClick={() => {
                edit((d) => deleteRule(d, selected));
                select(null);
              }}
            >
              {t('delete')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('select')}</p>
        )}
      </div>
    </div>
  );
}
