// A state's interaction script (docs/scripts.md): its steps in order (what the agent says or does), the field
// a step's question fills (picked by its label), where Next leads, and branches — a label, a step or an
// action to lead to, and whether the agent chooses it or Next takes it (an answer, a rule). No JSON, no ids.
import type { CaseType, Script, ScriptBranch, ScriptStep } from '../../../schemas/generated/case-type.ts';
import { FieldValueInput } from '../editor/FieldValueInput.tsx';
import { fieldLabeller } from '../model/field-label.ts';
import { getField, listFields } from '../model/fields.ts';
import {
  addBranch, addStep, followingOf, moveStep, removeBranch, removeStep, scriptEvents, setFollowing, targetOf, updateBranch, updateStep, withTarget,
} from '../model/script-edit.ts';
import { eventTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  def: CaseType;
  stateId: string;
  script: Script | undefined;
  onChange: (script: Script | undefined, key?: string) => void;
}

/** A step as the analyst reads it in a list of targets: "Step 3: Ask what the customer can pay…". */
function excerpt(step: ScriptStep): string {
  return step.say.length > 48 ? `${step.say.slice(0, 47)}…` : step.say;
}

/** A branch's `when` as one value of its select: '' (the agent chooses), 'answer', or 'rule:<name>'. */
function whenOf(branch: ScriptBranch): string {
  const when = branch.when;
  if (when === undefined) return '';
  if (typeof when === 'object' && 'answer' in when) return 'answer';
  return typeof when === 'string' ? `rule:${when}` : 'other';
}

