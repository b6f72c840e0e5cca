// Every problem of the definition as a sentence, each with a link that selects what it is about.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Problem } from '../../../schemas/problems.ts';
import { selectionForPointer, type Selection } from '../model/problem-target.ts';

function sentence(p: Problem): string {
  const m = p.message.trim();
  const s = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function linkText(s: Selection): string {
  switch (s.type) {
    case 'field':
      return `field ${s.pointer}`;
    case 'section':
      return `section ${s.id}`;
    case 'rule':
      return `rule ${s.name}`;
    case 'state':
      return `state ${s.id}`;
    case 'transition':
      return `transition ${s.event} from ${s.source}`;
    case 'roles':
      return 'roles and queues';
    case 'sla':
      return `SLA ${s.name}`;
    case 'calendar':
      return `calendar ${s.name}`;
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
              <span className="severity">{p.severity === 'error' ? 'Error' : 'Warning'}:</span> {sentence(p)}{' '}
              <button type="button" className="link" onClick={() => onSelect(target)}>
                Go to {linkText(target)}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
