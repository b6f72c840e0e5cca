import type { EditProps } from '../editor/edit-props.ts';
import { getTransition } from '../model/transitions.ts';
import { findState, listStates } from '../model/states.ts';
import { RootPanel } from './RootPanel.tsx';
import { StatePanel } from './StatePanel.tsx';
import { TransitionPanel } from './TransitionPanel.tsx';
import { useWords } from '../i18n/use-words.ts';

/** The canvas side panel: the selected state or transition; with nothing selected, the states and the whole playbook. */
export function SidePanel(props: EditProps) {
  const { def, selection } = props;
  const { t } = useWords();
  let body;
  if (selection?.type === 'state' && findState(def.playbook, selection.id)) {
    body = <StatePanel key={selection.id} {...props} id={selection.id} />;
  } else if (selection?.type === 'transition' && getTransition(def, selection)) {
    body = <TransitionPanel key={`${selection.source}:${selection.event}:${selection.index}`} {...props} tref={selection} />;
  } else {
    const states = listStates(def);
    body = (
      <>
        <p className="muted">{t('canvas.side.hint')}</p>
        {states.length === 0 ? <p>{t('canvas.side.noStates')}</p> : null}
        <ul className="tree" aria-label={t('canvas.side.states')}>
          {states.map((s) => (
            <li key={s.id} style={{ paddingLeft: `${s.depth * 1.2}em` }}>
              <button type="button" className="tree-item" onClick={() => props.select({ type: 'state', id: s.id })}>
                {s.node.title ?? s.id}
              </button>
            </li>
          ))}
        </ul>
        <RootPanel def={def} edit={props.edit} select={props.select} />
      </>
    );
  }
  return (
    <aside className="side-panel" aria-label={t('canvas.side.panel')}>
      {body}
    </aside>
  );
}
