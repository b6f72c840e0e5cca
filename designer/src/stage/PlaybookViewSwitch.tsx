// The two views of the playbook, one model: the canvas (states and transitions) and the stage view (the life cycle).
import { useWords } from '../i18n/use-words.ts';

export type PlaybookMode = 'canvas' | 'stages';

const MODES: readonly PlaybookMode[] = ['canvas', 'stages'];

export function PlaybookViewSwitch({ mode, setMode }: { mode: PlaybookMode; setMode: (m: PlaybookMode) => void }) {
  const { t } = useWords();
  return (
    <div role="group" aria-label={t('stages.switch.label')} className="view-switch">
      {MODES.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
          {t(`stages.switch.${m}`)}
        </button>
      ))}
    </div>
  );
}
