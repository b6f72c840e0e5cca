import type { SaveState } from './useCaseTypeEditor.ts';

/** The visible saved state of the draft. */
export function SaveStatus({ state }: { state: SaveState }) {
  let text: string;
  switch (state.type) {
    case 'saved':
      text = 'All changes saved';
      break;
    case 'unsaved':
      text = 'Unsaved changes';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'failed':
      text = `Not saved: ${state.message}`;
      break;
    default: {
      const _never: never = state;
      return _never;
    }
  }
  return (
    <span role="status" aria-live="polite" className={`save-status save-${state.type}`} data-testid="save-status">
      {text}
    </span>
  );
}
