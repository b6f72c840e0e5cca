// The reports area's filters: time window (last 7 / 30 / 90 days or custom days), case type, version, queue,
// channel, and, for an admin of tenant `default`, another tenant. Each change goes into the address.
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { FilterSelect } from '../FilterSelect.tsx';
import { titledOptions } from '../../model/pick-options.ts';
import { queueTitle } from '../../model/titles.ts';
import { useWords } from '../../i18n/use-words.ts';
import { channelWords } from '../reasons-report.ts';
import { WINDOW_PRESETS, type ReportFilters, type WindowPreset } from './report-query.ts';

const CHANNELS = ['email', 'web', 'phone', 'letter', 'chat', 'api'];

interface Props {
  filters: ReportFilters;
  onChange: (next: ReportFilters) => void;
  types: readonly CaseType[];
  /** An admin of tenant `default` may read another tenant's reports. */
  otherTenants: boolean;
  days: { firstDay: string; lastDay: string };
}

export function ReportFiltersBar({ filters: f, onChange, types, otherTenants, days }: Props) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.reports.${key}`, values);
  const set = (patch: Partial<ReportFilters>) => onChange({ ...f, ...patch });
  const def = types.find((d) => d.key === f.caseType);
  const latest = def?.version ?? 0;
  const queues = [...new Set((def ? [def] : types).flatMap((d) => Object.keys(d.queues ?? {})))];
  const presetLabel: Record<WindowPreset, string> = {
    '7': t('last7'),
    '30': t('last30'),
    '90': t('last90'),
    custom: t('custom'),
  };
  return (
    <div className="work-filters report-filters" role="group" aria-label={t('filters')}>
      <FilterSelect
        id="reports-window"
        label={t('window')}
        value={f.window}
        // switching to custom days starts from the window shown
        onChange={(v) =>
          set(
            v === 'custom'
              ? { window: 'custom', from: days.firstDay, to: days.lastDay }
              : { window: v as WindowPreset, from: '', to: '' },
          )
        }
        options={WINDOW_PRESETS.map((p) => ({ value: p, label: presetLabel[p] }))}
      />
      {f.window === 'custom' ? (
        <>
          <span className="filter">
            <label htmlFor="reports-from">{t('from')}</label>{' '}
            <input
              id="reports-from"
              type="date"
              value={f.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          </span>
          <span className="filter">
            <label htmlFor="reports-to">{t('to')}</label>{' '}
            <input id="reports-to" type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} />
          </span>
        </>
      ) : null}
      <FilterSelect
        id="reports-case-type"
        label={t('caseType')}
        value={f.caseType}
        onChange={(v) => set({ caseType: v, version: '', field: '' })}
        options={[
          { value: '', label: t('allCaseTypes') },
          ...titledOptions(types.map((d) => ({ value: d.key, title: d.title }))),
        ]}
      />
      {def && latest > 1 ? (
        <FilterSelect
          id="reports-version"
          label={t('version')}
          value={f.version}
          onChange={(v) => set({ version: v })}
          options={[
            { value: '', label: t('allVersions') },
            ...Array.from({ length: latest }, (_, i) => ({
              value: String(latest - i),
              label: t('versionN', { version: latest - i }),
            })),
          ]}
        />
      ) : null}
      <FilterSelect
        id="reports-queue"
        label={t('queue')}
        value={f.queue}
        onChange={(v) => set({ queue: v })}
        options={[
          { value: '', label: t('allQueues') },
          ...queues.map((q) => ({ value: q, label: queueTitle(types, q) })),
        ]}
      />
      <FilterSelect
        id="reports-channel"
        label={t('channel')}
        value={f.channel}
        onChange={(v) => set({ channel: v })}
        options={[
          { value: '', label: t('allChannels') },
          ...CHANNELS.map((c) => ({ value: c, label: channelWords(c, words) })),
        ]}
      />
      {otherTenants ? (
        <span className="filter">
          <label htmlFor="reports-tenant">{t('tenant')}</label>{' '}
          <input
            id="reports-tenant"
            key={f.tenant}
            defaultValue={f.tenant}
            placeholder={t('ownTenant')}
            size={12}
            // applied when the admin leaves the field or presses Enter, not on every key
            onBlur={(e) => set({ tenant: e.target.value.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') set({ tenant: e.currentTarget.value.trim() });
            }}
          />
        </span>
      ) : null}
    </div>
  );
}
