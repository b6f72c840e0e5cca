// Picks a guard: none, a rule, "not" a rule, or "in" a state; other guards are kept and shown in words.
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { listStates } from '../model/states.ts';
import { describeGuard } from '../model/rule-check.ts';

function encode(g: Guard | undefined): string {
  if (g === undefined) return '';
  if (typeof g === 'string') return `rule:${g}`;
  if ('not' in g && typeof g.not === 'string') return `not:${g.not}`;
  if ('in' in g && g.in.length === 1) return `in:${g.in[0]}`;
  return 'custom';
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
  const current = encode(value);
  const rules = Object.entries(def.rules ?? {});
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current} onChange={(e) => (e.target.value === 'custom' ? undefined : onChange(decode(e.target.value)))}>
        <option value="">{noneLabel}</option>
        {rules.map(([name, r]) => (
          <option key={`rule:${name}`} value={`rule:${name}`}>
            when {r?.title ?? name}
          </option>
        ))}
        {rules.map(([name, r]) => (
          <option key={`not:${name}`} value={`not:${name}`}>
            unless {r?.title ?? name}
          </option>
        ))}
        {allowStates
          ? listStates(def).map((s) => (
              <option key={`in:${s.id}`} value={`in:${s.id}`}>
                while in {s.node.title ?? s.id}
              </option>
            ))
          : null}
        {current === 'custom' && value !== undefined ? <option value="custom">{describeGuard(value)} (edit in JSON)</option> : null}
      </select>
    </div>
  );
}
