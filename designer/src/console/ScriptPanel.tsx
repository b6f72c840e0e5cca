// The script of the case's state (docs/scripts.md), beside the stage form: the current step (what to say or
// do), its question drawn with the field's own input from the form, Next / Back and the branches, and the
// steps done with their answers. Answers go into the same working copy as the stage form, so they are sent
// with the agent's next action; a branch that is an action sends it. Where the agent is (the moves made)
// is kept per case and state in this tab.
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseType, FieldRef, Form } from '../../../schemas/generated/case-type.ts';
import { formSections, getAtPointer } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { fieldLabel } from '../model/field-label.ts';
import { show } from '../model/change-words.ts';
import { eventTitle } from '../model/titles.ts';
import {
  back, branchMove, choices, nextMove, nextOutcome, scriptFor, walkScript, type ScriptMove,
} from '../model/scripts.ts';
import { carriedKeys, NOT_CARRIED, readOnlyReason, stageScope } from './stage-form.ts';
import type { CaseRecord } from './console-api.ts';
import { useWords } from '../i18n/use-words.ts';

type Data = Record<string, unknown>;

interface Props {
  def: CaseType;
  kase: CaseRecord;
  working: Data;
  onChange: (next: Data) => void;
  errors: Record<string, string>;
  busy: boolean;
  /** Sends an event with the working copy, as the actions do. */
  onSend: (type: string) => void;
}

const trailKey = (caseId: string, stateId: string) => `dossier.work.script.${caseId}.${stateId}`;

function readTrail(key: string): ScriptMove[] {
  try {
    const raw = sessionStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as ScriptMove[]) : [];
  } catch {
    return [];
  }
}

/** The question's one-field form: the field with the form's own reference to it (widget, label, help), read-only when no action the agent may send now carries it. */
function questionForm(def: CaseType, field: string, question: string, carried: ReadonlySet<string>): Form {
  const refs = formSections(def).flatMap((s) => s.fields.map((r): FieldRef => (typeof r === 'string' ? { field: r } : r)));
  const own = refs.find((r) => r.field === field);
  const { visibleWhen: _v, ...ref }: FieldRef = own ?? { field };
  const top = field.split('/')[1] ?? '';
  return { sections: [{ id: 'question', title: question, fields: [carried.has(top) ? ref : { ...ref, readOnlyWhen: NOT_CARRIED }] }] };
}

export function ScriptPanel({ def, kase, working, onChange, errors, busy, onSend }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`scripts.console.${key}`, values);
  const found = scriptFor(def, kase.state);
  const key = found ? trailKey(kase.id, found.stateId) : null;
  const [trail, setTrail] = useState<ScriptMove[]>(() => (key ? readTrail(key) : []));
  useEffect(() => setTrail(key ? readTrail(key) : []), [key]);
  if (!found || !key) return null;
  const { script } = found;
  const save = (next: ScriptMove[]) => {
    setTrail(next);
    if (next.length > 0) sessionStorage.setItem(key, JSON.stringify(next));
    else sessionStorage.removeItem(key);
  };
  const position = walkScript(script, trail);
  const step = position.current;
  const scope = stageScope(def, kase.state, working);
  const carried = carriedKeys(def, kase.next);
  const action = (type: string) => kase.next.find((n) => n.type === type && n.available && n.allowed);
  const answerLine = (field: string) => t('answer', { field: fieldLabel(def, field), value: show(getAtPointer(working as JsonValue, field), words) });

  let current: ReactNode;
  if (step) {
    const n = script.steps.indexOf(step) + 1;
    const outcome = nextOutcome(script, step, working, (g) => scope.holds(g));
    const taken = outcome.branch === undefined ? null : (step.branches?.[outcome.branch] ?? null);
    const nextEvent = outcome.kind === 'event' ? action(outcome.event) : undefined;
    const goNext = () => {
      if (outcome.kind === 'event') return onSend(outcome.event);
      const move = nextMove(step, outcome);
      if (move) save([...position.trail, move]);
    };
    const actionBranches = choices(step).filter((c) => c.branch.event !== undefined);
    const stepBranches = choices(step).filter((c) => c.branch.goto !== undefined);
    current = (
      <div role="group" aria-label={t('stepOf', { n, total: script.steps.length })} className="script-step">
        <p className="muted">{t('stepOf', { n, total: script.steps.length })}</p>
        <p className="script-say">{step.say}</p>
        {step.ask ? (
          <FormRenderer
            schema={def.data}
            form={questionForm(def, step.ask.field, step.ask.question ?? fieldLabel(def, step.ask.field), carried)}
            value={working}
            onChange={onChange}
            errors={errors}
            scope={scope}
            readOnlyReason={(pointer, cause) => readOnlyReason(def, pointer, cause, words)}
            idPrefix={`script-${step.id}`}
          />
        ) : null}
        {taken ? <p className="muted">{t('nextGoes', { label: taken.label })}</p> : null}
        <div className="button-row">
          {position.trail.length > 0 ? (
            <button type="button" onClick={() => save(back(position.trail))}>
              {t('back')}
            </button>
          ) : null}
          <button type="button" disabled={outcome.kind === 'event' && (busy || !nextEvent)} onClick={goNext}>
            {outcome.kind === 'end' ? t('finish') : t('next')}
          </button>
          {stepBranches.map(({ branch, index }) => (
            <button
              key={`step-${index}`}
              type="button"
              onClick={() => {
                const move = branchMove(script, step, index);
                if (move) save([...position.trail, move]);
              }}
            >
              {branch.label}
            </button>
          ))}
        </div>
        {actionBranches.length > 0 ? (
          <ul className="script-actions">
            {actionBranches.map(({ branch, index }) => {
              const type = branch.event as string;
              const open = action(type);
              const hint = `script-${step.id}-action-${index}`;
              return (
                <li key={`event-${index}`}>
                  <button type="button" disabled={busy || !open} aria-describedby={hint} onClick={() => onSend(type)}>
                    {branch.label}
                  </button>{' '}
                  <span id={hint} className="muted">
                    {open ? t('sends', { title: eventTitle(def, type) }) : t('notOpen')}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    );
  } else {
    current = (
      <div className="script-step">
        <p role="status">{t('ended')}</p>
        <div className="button-row">
          <button type="button" onClick={() => save(back(position.trail))}>
            {t('back')}
          </button>
          <button type="button" onClick={() => save([])}>
            {t('restart')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <section aria-labelledby="script-heading" className="card script-panel">
      <h2 id="script-heading">{t('heading')}</h2>
      {script.title ? <p className="script-title">{script.title}</p> : null}
      {current}
      <section aria-labelledby="script-done-heading" className="script-done">
        <h3 id="script-done-heading">{t('done')}</h3>
        {position.done.length === 0 ? (
          <p className="muted">{t('noneDone')}</p>
        ) : (
          <ol>
            {position.done.map(({ step: s, via }, i) => (
              <li key={`${i}:${s.id}`}>
                {s.say}
                {s.ask ? <span className="script-answer"> — {answerLine(s.ask.field)}</span> : null}
                {via ? <span className="muted"> ({t('via', { label: via.label })})</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
