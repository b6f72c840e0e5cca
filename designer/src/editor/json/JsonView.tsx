// The whole definition as JSON in Monaco, two-way synced: edits apply while the text is valid JSON;
// invalid JSON is reported and never replaces the last good definition.
import { useEffect, useRef, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { monaco } from './monaco-setup.ts';
import { offsetOfPointer } from '../../model/json-locate.ts';
import { useWords } from '../../i18n/use-words.ts';
import { ENGLISH, type Words } from '../../i18n/words.ts';

export function parseDefinition(text: string, words: Words = ENGLISH): { ok: true; def: CaseType } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: words.t('editor.json.invalid', { error: e instanceof Error ? e.message : String(e) }) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: words.t('editor.json.notObject') };
  const o = parsed as Record<string, unknown>;
  if (typeof o.playbook !== 'object' || o.playbook === null || typeof o.data !== 'object' || o.data === null) {
    return { ok: false, message: words.t('editor.json.needsParts') };
  }
  return { ok: true, def: parsed as CaseType };
}

let modelCount = 0;

interface Props {
  def: CaseType;
  edit: (fn: (d: CaseType) => CaseType, key?: string) => void;
  /** A definition pointer to show (from the problems panel). */
  reveal?: string | null;
}

export function JsonView({ def, edit, reveal = null }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const applying = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const editRef = useRef(edit);
  editRef.current = edit;
  const { t, language } = useWords();
  // the editor is made once: its handlers read the current language's words through a ref
  const wordsRef = useRef<Words>({ language, t });
  wordsRef.current = { language, t };

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`inmemory://dossier/${def.key}-${++modelCount}.case.json`);
    const model = monaco.editor.createModel(JSON.stringify(def, null, 2), 'json', uri);
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      tabSize: 2,
      ariaLabel: wordsRef.current.t('editor.json.label'),
      scrollBeyondLastLine: false,
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => {
      if (applying.current) return;
      const r = parseDefinition(model.getValue(), wordsRef.current);
      if (!r.ok) {
        setError(r.message);
        return;
      }
      setError(null);
      editRef.current(() => r.def, 'json');
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // the editor is created once; later definitions flow in through the effect below
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const r = parseDefinition(model.getValue());
    if (r.ok && JSON.stringify(r.def) === JSON.stringify(def)) return;
    if (!r.ok && editor.hasTextFocus()) return; // the user is mid-edit; keep their text
    applying.current = true;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: JSON.stringify(def, null, 2) }], () => null);
    applying.current = false;
    setError(null);
  }, [def]);

  // the editor's name follows a change of language
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: t('editor.json.label') });
  }, [t]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || reveal === null) return;
    const offset = offsetOfPointer(model.getValue(), reveal);
    if (offset < 0) return;
    const pos = model.getPositionAt(offset);
    editor.setPosition(pos);
    editor.revealPositionInCenter(pos);
    editor.focus();
  }, [reveal]);

  return (
    <div className="json-view">
      <p className="muted">{t('editor.json.intro')}</p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : (
        <p role="status" className="ok">
          {t('editor.json.inSync')}
        </p>
      )}
      <div ref={host} className="monaco-host" data-testid="json-editor" />
    </div>
  );
}
