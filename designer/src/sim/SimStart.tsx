// Starting a simulated case: from the preview form's data or one of the definition's samples, at a chosen instant.
import { useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { CaseData } from '../../../runtime/engine/index.ts';
import { DEFAULT_SCENARIO_START } from '../../../runtime/scenarios/index.ts';

interface Props {
  def: CaseType;
  preview: Record<string, unknown>;
  onStart: (data: CaseData, at: string) => void;
}

export function SimStart({ def, preview, onStart }: Props) {
  const [source, setSource] = useState(def.samples?.length ? 'sample:0' : 'preview');
  const [at, setAt] = useState(DEFAULT_SCENARIO_START.replace('.000', ''));
  const valid = !Number.isNaN(Date.parse(at)) && /Z$|[+-]\d{2}:\d{2}$/.test(at);
  const data = (): CaseData => {
    if (source === 'preview') return structuredClone(preview) as CaseData;
    const i = Number(source.slice('sample:'.length));
    return structuredClone(def.samples?.[i]?.data ?? {}) as CaseData;
  };
  return (
    <form
      className="sim-start"
      aria-label="Start a simulated case"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onStart(data(), new Date(Date.parse(at)).toISOString());
      }}
    >
      <label>
        Case data{' '}
        <select value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="preview">the preview form (Fields and form)</option>
          {(def.samples ?? []).map((s, i) => (
            <option key={i} value={`sample:${i}`}>
              sample: {s.title ?? `sample ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Created at (ISO, UTC){' '}
        <input value={at} onChange={(e) => setAt(e.target.value)} aria-invalid={!valid} aria-label="Created at" />
      </label>
      {!valid ? <span className="error">write an instant such as 2026-01-05T09:00:00Z</span> : null}
      <button type="submit" disabled={!valid}>
        Start case
      </button>
    </form>
  );
}
