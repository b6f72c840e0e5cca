// The process map's words and shapes (GET /api/reports/process-map, docs/reports.md): state keys and events in
// the case type's words (titles, never ids), an edge's label ("42 cases · median 3 h"), the time windows
// offered. Pure: no React, no DOM.
import type { CaseType, StateNode } from '../../../schemas/generated/case-type.ts';
import { formatNumber, formatSpan } from '../i18n/index.ts';
import type { Words } from '../i18n/words.ts';
import { transitionLabel } from '../canvas/edge-labels.ts';

export interface MapEdgeKey {
  source: string;
  event: string;
  target: string;
}

export interface MapEdge extends MapEdgeKey {
  count: number;
  cases: number;
  medianMs: number | null;
  p90Ms: number | null;
  revisits: number;
  loop: boolean;
  designed: boolean;
  /** The playbook states (canvas node ids) the edge is drawn between: a nested or parallel value's leaf, or the designed transition's states. */
  sourceState: string;
  targetState: string;
}

export interface ProcessMap {
  caseType: string;
  version: number;
  nodes: { state: string; visits: number; cases: number }[];
  starts: { state: string; cases: number }[];
  ends: { state: string; cases: number }[];
  edges: MapEdge[];
  neverTaken: MapEdgeKey[];
  loops: MapEdgeKey[];
  slowest: (MapEdgeKey & { medianMs: number }) | null;
}

export interface MapCase {
  caseId: string;
  reference: string | null;
  seq: number;
  at: string;
  ms: number | null;
}

export const edgeKey = (e: MapEdgeKey): string => JSON.stringify([e.source, e.event, e.target]);

/** The time windows offered, in days back from now ('' is all time, at most the report's three years). */
export const WINDOWS = ['7', '30', '90', '365', ''] as const;

/** The page's filters, kept in the address as the reports area keeps its own (reports/report-query.ts):
 * `?window=7|30|90|365|all&caseType=…&version=…&queue=…&channel=…`, defaults left out. */
export interface MapFilters {
  /** Days back from now, '' for all time. */
  days: string;
  caseType: string;
  version: string;
  queue: string;
  channel: string;
}

const DEFAULT_DAYS = '30';

/** The filters of an address's query; a window not offered is the default, a version without a case type none. */
export function parseMapFilters(search: string): MapFilters {
  const params = new URLSearchParams(search);
  const window = params.get('window');
  const days = window === 'all' ? '' : window !== null && window !== '' && (WINDOWS as readonly string[]).includes(window) ? window : DEFAULT_DAYS;
  const caseType = params.get('caseType') ?? '';
  return { days, caseType, version: caseType === '' ? '' : (params.get('version') ?? ''), queue: params.get('queue') ?? '', channel: params.get('channel') ?? '' };
}

/** The address query of the filters ('' when all are defaults). */
export function mapFiltersSearch(f: MapFilters): string {
  const params = new URLSearchParams();
  if (f.days !== DEFAULT_DAYS) params.set('window', f.days === '' ? 'all' : f.days);
  for (const key of ['caseType', 'version', 'queue', 'channel'] as const) if (f[key] !== '') params.set(key, f[key]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The window's `from` (and no `to`: up to now), or none for all time. */
export function windowFrom(days: string, now: number): string | undefined {
  return days === '' ? undefined : new Date(now - Number(days) * 86_400_000).toISOString();
}

function titles(def: CaseType): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (states: Record<string, StateNode | undefined> | undefined) => {
    for (const [id, node] of Object.entries(states ?? {})) {
      if (!node) continue;
      out.set(id, node.title ?? id);
      visit(node.states);
    }
  };
  visit(def.playbook.states);
  return out;
}

/** A state key in words: its title; for a nested or parallel value (its JSON text), the titles of its states. */
export function stateTitle(def: CaseType, key: string): string {
  const byId = titles(def);
  if (byId.has(key)) return byId.get(key) as string;
  let value: unknown;
  try {
    value = JSON.parse(key);
  } catch {
    return key;
  }
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(byId.get(v) ?? v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const inner: string[] = [];
        const before = parts.length;
        walk(child);
        inner.push(...parts.splice(before));
        parts.push(inner.length > 0 ? `${byId.get(k) ?? k}: ${inner.join(', ')}` : (byId.get(k) ?? k));
      }
    }
  };
  walk(value);
  return parts.length > 0 ? parts.join(' · ') : key;
}

/** An event in words: its title (the event's name when untitled). */
export function eventTitle(def: CaseType, event: string, words: Words): string {
  return transitionLabel(def, event, undefined, words);
}

export function duration(ms: number | null, words: Words): string {
  return ms === null ? '—' : formatSpan(ms, words.language);
}

/** "42 cases · median 3 h" (or "45 times by 42 cases · …" when some case took it more than once). */
export function edgeLabel(edge: MapEdge, words: Words): string {
  const t = (key: string, values: Record<string, unknown>) => words.t(`processMap.${key}`, values);
  const taken = edge.count === edge.cases ? t('casesCount', { count: edge.cases, n: formatNumber(edge.cases, words.language) }) : t('timesByCases', { count: edge.count, n: formatNumber(edge.count, words.language), cases: formatNumber(edge.cases, words.language) });
  return edge.medianMs === null ? taken : t('labelWithMedian', { taken, median: duration(edge.medianMs, words) });
}

/** The stroke width of an edge: 1.5 to 8 px, by its count against the most taken edge's. */
export function edgeWidth(count: number, most: number): number {
  return most <= 0 ? 1.5 : 1.5 + 6.5 * Math.sqrt(count / most);
}
