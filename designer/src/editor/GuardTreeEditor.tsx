// Edits a composite guard as nested groups: "all of" / "any of" these conditions, each condition a rule or
// being in a state, each condition and group negatable ("not"). Every control is named by its place:
// "Guard 2.1 condition" is the first condition of the second item of the guard's group.
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { appendAt, firstCondition, fromTree, nodeAt, removeAt, replaceAt, toTree, type GuardPath, type GuardTree } from '../model/guard-tree.ts';
import { listStates } from '../model/states.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  id: string;
  label: string;
  def: CaseType;
  value: Guard;
  onChange: (g: Guard | undefined) => void;
}

const encodeLeaf = (t: GuardTree): string => (t.kind === 'rule' ? `rule:${t.name}` : t.kind === 'in' ? `in:${t.states.join(',')}` : '');

function decodeLeaf(v: string, negated: boolean): GuardTree {
  const [kind, ...rest] = v.split(':');
  const name = rest.join(':');
  return kind === 'rule' ? { kind: 'rule', negated, name } : { kind: 'in', negated, states: name.split(',') };
}

export function GuardTreeEditor({ id, label, def, value, onChange }: Props) {
  const { t } = useWords();
  const tree = toTree(value);
  const root: GuardTree = tree.kind === 'all' || tree.kind === 'any' ? tree : { kind: 'all', negated: false, items: [tree] };
  const rules = Object.entries(def.rules ?? {});
  const states = listStates(def);
  const write = (t: GuardTree) => onChange(fromTree(t));
  const name = (path: GuardPath) => (path.length === 0 ? label : `${label} ${path.map((i) => i + 1).join('.')}`);
  const domId = (path: GuardPath) => `${id}-${path.join('-') || 'top'}`;
  const starter = firstCondition(def);

  const render = (node: GuardTree, path: GuardPath) => {
    const n = name(path);
    const negate = (
      <label className="inline">
        <input type="checkbox" checked={node.negated} onChange={(e) => write(replaceAt(root, path, { ...node, negated: e.target.checked }))} aria-label={t('editor.guardTree.negated', { name: n })} />{' '}
        {t('editor.guardTree.not')}
      </label>
    );
    const remove =
      path.length > 0 ? (
        <button type="button" onClick={() => write(removeAt(root, path))}>
          {t('editor.guardTree.remove', { name: n })}
        </button>
      ) : null;
    if (node.kind === 'all' || node.kind === 'any') {
      return (
        <div role="group" aria-label={t('editor.guardTree.conditions', { name: n })} className="guard-group">
          <span className="field inline">
            <label htmlFor={`${domId(path)}-combines`}>{t('editor.guardTree.combines', { name: n })}</label>
            <select id={`${domId(path)}-combines`} value={node.kind} onChange={(e) => write(replaceAt(root, path, { ...node, kind: e.target.value as 'all' | 'any' }))}>
              <option value="all">{t('editor.guardTree.all')}</option>
              <option value="any">{t('editor.guardTree.any')}</option>
            </select>
          </span>
          {negate}
          {remove}
          <ul className="plain guard-items">
            {node.items.map((item, i) => (
              <li key={i}>{render(item, [...path, i])}</li>
            ))}
          </ul>
          {starter ? (
            <span className="button-row">
              <button type="button" onClick={() => write(appendAt(root, path, starter))}>
                {t('editor.guardTree.addCondition', { name: n })}
              </button>
              <button type="button" onClick={() => write(appendAt(root, path, { kind: 'any', negated: false, items: [starter] }))}>
                {t('editor.guardTree.addGroup', { name: n })}
              </button>
            </span>
          ) : null}
        </div>
      );
    }
    const current = encodeLeaf(node);
    const known = rules.some(([r]) => `rule:${r}` === current) || states.some((s) => `in:${s.id}` === current);
    return (
      <span className="guard-condition">
        <span className="field inline">
          <label htmlFor={`${domId(path)}-condition`}>{t('editor.guardTree.condition', { name: n })}</label>
          <select id={`${domId(path)}-condition`} value={current} onChange={(e) => write(replaceAt(root, path, decodeLeaf(e.target.value, node.negated)))}>
            {known ? null : <option value={current}>{node.kind === 'in' ? t('editor.guardTree.inState', { state: node.states.join(` ${t('common.or')} `) }) : current.replace(/^rule:/, '')}</option>}
            {rules.map(([r, rule]) => (
              <option key={r} value={`rule:${r}`}>
                {rule?.title ?? r}
              </option>
            ))}
            {states.map((s) => (
              <option key={s.id} value={`in:${s.id}`}>
                {t('editor.guardTree.inState', { state: s.node.title ?? s.id })}
              </option>
            ))}
          </select>
        </span>
        {negate}
        {remove}
      </span>
    );
  };
  // a lone condition was wrapped in a group for editing: its first write keeps the group
  return <div className="guard-tree">{render(nodeAt(root, []) ?? root, [])}</div>;
}
