// A rule's JSON Schema in Monaco, for experts: applies while the text is valid JSON, keeps the last good
// schema otherwise, and follows changes made with the visual builder.
import { useEffect, useRef, useState } from 'react';
import type { Rule } from '../../../../schemas/generated/case-type.ts';
import { monaco } from './monaco-setup.ts';
import { useWords } from '../../i18n/use-words.ts';
import { ENGLISH, type Words } from '../../i18n/words.ts';

export function parseRuleSchema(text: string, words: Words = ENGLISH): { ok: true; schema: Rule['schema'] } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: words.t('editor.ruleSchema.invalid', { error: e instanceof Error ? e.message : String(e) }) };
  }
  if (typeof parsed === 'boolean' || (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))) return { ok: true, schema: parsed as Rule['schema'] };
  return { ok: false, message: words.t('editor.ruleSchema.notObject') };
}

let count = 0;

export function RuleSchemaEditor({ name, schema, onChange }: { name: string; schema: Rule['schema']; onChange: (s: Rule['schema']) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const applying = useRef(false);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const initial = useRef(schema);
  const [error, setError] = useState<string | null>(null);
  const { t, language } = useWords();
  // the editor is made once per rule: its handlers read the current language's words through a ref
  const wordsRef = useRef<Words>({ language, t });
  wordsRef.current = { language, t };

  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(JSON.stringify(initial.current, null, 2), 'json', monaco.Uri.parse(`inmemory://dossier/rule-${++count}.json`));
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      tabSize: 2,
      lineNumbers: 'off',
      ariaLabel: wordsRef.current.t('editor.ruleSchema.label', { name }),
      scrollBeyondLastLine: false,
    });
    editorRef.current = editor;
    const sub = model.onDidChangeContent(() => {
      if (applying.current) return;
      const r = parseRuleSchema(model.getValue(), wordsRef.current);
      setError(r.ok ? null : r.message);
      if (r.ok) changeRef.current(r.schema);
    });
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [name]);

  // the editor's name follows a change of language
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: t('editor.ruleSchema.label', { name }) });
  }, [t, name]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const r = parseRuleSchema(model.getValue());
    if (r.ok && JSON.stringify(r.schema) === JSON.stringify(schema)) return;
    if (!r.ok && editorRef.current?.hasTextFocus()) return;
    applying.current = true;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: JSON.stringify(schema, null, 2) }], () => null);
    applying.current = false;
    setError(null);
  }, [schema]);

  return (
    <div>
      <div ref={host} className="monaco-host rule-monaco" data-testid="rule-schema-editor" />
      {error ? <p role="alert" className="error">{error}</p> : null}
    </div>
  );
}