export function ScriptEditor({ def, stateId, script, onChange }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`scripts.editor.${key}`, values);
  const label = fieldLabeller(def);
  const fields = listFields(def).filter((f) => f.kind !== 'group' && f.kind !== 'list');
  const events = scriptEvents(def, stateId);
  const rules = Object.entries(def.rules ?? {});
  if (!script) {
    return (
      <fieldset>
        <legend>{t('legend')}</legend>
        <p className="muted">{t('intro')}</p>
        <button type="button" onClick={() => onChange(addStep(undefined, t('newStep')))}>
          {t('add')}
        </button>
      </fieldset>
    );
  }
  const steps = script.steps;
  const stepOptions = steps.map((s, i) => ({ value: s.id, text: t('stepOption', { n: i + 1, text: excerpt(s) }) }));
  return (
    <fieldset>
      <legend>{t('legend')}</legend>
      <p className="muted">{t('intro')}</p>
      <div className="field">
        <label htmlFor="script-title">{t('title')}</label>
        <input id="script-title" value={script.title ?? ''} onChange={(e) => onChange({ ...script, title: e.target.value || undefined }, 'script:title')} />
      </div>
      <ol className="script-steps">
        {steps.map((step, i) => {
          const n = i + 1;
          const at = `script-${i}`;
          const field = step.ask?.field ?? '';
          const change = (next: Script | undefined, key?: string) => onChange(next, key);
          const below = steps[i + 1];
          return (
            <li key={step.id} role="group" aria-label={t('step', { n })} className="action-row">
              <label htmlFor={`${at}-say`}>{t('say', { n })}</label>
              <textarea id={`${at}-say`} value={step.say} onChange={(e) => change(updateStep(script, i, { say: e.target.value }), `script:${step.id}:say`)} />
              <label htmlFor={`${at}-fills`}>{t('fills', { n })}</label>
              <select
                id={`${at}-fills`}
                value={field}
                onChange={(e) => change(updateStep(script, i, { ask: e.target.value ? { ...(step.ask?.question ? { question: step.ask.question } : {}), field: e.target.value } : undefined }))}
              >
                <option value="">{t('noQuestion')}</option>
                {fields.map((f) => (
                  <option key={f.pointer} value={f.pointer}>
                    {label(f.pointer)}
                  </option>
                ))}
              </select>
              {step.ask ? (
                <>
                  <label htmlFor={`${at}-question`}>{t('question', { n })}</label>
                  <input
                    id={`${at}-question`}
                    value={step.ask.question ?? ''}
                    placeholder={t('questionDefault')}
                    onChange={(e) => change(updateStep(script, i, { ask: { field: step.ask?.field ?? field, ...(e.target.value ? { question: e.target.value } : {}) } }), `script:${step.id}:question`)}
                  />
                </>
              ) : null}
              <label htmlFor={`${at}-then`}>{t('then', { n })}</label>
              <select id={`${at}-then`} value={followingOf(step)} onChange={(e) => change(setFollowing(script, i, e.target.value))}>
                <option value="below">{t('below')}</option>
                <option value="end">{t('end')}</option>
                {stepOptions
                  .filter((o) => o.value !== step.id)
                  .map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.text}
                    </option>
                  ))}
              </select>
              {(step.branches ?? []).map((branch, j) => {
                const m = j + 1;
                const bt = `${at}-branch-${j}`;
                const setBranch = (next: ScriptBranch, key?: string) => change(updateBranch(script, i, j, next), key);
                const when = whenOf(branch);
                return (
                  <div key={j} role="group" aria-label={t('branch', { n, m })} className="script-branch">
                    <label htmlFor={`${bt}-label`}>{t('branchLabel', { n, m })}</label>
                    <input id={`${bt}-label`} value={branch.label} onChange={(e) => setBranch({ ...branch, label: e.target.value }, `script:${step.id}:branch:${j}`)} />
                    <label htmlFor={`${bt}-target`}>{t('branchTarget', { n, m })}</label>
                    <select id={`${bt}-target`} value={targetOf(branch)} onChange={(e) => setBranch(withTarget(branch, e.target.value))}>
                      {stepOptions.map((o) => (
                        <option key={o.value} value={`step:${o.value}`}>
                          {o.text}
                        </option>
                      ))}
                      {events.map((ev) => (
                        <option key={ev} value={`event:${ev}`}>
                          {t('actionOption', { title: eventTitle(def, ev) })}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`${bt}-when`}>{t('branchWhen', { n, m })}</label>
                    <select
                      id={`${bt}-when`}
                      value={when}
                      onChange={(e) => {
                        const { when: _old, ...rest } = branch;
                        const v = e.target.value;
                        if (v === 'other') return;
                        setBranch(v === '' ? rest : v === 'answer' ? { ...rest, when: { answer: null } } : { ...rest, when: v.slice('rule:'.length) });
                      }}
                    >
                      <option value="">{t('whenChosen')}</option>
                      {step.ask ? <option value="answer">{t('whenAnswer')}</option> : null}
                      {rules.map(([name, r]) => (
                        <option key={name} value={`rule:${name}`}>
                          {t('whenRule', { rule: r?.title ?? name })}
                        </option>
                      ))}
                      {when === 'other' ? <option value="other">{t('whenRule', { rule: '…' })}</option> : null}
                    </select>
                    {when === 'answer' && step.ask ? (
                      <FieldValueInput
                        id={`${bt}-answer`}
                        label={t('answer', { n, m })}
                        schema={getField(def, step.ask.field)}
                        value={typeof branch.when === 'object' && 'answer' in branch.when ? branch.when.answer : undefined}
                        onChange={(answer) => setBranch({ ...branch, when: { answer: answer ?? null } })}
                      />
                    ) : null}
                    <button type="button" onClick={() => change(removeBranch(script, i, j))}>
                      {t('removeBranch', { n, m })}
                    </button>
                  </div>
                );
              })}
              <div className="button-row">
                <button type="button" onClick={() => change(addBranch(script, i, { label: t('newBranch'), ...(below ? { goto: below.id } : events[0] ? { event: events[0] } : { goto: step.id }) }))}>
                  {t('addBranch', { n })}
                </button>
                <button type="button" disabled={i === 0} onClick={() => change(moveStep(script, i, -1))}>
                  {t('up', { n })}
                </button>
                <button type="button" disabled={i === steps.length - 1} onClick={() => change(moveStep(script, i, 1))}>
                  {t('down', { n })}
                </button>
                <button type="button" onClick={() => change(removeStep(script, i))}>
                  {t('removeStep', { n })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => onChange(addStep(script, t('newStep')))}>
          {t('addStep')}
        </button>
        <button type="button" className="danger" onClick={() => onChange(undefined)}>
          {t('remove')}
        </button>
      </div>
    </fieldset>
  );
}
