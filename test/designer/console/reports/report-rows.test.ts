// Each report's answer as the table beside its chart, in business words: case-type, SLA, queue and state titles,
// choice values, durations in words, percentages, bucket names; and the chart's series with the same figures.
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../../schemas/generated/case-type.ts';
import { ENGLISH, wordsFor } from '../../../../designer/src/i18n/index.ts';
import {
  agentRows,
  backlogRows,
  bucketLabel,
  channelRows,
  durationWords,
  feedbackEmpty,
  feedbackRows,
  reasonsTrendRows,
  SLA_COLOURS,
  slaRows,
  slaTrendRows,
  stageRows,
} from '../../../../designer/src/console/reports/report-rows.ts';

const claim = {
  key: 'claim',
  title: 'Insurance claim',
  queues: { backOffice: { title: 'Back office', role: 'agent' } },
  slas: { firstAnswer: { title: 'First answer', start: 'created', stop: 'answered', deadline: 'PT8H' } },
  playbook: {
    initial: 'triage',
    states: { triage: { title: 'Triage' }, assess: { title: 'Assessment' }, closed: { type: 'final' } },
  },
} as unknown as CaseType;
const defs = [claim];
const NL = wordsFor('nl');
const sla = {
  caseType: 'claim',
  sla: 'firstAnswer',
  total: 10,
  running: 1,
  paused: 1,
  warning: 0,
  missedGoal: 1,
  breached: 2,
  met: 3,
  metLate: 1,
  cancelled: 1,
  compliance: 3 / 7,
};

