// Every problem of the definition as a sentence, each with a link that selects what it is about.
import { useMemo, type ReactNode } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { listFields } from '../model/fields.ts';
import type { Problem } from '../../../schemas/problems.ts';
import { selectionForPointer, type Selection } from '../model/problem-target.ts';
import { fieldLabel } from '../model/field-label.ts';
import { eventTitle, ruleTitle, stateTitle } from '../model/titles.ts';

/**
 * A problem as a sentence for the analyst: a quoted field pointer of the case data reads as the field's
 * label; other quoted names (the model's own ids, an unknown field's path, a pattern) are shown as code,
 * as the designer shows ids everywhere else.
 */
function sentence(def: CaseType, fields: ReadonlySet<string>, p: Problem): ReactNode[] {
  const m = p.message.trim();
  const s = m.charAt(0).toUpperCase() + m.slice(1);
  const text = /[.!?]$/.test(s) ? s : `${s}.`;
  return text.split(/'([^']+)'/).map((part, i) => {
    if (i % 2 === 0) return part;
    return fields.has(part) ? `“${fieldLabel(def, part)}”` : <code key={i}>{part}</code>;
  });
}

/** Where a problem's link goes, by titles ("field Claim › Amount", "transition Finish from Received"). */
function linkText(def: CaseType, s: Selection): string {
  switch (s.type) {
    case 'field':
      return `field ${fieldLabel(def, s.pointer)}`;
    case 'section':
      return `section ${def.form?.sections?.find((x) => x.id === s.id)?.title ?? s.id}`;
    case 'rule':
      return `rule ${ruleTitle(def, s.name)}`;
    case 'state':
      return `state ${stateTitle([def], s.id)}`;
    case 'transition':
      return `transition ${eventTitle(def, s.event)} from ${stateTitle([def], s.source)}`;
    case 'roles':
      return 'roles and queues';
    case 'sla':
      return `SLA ${def.slas?.[s.name]?.title ?? s.name}`;
    case 'calendar':
      return `calendar ${def.calendars?.[s.name]?.title ?? s.name}`;
    case 'json':
      return s.pointer === '' ? 'the definition' : s.pointer;
    default: {
      const _never: never = s;
      return _never;
    }
  }
}

export function ProblemsPanel({ def, problems, onSelect }: { def: CaseType; problems: Problem[]; onSelect: (s: Selection) => void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const fields = useMemo(() => new Set(listFields(def).map((f) => f.pointer)), [def]);
  return (
    <aside className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        Problems <span className="muted">({errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'})</span>
      </h2>
      {problems.length === 0 ? <p className="ok">No problems.</p> : null}
      <ul>
        {problems.map((p, i) => {
          const target = selectionForPointer(def, p.pointer);
          return (
            <li key={`${p.code}:${p.pointer}:${i}`} className={`problem problem-${p.severity}`}>
              <span className="severity">{p.severity === 'error' ? 'Error' : 'Warning'}:</span> {sentence(def, fields, p)}{' '}
              <button type="button" className="link" onClick={() => onSelect(target)}>
                Go to {linkText(def, target)}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
