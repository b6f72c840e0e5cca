// Picks a guard: none, a rule, "not" a rule, "in" a state, or a combination (all / any / not, nested) edited
// below the list as groups of conditions; the guard is said in words under it.
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { firstCondition, fromTree, guardInWords, isComposite } from '../model/guard-tree.ts';
import { listStates } from '../model/states.ts';
import { GuardTreeEditor } from './GuardTreeEditor.tsx';
import { useWords } from '../i18n/use-words.ts';

const COMBINE = 'combine';

function encode(g: Guard | undefined, allowStates: boolean): string {
  if (g === undefined) return '';
  if (isComposite(g, allowStates)) return COMBINE;
  if (typeof g === 'string') return `rule:${g}`;
  if ('not' in g && typeof g.not === 'string') return `not:${g.not}`;
  if ('in' in g) return `in:${g.in[0] ?? ''}`;
  return COMBINE;
}

function decode(v: string): Guard | undefined {
  if (v === '') return undefined;
  const [kind, ...rest] = v.split(':');
  const name = rest.join(':');
  if (kind === 'rule') return name;
  if (kind === 'not') return { not: name };
  return { in: [name] };
}

interface Props {
  id: string;
  label: string;
  def: CaseType;
  value: Guard | undefined;
  onChange: (g: Guard | undefined) => void;
  noneLabel: string;
  allowStates?: boolean;
}

export function GuardPicker({ id, label, def, value, onChange, noneLabel, allowStates = false }: Props) {
  const words = useWords();
  const { t } = words;
  const current = encode(value, allowStates);
  const rules = Object.entries(def.rules ?? {});
  const starter = firstCondition(def);
  const combine = () => {
    // start the combination with the guard chosen so far, or with the first condition
    if (value !== undefined) onChange({ all: [value] });
    else if (starter) onChange(fromTree({ kind: 'all', negated: false, items: [starter] }));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current} onChange={(e) => (e.target.value === COMBINE ? combine() : onChange(decode(e.target.value)))}>
        <option value="">{noneLabel}</option>
        {rules.map(([name, r]) => (
          <option key={`rule:${name}`} value={`rule:${name}`}>
            {t('editor.guard.when', { rule: r?.title ?? name })}
          </option>
        ))}
        {rules.map(([name, r]) => (
          <option key={`not:${name}`} value={`not:${name}`}>
            {t('editor.guard.unless', { rule: r?.title ?? name })}
          </option>
        ))}
        {allowStates
          ? listStates(def).map((s) => (
              <option key={`in:${s.id}`} value={`in:${s.id}`}>
                {t('editor.guard.whileIn', { state: s.node.title ?? s.id })}
              </option>
            ))
          : null}
        <option value={COMBINE} disabled={!starter && value === undefined}>
          {t('editor.guard.combination')}
        </option>
      </select>
      {current === COMBINE && value !== undefined ? (
        <>
          <GuardTreeEditor id={`${id}-tree`} label={label} def={def} value={value} onChange={onChange} />
          <p className="muted guard-words">{t('editor.guard.means', { words: guardInWords(def, value, words) })}</p>
        </>
      ) : null}
    </div>
  );
}