describe('the report tables', () => {
  it('SLA compliance: case-type and SLA titles, each outcome, what still runs, compliance as a percentage', () => {
    const { table, chart } = slaRows(
      { items: [sla, { ...sla, caseType: 'gone', sla: 'replyTime', compliance: null }] },
      defs,
      ENGLISH,
    );
    expect(table.columns).toEqual([
      'Case type',
      'SLA',
      'Started',
      'Met in time',
      'Met late',
      'Missed goal',
      'Breached',
      'Still running',
      'Compliance',
    ]);
    expect(table.rows).toEqual([
      ['Insurance claim', 'First answer', '10', '3', '1', '1', '2', '2', '43%'],
      ['Gone', 'Reply time', '10', '3', '1', '1', '2', '2', '—'],
    ]);
    expect(chart.data[0]).toEqual({
      label: 'Insurance claim · First answer',
      met: 3,
      metLate: 1,
      missedGoal: 1,
      breached: 2,
      running: 2,
    });
    expect(chart.series.map((s) => s.color)).toEqual([
      SLA_COLOURS.met,
      SLA_COLOURS.metLate,
      SLA_COLOURS.missedGoal,
      SLA_COLOURS.breached,
      SLA_COLOURS.running,
    ]);
    expect(slaRows({ items: [sla] }, defs, NL).table.rows[0]).toEqual([
      'Insurance claim',
      'First answer',
      '10',
      '3',
      '1',
      '1',
      '2',
      '2',
      '43%',
    ]);
    expect(slaRows({ items: [sla] }, defs, NL).table.columns[3]).toBe('Op tijd gehaald');
  });

  it('SLA over time: a row per bucket named by its day, week or month', () => {
    const { table } = slaTrendRows(
      {
        bucket: 'week',
        items: [{ start: '2026-11-30T00:00:00Z', met: 2, metLate: 0, missedGoal: 1, breached: 3 }],
      },
      ENGLISH,
    );
    expect(table.rows).toEqual([['Week of 30 Nov 2026', '2', '0', '1', '3']]);
    expect(bucketLabel('2026-12-07T00:00:00Z', 'day', ENGLISH)).toBe('7 Dec 2026');
    expect(bucketLabel('2026-12-01T00:00:00Z', 'month', ENGLISH)).toBe('December 2026');
    expect(bucketLabel('2026-12-01T00:00:00Z', 'month', NL)).toBe('december 2026');
    expect(bucketLabel('2026-11-30T00:00:00Z', 'week', NL)).toBe('Week van 30 nov 2026');
  });

  it('backlog: queue and state titles, the count by age, a case without a queue said so', () => {
    const ageing = { under1d: 1, d1to3: 2, d3to7: 0, d7to30: 0, over30d: 1 };
    const { table, chart } = backlogRows(
      {
        asOf: '2026-12-08T00:00:00Z',
        total: 5,
        items: [
          { queue: 'backOffice', state: 'assess', count: 4, ageing, oldestCreatedAt: '2026-10-01T09:00:00Z' },
          {
            queue: null,
            state: 'triage',
            count: 1,
            ageing: { ...ageing, under1d: 1, d1to3: 0, over30d: 0 },
            oldestCreatedAt: null,
          },
        ],
      },
      defs,
      ENGLISH,
    );
    expect(table.columns).toEqual([
      'Queue',
      'State',
      'Open cases',
      'Under 1 day',
      '1–3 days',
      '3–7 days',
      '7–30 days',
      'Over 30 days',
      'Oldest since',
    ]);
    expect(table.rows[0]?.slice(0, 8)).toEqual(['Back office', 'Assessment', '4', '1', '2', '0', '0', '1']);
    expect(table.rows[1]?.slice(0, 3)).toEqual(['No queue', 'Triage', '1']);
    expect(table.rows[1]?.[8]).toBe('—');
    expect(chart.data[0]).toMatchObject({ label: 'Back office · Assessment', under1d: 1, over30d: 1 });
  });

  it('time per stage: the state title, the median and 90th percentile in words', () => {
    const { table, chart } = stageRows(
      {
        items: [
          {
            caseType: 'claim',
            state: 'assess',
            visits: 4,
            completed: 3,
            totalMs: 0,
            averageMs: 0,
            medianMs: 12_000_000,
            p90Ms: 2 * 86_400_000 + 3_600_000,
            current: 1,
          },
        ],
      },
      defs,
      ENGLISH,
    );
    expect(table.rows).toEqual([['Insurance claim', 'Assessment', '4', '3 h 20 min', '2 d 1 h', '1']]);
    expect(chart.data[0]).toMatchObject({ median: 12_000_000 / 3_600_000, p90: 49 });
    expect(chart.series.map((s) => s.label)).toEqual(['Median (hours)', '90th percentile (hours)']);
    // no stage of two hours: the chart in minutes
    const short = stageRows(
      {
        items: [
          {
            caseType: 'claim',
            state: 'triage',
            visits: 1,
            completed: 1,
            totalMs: 0,
            averageMs: 0,
            medianMs: 90_000,
            p90Ms: 600_000,
            current: 0,
          },
        ],
      },
      defs,
      NL,
    ).chart;
    expect(short.series.map((s) => s.label)).toEqual(['Mediaan (minuten)', '90e percentiel (minuten)']);
    expect(short.data[0]).toMatchObject({ median: 1.5, p90: 10 });
    expect(durationWords(null, 'en')).toBe('—');
    expect(durationWords(12_029_000, 'nl')).toBe('3 u 20 min');
    expect(durationWords(42_000, 'en')).toBe('42 s');
  });

  it('reasons over time: a column per top value in words, a zero where a bucket lacks one', () => {
    const { table, chart } = reasonsTrendRows(
      {
        field: '/reason',
        bucket: 'day',
        values: ['billing', null],
        items: [
          { start: '2026-12-06T00:00:00Z', value: 'billing', count: 2 },
          { start: '2026-12-07T00:00:00Z', value: null, count: 1 },
        ],
      },
      ENGLISH,
    );
    expect(table.columns).toEqual(['Period', 'billing', '(empty)']);
    expect(table.rows).toEqual([
      ['6 Dec 2026', '2', '0'],
      ['7 Dec 2026', '0', '1'],
    ]);
    expect(chart.data[1]).toEqual({ label: '7 Dec 2026', s0: 0, s1: 1 });
  });

  it('channels: the channel in words with its share, and the trend by channel', () => {
    const { table, trend } = channelRows(
      {
        total: 4,
        items: [
          { channel: 'phone', count: 3, share: 0.75 },
          { channel: 'api', count: 1, share: 0.25 },
        ],
        trend: {
          bucket: 'day',
          items: [
            { start: '2026-12-07T00:00:00Z', channel: 'phone', count: 3 },
            { start: '2026-12-07T00:00:00Z', channel: 'api', count: 1 },
          ],
        },
      },
      ENGLISH,
    );
    expect(table.rows).toEqual([
      ['phone', '3', '75%'],
      ['API (another system)', '1', '25%'],
    ]);
    expect(trend).toEqual({
      columns: ['Period', 'phone', 'API (another system)'],
      rows: [['7 Dec 2026', '3', '1']],
    });
  });

  it('agents: tasks closed, cases and handling time in words', () => {
    const { table } = agentRows(
      {
        total: 1,
        items: [{ agent: 'ann', tasksClosed: 5, cases: 4, medianHandlingMs: 1_800_000, p90HandlingMs: null }],
      },
      ENGLISH,
    );
    expect(table.columns).toEqual([
      'Agent',
      'Tasks closed',
      'Cases',
      'Median handling time',
      '90th percentile handling time',
    ]);
    expect(table.rows).toEqual([['ann', '5', '4', '30 min', '—']]);
  });

  it('feedback: a summary in words, the responses per score and the average per period', () => {
    const rows = feedbackRows(
      {
        surveys: 10,
        responses: 4,
        responseRate: 0.4,
        averageScore: 4.25,
        scale: { min: 1, max: 5 },
        distribution: [
          { score: 5, count: 2 },
          { score: 4, count: 1 },
          { score: 3, count: 1 },
        ],
        trend: {
          bucket: 'day',
          items: [{ start: '2026-12-07T00:00:00Z', responses: 4, averageScore: 4.25 }],
        },
      },
      NL,
    );
    expect(rows.summary).toBe(
      '4 antwoorden op 10 enquêtes (40%); gemiddelde score 4,3 op een schaal van 1 tot 5.',
    );
    expect(rows.table.rows).toEqual([
      ['5', '2'],
      ['4', '1'],
      ['3', '1'],
    ]);
    expect(rows.trend.rows).toEqual([['7 dec 2026', '4', '4,3']]);
    // the chart's value axis runs over the survey's scale, not over the figures it happens to have
    expect(rows.chart.domain).toEqual([1, 5]);
  });
});

describe('feedbackEmpty', () => {
  const none = { responses: 0, responseRate: 0, averageScore: null, scale: { min: 1, max: 5 }, distribution: [], trend: { bucket: 'day' as const, items: [] } };
  it('is empty only when no survey was sent: surveys sent and none answered is a 0% response rate', () => {
    expect(feedbackEmpty(null)).toBe(true);
    expect(feedbackEmpty({ ...none, surveys: 0, responseRate: null })).toBe(true);
    expect(feedbackEmpty({ ...none, surveys: 3 })).toBe(false);
    expect(feedbackRows({ ...none, surveys: 3 }, NL).summary).toBe('0 antwoorden op 3 enquêtes (0%); gemiddelde score — op een schaal van 1 tot 5.');
  });
});
