// The reports area's filters, kept in the address (`/work/reports?window=30&caseType=claim`) so that a link
// reopens the same view, and the query every report route takes from them (docs/reports.md). Pure.

export type WindowPreset = '7' | '30' | '90' | 'custom';
export const WINDOW_PRESETS: readonly WindowPreset[] = ['7', '30', '90', 'custom'];

export interface ReportFilters {
  window: WindowPreset;
  /** Custom window: first and last day (YYYY-MM-DD, UTC), both counted. */
  from: string;
  to: string;
  caseType: string;
  version: string;
  queue: string;
  channel: string;
  /** Another tenant, for an admin of tenant `default` only. */
  tenant: string;
  /** The field the contact reasons count by (a JSON pointer; the route's default `/reason` when empty). */
  field: string;
}

export const DEFAULT_FILTERS: ReportFilters = {
  window: '30',
  from: '',
  to: '',
  caseType: '',
  version: '',
  queue: '',
  channel: '',
  tenant: '',
  field: '',
};

const KEYS = ['window', 'from', 'to', 'caseType', 'version', 'queue', 'channel', 'tenant', 'field'] as const;
const DAY = 86_400_000;

/** The filters of an address's query (`?window=7&caseType=claim`); anything unknown is left out. */
export function parseFilters(search: string): ReportFilters {
  const params = new URLSearchParams(search);
  const f: ReportFilters = { ...DEFAULT_FILTERS };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value !== null) f[key] = value as never;
  }
  if (!WINDOW_PRESETS.includes(f.window)) f.window = DEFAULT_FILTERS.window;
  // a version belongs to a case type
  if (f.caseType === '') f.version = '';
  return f;
}

/** The address query of the filters (`?window=7&caseType=claim`), defaults left out; '' when all are defaults. */
export function filtersSearch(f: ReportFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (key === 'from' || key === 'to') {
      if (f.window === 'custom' && f[key] !== '') params.set(key, f[key]);
    } else if (f[key] !== DEFAULT_FILTERS[key]) params.set(key, f[key]);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A day (YYYY-MM-DD) of an instant, in UTC. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The window `[from, to)` the filters mean at `now`, as RFC 3339 instants, and its days (`firstDay`, `lastDay`,
 * both counted): the last 7, 30 or 90 days up to and with today (UTC), or the custom days. A custom day left
 * empty falls back to the last 30 days' bound; an unreadable one is passed on as written so that the route
 * names it (422).
 */
export function reportWindow(
  f: ReportFilters,
  now: number,
): { from: string; to: string; firstDay: string; lastDay: string } {
  const tomorrow = Math.floor(now / DAY) * DAY + DAY;
  const days = f.window === 'custom' ? 30 : Number(f.window);
  let firstDay = dayOf(tomorrow - days * DAY);
  let lastDay = dayOf(tomorrow - DAY);
  if (f.window === 'custom') {
    if (f.from !== '') firstDay = f.from;
    if (f.to !== '') lastDay = f.to;
  }
  const next = Date.parse(`${lastDay}T00:00:00Z`);
  return {
    from: /^\d{4}-\d{2}-\d{2}$/.test(firstDay) ? `${firstDay}T00:00:00Z` : firstDay,
    to: Number.isNaN(next) ? lastDay : new Date(next + DAY).toISOString().replace('.000Z', 'Z'),
    firstDay,
    lastDay,
  };
}

/** The query of the report routes for the filters at `now` (empty filters left out). */
export function reportQuery(f: ReportFilters, now: number): Record<string, string> {
  const { from, to } = reportWindow(f, now);
  const q: Record<string, string> = { from, to };
  if (f.caseType !== '') q.caseType = f.caseType;
  if (f.caseType !== '' && f.version !== '') q.version = f.version;
  if (f.queue !== '') q.queue = f.queue;
  if (f.channel !== '') q.channel = f.channel;
  if (f.tenant !== '') q.tenant = f.tenant;
  return q;
}
