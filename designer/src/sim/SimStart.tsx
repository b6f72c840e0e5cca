// Starting a simulated case: from the preview form's data or one of the definition's samples, at a chosen instant.
import { useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { CaseData } from '../../../runtime/engine/index.ts';
import { DEFAULT_SCENARIO_START } from '../../../runtime/scenarios/index.ts';
import { useWords } from '../i18n/use-words.ts';

interface Props {
  def: CaseType;
  preview: Record<string, unknown>;
  onStart: (data: CaseData, at: string) => void;
}

export function SimStart({ def, preview, onStart }: Props) {
  const { t } = useWords();
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
      aria-label={t('sim.start.form')}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onStart(data(), new Date(Date.parse(at)).toISOString());
      }}
    >
      <label>
        {t('sim.start.caseData')}{' '}
        <select value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="preview">{t('sim.start.preview')}</option>
          {(def.samples ?? []).map((s, i) => (
            <option key={i} value={`sample:${i}`}>
              {t('sim.start.sample', { title: s.title ?? t('sim.start.sampleNumber', { number: i + 1 }) })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sim.start.createdAt')}{' '}
        <input value={at} onChange={(e) => setAt(e.target.value)} aria-invalid={!valid} aria-label={t('sim.start.createdAtLabel')} />
      </label>
      {!valid ? <span className="error">{t('sim.start.invalid')}</span> : null}
      <button type="submit" disabled={!valid}>
        {t('sim.start.start')}
      </button>
    </form>
  );
}
