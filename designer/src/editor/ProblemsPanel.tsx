// Every problem of the definition as a sentence, each with a link that selects what it is about.
import { useMemo, type ReactNode } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { listFields } from '../model/fields.ts';
import type { Problem } from '../../../schemas/problems.ts';
import { selectionForPointer, type Selection } from '../model/problem-target.ts';
import { fieldLabel } from '../model/field-label.ts';
import { eventTitle, idWords, ruleTitle, stateTitle } from '../model/titles.ts';
import { useWords } from '../i18n/use-words.ts';
import type { Translate } from '../i18n/i18n.ts';

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
function linkText(def: CaseType, s: Selection, t: Translate): string {
  switch (s.type) {
    case 'field':
      return t('editor.problems.target.field', { label: fieldLabel(def, s.pointer) });
    case 'section':
      return t('editor.problems.target.section', { title: def.form?.sections?.find((x) => x.id === s.id)?.title ?? s.id });
    case 'rule':
      return t('editor.problems.target.rule', { title: ruleTitle(def, s.name) });
    case 'state':
      return t('editor.problems.target.state', { title: stateTitle([def], s.id) });
    case 'transition':
      return t('editor.problems.target.transition', { event: eventTitle(def, s.event), state: stateTitle([def], s.source) });
    case 'roles':
      return t('editor.problems.target.roles');
    case 'sla':
      return t('editor.problems.target.sla', { title: def.slas?.[s.name]?.title ?? s.name });
    case 'calendar':
      return t('editor.problems.target.calendar', { title: def.calendars?.[s.name]?.title ?? s.name });
    case 'translations':
      return t('editor.problems.target.translations', { language: t(`translations.languageName.${s.language}`, { defaultValue: s.language }) });
    case 'message':
      return t('editor.problems.target.message', { title: def.messages?.[s.name]?.title ?? idWords(s.name) });
    case 'json':
      return s.pointer === '' ? t('editor.problems.target.definition') : s.pointer;
    default: {
      const _never: never = s;
      return _never;
    }
  }
}

export function ProblemsPanel({ def, problems, onSelect }: { def: CaseType; problems: Problem[]; onSelect: (s: Selection) => void }) {
  const { t } = useWords();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const fields = useMemo(() => new Set(listFields(def).map((f) => f.pointer)), [def]);
  return (
    <aside className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        {t('editor.problems.title')}{' '}
        <span className="muted">{t('editor.problems.counts', { errors: t('editor.problems.errors', { count: errors }), warnings: t('editor.problems.warnings', { count: warnings }) })}</span>
      </h2>
      {problems.length === 0 ? <p className="ok">{t('editor.problems.none')}</p> : null}
      <ul>
        {problems.map((p, i) => {
          const target = selectionForPointer(def, p.pointer);
          return (
            <li key={`${p.code}:${p.pointer}:${i}`} className={`problem problem-${p.severity}`}>
              <span className="severity">{t(p.severity === 'error' ? 'editor.problems.error' : 'editor.problems.warning')}</span>{' '}
              {/* the validator's sentence is English in every language (also what `dossier validate` prints): marked as such */}
              <span lang="en">{sentence(def, fields, p)}</span>{' '}
              <button type="button" className="link" onClick={() => onSelect(target)}>
                {t('editor.problems.goTo', { target: linkText(def, target, t) })}
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
