// The contact-reason suggestion beside the case's form (docs/reason-suggestion.md): the suggested value in words
// with how sure the model is, and "Use suggestion", which fills the working copy; the agent sends it as usual
// (or chooses another value), and the server records which.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { getAt, setAt } from '../form/data-path.ts';
import { useWords } from '../i18n/use-words.ts';
import { offersSuggestion, suggestionLines, type CaseSuggestion } from './suggestion-words.ts';

type Data = Record<string, unknown>;

export function ReasonSuggestion({ suggestion, def, saved, working, onChange }: { suggestion: CaseSuggestion | null | undefined; def: CaseType; saved: Data; working: Data; onChange: (next: Data) => void }) {
  const words = useWords();
  if (!offersSuggestion(suggestion, saved)) return null;
  const lines = suggestionLines(suggestion, def, words);
  const filled = getAt(working, suggestion.field) === suggestion.value;
  return (
    <div className="reason-suggestion" role="note" aria-label={lines.label}>
      <p>
        <strong>{lines.line}</strong> <span className="muted">{lines.learned}</span>
      </p>
      {filled ? (
        <p role="status">{words.t('console.suggest.filled')}</p>
      ) : (
        <button type="button" onClick={() => onChange(setAt(working, suggestion.field, suggestion.value))}>
          {words.t('console.suggest.use')}
        </button>
      )}
    </div>
  );
}
