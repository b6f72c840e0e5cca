// A chart's table as CSV (RFC 4180) and its file name, with the chart and the window.
import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from '../../../../designer/src/console/reports/report-csv.ts';

describe('the CSV of a chart', () => {
  it('quotes a field with a comma, a quote or a line break, doubling the quotes, and leaves the others bare', () => {
    expect(csvField('billing')).toBe('billing');
    expect(csvField('phone 3 · email 2')).toBe('phone 3 · email 2');
    expect(csvField('1,5')).toBe('"1,5"');
    expect(csvField('the "late" ones')).toBe('"the ""late"" ones"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('writes the header row and the rows, each ended by CRLF', () => {
    expect(
      toCsv(
        ['Case type', 'Met in time', 'Compliance'],
        [
          ['Claim', '3', '75%'],
          ['Complaint, urgent', '1', '—'],
        ],
      ),
    ).toBe('Case type,Met in time,Compliance\r\nClaim,3,75%\r\n"Complaint, urgent",1,—\r\n');
    expect(toCsv(['Agent'], [])).toBe('Agent\r\n');
  });

  it('names the file by the chart and the window', () => {
    expect(csvFileName('SLA compliance', '2026-11-08', '2026-12-07')).toBe(
      'sla-compliance-2026-11-08-to-2026-12-07.csv',
    );
    expect(csvFileName('SLA-naleving', '2026-11-08', '2026-12-07')).toBe(
      'sla-naleving-2026-11-08-to-2026-12-07.csv',
    );
    expect(csvFileName('Doorvoer en behandeltijd per medewerker', '2026-12-01', '2026-12-07')).toBe(
      'doorvoer-en-behandeltijd-per-medewerker-2026-12-01-to-2026-12-07.csv',
    );
    expect(csvFileName('Enquêtes', '2026-12-01', '2026-12-07')).toBe('enquetes-2026-12-01-to-2026-12-07.csv');
    expect(csvFileName('!!!', '2026-12-01', '2026-12-07')).toBe('report-2026-12-01-to-2026-12-07.csv');
  });
});
