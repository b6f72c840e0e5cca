// Editor state for one case type: the definition with undo/redo, the saved copy, and draft saving.
import { useCallback, useReducer, useRef, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { ApiClient } from '../api/client.ts';
import { createHistory, pushHistory, redo, undo, type History } from '../model/history.ts';

type Action =
  | { type: 'edit'; fn: (def: CaseType) => CaseType; key: string | null }
  | { type: 'replace'; def: CaseType }
  | { type: 'undo' }
  | { type: 'redo' };

function reducer(h: History<CaseType>, a: Action): History<CaseType> {
  switch (a.type) {
    case 'edit':
      return pushHistory(h, a.fn(h.present), a.key);
    case 'replace':
      return createHistory(a.def);
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
    default: {
      const _never: never = a;
      return _never;
    }
  }
}

export type SaveState = { type: 'saved' } | { type: 'unsaved' } | { type: 'saving' } | { type: 'failed'; message: string };

export interface CaseTypeEditor {
  def: CaseType;
  canUndo: boolean;
  canRedo: boolean;
  dirty: boolean;
  save: SaveState;
  /** Applies a pure edit; edits with the same key in a row (typing) are one undo step. */
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
  undo: () => void;
  redo: () => void;
  saveDraft: () => Promise<boolean>;
  /** Puts `def` in place as one undoable edit, already saved as the draft (a version restored from the versions view). */
  restore: (def: CaseType) => void;
}

export function useCaseTypeEditor(api: ApiClient, initial: CaseType): CaseTypeEditor {
  const [history, dispatch] = useReducer(reducer, initial, createHistory);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initial));
  const [saving, setSaving] = useState<SaveState | null>(null);
  const current = useRef(history.present);
  current.current = history.present;
  const dirty = JSON.stringify(history.present) !== savedJson;

  const saveDraft = useCallback(async () => {
    const def = current.current;
    setSaving({ type: 'saving' });
    const r = await api.saveDraft(def);
    if (!r.ok) {
      setSaving({ type: 'failed', message: r.message });
      return false;
    }
    setSavedJson(JSON.stringify(def));
    setSaving(null);
    return true;
  }, [api]);

  const save: SaveState = saving ?? (dirty ? { type: 'unsaved' } : { type: 'saved' });
  return {
    def: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    dirty,
    save: saving?.type === 'failed' && !dirty ? { type: 'saved' } : save,
    edit: useCallback((fn, key) => dispatch({ type: 'edit', fn, key: key ?? null }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    saveDraft,
    restore: useCallback((def: CaseType) => {
      dispatch({ type: 'edit', fn: () => def, key: null });
      setSavedJson(JSON.stringify(def));
      setSaving(null);
    }, []),
  };
}
