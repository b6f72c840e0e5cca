// New case (intake): pick a case type, fill its intake form (the one FormRenderer, validated live with
// the server's ajv setup), choose the channel; a 422 shows the fields to fix next to them.
import { useMemo, useState } from 'react';
import { navigate } from '../app/router.ts';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { intakeForm } from './stage-form.ts';
import { dataProblems, isMissingProblem } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import { errorsByField } from '../form/field-errors.ts';
import type { ConsoleContext } from './use-console-context.ts';
import type { ConsoleApi } from './console-api.ts';
import { fieldLabel } from '../model/field-label.ts';
import { FilterSelect } from './FilterSelect.tsx';
import { titledOptions } from '../model/pick-options.ts';
import { useWords } from '../i18n/use-words.ts';

/**
 * The channels an agent logs a contact from (docs/api-decisions.md "Channel on every case"): a phone call
 * by default; `api` is for other systems, which open cases through the API themselves.
 */
export const INTAKE_CHANNELS = ['phone', 'email', 'letter', 'chat', 'web'] as const;
type IntakeChannel = (typeof INTAKE_CHANNELS)[number];


export function IntakePage({ api, ctx }: { api: ConsoleApi; ctx: ConsoleContext }) {
  const words = useWords();
  const t = (k: string, values?: Record<string, unknown>) => words.t(`console.intake.${k}`, values);
  const types = [...ctx.types.values()];
  const [key, setKey] = useState(types[0]?.key ?? '');
  const [channel, setChannel] = useState<IntakeChannel>('phone');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const def = ctx.types.get(key);
  const live = useMemo(() => (def ? dataProblems(def.data, data as JsonValue) : []), [def, data]);
  // required fields are flagged after the first attempt; wrong values (format, pattern, length) at once
  const errors = useMemo(() => {
    const shown = errorsByField(live.filter((p) => submitted || !isMissingProblem(p)), (p) => fieldLabel(def ?? null, p), words);
    return { ...shown, ...serverErrors };
  }, [live, submitted, serverErrors, def, words]);

  const chooseChannel = (chosen: string) => {
    const value = INTAKE_CHANNELS.find((c) => c === chosen) ?? 'phone';
    setChannel(value);
    // the data's own channel field, when it offers the same value and is still empty, follows the choice
    const field = def?.data.properties?.channel;
    if (value && field?.enum?.includes(value) && data.channel === undefined) setData({ ...data, channel: value });
  };

  const submit = async () => {
    if (!def) return;
    setSubmitted(true);
    setServerErrors({});
    if (live.length > 0) {
      setMessage(t('fixFirst', { count: live.length }));
      return;
    }
    setBusy(true);
    const r = await api.createCase({ caseType: def.key, data, channel });
    setBusy(false);
    if (r.ok) {
      navigate(`/work/cases/${encodeURIComponent(r.value.id)}`);
      return;
    }
    setServerErrors(errorsByField(r.problems, (p) => fieldLabel(def, p), words));
    setMessage(
      r.problems.length > 0
        ? t('notCreatedFields', { count: r.problems.length, fields: r.problems.map((p) => fieldLabel(def, p.pointer)).join(', ') })
        : t('notCreated', { message: r.message }),
    );
  };

  if (types.length === 0) return <p>{t('noTypes')}</p>;
  return (
    <section aria-labelledby="intake-title" className="intake">
      <h1 id="intake-title">{t('title')}</h1>
      <div className="work-filters">
        <FilterSelect
          id="intake-case-type"
          label={t('caseType')}
          value={key}
          onChange={(value) => {
            setKey(value);
            setData({});
            setSubmitted(false);
            setServerErrors({});
            setMessage(null);
          }}
          options={titledOptions(types.map((d) => ({ value: d.key, title: d.title })))}
        />
        <FilterSelect
          id="intake-channel"
          label={t('channel')}
          value={channel}
          onChange={chooseChannel}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: words.t(`console.channel.${c}`) }))}
        />
      </div>
      {def ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {def.description ? <p className="help">{def.description}</p> : null}
          <FormRenderer schema={def.data} form={intakeForm(def, words)} value={data} onChange={setData} errors={errors} idPrefix="intake" sectionLevel={2} />
          {message ? (
            <p className="error-box" role="alert">
              {message}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {t('create')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
