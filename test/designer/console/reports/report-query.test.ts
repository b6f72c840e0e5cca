// The reports area's filters in the address and the window and query they mean (docs/reports.md).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  filtersSearch,
  parseFilters,
  reportQuery,
  reportWindow,
} from '../../../../designer/src/console/reports/report-query.ts';
import { reportPath } from '../../../../designer/src/console/reports/report-api.ts';

const NOW = Date.parse('2026-12-08T02:30:00Z');

describe('the report filters in the address', () => {
  it('are the last 30 days of every case type, queue and channel when the address says nothing', () => {
    expect(parseFilters('')).toEqual(DEFAULT_FILTERS);
    expect(filtersSearch(DEFAULT_FILTERS)).toBe('');
  });

  it('round-trip through the address, defaults left out, so that a link reopens the same view', () => {
    const f = {
      ...DEFAULT_FILTERS,
      window: '7' as const,
      caseType: 'claim',
      version: '2',
      queue: 'backOffice',
      channel: 'phone',
      field: '/severity',
    };
    const search = filtersSearch(f);
    expect(search).toBe(
      '?window=7&caseType=claim&version=2&queue=backOffice&channel=phone&field=%2Fseverity',
    );
    expect(parseFilters(search)).toEqual(f);
  });

  it('keep custom days only with a custom window, and drop an unknown window and a version without a case type', () => {
    expect(filtersSearch({ ...DEFAULT_FILTERS, window: '90', from: '2026-01-01', to: '2026-01-31' })).toBe(
      '?window=90',
    );
    const custom = { ...DEFAULT_FILTERS, window: 'custom' as const, from: '2026-01-01', to: '2026-01-31' };
    expect(parseFilters(filtersSearch(custom))).toEqual(custom);
    expect(parseFilters('?window=365&version=3')).toEqual(DEFAULT_FILTERS);
  });
});

describe('the window of the filters', () => {
  it('is the last 7, 30 or 90 days up to and with today (UTC)', () => {
    expect(reportWindow({ ...DEFAULT_FILTERS, window: '7' }, NOW)).toEqual({
      from: '2026-12-02T00:00:00Z',
      to: '2026-12-09T00:00:00Z',
      firstDay: '2026-12-02',
      lastDay: '2026-12-08',
    });
    expect(reportWindow(DEFAULT_FILTERS, NOW)).toEqual({
      from: '2026-11-09T00:00:00Z',
      to: '2026-12-09T00:00:00Z',
      firstDay: '2026-11-09',
      lastDay: '2026-12-08',
    });
    expect(reportWindow({ ...DEFAULT_FILTERS, window: '90' }, NOW).from).toBe('2026-09-10T00:00:00Z');
  });

  it('is the custom days, both counted; an empty day is the last 30 days bound and a backwards one is passed on for the route to refuse', () => {
    expect(
      reportWindow({ ...DEFAULT_FILTERS, window: 'custom', from: '2026-02-01', to: '2026-02-28' }, NOW),
    ).toEqual({
      from: '2026-02-01T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
    });
    expect(reportWindow({ ...DEFAULT_FILTERS, window: 'custom', from: '2026-12-01' }, NOW).to).toBe(
      '2026-12-09T00:00:00Z',
    );
    expect(
      reportWindow({ ...DEFAULT_FILTERS, window: 'custom', from: '2026-12-05', to: '2026-12-01' }, NOW),
    ).toMatchObject({ from: '2026-12-05T00:00:00Z', to: '2026-12-02T00:00:00Z' });
  });

  it('gives the route query, empty filters left out and a version only with its case type', () => {
    expect(reportQuery({ ...DEFAULT_FILTERS, window: '7', channel: 'email', version: '2' }, NOW)).toEqual({
      from: '2026-12-02T00:00:00Z',
      to: '2026-12-09T00:00:00Z',
      channel: 'email',
    });
    const q = reportQuery(
      { ...DEFAULT_FILTERS, window: '7', caseType: 'claim', version: '2', queue: 'q', tenant: 'acme' },
      NOW,
    );
    expect(q).toEqual({
      from: '2026-12-02T00:00:00Z',
      to: '2026-12-09T00:00:00Z',
      caseType: 'claim',
      version: '2',
      queue: 'q',
      tenant: 'acme',
    });
    expect(reportPath('sla/trend', { ...q, field: '' })).toBe(
      '/api/reports/sla/trend?from=2026-12-02T00%3A00%3A00Z&to=2026-12-09T00%3A00%3A00Z&caseType=claim&version=2&queue=q&tenant=acme',
    );
  });
});
