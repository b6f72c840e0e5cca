// The two views of the playbook, one model: the canvas (states and transitions) and the stage view (the life cycle).
export type PlaybookMode = 'canvas' | 'stages';

const MODES: { mode: PlaybookMode; label: string }[] = [
  { mode: 'canvas', label: 'Canvas view' },
  { mode: 'stages', label: 'Stage view' },
];

export function PlaybookViewSwitch({ mode, setMode }: { mode: PlaybookMode; setMode: (m: PlaybookMode) => void }) {
  return (
    <div role="group" aria-label="Show the playbook as" className="view-switch">
      {MODES.map((m) => (
        <button key={m.mode} type="button" aria-pressed={mode === m.mode} onClick={() => setMode(m.mode)}>
          {m.label}
        </button>
      ))}
    </div>
  );
}
