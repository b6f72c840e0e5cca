import type { SaveState } from './useCaseTypeEditor.ts';
import { useWords } from '../i18n/use-words.ts';

/** The visible saved state of the draft. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useWords();
  let text: string;
  switch (state.type) {
    case 'saved':
      text = t('editor.save.saved');
      break;
    case 'unsaved':
      text = t('editor.save.unsaved');
      break;
    case 'saving':
      text = t('editor.save.saving');
      break;
    case 'failed':
      text = t('editor.save.failed', { message: state.message });
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
