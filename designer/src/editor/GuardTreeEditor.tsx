// Edits a composite guard as nested groups: "all of" / "any of" these conditions, each condition a rule or
// being in a state, each condition and group negatable ("not"). Every control is named by its place:
// "Guard 2.1 condition" is the first condition of the second item of the guard's group.
import type { CaseType, Guard } from '../../../schemas/generated/case-type.ts';
import { appendAt, firstCondition, fromTree, nodeAt, removeAt, replaceAt, toTree, type GuardPath, type GuardTree } from '../model/guard-tree.ts';
import { listStates } from '../model/states.ts';

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
        <input type="checkbox" checked={node.negated} onChange={(e) => write(replaceAt(root, path, { ...node, negated: e.target.checked }))} aria-label={`${n} is negated (not)`} /> not
      </label>
    );
    const remove =
      path.length > 0 ? (
        <button type="button" onClick={() => write(removeAt(root, path))}>
          Remove {n}
        </button>
      ) : null;
    if (node.kind === 'all' || node.kind === 'any') {
      return (
        <div role="group" aria-label={`${n} conditions`} className="guard-group">
          <span className="field inline">
            <label htmlFor={`${domId(path)}-combines`}>{n} combines</label>
            <select id={`${domId(path)}-combines`} value={node.kind} onChange={(e) => write(replaceAt(root, path, { ...node, kind: e.target.value as 'all' | 'any' }))}>
              <option value="all">all of these hold</option>
              <option value="any">any of these holds</option>
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
                Add a condition to {n}
              </button>
              <button type="button" onClick={() => write(appendAt(root, path, { kind: 'any', negated: false, items: [starter] }))}>
                Add a group to {n}
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
          <label htmlFor={`${domId(path)}-condition`}>{n} condition</label>
          <select id={`${domId(path)}-condition`} value={current} onChange={(e) => write(replaceAt(root, path, decodeLeaf(e.target.value, node.negated)))}>
            {known ? null : <option value={current}>{node.kind === 'in' ? `in ${node.states.join(' or ')}` : current.replace(/^rule:/, '')}</option>}
            {rules.map(([r, rule]) => (
              <option key={r} value={`rule:${r}`}>
                {rule?.title ?? r}
              </option>
            ))}
            {states.map((s) => (
              <option key={s.id} value={`in:${s.id}`}>
                in {s.node.title ?? s.id}
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
