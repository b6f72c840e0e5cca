// The stage view (issue 16): the playbook as its life cycle — stages as columns in the order a case passes
// them, steps as cards, tasks and SLAs in words — beside the same side panel as the canvas. Drawn from
// model/stages.ts; every edit is a model edit (states.ts, stages.ts), so the canvas shows it at once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditProps } from '../editor/edit-props.ts';
import { SidePanel } from '../canvas/SidePanel.tsx';
import { addStage, lifeCycle, moveStep, newStateId } from '../model/stages.ts';
import { findState } from '../model/states.ts';
import { StageColumn } from './StageColumn.tsx';
import { TitleForm } from './TitleForm.tsx';
import { useWords } from '../i18n/use-words.ts';

export function StageView(props: EditProps) {
  const { def, edit, select, selection } = props;
  const words = useWords();
  const { t } = words;
  const stages = useMemo(() => lifeCycle(def, words), [def, words]);
  const board = useRef<HTMLOListElement>(null);
  // a moved step keeps the focus on its button (or the other one when it reached an end)
  const [moved, setMoved] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!moved || !board.current) return;
    setMoved(null);
    const find = (dir: string) => board.current?.querySelector<HTMLButtonElement>(`button[data-move="${dir}:${CSS.escape(moved.id)}"]`);
    const button = find(moved.dir);
    (button && !button.disabled ? button : find(moved.dir === 'up' ? 'down' : 'up'))?.focus();
  }, [moved, stages]);

  const stored = (id: string) => findState(def.playbook, id)?.node.title ?? '';
  const selectedId = selection?.type === 'state' ? selection.id : null;
  const onMove = (id: string, by: -1 | 1) => {
    edit((d) => moveStep(d, id, by));
    setMoved({ id, dir: by < 0 ? 'up' : 'down' });
  };

  return (
    <div className="playbook-view stage-view">
      <div className="stage-board-wrap">
        <p className="muted">{t('stages.view.intro')}</p>
        {stages.length === 0 ? <p>{t('stages.view.empty')}</p> : null}
        <ol className="stage-board" aria-label={t('stages.view.board')} ref={board}>
          {stages.map((stage, i) => (
            <StageColumn key={stage.id} def={def} stage={stage} number={i + 1} stored={stored} selectedId={selectedId} edit={edit} select={select} onMove={onMove} />
          ))}
          <li className="stage-column stage-new">
            <TitleForm
              label={t('stages.view.newStage')}
              button={t('stages.view.addStage')}
              hint={t('stages.view.stageHint')}
              onAdd={(title) => {
                const id = newStateId(def, title, 'stage');
                edit((d) => addStage(d, title, id));
                select({ type: 'state', id });
              }}
            />
          </li>
        </ol>
      </div>
      <SidePanel {...props} />
    </div>
  );
}
