import { useMemo, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { FormRenderer } from '../../form/FormRenderer.tsx';
import { dataProblems, draftFormScope } from '../../../../runtime/engine/index.ts';
import type { CaseData, JsonValue } from '../../../../runtime/engine/index.ts';
import { errorsByField } from '../../form/field-errors.ts';
import { fieldLabel } from '../../model/field-label.ts';
import { listStates } from '../../model/states.ts';
import { useWords } from '../../i18n/use-words.ts';

/** The live form preview: the production renderer, validating the sample data as you type. */
interface Props {
  def: CaseType;
  edit: (fn: (d: CaseType) => CaseType, key?: string) => void;
  sample: Record<string, unknown>;
  setSample: (s: Record<string, unknown>) => void;
}

export function FormPreview({ def, edit, sample, setSample }: Props) {
  const { t, language } = useWords();
  const states = listStates(def);
  const [state, setState] = useState<string>('');
  const active = state || def.playbook.initial || '';
  const errors = useMemo(() => errorsByField(dataProblems(def.data, sample as JsonValue), (p) => fieldLabel(def, p), { language, t }), [def, sample, language, t]);
  const count = Object.keys(errors).length;
  return (
    <div aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('editor.preview.heading')}</h2>
      {states.length > 0 ? (
        <div className="field">
          <label htmlFor="preview-state">{t('editor.preview.state')}</label>
          <select id="preview-state" value={active} onChange={(e) => setState(e.target.value)}>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.node.title ?? s.id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p role="status" className={count === 0 ? 'ok' : 'muted'}>
        {count === 0 ? t('editor.preview.valid') : t('editor.preview.toFix', { count })}
      </p>
      <FormRenderer schema={def.data} form={def.form} value={sample} onChange={setSample} errors={errors} idPrefix="preview" scope={draftFormScope(def, active || null, sample as CaseData)} />
      <div className="button-row">
        <button type="button" onClick={() => setSample({})}>
          {t('editor.preview.clear')}
        </button>
        <button type="button" onClick={() => edit((d) => ({ ...d, samples: [{ title: 'Sample', data: sample }, ...(d.samples ?? []).slice(1)] }))}>
          {t('editor.preview.keep')}
        </button>
        {def.samples?.[0] ? (
          <button type="button" onClick={() => setSample((def.samples?.[0]?.data as Record<string, unknown>) ?? {})}>
            {t('editor.preview.load')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
