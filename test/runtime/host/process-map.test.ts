// The process map against the design for nested and parallel states (docs/reports.md, Process map, "Against the
// design"): the history keys a nested value by its JSON text, the design names bare state ids and `#id` / `.child`
// targets; both compare on the states active in the value, and the canvas draws between state ids.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { activeStates, designedTransitions, processMapReport } from '../../../runtime/host/process-map.ts';
import type { ProcessMapEdgeRow } from '../../../runtime/store/case-store.ts';

const definition = {
  playbook: {
    initial: 'triage',
    states: {
      triage: {
        initial: 'collect',
        states: {
          collect: { on: { COLLECTED: 'check', ESCALATE: '#review' } },
          check: { on: { RECHECK: 'collect' } },
        },
        on: { CLOSE: 'closed', PARK: '.check' },
      },
      review: { type: 'parallel', states: { legal: { initial: 'open', states: { open: { on: { OK: 'ok' } }, ok: {} } }, money: { initial: 'due', states: { due: {} } } } },
      closed: { type: 'final' },
    },
  },
} as unknown as CaseType;

const row = (source: string, event: string, target: string, medianMs: number | null = 1000): ProcessMapEdgeRow => ({ source, event, target, count: 1, cases: 1, revisits: 0, medianMs, p90Ms: medianMs });
const triage = (leaf: string) => JSON.stringify({ triage: leaf });
const review = (legal: string) => JSON.stringify({ review: { legal, money: 'due' } });

describe('process map against a nested and parallel design', () => {
  it('reads the states active in a state key', () => {
    expect(activeStates('closed')).toEqual({ leaves: ['closed'], active: new Set(['closed']) });
    expect(activeStates(review('open'))).toEqual({ leaves: ['open', 'due'], active: new Set(['review', 'legal', 'open', 'money', 'due']) });
  });

  it('names designed targets by state id', () => {
    expect(designedTransitions(definition)).toEqual([
      { source: 'triage', event: 'CLOSE', target: 'closed' },
      { source: 'triage', event: 'PARK', target: 'check' },
      { source: 'collect', event: 'COLLECTED', target: 'check' },
      { source: 'collect', event: 'ESCALATE', target: 'review' },
      { source: 'check', event: 'RECHECK', target: 'collect' },
      { source: 'open', event: 'OK', target: 'ok' },
    ]);
  });

  it('matches nested and parallel history edges to the design, draws them between state ids, and lists only the untaken', () => {
    const report = processMapReport('t', 1, definition, {
      edges: [
        row('', 'case.created', triage('collect'), null),
        row(triage('collect'), 'COLLECTED', triage('check')),
        row(triage('check'), 'CLOSE', 'closed'),
        row(triage('collect'), 'ESCALATE', review('open')),
        row(review('open'), 'OK', review('ok')),
        row(triage('check'), 'UNKNOWN', triage('collect')),
      ],
      nodes: [],
      ends: [],
    });
    const drawn = report.edges.map((e) => [e.event, e.designed, e.sourceState, e.targetState]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(drawn).toEqual([
      ['CLOSE', true, 'triage', 'closed'],
      ['COLLECTED', true, 'collect', 'check'],
      ['ESCALATE', true, 'collect', 'review'],
      ['OK', true, 'open', 'ok'],
      ['UNKNOWN', false, 'check', 'collect'],
    ]);
    expect(report.neverTaken).toEqual([
      { source: 'triage', event: 'PARK', target: 'check' },
      { source: 'check', event: 'RECHECK', target: 'collect' },
    ]);
    expect(report.starts).toEqual([{ state: triage('collect'), cases: 1 }]);
  });
});
