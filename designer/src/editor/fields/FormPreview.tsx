import { useMemo, useState } from 'react';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { FormRenderer } from '../../form/FormRenderer.tsx';
import { dataProblems, draftFormScope } from '../../../../runtime/engine/index.ts';
import type { CaseData, JsonValue } from '../../../../runtime/engine/index.ts';
import { errorsByField } from '../../form/field-errors.ts';
import { fieldLabel } from '../../model/field-label.ts';
import { listStates } from '../../model/states.ts';

/** The live form preview: the production renderer, validating the sample data as you type. */
interface Props {
  def: CaseType;
  edit: (fn: (d: CaseType) => CaseType, key?: string) => void;
  sample: Record<string, unknown>;
  setSample: (s: Record<string, unknown>) => void;
}

export function FormPreview({ def, edit, sample, setSample }: Props) {
  const states = listStates(def);
  const [state, setState] = useState<string>('');
  const active = state || def.playbook.initial || '';
  const errors = useMemo(() => errorsByField(dataProblems(def.data, sample as JsonValue), (p) => fieldLabel(def, p)), [def, sample]);
  const count = Object.keys(errors).length;
  return (
    <div aria-labelledby="preview-heading">
      <h2 id="preview-heading">Form preview</h2>
      {states.length > 0 ? (
        <div className="field">
          <label htmlFor="preview-state">Preview as the case is in</label>
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
        {count === 0 ? 'The sample data is valid.' : `${count} field${count === 1 ? '' : 's'} to fix in the sample data.`}
      </p>
      <FormRenderer schema={def.data} form={def.form} value={sample} onChange={setSample} errors={errors} idPrefix="preview" scope={draftFormScope(def, active || null, sample as CaseData)} />
      <div className="button-row">
        <button type="button" onClick={() => setSample({})}>
          Clear sample data
        </button>
        <button type="button" onClick={() => edit((d) => ({ ...d, samples: [{ title: 'Sample', data: sample }, ...(d.samples ?? []).slice(1)] }))}>
          Keep as the case type's sample
        </button>
        {def.samples?.[0] ? (
          <button type="button" onClick={() => setSample((def.samples?.[0]?.data as Record<string, unknown>) ?? {})}>
            Load the saved sample
          </button>
        ) : null}
      </div>
    </div>
  );
}
